"""Where a record stands in its procedure's internal process (``procedures.process``), and how it gets there.

The configured steps are data, not a second workflow: the actions of the workflow table move a record through them
(``place``, called by the one funnel ``records.transitions`` for every action). Receipt enters the first step; the
processor's "start" leaves the reception step; "hand over" (``HAND_OVER``) goes to the next step of work or
consultation; "submit to the leader" goes to the leader's step and "send back" returns to the step it came from;
approval (which signs) goes on to the return step; a closing action leaves the process. Each step entered gets its
own due time: its working hours of office time from the moment it is entered (``deadlines.add_working_hours``).
A record whose procedure has no steps at its agency is left alone.

Each move is written on its event (``data["step"]``...), so the history, the control slip (Mẫu 04, ``control_rows``)
and the figures read the hand-overs back from events alone.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from procedures.models import StepKind
from procedures.process import steps_for

from . import deadlines
from .constants import WorkflowAction as A

WORK_KINDS = {StepKind.PROCESS, StepKind.CONSULT}
CLOSING = {A.RETURN_RESULT, A.REFUSE, A.REJECT, A.WITHDRAW, A.TRANSFER}


def process_of(record) -> list:
    """The steps of the record's procedure at its agency (its own process, else the common one)."""
    return steps_for(record.procedure_version, record.agency)


def _index(steps, step_id) -> int | None:
    return next((i for i, step in enumerate(steps) if step.pk == step_id), None)


def _first(steps, kinds, start=0):
    return next((step for step in steps[start:] if step.kind in kinds), None)


def next_work_step(record):
    """The step a hand-over leads to, or ValidationError saying why there is none."""
    steps = process_of(record)
    at = _index(steps, record.process_step_id)
    if at is None:
        raise ValidationError(_("Hồ sơ không theo quy trình nội bộ có các bước: không có bước để chuyển."))
    following = steps[at + 1] if at + 1 < len(steps) else None
    if following is None or following.kind not in WORK_KINDS:
        raise ValidationError(
            _("Bước tiếp theo của hồ sơ là “%(step)s”: hãy dùng thao tác “Trình lãnh đạo” hoặc thao tác của bước đó.")
            % {"step": following.name if following else _("kết thúc")}
        )
    return following


def _target(record, action, steps, event_data):
    """The step ``action`` leads to: a step, ``None`` to leave the process, or ``...`` to stay where it is."""
    at = _index(steps, record.process_step_id)
    if action in CLOSING:
        return None
    if action == A.RECEIVE:
        return steps[0]
    if action == A.START_PROCESSING:
        current = steps[at] if at is not None else None
        if current is not None and current.kind == StepKind.RECEIVE and at + 1 < len(steps):
            return steps[at + 1]
        return ... if current is not None else _first(steps, WORK_KINDS)
    if action in (A.ACCEPT_TRANSFER, A.TRANSFER_BACK):
        return _first(steps, WORK_KINDS) or ...
    if action == A.HAND_OVER:
        return next_work_step(record)
    if action == A.SUBMIT_TO_LEADER:
        return _first(steps, {StepKind.LEADER}, (at or 0) + 1) or _first(steps, {StepKind.LEADER, StepKind.SIGN}) or ...
    if action == A.SEND_BACK:
        submitted = record.events.filter(action=A.SUBMIT_TO_LEADER).order_by("-at", "-id").first()
        back = submitted and submitted.data.get("from_step")
        return next((step for step in steps if step.pk == back), None) or _first(steps, WORK_KINDS) or ...
    if action == A.APPROVE:
        return _first(steps, {StepKind.RETURN}, (at or 0) + 1)
    if action == A.SUPPLEMENT and at is not None:
        return steps[at]  # the citizen's supplement restarts the step's clock
    return ...


def place(record, action, now, event_data: dict) -> dict:
    """Field changes that move ``record`` (its agency already set by the action) for ``action``; the move is written
    into ``event_data``. Nothing when its procedure has no internal process at its agency."""
    if action not in MOVING and record.process_step_id is None:
        return {}
    steps = process_of(record)
    if not steps and record.process_step_id is None:
        return {}
    target = _target(record, action, steps, event_data)
    if target is ...:
        return {}
    if target is None:
        if record.process_step_id is None:
            return {}
        event_data["from_step"] = record.process_step_id
        return {"process_step": None, "step_due_at": None, "step_overdue_since": None}
    due = deadlines.add_working_hours(now, target.working_hours)
    event_data.update(
        {
            "from_step": record.process_step_id,
            "step": target.pk,
            "step_order": target.order,
            "step_name": target.name,
            "step_unit": target.unit,
            "step_due": due.isoformat(),
        }
    )
    return {"process_step": target, "step_due_at": due, "step_overdue_since": None}


# The actions that may move a record into the process (any action may move one already in it).
MOVING = {A.RECEIVE, A.START_PROCESSING, A.ACCEPT_TRANSFER, A.TRANSFER_BACK}


def control_rows(record) -> list[dict]:
    """The control slip's lines (Mẫu 04): each step entered, by whom and when, when it was handed over, and whether
    that was before, on or after its due time (on the due day: on time). The step in progress has no hand-over yet."""
    moves = list(record.events.filter(data__has_key="from_step").select_related("actor").order_by("at", "id"))
    now = timezone.now()
    rows = []
    for index, event in enumerate(moves):
        data = event.data
        if not data.get("step"):
            continue
        due = parse_datetime(data.get("step_due") or "")
        ended = moves[index + 1].at if index + 1 < len(moves) else None
        late = bool(due and (ended or now) > due)
        if late:
            verdict = _("Quá hạn")
        elif ended is None:
            verdict = _("Đang thực hiện")
        elif due and timezone.localdate(ended) == timezone.localdate(due):
            verdict = _("Đúng hạn")
        else:
            verdict = _("Trước hạn")
        rows.append(
            {
                "order": data.get("step_order"),
                "name": data.get("step_name", ""),
                "unit": data.get("step_unit", ""),
                "received_at": event.at,
                "received_by": event.actor,
                "due": due,
                "handed_over_at": ended,
                "verdict": verdict,
                "late": late,
                "note": event.reason,
            }
        )
    return rows
