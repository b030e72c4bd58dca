"""The one funnel for every change of a record: ``transition`` changes ``Record.state``, ``record_event`` appends an
event that changes no state. Both check the workflow table (``workflow``), the actor's role and agency, lock the record,
run the action's effect, append the event and announce it (``signals.record_changed`` in the transaction,
``signals.record_transitioned`` after it commits). No other code writes ``Record.state`` or a ``RecordEvent``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors, signals, steps, workflow
from .constants import RecordState, WorkflowAction
from .models import Record, RecordEvent
from .rules import bundle_members


class RecordChanged(ValidationError):
    """Someone else changed the record first; the caller should reload and decide again."""


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
    new: bool = False,
    **changes,
) -> Record:
    """Apply one transition of the workflow table, or refuse it without changing anything.

    ``new``: ``record`` is not written yet (the filing API's one-request filing); it is inserted in the action's
    target state, with its "create" event before the action's own, in the caller's transaction.

    ``expected_state`` is the state the actor saw: if someone else moved the
    record meanwhile, ``RecordChanged`` asks them to look again instead of
    applying the action to a record they have not seen. The action's own rules
    (``workflow``: due date at receipt, the supplement pause, the result before
    approval, the apology before a late return...) run on the locked row.
    """
    step = workflow.TRANSITIONS.get(action)
    if step is None:
        raise ValidationError(_("Thao tác không tồn tại."))
    return _apply(record, step, actor, role, reason, client_ip, expected_state, data or {}, changes, new=new)


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


def _apply(record, step, actor, role, reason, client_ip, expected_state, data, changes, new=False) -> Record:
    if step.reason_required and not (reason or "").strip():
        raise ValidationError(_("Hãy ghi rõ lý do cho thao tác “%(action)s”.") % {"action": step.label})
    # A record not yet written is inserted in its filing's own transaction (``file_complete``): a failure here rolls
    # the whole filing back, so it needs no savepoint of its own.
    with transaction.atomic(savepoint=not new):
        # A record not yet written (the one-request filing) has no row to lock: it is inserted by ``_change``.
        locked = record if new else Record.objects.select_for_update().get(pk=record.pk)
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
        event = _change(locked, step, actor, role, reason, client_ip, data, changes, new=new)
        if step.action in workflow.MOVES_WITH_FIRST:
            _move_linked(locked, step, actor, role, reason, client_ip, event)
    if locked is not record:
        record.refresh_from_db()
    return record


def _change(locked, step, actor, role, reason, client_ip, data, changes, new=False) -> RecordEvent:
    """Apply the step to a locked, authorised record and append its event."""
    now = timezone.now()
    effect = step.effect
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
    # The internal process's steps are data the actions move through (``steps``): the move is on the event.
    for field, value in steps.place(locked, step.action, now, event_data).items():
        setattr(locked, field, value)
    event = RecordEvent(
        record=locked,
        at=now,
        actor=actor,
        role=role,
        action=step.action,
        from_state=from_state,
        to_state=step.target or from_state,
        reason=reason,
        client_ip=client_ip,
        data=event_data,
    )
    if new:
        # Born in the state the action leads to: its history still starts with its creation as a draft.
        locked.save(force_insert=True)
        created = RecordEvent(
            record=locked, at=now, actor=actor, action=WorkflowAction.CREATE, to_state=RecordState.DRAFT
        )
        RecordEvent.objects.bulk_create([created, event])
    else:
        locked.save()
        event.save()
    if after is not None:
        after(locked, event)
    if step.changes_state:
        agencies.add(locked.agency_id)
        transaction.on_commit(lambda: [selectors.forget_counts(pk) for pk in agencies])
    announce(locked, event)
    return event


def announce(record: Record, event: RecordEvent) -> None:
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
