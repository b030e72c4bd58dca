"""Celery tasks of the notifications queue."""

import logging
from datetime import timedelta

from celery import Task, shared_task

from common.tasks import RETRY_POLICY

from . import services

logger = logging.getLogger(__name__)


class DeliveryTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Retries ran out (or the error is not retried): the delivery shows as failed in the admin."""
        delivery_id = args[0] if args else kwargs.get("delivery_id")
        if delivery_id is not None:
            services.mark_failed(delivery_id, f"{type(exc).__name__}: {exc}")


@shared_task(
    bind=True,
    base=DeliveryTask,
    name="notifications.tasks.deliver",
    queue="notifications",
    autoretry_for=(Exception,),
    soft_time_limit=30,
    time_limit=60,
    **{**RETRY_POLICY, "retry_backoff": 10, "max_retries": 5},
)
def deliver(self, delivery_id: int) -> str | None:
    """Send one delivery (e-mail or SMS). Idempotent: a sent delivery is left alone."""
    delivery = services.deliver(delivery_id)
    return delivery.status if delivery else None


@shared_task(name="notifications.tasks.notify_recipient", queue="notifications")
def notify_recipient(event_id: int, user_id: int, audience: str) -> bool:
    """Tell one person of one record event: the work of one outbox row (``receivers.on_record_changed``).

    Run by ``outbox.tasks.run``, which claims the row, calls this and marks the row done; retries
    are the outbox's. Idempotent: the notification's key is the record event's, so a row run again
    after a crash writes nothing twice and sends nothing twice.
    """
    from django.contrib.auth import get_user_model

    from .receivers import notify_recipient as notify_one

    event = _record_event(event_id)
    user = get_user_model().objects.filter(pk=user_id).first()
    if event is None or user is None:  # deleted since (a draft never notifies; kept for safety)
        return False
    return notify_one(event.record, event, user, audience) is not None


@shared_task(
    name="notifications.tasks.notify_record_event",
    queue="notifications",
    autoretry_for=(Exception,),
    soft_time_limit=30,
    time_limit=60,
    **RETRY_POLICY,
)
def notify_record_event(event_id: int) -> int:
    """Notify the applicant and the officers of one record event; returns how many were notified.

    What the receiver sent before the outbox: kept for the messages still queued at the upgrade
    (and for an administrator to run by hand). Idempotent through the event's idempotency key,
    the same as ``notify_recipient``'s, so the two never notify anyone twice.
    """
    from .receivers import notify_record_event as notify_event

    event = _record_event(event_id)
    if event is None:  # the record was deleted (a draft never notifies; kept for safety)
        return 0
    return len(notify_event(event.record, event, event.action))


def _record_event(event_id: int):
    from records.models import RecordEvent

    return (
        RecordEvent.objects.select_related("record__procedure_version", "record__agency", "record__applicant")
        .filter(pk=event_id)
        .first()
    )


@shared_task(name="notifications.tasks.resend_stale_deliveries", queue="notifications")
def resend_stale_deliveries(older_than_minutes: int = 10) -> int:
    """Hand again to the queue deliveries pending for long (the broker was down at commit, say)."""
    ids = list(services.stale_deliveries(timedelta(minutes=older_than_minutes)).values_list("pk", flat=True)[:1000])
    for delivery_id in ids:
        deliver.delay(delivery_id)
    if ids:
        logger.info("Sent %s stale notification deliveries again", len(ids))
    return len(ids)
