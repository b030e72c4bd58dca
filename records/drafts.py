"""The citizen's filing journey as operations: start a draft (a double tap opens the same one), keep what is
typed on every step, submit it (alone or as an integrated filing), withdraw it, hand in a supplement.

Submitting and every later change of state go through ``transitions.transition``.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from eservices.models import IntegratedService, OnlineService
from eservices.versioning import matching_components

from . import deadlines, workflow
from .codes import allocate_code
from .constants import ApplicantRole, Channel, RecordState, Relationship, WorkflowAction
from .models import Attachment, Record, RecordEvent, RecordGroup
from .rules import agency_for_unit, days_to_result, eligibility_refusals, submission_problems
from .transitions import transition


def follow_new_version(service: OnlineService, old, new) -> int:
    """The service's drafts started under ``old`` continue under ``new`` (``eservices.versioning.service_moved``):
    nothing is filed yet, and a filing is made under the version in force, its time limit and papers. A file goes
    to the new version's paper of the same name; one whose paper is gone stays under the old one, for the officers.
    Returns how many drafts moved."""
    drafts = list(
        Record.objects.filter(service=service, state=RecordState.DRAFT, procedure_version=old).values_list(
            "pk", "replaced_components"
        )
    )
    if not drafts:
        return 0
    ids = [pk for pk, _replaced in drafts]
    matching = matching_components(old, new)
    for old_pk, component in matching.items():
        Attachment.objects.filter(record_id__in=ids, component_id=old_pk).update(component=component)
    for pk, replaced in drafts:
        if replaced:  # wallet documents chosen for papers: keyed by the paper's id
            moved = {str(matching[int(k)].pk): v for k, v in replaced.items() if int(k) in matching}
            Record.objects.filter(pk=pk).update(replaced_components=moved)
    return Record.objects.filter(pk__in=ids).update(procedure_version=new)


def start_draft(
    *,
    service: OnlineService,
    applicant,
    applicant_id_number: str,
    applicant_name: str,
    agency=None,
    channel: str = Channel.ONLINE,
    filed_by=None,
    group: RecordGroup | None = None,
    idempotency_key: str = "",
    desk: bool = False,
) -> Record:
    """A new draft for a service under the procedure version in force now (``desk``: at the counter, where a
    procedure with no online service is filed under its inactive desk definition, ``counter.desk_service``)."""
    if not service.is_active and not desk:
        raise ValidationError(_("Dịch vụ này hiện không nhận hồ sơ trực tuyến."))
    if service.is_held and not desk:  # its procedure's new version changed what the e-form must ask
        raise ValidationError(service.filing_hold_message)
    version = service.version
    if agency is None:
        agency = version.agencies.filter(is_active=True).first()
    elif not version.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(_("%(agency)s không giải quyết thủ tục này.") % {"agency": agency})
    record = Record.objects.create(
        service=service,
        procedure_version=version,
        agency=agency,
        group=group,
        channel=channel,
        applicant=applicant,
        applicant_id_number=applicant_id_number,
        applicant_name=applicant_name,
        filed_by=filed_by,
        idempotency_key=idempotency_key,
    )
    RecordEvent.objects.create(
        record=record, actor=filed_by or applicant, action=WorkflowAction.CREATE, to_state=RecordState.DRAFT
    )
    return record


# A second "Nộp hồ sơ trực tuyến" this soon, while the first tap's draft is untouched, is the same tap twice.
DOUBLE_START_SECONDS = 30


def _serialise_starts(applicant, what: str) -> None:
    """Until the transaction ends, the citizen's other starts of ``what`` wait (a double tap is two requests)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"records.start:{applicant.pk}:{what}"])


def _just_started():
    return timezone.now() - datetime.timedelta(seconds=DOUBLE_START_SECONDS)


def start_online_draft(*, service: OnlineService, applicant, **draft) -> Record:
    """The citizen's new online draft; a double tap opens the draft the first tap made, not a second one."""
    with transaction.atomic():
        _serialise_starts(applicant, f"service:{service.pk}")
        untouched = Record.objects.filter(
            applicant=applicant,
            service=service,
            group=None,
            state=RecordState.DRAFT,
            channel=Channel.ONLINE,
            idempotency_key="",
            form_data={},
            eligibility_answers={},
            created_at__gte=_just_started(),
        ).first()  # newest first
        return untouched or start_draft(service=service, applicant=applicant, **draft)


def start_keyed_draft(*, idempotency_key: str, **draft) -> Record:
    """``start_draft`` for a filing-API request with an ``Idempotency-Key`` (or none): the draft holds the key.

    Two attempts with the same key racing here get the same draft (the key is unique per applicant).
    """
    try:
        with transaction.atomic():
            return start_draft(**draft, idempotency_key=idempotency_key)
    except IntegrityError:
        if not idempotency_key:
            raise
        # Another request with the key won; the caller checks it is for the same service and still a draft.
        return Record.objects.select_related("service").get(
            applicant=draft["applicant"], idempotency_key=idempotency_key
        )


def draft_for_refused_request(*, idempotency_key: str, **draft) -> tuple[Record, bool]:
    """The draft that keeps what a refused filing-API request sent, and whether it is an earlier one.

    The citizen's last draft kept from a refused request for the service (still a draft, under the version in
    force) is continued, taking this request's key, rather than one more draft made per refused attempt; else a
    new one (``start_keyed_draft``). A client that retries with a fresh key each time leaves one draft, not many.
    """
    applicant, service = draft["applicant"], draft["service"]
    with transaction.atomic():
        _serialise_starts(applicant, f"api:{service.pk}")
        last = (
            Record.objects.select_related("service")
            .filter(
                applicant=applicant,
                service=service,
                procedure_version_id=service.version_id,
                group=None,
                channel=Channel.ONLINE,
                state=RecordState.DRAFT,
                kept_from_api=True,
            )
            .order_by("-updated_at")
            .first()
        )
        if last is not None and (not idempotency_key or last.idempotency_key == idempotency_key):
            return last, True
        if last is not None:
            try:
                with transaction.atomic():
                    Record.objects.filter(pk=last.pk).update(idempotency_key=idempotency_key)
                last.idempotency_key = idempotency_key
                return last, True
            except IntegrityError:
                pass  # a concurrent request with the key made its own draft: the key's draft it is
        record = start_keyed_draft(idempotency_key=idempotency_key, **draft)
        if not record.kept_from_api:
            Record.objects.filter(pk=record.pk).update(kept_from_api=True)
            record.kept_from_api = True
    return record, False


def start_bundle_draft(
    *, bundle: IntegratedService, applicant, applicant_id_number: str, applicant_name: str, unit_code: str = ""
) -> RecordGroup:
    """One draft per member service, each at the member's agency for the citizen's unit, sharing one form.
    A double tap opens the group the first tap made."""
    if hold := bundle.filing_hold_message:
        raise ValidationError(hold)
    with transaction.atomic():
        _serialise_starts(applicant, f"bundle:{bundle.pk}")
        untouched = (
            RecordGroup.objects.filter(
                bundle=bundle, applicant=applicant, submitted_at=None, form_data={}, created_at__gte=_just_started()
            )
            .exclude(Exists(Record.objects.filter(group=OuterRef("pk")).exclude(eligibility_answers={})))
            .order_by("-created_at")
            .first()
        )
        if untouched is not None:
            return untouched
        group = RecordGroup.objects.create(bundle=bundle, applicant=applicant)
        for member in bundle.bundle_members.select_related("service__version"):
            start_draft(
                service=member.service,
                applicant=applicant,
                applicant_id_number=applicant_id_number,
                applicant_name=applicant_name,
                agency=agency_for_unit(member.service, unit_code),
                group=group,
            )
    return group


def discard_draft(records: list[Record], group: RecordGroup | None, *, actor) -> None:
    """Delete the citizen's own online draft (or the drafts of one integrated filing) with its files.

    Nothing submitted is ever deleted, nor a draft an officer started at the desk, nor one
    with a payment (the payment keeps its record: ``on_delete=PROTECT``).
    """
    with transaction.atomic():
        locked = list(Record.objects.select_for_update().filter(pk__in=[r.pk for r in records]))
        if len(locked) != len(records) or any(r.state != RecordState.DRAFT for r in locked):
            raise ValidationError(_("Chỉ xóa được hồ sơ còn là bản nháp; hồ sơ đã nộp thì có thể rút."))
        if any(r.applicant_id != actor.pk or r.channel != Channel.ONLINE for r in locked):
            raise PermissionDenied(_("Bản nháp này do cán bộ lập tại quầy; hãy liên hệ cơ quan tiếp nhận."))
        files = list(Attachment.objects.filter(record__in=locked).values_list("file", flat=True))
        try:
            Record.objects.filter(pk__in=[r.pk for r in locked]).delete()
        except models.ProtectedError:
            raise ValidationError(
                _("Bản nháp đã có giao dịch thanh toán nên không xóa được; hãy tiếp tục nộp hoặc liên hệ cơ quan.")
            ) from None
        if group is not None:
            group.delete()
        storage = Attachment._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])


def editable(record: Record) -> None:
    if record.state != RecordState.DRAFT:
        raise ValidationError(_("Hồ sơ đã nộp không sửa được nữa."))


def save_eligibility(record: Record, answers: dict, questions: list) -> list[tuple[str, str]]:
    """Keep the answers; return (question id, refusal message) for questions answered the wrong way."""
    editable(record)
    record.eligibility_answers = answers
    record.save(update_fields=["eligibility_answers", "updated_at"])
    return eligibility_refusals(answers, questions)


def save_form(records: list[Record], data: dict, prefilled_fields: list[str]) -> None:
    """Save form data on drafts, valid or not: nothing the citizen typed is lost."""
    for record in records:
        editable(record)
        record.form_data = data
        record.prefilled_fields = sorted(prefilled_fields)
        record.save(update_fields=["form_data", "prefilled_fields", "updated_at"])
    group = records[0].group if records else None
    if group is not None:
        group.form_data = data
        group.prefilled_fields = sorted(prefilled_fields)
        group.save(update_fields=["form_data", "prefilled_fields"])


APPLICANT_FIELDS = ["applicant_role", "subject_name", "subject_id_number", "relationship"]


def _applicant(values: dict) -> dict:
    """Whom the filing is for, as a draft keeps it."""
    role = values.get("applicant_role") or ApplicantRole.SELF
    return {
        "applicant_role": role if role in ApplicantRole.values else ApplicantRole.SELF,
        "subject_name": (values.get("subject_name") or "")[:255],
        "subject_id_number": (values.get("subject_id_number") or "")[:20],
        "relationship": values.get("relationship") if values.get("relationship") in Relationship.values else "",
    }


def save_applicant(records: list[Record], values: dict) -> None:
    """Whom the filing is for; kept as typed on drafts, checked by the form before it counts."""
    applicant = _applicant(values)
    for record in records:
        editable(record)
        for name, value in applicant.items():
            setattr(record, name, value)
        record.save(update_fields=[*APPLICANT_FIELDS, "updated_at"])


class StaleDraft(Exception):
    """The page was loaded from an older version of the draft, and another tab or device has saved it since.

    ``version``: the draft's version now; ``changed``: what those saves changed that this one would overwrite
    (e-form field names, ``applicant:<field>``, ``agency``); ``record``: the draft as it is now."""

    def __init__(self, record: Record, changed: list[str]):
        super().__init__(changed)
        self.record = record
        self.version = record.draft_version
        self.changed = changed


KEPT_CHANGES = 50  # saves whose changed fields a draft remembers (draft_changes)


def _form_step(record: Record, data=None, applicant=None, agency_id=None) -> dict:
    """The form step's values of a draft (or what a save would make of them), flat by name."""
    values = dict(record.form_data if data is None else data)
    for name in APPLICANT_FIELDS:
        values[f"applicant:{name}"] = getattr(record, name) if applicant is None else applicant[name]
    values["agency"] = record.agency_id if agency_id is None else agency_id
    return values


def _changed_since(record: Record, version: int, now: dict, proposed: dict) -> list[str] | None:
    """What saves after ``version`` changed and ``proposed`` would overwrite; None when the draft cannot tell
    (a version older than those it remembers): then whatever ``proposed`` would change."""
    kept = record.draft_changes or []
    if not kept or kept[0][0] > version + 1:
        return None
    since = {name for saved, names in kept if saved > version for name in names}
    return sorted(name for name in since if proposed.get(name) != now.get(name))


def _refuse_if_behind(record: Record, version: int | None, now: dict, proposed: dict, changed: list[str]) -> None:
    """``StaleDraft`` if a page loaded at ``version`` would overwrite what was saved since."""
    if version is not None and version != record.draft_version and changed:
        overwritten = _changed_since(record, version, now, proposed)
        if overwritten is None or overwritten:
            raise StaleDraft(record, changed if overwritten is None else overwritten)


def _new_version(record: Record, version: int, changed: list[str]) -> None:
    record.draft_version = version
    record.draft_changes = [*(record.draft_changes or []), [version, changed]][-KEPT_CHANGES:]


def save_eligibility_step(records: list[Record], answers: dict, questions: list, *, version: int | None):
    """``save_eligibility`` for every record of a filing, refusing a page that is behind as ``save_form_step``
    does (``StaleDraft``, with ``eligibility:<question id>`` for what changed); the refusals of the answers."""
    for record in records:
        editable(record)
    with transaction.atomic():
        locked = {r.pk: r for r in Record.objects.select_for_update().filter(pk__in=[r.pk for r in records])}
        current = [locked[r.pk] for r in records]
        first = current[0]
        editable(first)
        now = {f"eligibility:{k}": v for k, v in (first.eligibility_answers or {}).items()}
        proposed = {f"eligibility:{k}": v for k, v in answers.items()}
        changed = sorted(name for name in set(now) | set(proposed) if now.get(name) != proposed.get(name))
        _refuse_if_behind(first, version, now, proposed, changed)
        if changed:
            new_version = first.draft_version + 1
            for record in current:
                record.eligibility_answers = answers
                _new_version(record, new_version, changed)
                record.save(update_fields=["eligibility_answers", "draft_version", "draft_changes", "updated_at"])
    for record, saved in zip(records, current, strict=True):
        for name in ["eligibility_answers", "draft_version", "draft_changes"]:
            setattr(record, name, getattr(saved, name))
    return eligibility_refusals(answers, questions)


def save_form_step(
    records: list[Record],
    *,
    version: int | None,
    data: dict,
    prefilled_fields: list[str],
    applicant: dict,
    agency=None,
) -> int:
    """Keep the form step (e-form data as typed, whom it is for, the agency) if nobody saved the draft since the
    page showing ``version`` was loaded; the draft's version after the save.

    A save that changes something makes a new version. One from a page that is behind is refused with
    ``StaleDraft`` if it would overwrite what was saved since (another tab's data is never lost); the same values
    sent again (a tab's autosave landing just before its own "Lưu nháp") are no conflict. ``version`` None: no
    check (a desk officer's draft, or a page from before versions)."""
    for record in records:
        editable(record)
    if agency is not None and not records[0].procedure_version.agencies.filter(pk=agency.pk, is_active=True).exists():
        raise ValidationError(_("%(agency)s không giải quyết thủ tục này.") % {"agency": agency})
    applicant = _applicant(applicant)
    with transaction.atomic():
        locked = {r.pk: r for r in Record.objects.select_for_update().filter(pk__in=[r.pk for r in records])}
        current = [locked[r.pk] for r in records]
        first = current[0]
        editable(first)
        now = _form_step(first)
        proposed = _form_step(first, data, applicant, agency.pk if agency is not None else None)
        changed = sorted(name for name in set(now) | set(proposed) if now.get(name) != proposed.get(name))
        _refuse_if_behind(first, version, now, proposed, changed)
        if not changed:
            return first.draft_version
        new_version = first.draft_version + 1
        for record in current:
            record.form_data = data
            record.prefilled_fields = sorted(prefilled_fields)
            for name, value in applicant.items():
                setattr(record, name, value)
            if agency is not None:
                record.agency = agency
            _new_version(record, new_version, changed)
            record.save(
                update_fields=[
                    "form_data",
                    "prefilled_fields",
                    *APPLICANT_FIELDS,
                    "agency",
                    "draft_version",
                    "draft_changes",
                    "updated_at",
                ]
            )
        group = first.group
        if group is not None:
            group.form_data = data
            group.prefilled_fields = sorted(prefilled_fields)
            group.save(update_fields=["form_data", "prefilled_fields"])
    for record, saved in zip(records, current, strict=True):  # the caller's copies show what was saved
        for name in ["form_data", "prefilled_fields", *APPLICANT_FIELDS, "draft_version", "draft_changes"]:
            setattr(record, name, getattr(saved, name))
        if agency is not None:
            record.agency = agency
    return new_version


def change_agency(record: Record, agency) -> None:
    editable(record)
    if not record.procedure_version.agencies.filter(pk=agency.pk, is_active=True).exists():
        raise ValidationError(_("%(agency)s không giải quyết thủ tục này.") % {"agency": agency})
    record.agency = agency
    record.save(update_fields=["agency", "updated_at"])


def submit(record: Record, *, actor, role: str = workflow.CITIZEN, client_ip: str | None = None) -> Record:
    """Check the draft, give it its code and appointment date, and send it to the agency's queue."""
    problems = submission_problems(record)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        return _submit_locked(record, actor=actor, role=role, client_ip=client_ip)


def _submit_locked(record: Record, *, actor, role, client_ip) -> Record:
    now = timezone.now()
    today = timezone.localdate(now)
    code = allocate_code(record.agency, today)
    expected = deadlines.due_date(deadlines.filing_day(now, record.agency), days_to_result(record))
    return transition(
        record,
        WorkflowAction.SUBMIT,
        actor=actor,
        role=role,
        client_ip=client_ip,
        expected_state=RecordState.DRAFT,
        code=code,
        submitted_at=now,
        expected_result_date=expected,
    )


def submit_group(group: RecordGroup, *, actor, client_ip: str | None = None) -> list[Record]:
    """Submit every record of an integrated filing together: all get their codes, or none does."""
    records = list(group.records.select_related("service", "procedure_version", "agency"))
    problems = []
    for record in records:
        problems += [f"{record.service.display_name}: {p}" for p in submission_problems(record)]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        submitted = [_submit_locked(r, actor=actor, role=workflow.CITIZEN, client_ip=client_ip) for r in records]
        group.submitted_at = timezone.now()
        group.save(update_fields=["submitted_at"])
    return submitted


def withdraw(record: Record, *, actor, reason: str = "", client_ip: str | None = None) -> Record:
    return transition(
        record, WorkflowAction.WITHDRAW, actor=actor, role=workflow.CITIZEN, reason=reason, client_ip=client_ip
    )


def supplement(record: Record, *, actor, client_ip: str | None = None) -> Record:
    """The citizen hands in what was asked for; the clock starts again with the waiting days given back."""
    return transition(
        record,
        WorkflowAction.SUPPLEMENT,
        actor=actor,
        role=workflow.CITIZEN,
        client_ip=client_ip,
        expected_state=RecordState.SUPPLEMENT_REQUESTED,
    )
