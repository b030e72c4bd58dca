"""Procedure and integrated-service cards, built from the catalogue only.

A card says what a procedure is, its fees (online and at the counter), its time limit, the papers it asks for and
which of them the population registry or the VNeID wallet replaces, where to go, and how to file online when an
online service exists. Every figure is read from the catalogue rows; a fact the catalogue does not hold is said to
be missing, never guessed. Cards are plain dicts of strings (JSON for the API, the same dict for the templates).
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.money import vnd
from eservices.models import BundleMember, IntegratedService, OnlineService
from procedures.models import Agency, Procedure, ProcedureVersion

PLACES_SHOWN = 5


def procedures_with_details(codes: list[str]) -> dict[str, Procedure]:
    """The public procedures ``codes`` with what their cards read, in a fixed number of queries."""
    versions = ProcedureVersion.objects.select_related("sector").prefetch_related(
        "fees",
        "components",
        Prefetch("agencies", queryset=Agency.objects.filter(is_active=True).select_related("unit__parent")),
        Prefetch(
            "online_services",
            queryset=OnlineService.objects.filter(is_active=True).prefetch_related("replacements"),
        ),
    )
    rows = Procedure.objects.filter(code__in=codes, current_version__isnull=False, retired_at__isnull=True)
    rows = rows.prefetch_related(Prefetch("current_version", queryset=versions))
    return {procedure.code: procedure for procedure in rows}


def bundles_for(version_ids: list[int]) -> list[IntegratedService]:
    """Active integrated services one of whose member services files one of the procedure versions ``version_ids``
    (the procedures' versions in force), with their members' versions (enough to name them)."""
    return list(
        IntegratedService.objects.filter(
            is_active=True,
            bundle_members__service__is_active=True,
            bundle_members__service__version_id__in=version_ids,
        )
        .distinct()
        .prefetch_related(Prefetch("bundle_members", queryset=BundleMember.objects.select_related("service__version")))
    )


def bundle_with_details(pk: int) -> IntegratedService:
    """The integrated service with what its card reads."""
    members = BundleMember.objects.select_related(
        "service__version__procedure", "service__version__sector"
    ).prefetch_related(
        "service__version__fees",
        Prefetch(
            "service__version__agencies", queryset=Agency.objects.filter(is_active=True).select_related("unit__parent")
        ),
    )
    return IntegratedService.objects.prefetch_related(Prefetch("bundle_members", queryset=members), "members").get(
        pk=pk
    )


def province_of(unit):
    """The province a unit is in (itself when it is one), or None."""
    if unit is None:
        return None
    return unit if unit.parent_id is None else unit.parent


def provinces_of(version) -> dict[int, object]:
    """The provinces where the version's agencies are, by id (central agencies have none)."""
    found = {}
    for agency in version.agencies.all():
        province = province_of(agency.unit)
        if province is not None:
            found[province.pk] = province
    return found


def _fee_facts(fees) -> list[dict]:
    if not fees:
        return [{"label": _("Phí, lệ phí"), "value": _("Danh mục thủ tục chưa ghi mức phí, lệ phí của thủ tục này.")}]
    facts = []
    for fee in fees:
        if fee.amount == 0 and not fee.amount_online:
            value = _("Không thu")
        elif fee.amount_online != fee.amount:
            value = _("%(online)s khi nộp trực tuyến; %(counter)s khi nộp trực tiếp") % {
                "online": vnd(fee.amount_online),
                "counter": vnd(fee.amount),
            }
        else:
            value = _("%(amount)s (trực tuyến và trực tiếp như nhau)") % {"amount": vnd(fee.amount)}
        if fee.note:
            value = f"{value}. {fee.note}"
        facts.append({"label": fee.name, "value": value})
    return facts


def _time_fact(version) -> dict:
    if version.processing_days:
        value = ngettext("%(days)d ngày làm việc", "%(days)d ngày làm việc", version.processing_days) % {
            "days": version.processing_days
        }
        if version.processing_note:
            value = f"{value}. {version.processing_note}"
    elif version.processing_note:
        value = version.processing_note
    else:
        value = _("Danh mục thủ tục chưa ghi thời hạn giải quyết.")
    return {"label": _("Thời hạn giải quyết"), "value": value}


def _papers(version, service) -> list[dict]:
    replaced = {r.component_id: r for r in service.replacements.all()} if service else {}
    papers = []
    for component in version.components.all():
        note = ""
        if component.pk in replaced:
            note = _("Không cần nộp: thay bằng %(source)s") % {"source": replaced[component.pk].get_source_display()}
        elif service and service.form_component_id == component.pk:
            note = _("Không cần nộp: khai trên biểu mẫu điện tử")
        elif component.replaceable_by_registry:
            note = _("Có thể thay bằng dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư")
        elif not component.mandatory:
            note = _("Nếu có")
        papers.append({"name": component.name, "note": note})
    return papers


def _places(version, province) -> list[str]:
    agencies = list(version.agencies.all())
    if province is not None:
        agencies = [a for a in agencies if a.unit_id and province_of(a.unit).pk == province.pk] or agencies
    names = [a.display_name for a in agencies[:PLACES_SHOWN]]
    if len(agencies) > PLACES_SHOWN:
        more = len(agencies) - PLACES_SHOWN
        names.append(ngettext("và %(n)d cơ quan khác", "và %(n)d cơ quan khác", more) % {"n": more})
    return names


def _filing_service(version):
    """The version's online service a citizen can file with now (active, not held for review), or None."""
    return next((s for s in version.online_services.all() if not s.is_held), None)


def procedure_card(procedure: Procedure, province=None) -> dict:
    version = procedure.current_version
    service = _filing_service(version)
    summary = []
    if version.display_result_name:
        summary.append(_("Kết quả: %(result)s.") % {"result": version.display_result_name})
    summary.append(_("Lĩnh vực: %(sector)s.") % {"sector": version.sector.display_name})
    facts = [*_fee_facts(list(version.fees.all())), _time_fact(version)]
    if service:
        facts.append({"label": _("Nộp trực tuyến"), "value": service.get_delivery_display()})
    else:
        facts.append({"label": _("Nộp trực tuyến"), "value": _("Chưa có dịch vụ công trực tuyến cho thủ tục này.")})
    source = reverse("procedures:detail", args=[procedure.code])
    actions = []
    if service:
        actions.append(
            {"label": _("Nộp trực tuyến"), "url": reverse("records:start", args=[service.slug]), "primary": True}
        )
        actions.append({"label": _("Xem dịch vụ"), "url": service.get_absolute_url(), "primary": False})
    actions.append({"label": _("Xem thủ tục đầy đủ"), "url": source, "primary": False})
    return {
        "kind": "procedure",
        "id": procedure.code,
        "code": procedure.code,
        "title": version.display_name,
        "summary": " ".join(summary),
        "facts": facts,
        "papers": _papers(version, service),
        "places": _places(version, province),
        "actions": actions,
        "source": {"label": _("Thủ tục %(code)s trên Cổng") % {"code": procedure.code}, "url": source},
    }


def bundle_card(bundle: IntegratedService, province=None) -> dict:
    members = list(bundle.bundle_members.all())
    facts, places, total_days = [], [], 0
    for member in members:
        version = member.service.version
        total_days += member.time_limit
        fees = list(version.fees.all())
        paid = [fee for fee in fees if fee.amount_online]
        if not fees:
            fee_text = _("danh mục chưa ghi phí, lệ phí")
        elif paid:
            fee_text = "; ".join(f"{fee.name}: {vnd(fee.amount_online)}" for fee in paid)
        else:
            fee_text = _("không thu phí, lệ phí")
        days = ngettext("%(days)d ngày làm việc", "%(days)d ngày làm việc", member.time_limit) % {
            "days": member.time_limit
        }
        facts.append({"label": member.service.version.display_name, "value": f"{days}; {fee_text}"})
        for name in _places(version, province)[:2]:
            if name not in places:
                places.append(name)
    facts.append(
        {
            "label": _("Tổng thời hạn"),
            "value": ngettext("%(days)d ngày làm việc", "%(days)d ngày làm việc", total_days) % {"days": total_days},
        }
    )
    source = bundle.get_absolute_url()
    actions = []
    if not bundle.filing_hold_message:
        actions.append(
            {"label": _("Nộp trực tuyến"), "url": reverse("records:start_bundle", args=[bundle.slug]), "primary": True}
        )
    actions.append({"label": _("Xem dịch vụ liên thông"), "url": source, "primary": False})
    return {
        "kind": "bundle",
        "id": bundle.slug,
        "code": "",
        "title": bundle.display_name,
        "summary": bundle.display_description
        or _("Một lần nộp hồ sơ cho %(n)d thủ tục liên thông.") % {"n": len(members)},
        "facts": facts,
        "papers": [],
        "places": places,
        "actions": actions,
        "source": {"label": _("Dịch vụ liên thông trên Cổng"), "url": source},
    }
