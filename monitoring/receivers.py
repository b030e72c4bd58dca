"""Each event that moves a figure is queued in its record's transaction (``PendingEvent``): none is lost or counted
twice, and the filing pays one small insert, not the counting (``counting.count_pending`` does it in batches)."""

from records.constants import WorkflowAction as A

COUNTED = frozenset({A.RECEIVE, A.REFUSE, A.REQUEST_SUPPLEMENT, A.OVERDUE, A.RETURN_RESULT, A.REJECT, A.WITHDRAW})


def on_record_changed(sender, *, record, event, action, **kwargs):
    from .models import PendingEvent

    if action in COUNTED:
        PendingEvent.objects.create(event=event)
