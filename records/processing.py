"""What officers do to a record in the back-office: an action in the role they hold, the result document, a
reassignment, the apology letter."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from identity.services import staff_roles

from . import workflow
from .attachments import files_removed_on_rollback, write_file
from .constants import RecordState, WorkflowAction
from .models import Record, ResultDocument
from .transitions import record_event, transition
from .uploads import check_upload


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
    """Store the result (a PDF) with the record, before approval, which signs it as it is."""
    content_type, digest = check_upload(uploaded)
    if content_type != "application/pdf":
        raise ValidationError(
            _(
                "Kết quả “%(name)s” phải là tệp PDF để được ký số khi phê duyệt: "
                "hãy lưu văn bản dưới dạng PDF rồi tải lên."
            )
            % {"name": uploaded.name}
        )
    # A full disk raises StorageUnavailable with no partial file left, and the event rolls back with the row.
    with files_removed_on_rollback(), transaction.atomic():
        act(
            record,
            WorkflowAction.ATTACH_RESULT,
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
        write_file(result, uploaded)
        result.save()
    return result


# ``documents`` issues and signs generated result certificates. It registers itself here in its ``AppConfig.ready``
# so that records never imports it: records sits below the apps that react to it (README, "Where things live").
_result_issuer = None


def register_result_issuer(issuer) -> None:
    """``issuer`` has ``issue_result_certificate(record, *, idempotency_key) -> document id`` and
    ``result_certificate_file(document_id) -> file or None`` (``documents.results``)."""
    global _result_issuer
    _result_issuer = issuer


def _issuer():
    if _result_issuer is None:
        raise ImproperlyConfigured("No result issuer is registered: is the documents app installed?")
    return _result_issuer


def generate_result(
    record: Record, *, actor, client_ip: str | None = None, expected_state: str | None = None
) -> ResultDocument:
    """Have the result issuer (``documents``) render the standard result certificate as an unsigned draft, and keep
    it as the record's result. Once: while the current result is a generated draft, asking again returns it (fifty
    clicks make one draft). The approval signs it (``documents.results.sign_on_approval``)."""
    with transaction.atomic():
        locked = Record.objects.select_for_update().get(pk=record.pk)
        current = locked.current_result
        if current is not None and current.is_generated and locked.state == RecordState.IN_PROCESSING:
            return current
        act(
            locked,
            WorkflowAction.ATTACH_RESULT,
            actor=actor,
            client_ip=client_ip,
            expected_state=expected_state,
            data={"kind": "draft"},
        )
        drafts = locked.results.filter(document_id__isnull=False).count()
        document_id = _issuer().issue_result_certificate(locked, idempotency_key=f"result-draft-{drafts + 1}")
        return ResultDocument.objects.create(
            record=locked,
            document_id=document_id,
            original_name=f"{locked.code}-ket-qua-du-thao.pdf",
            content_type="application/pdf",
            uploaded_by=actor,
            note=_DRAFT_NOTE,
        )


# Written on the row (as ``documents.results`` writes its "signed" note), read on the record page.
_DRAFT_NOTE = "Bản dự thảo, chưa ký số"


def result_file(result: ResultDocument):
    """(file, content type, name) of a result, or None while a generated one is not issued yet."""
    if result.file:
        return result.file, result.content_type, result.original_name
    file = _issuer().result_certificate_file(result.document_id)
    if not file:
        return None
    return file, "application/pdf", result.original_name


def reassign(record: Record, to_user, *, actor, client_ip: str | None = None) -> Record:
    return act(record, WorkflowAction.REASSIGN, actor=actor, client_ip=client_ip, data={"to": to_user.pk})


def apologise(
    record: Record, new_appointment, reason: str, *, actor, client_ip: str | None = None, expected_state=None
) -> Record:
    """The apology letter (phiếu xin lỗi) with a new appointment date, which the citizen sees."""
    return act(
        record,
        WorkflowAction.APOLOGISE,
        actor=actor,
        reason=reason,
        client_ip=client_ip,
        expected_state=expected_state,
        data={"new_appointment": new_appointment.isoformat()},
    )
