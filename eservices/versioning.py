"""Online services and integrated bundles follow their procedure to its new version.

When a version comes into force (``procedures.signals.version_in_force``), every service on an older published
version of the procedure moves onto it, so a new filing gets the new time limit, fees and paper list; records filed
before keep the version they were filed under (``Record.procedure_version``). The papers a service points at (the
one its e-form replaces, those registry data replace) are matched in the new version by name.

What the new version changes in what the e-form must ask (a new required paper, a changed declaration form, changed
conditions) cannot be decided here: the service is held from online filing, with the list of what to review, until
an administrator marks it reviewed (``mark_reviewed``). A bundle is held when a time limit it sets for one of its
procedures was set against the old version's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from procedures.constants import VersionStatus
from procedures.models import ProcedureVersion
from procedures.signals import Notice, version_in_force, version_scheduled
from procedures.text import fold

from .models import BundleMember, IntegratedService, OnlineService

# Sent for each service moved onto a new version, inside the transaction that switches it: ``service``, ``old``,
# ``new``. The filing layer moves its drafts along (``records.drafts.follow_new_version``).
service_moved = Signal()


@dataclass
class Changes:
    """What a new version changes for one service: ``review`` holds it, ``moved`` is only said."""

    review: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    return " ".join(fold(name).split())


def matching_components(old: ProcedureVersion, new: ProcedureVersion) -> dict:
    """``{old component pk: the new version's component of the same name}``, for the papers both versions ask for."""
    after = {_key(c.name): c for c in new.components.all()}
    return {c.pk: after[_key(c.name)] for c in old.components.all() if _key(c.name) in after}


def papers_on(service: OnlineService, version: ProcedureVersion) -> tuple[int | None, dict[int, str]]:
    """The paper the service's e-form replaces and those data replace (``{component id: source}``), as papers of
    ``version``: a record filed under an older version than the service's now reads what it was filed with."""
    replacements = {r.component_id: r.source for r in service.replacements.all()}
    if version.pk == service.version_id:
        return service.form_component_id, replacements
    back = {new.pk: old_pk for old_pk, new in matching_components(version, service.version).items()}
    return back.get(service.form_component_id), {back[pk]: source for pk, source in replacements.items() if pk in back}


def compare(service: OnlineService, old: ProcedureVersion, new: ProcedureVersion) -> Changes:
    """What moving ``service`` from ``old`` to ``new`` changes, in an administrator's words."""
    changes = Changes()
    before = {_key(c.name): c for c in old.components.all()}
    after = {_key(c.name): c for c in new.components.all()}
    if old.processing_days != new.processing_days:
        changes.moved.append(
            _("thời hạn giải quyết %(old)s → %(new)s ngày làm việc")
            % {"old": old.processing_days or "—", "new": new.processing_days or "—"}
        )
    old_fees, new_fees = _online_fees(old), _online_fees(new)
    if old_fees != new_fees:
        changes.moved.append(
            _("phí, lệ phí nộp trực tuyến %(old)s → %(new)s đồng")
            % {"old": f"{old_fees:,}".replace(",", "."), "new": f"{new_fees:,}".replace(",", ".")}
        )
    form_key = _key(service.form_component.name) if service.form_component_id else None
    for key, component in after.items():
        if not component.mandatory or key == form_key:
            continue
        if key not in before:
            changes.review.append(
                _(
                    "thành phần hồ sơ bắt buộc mới “%(name)s”: xem tờ khai điện tử có cần hỏi thêm thông tin không, "
                    "và giấy tờ này có được thay bằng dữ liệu dân cư hay ví VNeID không"
                )
                % {"name": component.name}
            )
        elif not before[key].mandatory:
            changes.review.append(
                _("“%(name)s” nay là thành phần hồ sơ bắt buộc: xem tờ khai điện tử có cần hỏi thêm thông tin không")
                % {"name": component.name}
            )
    for key, component in before.items():
        if key not in after and key != form_key:
            changes.moved.append(_("bỏ thành phần hồ sơ “%(name)s”") % {"name": component.name})
    if form_key is not None:
        if form_key not in after:
            changes.review.append(
                _(
                    "tờ khai “%(name)s” mà tờ khai điện tử thay thế không còn trong phiên bản mới: chọn lại thành "
                    "phần hồ sơ được thay và rà soát các trường của tờ khai điện tử"
                )
                % {"name": service.form_component.name}
            )
        elif (before[form_key].template_name, before[form_key].template_file) != (
            after[form_key].template_name,
            after[form_key].template_file,
        ):
            changes.review.append(
                _(
                    "mẫu tờ khai “%(name)s” đã đổi (“%(old)s” → “%(new)s”): rà soát các trường của tờ khai điện "
                    "tử theo mẫu mới"
                )
                % {
                    "name": after[form_key].name,
                    "old": before[form_key].template_name or "—",
                    "new": after[form_key].template_name or "—",
                }
            )
    if " ".join(old.requirements.split()) != " ".join(new.requirements.split()):
        changes.review.append(
            _("yêu cầu, điều kiện thực hiện đã đổi: rà soát các câu hỏi điều kiện và các trường của tờ khai điện tử")
        )
    if set(old.applicant_types or []) != set(new.applicant_types or []):
        changes.review.append(_("đối tượng thực hiện đã đổi: rà soát tờ khai điện tử"))
    for replacement in service.replacements.all():
        if _key(replacement.component.name) not in after:
            changes.moved.append(
                _("bỏ dữ liệu thay thế cho “%(name)s” (giấy tờ không còn trong phiên bản mới)")
                % {"name": replacement.component.name}
            )
    return changes


def _online_fees(version: ProcedureVersion) -> int:
    return sum(fee.amount_online for fee in version.fees.all())


def _services_before(procedure, new: ProcedureVersion):
    """Services of the procedure on a published version that ``new`` replaces (a service being prepared on a
    draft, or on a version coming into force later, stays where it is)."""
    return (
        OnlineService.objects.filter(
            version__procedure=procedure,
            version__status=VersionStatus.PUBLISHED,
            version__effective_from__lte=new.effective_from,
        )
        .exclude(version=new)
        .select_related("version", "form_component")
        .prefetch_related("replacements__component")
        .order_by("name", "pk")
    )


def _move(service: OnlineService, new: ProcedureVersion, changes: Changes) -> None:
    after = {_key(c.name): c for c in new.components.all()}
    if service.form_component_id:
        service.form_component = after.get(_key(service.form_component.name))
    for replacement in service.replacements.all():
        component = after.get(_key(replacement.component.name))
        if component is None:
            replacement.delete()
        else:
            replacement.component = component
            replacement.save(update_fields=["component"])
    service.version = new
    if changes.review:
        service.held_since = service.held_since or timezone.now()
        service.review_notes = [*service.review_notes, *changes.review]
    service.save()


def _time_limits_to_review(bundle: IntegratedService, moved: dict) -> list[str]:
    """Time limits the bundle sets for a moved service's procedure, set against the old version's."""
    notes = []
    for member in bundle.bundle_members.select_related("service"):
        old = moved.get(member.service_id)
        if (
            old is None
            or member.processing_days is None
            or old.processing_days == member.service.version.processing_days
        ):
            continue
        notes.append(
            _(
                "thời hạn của “%(service)s” trong liên thông là %(days)s ngày làm việc, đặt khi thời hạn của thủ "
                "tục là %(old)s ngày; phiên bản mới: %(new)s ngày. Xem lại thời hạn trong liên thông"
            )
            % {
                "service": member.service.name,
                "days": member.processing_days,
                "old": old.processing_days,
                "new": member.service.version.processing_days,
            }
        )
    return notes


def _notice(moved: str, changes: Changes) -> Notice:
    """``moved``: what moved, in a sentence without its full stop."""
    if changes.moved:
        moved += " (" + "; ".join(changes.moved) + ")"
    if not changes.review:
        return Notice(moved + ".")
    items = " ".join(f"{n}) {item};" for n, item in enumerate(changes.review, 1)).rstrip(";")
    held = _(
        "Tạm ngừng nhận hồ sơ trực tuyến cho đến khi được rà soát. Cần rà soát: %(items)s. Sau khi sửa, chọn "
        "dịch vụ trong danh sách và thao tác “Đánh dấu đã rà soát, mở lại nhận hồ sơ”."
    ) % {"items": items}
    return Notice(f"{moved}. {held}", needs_review=True)


@transaction.atomic
def follow_version(sender, procedure, old, new, **kwargs) -> list[Notice]:
    """Receiver of ``version_in_force``: move the services and bundles onto ``new``; the notices say what moved
    and what is held for review."""
    notices, moved = [], {}
    for service in _services_before(procedure, new):
        previous = service.version
        changes = compare(service, previous, new)
        _move(service, new, changes)
        service_moved.send(sender=OnlineService, service=service, old=previous, new=new)
        moved[service.pk] = previous
        moved_to = _("“%(service)s” chuyển sang phiên bản %(number)s") % {"service": service.name, "number": new.number}
        notices.append(_notice(moved_to, changes))
    bundles = IntegratedService.objects.filter(
        pk__in=BundleMember.objects.filter(service_id__in=moved).values("bundle_id")
    ).order_by("name", "pk")
    for bundle in bundles:
        review = _time_limits_to_review(bundle, moved)
        if review:
            bundle.held_since = bundle.held_since or timezone.now()
            bundle.review_notes = [*bundle.review_notes, *review]
            bundle.save(update_fields=["held_since", "review_notes"])
        uses = _("Dịch vụ liên thông “%(bundle)s” nay dùng phiên bản %(number)s của “%(procedure)s”") % {
            "bundle": bundle.name,
            "number": new.number,
            "procedure": new.name,
        }
        notices.append(_notice(uses, Changes(review)))
    return notices


def foretell(sender, procedure, current, new, **kwargs) -> list[Notice]:
    """Receiver of ``version_scheduled``: what will move, and what will be held, when ``new`` comes into force."""
    notices = []
    for service in _services_before(procedure, new):
        changes = compare(service, service.version, new)
        said = _("Ngày %(date)s, khi phiên bản %(number)s có hiệu lực, “%(service)s” sẽ chuyển sang phiên bản này") % {
            "date": new.effective_from.strftime("%d/%m/%Y"),
            "number": new.number,
            "service": service.name,
        }
        if changes.moved:
            said += " (" + "; ".join(changes.moved) + ")"
        if changes.review:
            said += ". " + _("Từ ngày đó dịch vụ tạm ngừng nhận hồ sơ trực tuyến cho đến khi rà soát: %(items)s") % {
                "items": "; ".join(changes.review)
            }
        notices.append(Notice(said + ".", needs_review=bool(changes.review)))
    return notices


def mark_reviewed(definition: OnlineService | IntegratedService) -> None:
    """An administrator has reviewed the service (or bundle) against its procedure's version: filing reopens."""
    definition.held_since = None
    definition.review_notes = []
    definition.save(update_fields=["held_since", "review_notes"])


def connect() -> None:
    version_in_force.connect(follow_version, dispatch_uid="eservices.follow_version")
    version_scheduled.connect(foretell, dispatch_uid="eservices.foretell")
