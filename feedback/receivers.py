"""From a returned result to the invitation to rate it: one outbox row in the record's transaction.

The row's key is the record's, so the invitation is written once per record whatever happens after (a result
revoked and returned again invites nobody a second time); the notification's own idempotency key says the same.
"""

from records.constants import WorkflowAction as A


def on_record_changed(sender, *, record, event, action, **kwargs):
    from outbox.services import enqueue

    if action != A.RETURN_RESULT or not record.applicant_id:
        return
    enqueue("feedback.tasks.invite_to_rate", {"record_id": str(record.pk)}, f"feedback:rating-invite:{record.pk}")
