"""Every allowed change of a record, in one module: read it to know the whole workflow.

- ``TRANSITIONS``: the changes of ``Record.state``: who may make them, from which states, and the action's own
  rules (its *effect*, defined just above the table);
- ``EVENTS``: what staff (or the system) may record on a record without changing its state: reassigning it,
  issuing an apology letter, attaching the result, the overdue and reminder notes of the periodic scans.

``records.transitions`` is the one funnel that applies them: it checks this table, the actor's role and agency and
the guards other apps register here, locks the record, runs the effect and appends the event. The agency head holds
every staff role of their agency (``identity.services.staff_roles``). Action names are ``WorkflowAction``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from identity.constants import StaffRole

from . import deadlines, rules
from .constants import ActorRole, Channel
from .constants import RecordState as S
from .constants import WorkflowAction as A

CITIZEN = ActorRole.CITIZEN
SYSTEM = ActorRole.SYSTEM

# An effect runs on the locked record before it changes. It returns (field changes, event data, a callback run
# after the event is written, or None), or raises ValidationError to refuse the action with a message.
Effect = Callable[..., tuple[dict, dict, Callable | None]]


@dataclass(frozen=True)
class Transition:
    action: A
    source: frozenset
    target: str | None  # None: the state does not change (see EVENTS)
    roles: frozenset
    reason_required: bool = False
    effect: Effect | None = None

    @property
    def label(self):
        return self.action.label

    @property
    def changes_state(self) -> bool:
        return self.target is not None


def _t(action, source, target, roles, reason_required=False, effect=None):
    return Transition(A(action), frozenset(source), target, frozenset(roles), reason_required, effect)


# --- Effects: each action's own rules --------------------------------------------


def _on_submit(record, *, actor, data, now):
    """The persons the form names whose knowledge the procedure implies are written with the filing
    (``participants``): they are told of it with the applicant, in the same announcement."""
    from .participants import name_participants

    return {}, {}, name_participants


def _on_receive(record, *, actor, data, now):
    start = timezone.localdate(now)
    if record.channel == Channel.ONLINE and record.submitted_at:
        # Filed online at night, at the weekend or over Tết: the clock starts on the next working day.
        start = max(start, deadlines.filing_day(record.submitted_at, record.agency))
    due = deadlines.due_date(start, rules.time_limit(record))
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


def _on_transfer(record, *, actor, data, now):
    target = rules.transfer_targets(record).filter(code=data.get("to_agency", "")).first()
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


def _on_transfer_back(record, *, actor, data, now):
    """The receiving agency sends the record back where it came from, to the officer who transferred it."""
    from identity.models import StaffMembership

    came = record.events.filter(action=A.TRANSFER, data__to_agency=record.agency.code).order_by("-at", "-id").first()
    sender = came and rules.agency_by_code(came.data.get("from_agency", ""))
    if sender is None:
        raise ValidationError(_("Hồ sơ này không do cơ quan khác chuyển đến: không có nơi để trả lại."))
    officer = came.actor_id
    if not StaffMembership.objects.filter(user_id=officer, agency=sender, role=StaffRole.PROCESSOR).exists():
        officer = None
    return (
        {"agency": sender, "assigned_to_id": officer},
        {"from_agency": record.agency.code, "to_agency": sender.code},
        None,
    )


def follows_process(record) -> bool:
    """Whether the record's procedure has an internal process at its agency (``procedures.process``): its steps are
    data these actions move through, the leader's approval coming only after the record is submitted to them."""
    from procedures.process import steps_for

    return bool(steps_for(record.procedure_version, record.agency))


def submitted_to_leader(record) -> bool:
    """Submitted to the leader and not sent back since."""
    last = record.events.filter(action__in=[A.SUBMIT_TO_LEADER, A.SEND_BACK]).order_by("-at", "-id").first()
    return last is not None and last.action == A.SUBMIT_TO_LEADER


def _on_submit_to_leader(record, *, actor, data, now):
    if not record.results.exists():
        raise ValidationError(_("Hãy tải lên hoặc tạo văn bản kết quả trước khi trình lãnh đạo."))
    return {}, {"result": record.current_result.pk}, None


def _on_hand_over(record, *, actor, data, now):
    from .steps import next_work_step

    step = next_work_step(record)  # refuses when the next step is not one of work or consultation
    return {}, {"to_step_name": step.name}, None


def _on_step_overdue(record, *, actor, data, now):
    step = record.process_step
    data = {"overdue_step": step.pk, "step_name": step.name, "step_due": record.step_due_at.isoformat()}
    return {"step_overdue_since": now}, data, None


def _on_approve(record, *, actor, data, now):
    if not record.results.exists():
        raise ValidationError(_("Hãy tải lên hoặc tạo văn bản kết quả trước khi phê duyệt."))
    if follows_process(record) and not submitted_to_leader(record):
        raise ValidationError(_("Hồ sơ chưa được trình lãnh đạo: lãnh đạo chỉ phê duyệt hồ sơ đã được trình."))
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


# --- The table ------------------------------------------------------------------

# Integrated-service records (eservices.BundleMember.moves_with_first) follow the first
# record of their bundle on these actions: the one-stop desk receives and returns the
# whole bundle at once, each linked record getting its own event.
MOVES_WITH_FIRST = frozenset({A.RECEIVE, A.RETURN_RESULT})

TRANSITIONS = {
    t.action: t
    for t in [
        _t(A.SUBMIT, {S.DRAFT}, S.SUBMITTED, {CITIZEN, StaffRole.RECEIVER}, effect=_on_submit),
        _t(A.WITHDRAW, {S.SUBMITTED, S.RECEIVED}, S.WITHDRAWN, {CITIZEN}, effect=_on_finish),
        _t(A.RECEIVE, {S.SUBMITTED}, S.RECEIVED, {StaffRole.RECEIVER}, effect=_on_receive),
        _t(A.REFUSE, {S.SUBMITTED}, S.REFUSED, {StaffRole.RECEIVER}, reason_required=True, effect=_on_finish),
        _t(A.START_PROCESSING, {S.RECEIVED}, S.IN_PROCESSING, {StaffRole.PROCESSOR}, effect=_on_start),
        _t(
            A.REQUEST_SUPPLEMENT,
            {S.IN_PROCESSING},
            S.SUPPLEMENT_REQUESTED,
            {StaffRole.PROCESSOR},
            reason_required=True,
            effect=_on_request_supplement,
        ),
        _t(
            A.SUPPLEMENT,
            {S.SUPPLEMENT_REQUESTED},
            S.IN_PROCESSING,
            {CITIZEN, StaffRole.RECEIVER},
            effect=_on_supplement,
        ),
        _t(
            A.TRANSFER,
            {S.IN_PROCESSING},
            S.TRANSFERRED,
            {StaffRole.PROCESSOR},
            reason_required=True,
            effect=_on_transfer,
        ),
        _t(A.ACCEPT_TRANSFER, {S.TRANSFERRED}, S.IN_PROCESSING, {StaffRole.PROCESSOR}, effect=_on_start),
        _t(
            A.TRANSFER_BACK,
            {S.TRANSFERRED},
            S.IN_PROCESSING,
            {StaffRole.PROCESSOR},
            reason_required=True,
            effect=_on_transfer_back,
        ),
        _t(A.APPROVE, {S.IN_PROCESSING}, S.APPROVED, {StaffRole.APPROVER}, effect=_on_approve),
        _t(A.REJECT, {S.IN_PROCESSING}, S.REJECTED, {StaffRole.APPROVER}, reason_required=True, effect=_on_finish),
        _t(A.RETURN_RESULT, {S.APPROVED}, S.RESULT_RETURNED, {StaffRole.RECEIVER}, effect=_on_return),
    ]
}

# Work in progress after receipt: where an apology letter, a reassignment or a reminder makes sense.
_AFTER_RECEIPT = {S.RECEIVED, S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.TRANSFERRED, S.APPROVED}

EVENTS = {
    t.action: t
    for t in [
        _t(A.REASSIGN, _AFTER_RECEIPT | {S.SUBMITTED}, None, {StaffRole.AGENCY_HEAD}, effect=_on_reassign),
        _t(
            A.APOLOGISE,
            _AFTER_RECEIPT,
            None,
            {StaffRole.PROCESSOR, StaffRole.APPROVER},
            reason_required=True,
            effect=_on_apologise,
        ),
        _t(A.ATTACH_RESULT, {S.IN_PROCESSING}, None, {StaffRole.PROCESSOR}),
        _t(A.OVERDUE, _AFTER_RECEIPT, None, {SYSTEM}, effect=_on_overdue),
        _t(A.REMINDER, _AFTER_RECEIPT, None, {SYSTEM}, effect=_on_reminder),
        _t(A.MERGE_UNIT, _AFTER_RECEIPT | {S.SUBMITTED}, None, {SYSTEM}),
        # The internal process: the processor submits to the leader, who approves or sends back with a comment.
        _t(A.SUBMIT_TO_LEADER, {S.IN_PROCESSING}, None, {StaffRole.PROCESSOR}, effect=_on_submit_to_leader),
        _t(A.SEND_BACK, {S.IN_PROCESSING}, None, {StaffRole.APPROVER}, reason_required=True),
        # Handing the record over to the next step of work or consultation (``steps``), with a note if any.
        _t(A.HAND_OVER, {S.IN_PROCESSING}, None, {StaffRole.PROCESSOR}, effect=_on_hand_over),
        _t(A.STEP_OVERDUE, _AFTER_RECEIPT, None, {SYSTEM}, effect=_on_step_overdue),
        # A signed result issued in error: the approver revokes it with a reason (``documents`` voids it).
        _t(A.REVOKE_RESULT, {S.APPROVED, S.RESULT_RETURNED}, None, {StaffRole.APPROVER}, reason_required=True),
    ]
}

ACTIONS = {**TRANSITIONS, **EVENTS}


def available(state: str, roles: set[str]) -> list[Transition]:
    """State transitions that someone holding ``roles`` may take from ``state``."""
    return [t for t in TRANSITIONS.values() if state in t.source and t.roles & roles]


def available_events(state: str, roles: set[str]) -> list[Transition]:
    """Non-state actions that someone holding ``roles`` may take on a record in ``state``."""
    return [t for t in EVENTS.values() if state in t.source and t.roles & roles and SYSTEM not in t.roles]


def can_withdraw(record) -> bool:
    return record.state in TRANSITIONS[A.WITHDRAW].source


# Extra conditions other apps attach to an action (e.g. payments: no receipt before the fee is paid).
# A guard takes the locked record and returns a message saying why the action must wait, or None.
GUARDS: dict[str, list] = {}


def register_guard(action: str, guard) -> None:
    if action not in ACTIONS:
        raise ValueError(f"Unknown action {action!r}")
    if guard not in GUARDS.setdefault(action, []):
        GUARDS[action].append(guard)


def blocking_reasons(record, action: str) -> list[str]:
    return [message for guard in GUARDS.get(action, []) if (message := guard(record))]
