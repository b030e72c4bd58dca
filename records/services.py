"""Business operations on records. Every change of state goes through ``transition``."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from eservices.models import IntegratedService, OnlineService
from procedures.models import AdministrativeUnit

from . import deadlines, selectors, signals, workflow
from .codes import allocate_code
from .constants import MAX_RECORD_ATTACHMENTS_SIZE, ApplicantRole, Channel, RecordState, Relationship
from .models import Attachment, Record, RecordEvent, RecordGroup, ResultDocument
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
    idempotency_key: str = "",
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
        idempotency_key=idempotency_key,
    )
    RecordEvent.objects.create(record=record, actor=filed_by or applicant, action="create", to_state=RecordState.DRAFT)
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


def start_bundle_draft(
    *, bundle: IntegratedService, applicant, applicant_id_number: str, applicant_name: str, unit_code: str = ""
) -> RecordGroup:
    """One draft per member service, each at the member's agency for the citizen's unit, sharing one form.
    A double tap opens the group the first tap made."""
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


def agency_for_unit(service: OnlineService, unit_code: str | None):
    """The service's agency in the unit with ``unit_code`` (a commune or province), else in its province,
    else the first one: one query while the unit or its province has one."""
    agencies = service.version.agencies.filter(is_active=True)
    if unit_code:
        province = AdministrativeUnit.objects.filter(code=unit_code).values("parent_id")[:1]
        nearest = (
            agencies.filter(Q(unit__code=unit_code) | Q(unit_id=Subquery(province)))
            .annotate(
                distance=Case(When(unit__code=unit_code, then=Value(0)), default=Value(1), output_field=IntegerField())
            )
            .order_by("distance", "level", "name", "pk")
            .first()
        )
        if nearest is not None:
            return nearest
    return agencies.first()


def _editable(record: Record) -> None:
    if record.state != RecordState.DRAFT:
        raise ValidationError(_("Hồ sơ đã nộp không sửa được nữa."))


def save_eligibility(record: Record, answers: dict, questions: list) -> list[tuple[str, str]]:
    """Keep the answers; return (question id, refusal message) for questions answered the wrong way."""
    _editable(record)
    record.eligibility_answers = answers
    record.save(update_fields=["eligibility_answers", "updated_at"])
    return eligibility_refusals(answers, questions)


def eligibility_refusals(answers: dict, questions: list) -> list[tuple[str, str]]:
    """(question id, refusal message) for each question answered so that the citizen may not file online."""
    from eservices.eforms import text

    return [
        (q["id"], text(q.get("refusal"), _("Bạn chưa đủ điều kiện thực hiện thủ tục này.")))
        for q in questions
        if "expected" in q and answers.get(q["id"]) is not None and answers.get(q["id"]) != q["expected"]
    ]


def unanswered_questions(answers: dict, questions: list) -> list[tuple[str, str]]:
    """(question id, message) for each eligibility question not answered yes or no."""
    from eservices.eforms import text

    return [
        (q["id"], _("Chưa trả lời câu hỏi: %(question)s") % {"question": text(q.get("question"))})
        for q in questions
        if not isinstance(answers.get(q["id"]), bool)
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


def attach(record: Record, component, uploaded, *, by, replace: bool = False, from_citizen: bool = False) -> Attachment:
    """Store an upload for a document component after checking its content and the record's total size.

    ``replace``: the new file takes the place of the component's earlier ones, which are removed
    only once the new one is accepted (a refused file never costs the citizen a good one).
    ``from_citizen``: sent through the citizen's own doors (the web step, the filing API), which take
    no file for a document the e-form or the registry stands in for (``needs_no_file``).
    """
    if record.state not in (RecordState.DRAFT, RecordState.SUPPLEMENT_REQUESTED):
        raise ValidationError(_("Hồ sơ ở trạng thái này không nhận thêm tệp."))
    if component is not None and component.version_id != record.procedure_version_id:
        raise ValidationError(_("Thành phần hồ sơ không thuộc thủ tục này."))
    if from_citizen and (reason := needs_no_file(record, component)):
        raise ValidationError(reason)
    content_type, digest = check_upload(uploaded)
    if not replace:
        # The same file again (a double tap, or uploaded twice by mistake) is kept once.
        same = record.attachments.filter(component=component, sha256=digest, size=uploaded.size).first()
        if same is not None:
            return same
    previous = list(record.attachments.filter(component=component)) if replace else []
    used = (record.attachments.aggregate(total=Sum("size"))["total"] or 0) - sum(a.size for a in previous)
    if used + uploaded.size > MAX_RECORD_ATTACHMENTS_SIZE:
        raise ValidationError(
            _("Tổng dung lượng tệp của hồ sơ vượt quá 50 MB (đã dùng %(used).1f MB); hãy nén bớt tệp.")
            % {"used": used / 1024 / 1024}
        )
    with transaction.atomic():
        for attachment in previous:
            remove_attachment(attachment)
        attachment = stored_attachment(record, component, uploaded, content_type, digest, by=by)
        attachment.save()
    return attachment


def needs_no_file(record: Record, component) -> str | None:
    """Why an online filing takes no file for ``component`` (the e-form or the population registry stands in for
    it), or None. A file sent anyway would only reach the officers, beside the data that replaces it; at the desk
    an officer may still scan the signed paper form."""
    if component is None:
        return None
    if component.pk == record.service.form_component_id:
        return _("Không cần tải tệp cho giấy tờ này: tờ khai điện tử bạn điền ở bước “Tờ khai” đã thay cho nó.")
    if record.service.replacements.filter(component=component, source="population_registry").exists():
        return _("Không cần tải tệp cho giấy tờ này: cơ quan lấy thông tin từ Cơ sở dữ liệu quốc gia về dân cư.")
    return None


def stored_attachment(record: Record, component, uploaded, content_type: str, digest: str, *, by) -> Attachment:
    """An (unsaved) attachment row whose file is already in storage, for an upload already checked."""
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
    return attachment


def remove_attachment(attachment: Attachment) -> None:
    _editable(attachment.record)
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))  # the file goes only if the removal is kept


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
    return [message for _component, message in located_submission_problems(record)]


def located_submission_problems(record: Record) -> list[tuple[object, str]]:
    """What stops the draft being submitted: (where it is fixed: "eligibility", "form" or the missing document
    component, message). An eligibility question answered the wrong way stops it even if the form is right."""
    from eservices.eforms import validate_data

    definition = record.definition
    answers, questions = record.eligibility_answers or {}, definition.eligibility or []
    # At the desk the officer checks eligibility in person; online, every question must be answered.
    unanswered = unanswered_questions(answers, questions) if record.channel == Channel.ONLINE else []
    refusals = eligibility_refusals(answers, questions)
    problems = [("eligibility", message) for _question, message in unanswered + refusals]
    if not record.form_data:
        problems.append(("form", _("Chưa điền tờ khai.")))
    else:
        problems += [
            ("form", message) for message in validate_data(definition.form_schema, record.form_data, definition.form_ui)
        ]
    if record.applicant_role != ApplicantRole.SELF and not (record.subject_name and record.subject_id_number):
        problems.append(("form", _("Thiếu thông tin người hoặc doanh nghiệp bạn nộp thay.")))
    for component in missing_components(record):
        problems.append((component, _("Thiếu giấy tờ: %(name)s.") % {"name": component.name}))
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
    applying the action to a record they have not seen. The action's own rules
    (``_EFFECTS``: due date at receipt, the supplement pause, the result before
    approval, the apology before a late return...) run on the locked row.
    """
    step = workflow.TRANSITIONS.get(action)
    if step is None:
        raise ValidationError(_("Thao tác không tồn tại."))
    return _apply(record, step, actor, role, reason, client_ip, expected_state, data or {}, changes)


def record_event(
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
    """Append a non-state event of ``workflow.EVENTS`` (reassign, apology, result, overdue, reminder, merger)."""
    step = workflow.EVENTS.get(action)
    if step is None:
        raise ValidationError(_("Thao tác không tồn tại."))
    return _apply(record, step, actor, role, reason, client_ip, expected_state, data or {}, changes)


def _apply(record, step, actor, role, reason, client_ip, expected_state, data, changes) -> Record:
    if step.reason_required and not (reason or "").strip():
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
        blocked = workflow.blocking_reasons(locked, step.action)
        if blocked:
            raise ValidationError(blocked)
        event = _change(locked, step, actor, role, reason, client_ip, data, changes)
        if step.action in workflow.MOVES_WITH_FIRST:
            _move_linked(locked, step, actor, role, reason, client_ip, event)
    record.refresh_from_db()
    return record


def _change(locked, step, actor, role, reason, client_ip, data, changes) -> RecordEvent:
    """Apply the step to a locked, authorised record and append its event."""
    now = timezone.now()
    effect = _EFFECTS.get(step.action)
    event_data = dict(data)
    after = None
    if effect is not None:
        extra_changes, extra_data, after = effect(locked, actor=actor, data=data, now=now)
        changes = {**extra_changes, **changes}
        event_data.update(extra_data)
    from_state = locked.state
    agencies = {locked.agency_id}
    if step.changes_state:
        locked.state = step.target
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.save()
    event = RecordEvent.objects.create(
        record=locked,
        actor=actor,
        role=role,
        action=step.action,
        from_state=from_state,
        to_state=step.target or from_state,
        reason=reason,
        client_ip=client_ip,
        data=event_data,
    )
    if after is not None:
        after(locked, event)
    if step.changes_state:
        agencies.add(locked.agency_id)
        transaction.on_commit(lambda: [selectors.forget_counts(pk) for pk in agencies])
    _announce(locked, event)
    return event


def _announce(record: Record, event: RecordEvent) -> None:
    signals.record_changed.send(sender=Record, record=record, event=event, action=event.action)
    transaction.on_commit(
        lambda: signals.record_transitioned.send(sender=Record, record=record, event=event, action=event.action)
    )


def _move_linked(first: Record, step, actor, role, reason, client_ip, first_event) -> None:
    """Integrated-service records marked ``moves_with_first`` follow the bundle's first record.

    The one-stop desk that receives (or returns) the bundle acts for the linked
    agencies too: the bundle authorises it, so their roles are not checked; a
    linked record held by a guard (an unpaid fee...) stays where it is.
    """
    members = bundle_members(first)
    if not members or members[0].service_id != first.service_id:
        return
    following = {m.service_id for m in members[1:] if m.moves_with_first}
    linked = (
        Record.objects.select_for_update()
        .filter(group_id=first.group_id, service_id__in=following, state__in=step.source)
        .exclude(pk=first.pk)
        .order_by("pk")
    )
    for record in linked:
        if workflow.blocking_reasons(record, step.action):
            continue
        _change(record, step, actor, role, reason, client_ip, {"moved_with": first.code}, {})


def _authorise(record: Record, step, actor, role: str) -> None:
    if role not in step.roles:
        raise PermissionDenied(_("Vai trò của bạn không được thực hiện thao tác này."))
    if role == workflow.SYSTEM:
        return
    if role == workflow.CITIZEN:
        if actor is None or record.applicant_id != actor.pk:
            raise PermissionDenied(_("Bạn không phải người nộp hồ sơ này."))
        return
    from identity.services import require_role

    require_role(actor, record.agency, role)


# Each action's own rules, run on the locked record before it changes: they return
# (field changes, event data, a callback run after the event is written) or raise.


def _on_receive(record, *, actor, data, now):
    today = timezone.localdate(now)
    due = deadlines.due_date(today, time_limit(record))
    if record.group_id and record.expected_result_date:
        # In an integrated filing the record waits for those before it: receiving it early changes nothing.
        due = max(due, record.expected_result_date)
    changes = {"received_at": now, "due_date": due, "expected_result_date": due}
    assignee = data.get("assigned_to")
    if assignee is not None:
        _check_assignee(record, assignee)
        changes["assigned_to_id"] = assignee
    return changes, {"due_date": due.isoformat()}, None


def _on_start(record, *, actor, data, now):
    return ({"assigned_to": actor} if record.assigned_to_id is None else {}), {}, None


def _on_request_supplement(record, *, actor, data, now):
    return {"supplement_requested_at": now}, {}, None


def _on_supplement(record, *, actor, data, now):
    if record.due_date is None or record.supplement_requested_at is None:
        return {"supplement_requested_at": None}, {}, None
    due, paused = deadlines.resume_after_pause(
        record.due_date, timezone.localdate(record.supplement_requested_at), timezone.localdate(now)
    )
    changes = {
        "due_date": due,
        "expected_result_date": due,
        "paused_working_days": record.paused_working_days + paused,
        "supplement_requested_at": None,
    }
    return changes, {"paused_working_days": paused, "due_date": due.isoformat()}, None


def transfer_targets(record: Record):
    """Agencies a record may be transferred to: the others implementing its procedure, and the agency's parent."""
    from procedures.models import Agency

    agency = record.agency
    candidates = Agency.objects.filter(is_active=True).exclude(pk=agency.pk)
    related = candidates.filter(procedure_versions=record.procedure_version) | candidates.filter(pk=agency.parent_id)
    return related.distinct().order_by("level", "name")


def _on_transfer(record, *, actor, data, now):
    target = transfer_targets(record).filter(code=data.get("to_agency", "")).first()
    if target is None:
        raise ValidationError(
            _(
                "Hãy chọn cơ quan nhận hồ sơ trong danh sách: cơ quan khác cùng giải quyết thủ tục này "
                "hoặc cơ quan cấp trên."
            )
        )
    return (
        {"agency": target, "assigned_to": None},
        {"from_agency": record.agency.code, "to_agency": target.code},
        None,
    )


def _on_approve(record, *, actor, data, now):
    if not record.results.exists():
        raise ValidationError(_("Hãy tải lên hoặc tạo văn bản kết quả trước khi phê duyệt."))
    return {}, {"result": record.current_result.pk}, None


def _on_finish(record, *, actor, data, now):
    return {"completed_at": now}, {}, None


def _on_return(record, *, actor, data, now):
    today = timezone.localdate(now)
    if record.needs_apology(today):
        raise ValidationError(
            _("Hồ sơ đã quá hạn (hạn %(due)s): hãy lập phiếu xin lỗi và hẹn lại ngày trả trước khi trả kết quả.")
            % {"due": record.due_date.strftime("%d/%m/%Y")}
        )
    late = record.due_date is not None and record.due_date < today
    return {"completed_at": now}, {"late": late}, None


def _on_reassign(record, *, actor, data, now):
    assignee = data.get("to")
    _check_assignee(record, assignee)
    return {"assigned_to_id": assignee}, {"from": record.assigned_to_id}, None


def _check_assignee(record, user_id) -> None:
    from identity.constants import StaffRole
    from identity.models import StaffMembership

    if not StaffMembership.objects.filter(
        user_id=user_id, agency_id=record.agency_id, role__in=[StaffRole.PROCESSOR, StaffRole.AGENCY_HEAD]
    ).exists():
        raise ValidationError(_("Chỉ phân công cho chuyên viên xử lý của cơ quan."))


def _on_apologise(record, *, actor, data, now):
    import datetime

    today = timezone.localdate(now)
    try:
        new_date = datetime.date.fromisoformat(str(data.get("new_appointment", "")))
    except ValueError:
        raise ValidationError(_("Hãy chọn ngày hẹn trả kết quả mới."))
    current = record.appointment_date
    if new_date <= today or (current is not None and new_date <= current):
        raise ValidationError(_("Ngày hẹn mới phải sau hôm nay và sau ngày hẹn hiện tại."))
    if not deadlines.is_working_day(new_date, deadlines.extra_days_off()):
        raise ValidationError(_("Ngày hẹn mới phải là ngày làm việc."))
    return {"new_appointment_date": new_date}, {"previous_appointment": current and current.isoformat()}, None


def _on_overdue(record, *, actor, data, now):
    return {"overdue_since": timezone.localdate(now)}, {"due_date": record.due_date.isoformat()}, None


def _on_reminder(record, *, actor, data, now):
    return (
        {"reminded_for": record.due_date},
        {"due_date": record.due_date.isoformat(), "officer": record.assigned_to_id},
        None,
    )


_EFFECTS = {
    "receive": _on_receive,
    "refuse": _on_finish,
    "withdraw": _on_finish,
    "reject": _on_finish,
    "start_processing": _on_start,
    "accept_transfer": _on_start,
    "request_supplement": _on_request_supplement,
    "supplement": _on_supplement,
    "transfer": _on_transfer,
    "approve": _on_approve,
    "return_result": _on_return,
    "reassign": _on_reassign,
    "apologise": _on_apologise,
    "overdue": _on_overdue,
    "reminder": _on_reminder,
}


def bundle_members(record: Record) -> list:
    """The members of the integrated service the record was filed with, in order (none for a single filing)."""
    if not record.group_id or record.group.bundle_id is None:
        return []
    return list(record.group.bundle.bundle_members.select_related("service__version"))


def time_limit(record: Record, members: list | None = None) -> int:
    """Working days the record's agency has: its time limit within an integrated filing when the bundle sets one
    (the birth bundle gives the residence registration 3 days instead of its usual 7), else its procedure's.
    ``members``: the bundle's, when the caller has them already."""
    members = bundle_members(record) if members is None else members
    member = next((m for m in members if m.service_id == record.service_id), None)
    if member is not None and member.processing_days is not None:
        return member.processing_days
    return record.procedure_version.processing_days or 0


def days_to_result(record: Record) -> int:
    """Working days from submission to the record's result. The procedures of an integrated filing follow one
    another (the birth is registered before the child's residence): a record's result also waits for those before it
    in the bundle."""
    members = bundle_members(record)
    days = 0
    for member in members:
        if member.service_id == record.service_id:
            return days + time_limit(record, members)
        days += member.time_limit
    return time_limit(record, members)


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
    expected = deadlines.due_date(today, days_to_result(record))
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
        problems += [f"{record.service.display_name}: {p}" for p in submission_problems(record)]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        submitted = [_submit_locked(r, actor=actor, role=workflow.CITIZEN, client_ip=client_ip) for r in records]
        group.submitted_at = timezone.now()
        group.save(update_fields=["submitted_at"])
    return submitted


def withdraw(record: Record, *, actor, reason: str = "", client_ip: str | None = None) -> Record:
    return transition(record, "withdraw", actor=actor, role=workflow.CITIZEN, reason=reason, client_ip=client_ip)


def can_withdraw(record: Record) -> bool:
    return record.state in workflow.TRANSITIONS["withdraw"].source


def applicant_role_for(record: Record) -> str:
    return ApplicantRole(record.applicant_role).label


def residence_unit_code(registry: dict | None) -> str:
    """The code of the unit of permanent residence in registry data (``eservices.prefill.registry_data``),
    which decides where a filing goes."""
    return ((registry or {}).get("permanent_address") or {}).get("unit_code") or ""


# --- Back-office --------------------------------------------------------------


def staff_roles(user, agency) -> set[str]:
    """The roles ``user`` holds at ``agency``; the agency head holds them all."""
    from identity.constants import StaffRole
    from identity.models import StaffMembership

    if not getattr(user, "is_authenticated", False) or not user.is_officer or not user.is_active:
        return set()
    held = set(StaffMembership.objects.filter(user=user, agency=agency).values_list("role", flat=True))
    if StaffRole.AGENCY_HEAD in held:
        held |= set(StaffRole.values)
    return held


def role_for(user, agency, step) -> str:
    """The role in which ``user`` takes ``step`` (the first of the step's roles they hold)."""
    held = staff_roles(user, agency)
    staff_roles_of_step = sorted(step.roles - {workflow.CITIZEN, workflow.SYSTEM})
    for role in staff_roles_of_step:
        if role in held:
            return role
    # Not held: ``_authorise`` refuses it with a message naming the role.
    return staff_roles_of_step[0] if staff_roles_of_step else workflow.CITIZEN


def allowed_actions(record: Record, user) -> list:
    """What ``user`` may do on ``record`` now: state transitions, then the other actions."""
    roles = staff_roles(user, record.agency)
    return workflow.available(record.state, roles) + workflow.available_events(record.state, roles)


def act(
    record: Record,
    action: str,
    *,
    actor,
    reason: str = "",
    client_ip: str | None = None,
    expected_state: str | None = None,
    data: dict | None = None,
) -> Record:
    """A staff action from the back-office, in the role the officer holds for it."""
    step = workflow.ACTIONS.get(action)
    if step is None or workflow.SYSTEM in step.roles:
        raise ValidationError(_("Thao tác không tồn tại."))
    role = role_for(actor, record.agency, step)
    apply = transition if step.changes_state else record_event
    return apply(
        record,
        action,
        actor=actor,
        role=role,
        reason=reason,
        client_ip=client_ip,
        expected_state=expected_state,
        data=data,
    )


def attach_result(
    record: Record, uploaded, *, actor, client_ip: str | None = None, expected_state: str | None = None, note=""
) -> ResultDocument:
    """Store the digitised result (a scan of the signed paper) with the record, before approval."""
    content_type, digest = check_upload(uploaded)
    with transaction.atomic():
        act(
            record,
            "attach_result",
            actor=actor,
            client_ip=client_ip,
            expected_state=expected_state,
            data={"name": uploaded.name[:255], "sha256": digest, "kind": "upload"},
        )
        result = ResultDocument(
            record=record,
            original_name=uploaded.name[:255],
            content_type=content_type,
            size=uploaded.size,
            sha256=digest,
            uploaded_by=actor,
            note=note[:255],
        )
        result.file.save(uploaded.name, uploaded, save=False)
        result.save()
    return result


def generate_result(
    record: Record, *, actor, client_ip: str | None = None, expected_state: str | None = None
) -> ResultDocument:
    """Have ``documents`` issue and sign a result certificate, and keep it as the record's result."""
    from documents.services import request_document

    with transaction.atomic():
        act(record, "attach_result", actor=actor, client_ip=client_ip, expected_state=expected_state, data={})
        record.refresh_from_db()
        count = record.results.count()
        document = request_document(
            "result_certificate",
            agency=record.agency,
            subject=record,
            context={
                "record_code": record.code,
                "applicant_name": record.subject_name or record.applicant_name,
                "procedure_name": record.procedure_version.name,
                "result": record.procedure_version.result_name or record.procedure_version.name,
            },
            idempotency_key=f"result-{record.pk}-{count + 1}",
        )
        return ResultDocument.objects.create(
            record=record,
            document_id=document.pk,
            original_name=f"{record.code}-ket-qua.pdf",
            content_type="application/pdf",
            uploaded_by=actor,
        )


def result_file(result: ResultDocument):
    """(file, content type, name) of a result, or None while a generated one is not issued yet."""
    if result.file:
        return result.file, result.content_type, result.original_name
    from documents.models import Document

    document = Document.objects.filter(pk=result.document_id).first()
    if document is None or not document.file:
        return None
    return document.file, "application/pdf", result.original_name


def reassign(record: Record, to_user, *, actor, client_ip: str | None = None) -> Record:
    return act(record, "reassign", actor=actor, client_ip=client_ip, data={"to": to_user.pk})


def apologise(
    record: Record, new_appointment, reason: str, *, actor, client_ip: str | None = None, expected_state=None
) -> Record:
    """The apology letter (phiếu xin lỗi) with a new appointment date, which the citizen sees."""
    return act(
        record,
        "apologise",
        actor=actor,
        reason=reason,
        client_ip=client_ip,
        expected_state=expected_state,
        data={"new_appointment": new_appointment.isoformat()},
    )


def supplement(record: Record, *, actor, client_ip: str | None = None) -> Record:
    """The citizen hands in what was asked for; the clock starts again with the waiting days given back."""
    return transition(
        record,
        "supplement",
        actor=actor,
        role=workflow.CITIZEN,
        client_ip=client_ip,
        expected_state=RecordState.SUPPLEMENT_REQUESTED,
    )


# --- Periodic scans -------------------------------------------------------------


def scan_overdue(today=None) -> int:
    """Mark records past their due date (once each) with an "overdue" event; returns how many."""
    from .constants import RUNNING_CLOCK_STATES

    today = today or timezone.localdate()
    pks = list(
        Record.objects.filter(state__in=RUNNING_CLOCK_STATES, due_date__lt=today, overdue_since__isnull=True)
        .order_by("due_date")
        .values_list("pk", flat=True)
    )
    done = 0
    for pk in pks:
        try:
            record_event(Record(pk=pk), "overdue", actor=None, role=workflow.SYSTEM)
        except ValidationError:  # moved on meanwhile
            continue
        done += 1
    return done


def send_reminders(today=None, working_days: int = 2) -> int:
    """Remind the handling officer of records due within ``working_days`` working days (once per due date)."""
    from .constants import RUNNING_CLOCK_STATES

    today = today or timezone.localdate()
    horizon = deadlines.add_working_days(today, working_days, deadlines.extra_days_off())
    candidates = (
        Record.objects.filter(state__in=RUNNING_CLOCK_STATES, due_date__gt=today, due_date__lte=horizon)
        .exclude(reminded_for=models.F("due_date"))
        .values_list("pk", flat=True)
    )
    done = 0
    for pk in list(candidates):
        try:
            record_event(Record(pk=pk), "reminder", actor=None, role=workflow.SYSTEM)
        except ValidationError:
            continue
        done += 1
    return done


# --- Counter intake ---------------------------------------------------------------


def counter_applicant(person):
    """The portal account of the person at the desk: their VNeID account if they have one, else a desk-only one.

    A desk-only account cannot log in; their first VNeID login adopts it, with the records
    filed for them (``identity.services.adopt_desk_account``).
    """
    from allauth.socialaccount.models import SocialAccount

    from identity.services import desk_account

    for key in ("userinfo", "id_token"):
        account = (
            SocialAccount.objects.filter(provider="vneid", **{f"extra_data__{key}__id_number": person.id_number})
            .select_related("user")
            .first()
        )
        if account is not None:
            return account.user
    return desk_account(person.id_number, person.full_name)


def start_counter_draft(*, service: OnlineService, id_number: str, agency, officer) -> Record:
    """A receiver files for a citizen at the desk: found in the population registry, channel "counter"."""
    from identity.constants import StaffRole
    from identity.registry.models import Person
    from identity.services import require_role

    require_role(officer, agency, StaffRole.RECEIVER)
    person = Person.objects.filter(id_number=(id_number or "").strip()).first()
    if person is None:
        raise ValidationError(_("Không tìm thấy số định danh này trong Cơ sở dữ liệu quốc gia về dân cư."))
    return start_draft(
        service=service,
        applicant=counter_applicant(person),
        applicant_id_number=person.id_number,
        applicant_name=person.full_name,
        agency=agency,
        channel=Channel.COUNTER,
        filed_by=officer,
    )
