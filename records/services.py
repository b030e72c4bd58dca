"""Business operations on records. Every change of state goes through ``transition``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from services.models import IntegratedService, OnlineService

from . import deadlines, signals, workflow
from .codes import allocate_code
from .constants import MAX_RECORD_ATTACHMENTS_SIZE, ApplicantRole, Channel, RecordState, Relationship
from .models import Attachment, Record, RecordEvent, RecordGroup
from .uploads import check_upload


class RecordChanged(ValidationError):
    """Someone else changed the record first; the caller should reload and decide again."""


# --- Drafts -----------------------------------------------------------------


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
) -> Record:
    """A new draft for a service under the procedure version in force now."""
    if not service.is_active:
        raise ValidationError(_("Dịch vụ này hiện không nhận hồ sơ trực tuyến."))
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
    )
    RecordEvent.objects.create(record=record, actor=filed_by or applicant, action="create", to_state=RecordState.DRAFT)
    return record


def start_bundle_draft(
    *, bundle: IntegratedService, applicant, applicant_id_number: str, applicant_name: str, unit=None
) -> RecordGroup:
    """One draft per member service, each at the member's agency for the citizen's unit, sharing one form."""
    with transaction.atomic():
        group = RecordGroup.objects.create(bundle=bundle, applicant=applicant)
        for member in bundle.bundle_members.select_related("service__version"):
            start_draft(
                service=member.service,
                applicant=applicant,
                applicant_id_number=applicant_id_number,
                applicant_name=applicant_name,
                agency=agency_for_unit(member.service, unit),
                group=group,
            )
    return group


def agency_for_unit(service: OnlineService, unit):
    """The service's agency in ``unit`` (a commune or province), else in its province, else the first."""
    agencies = service.version.agencies.filter(is_active=True).select_related("unit")
    if unit is not None:
        for candidate in (unit, unit.parent):
            if candidate is None:
                continue
            match = agencies.filter(unit=candidate).first()
            if match:
                return match
    return agencies.first()


def _editable(record: Record) -> None:
    if record.state != RecordState.DRAFT:
        raise ValidationError(_("Hồ sơ đã nộp không sửa được nữa."))


def save_eligibility(record: Record, answers: dict, questions: list) -> list[str]:
    """Keep the answers; return the refusal messages of questions answered the wrong way."""
    _editable(record)
    record.eligibility_answers = answers
    record.save(update_fields=["eligibility_answers", "updated_at"])
    from services.eforms import text

    return [
        text(q.get("refusal"), _("Bạn chưa đủ điều kiện thực hiện thủ tục này."))
        for q in questions
        if "expected" in q and answers.get(q["id"]) is not None and answers.get(q["id"]) != q["expected"]
    ]


def save_form(records: list[Record], data: dict, prefilled_fields: list[str]) -> None:
    """Save form data on drafts, valid or not: nothing the citizen typed is lost."""
    for record in records:
        _editable(record)
        record.form_data = data
        record.prefilled_fields = sorted(prefilled_fields)
        record.save(update_fields=["form_data", "prefilled_fields", "updated_at"])
    group = records[0].group if records else None
    if group is not None:
        group.form_data = data
        group.prefilled_fields = sorted(prefilled_fields)
        group.save(update_fields=["form_data", "prefilled_fields"])


def save_applicant(records: list[Record], values: dict) -> None:
    """Whom the filing is for; kept as typed on drafts, checked by the form before it counts."""
    role = values.get("applicant_role") or ApplicantRole.SELF
    if role not in ApplicantRole.values:
        role = ApplicantRole.SELF
    for record in records:
        _editable(record)
        record.applicant_role = role
        record.subject_name = (values.get("subject_name") or "")[:255]
        record.subject_id_number = (values.get("subject_id_number") or "")[:20]
        record.relationship = values.get("relationship") if values.get("relationship") in Relationship.values else ""
        record.save(update_fields=["applicant_role", "subject_name", "subject_id_number", "relationship", "updated_at"])


def change_agency(record: Record, agency) -> None:
    _editable(record)
    if not record.procedure_version.agencies.filter(pk=agency.pk, is_active=True).exists():
        raise ValidationError(_("%(agency)s không giải quyết thủ tục này.") % {"agency": agency})
    record.agency = agency
    record.save(update_fields=["agency", "updated_at"])


# --- Attachments ------------------------------------------------------------


def attach(record: Record, component, uploaded, *, by) -> Attachment:
    """Store an upload for a document component after checking its content and the record's total size."""
    if record.state not in (RecordState.DRAFT, RecordState.SUPPLEMENT_REQUESTED):
        raise ValidationError(_("Hồ sơ ở trạng thái này không nhận thêm tệp."))
    if component is not None and component.version_id != record.procedure_version_id:
        raise ValidationError(_("Thành phần hồ sơ không thuộc thủ tục này."))
    content_type, digest = check_upload(uploaded)
    used = record.attachments.aggregate(total=Sum("size"))["total"] or 0
    if used + uploaded.size > MAX_RECORD_ATTACHMENTS_SIZE:
        raise ValidationError(
            _("Tổng dung lượng tệp của hồ sơ vượt quá 50 MB (đã dùng %(used).1f MB); hãy nén bớt tệp.")
            % {"used": used / 1024 / 1024}
        )
    attachment = Attachment(
        record=record,
        component=component,
        original_name=uploaded.name[:255],
        content_type=content_type,
        size=uploaded.size,
        sha256=digest,
        uploaded_by=by,
    )
    attachment.file.save(uploaded.name, uploaded, save=False)
    attachment.save()
    return attachment


def remove_attachment(attachment: Attachment) -> None:
    _editable(attachment.record)
    attachment.file.delete(save=False)
    attachment.delete()


def use_wallet_document(record: Record, component, source: str, document: dict | None) -> None:
    """Let registry or wallet data stand in for a component (``document`` None: stop using it)."""
    _editable(record)
    replaced = dict(record.replaced_components)
    if document is None:
        replaced.pop(str(component.pk), None)
    else:
        replaced[str(component.pk)] = {"source": source, "document": document}
    record.replaced_components = replaced
    record.save(update_fields=["replaced_components", "updated_at"])


# --- Checks before submission -------------------------------------------------


def missing_components(record: Record) -> list:
    """Mandatory components with neither an attachment nor data standing in for them."""
    attached = set(record.attachments.values_list("component_id", flat=True))
    replaced = {int(pk) for pk in record.replaced_components}
    registry = set(
        record.service.replacements.filter(source="population_registry").values_list("component_id", flat=True)
    )
    satisfied = attached | replaced | registry | {record.service.form_component_id}
    return [c for c in record.procedure_version.components.filter(mandatory=True) if c.pk not in satisfied]


def submission_problems(record: Record) -> list[str]:
    from services.eforms import validate_data

    problems = []
    definition = record.group.bundle if record.group_id else record.service
    if not record.form_data:
        problems.append(_("Chưa điền tờ khai."))
    else:
        problems += validate_data(definition.form_schema, record.form_data)
    if record.applicant_role != ApplicantRole.SELF and not (record.subject_name and record.subject_id_number):
        problems.append(_("Thiếu thông tin người hoặc doanh nghiệp bạn nộp thay."))
    for component in missing_components(record):
        problems.append(_("Thiếu giấy tờ: %(name)s.") % {"name": component.name})
    return problems


# --- State changes ----------------------------------------------------------


def transition(
    record: Record,
    action: str,
    *,
    actor,
    role: str,
    reason: str = "",
    client_ip: str | None = None,
    expected_state: str | None = None,
    data: dict | None = None,
    **changes,
) -> Record:
    """Apply one transition of the workflow table, or refuse it without changing anything.

    ``expected_state`` is the state the actor saw: if someone else moved the
    record meanwhile, ``RecordChanged`` asks them to look again instead of
    applying the action to a record they have not seen.
    """
    step = workflow.TRANSITIONS.get(action)
    if step is None:
        raise ValidationError(_("Thao tác không tồn tại."))
    if step.reason_required and not reason.strip():
        raise ValidationError(_("Hãy ghi rõ lý do cho thao tác “%(action)s”.") % {"action": step.label})
    with transaction.atomic():
        locked = Record.objects.select_for_update().get(pk=record.pk)
        if expected_state is not None and locked.state != expected_state:
            raise RecordChanged(
                _("Hồ sơ %(code)s vừa được người khác cập nhật (%(state)s). Hãy tải lại trang để xem trạng thái mới.")
                % {"code": locked.code or "", "state": locked.get_state_display()}
            )
        if locked.state not in step.source:
            raise ValidationError(
                _("Không thể “%(action)s” khi hồ sơ đang ở trạng thái “%(state)s”.")
                % {"action": step.label, "state": locked.get_state_display()}
            )
        _authorise(locked, step, actor, role)
        blocked = workflow.blocking_reasons(locked, action)
        if blocked:
            raise ValidationError(blocked)
        from_state = locked.state
        locked.state = step.target
        for field, value in changes.items():
            setattr(locked, field, value)
        locked.save()
        event = RecordEvent.objects.create(
            record=locked,
            actor=actor,
            role=role,
            action=action,
            from_state=from_state,
            to_state=step.target,
            reason=reason,
            client_ip=client_ip,
            data=data or {},
        )
        transaction.on_commit(
            lambda: signals.record_transitioned.send(sender=Record, record=locked, event=event, action=action)
        )
    record.refresh_from_db()
    return record


def _authorise(record: Record, step, actor, role: str) -> None:
    if role not in step.roles:
        raise PermissionDenied(_("Vai trò của bạn không được thực hiện thao tác này."))
    if role == workflow.CITIZEN:
        if record.applicant_id != actor.pk:
            raise PermissionDenied(_("Bạn không phải người nộp hồ sơ này."))
        return
    from identity.services import require_role

    require_role(actor, record.agency, role)


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
    expected = deadlines.due_date(today, record.procedure_version.processing_days or 0)
    return transition(
        record,
        "submit",
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
        problems += [f"{record.service.name}: {p}" for p in submission_problems(record)]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        submitted = [_submit_locked(r, actor=actor, role=workflow.CITIZEN, client_ip=client_ip) for r in records]
        group.submitted_at = timezone.now()
        group.save(update_fields=["submitted_at"])
    return submitted


def withdraw(record: Record, *, actor, reason: str = "", client_ip: str | None = None) -> Record:
    return transition(
        record,
        "withdraw",
        actor=actor,
        role=workflow.CITIZEN,
        reason=reason,
        client_ip=client_ip,
        completed_at=timezone.now(),
    )


def can_withdraw(record: Record) -> bool:
    return record.state in workflow.TRANSITIONS["withdraw"].source


def applicant_role_for(record: Record) -> str:
    return ApplicantRole(record.applicant_role).label


def registry_unit(id_number: str):
    """The administrative unit of the person's permanent residence, to choose where to file."""
    from identity.registry.models import Person

    person = Person.objects.select_related("permanent_unit__parent").filter(id_number=id_number).first()
    return person.permanent_unit if person else None


def unit_of(registry: dict | None):
    """The unit of permanent residence in registry data (as ``services.prefill.registry_data`` returns it)."""
    from procedures.models import AdministrativeUnit

    code = ((registry or {}).get("permanent_address") or {}).get("unit_code")
    return AdministrativeUnit.objects.select_related("parent").filter(code=code).first() if code else None
