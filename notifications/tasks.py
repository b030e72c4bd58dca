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

    Idempotent through the event's idempotency key: a redelivered task writes nothing twice.
    """
    from records.models import RecordEvent

    from .receivers import notify_record_event as notify_event

    event = (
        RecordEvent.objects.select_related("record__procedure_version", "record__agency", "record__applicant")
        .filter(pk=event_id)
        .first()
    )
    if event is None:  # the record was deleted (a draft never notifies; kept for safety)
        return 0
    return len(notify_event(event.record, event, event.action))


@shared_task(name="notifications.tasks.resend_stale_deliveries", queue="notifications")
def resend_stale_deliveries(older_than_minutes: int = 10) -> int:
    """Hand again to the queue deliveries pending for long (the broker was down at commit, say)."""
    ids = list(services.stale_deliveries(timedelta(minutes=older_than_minutes)).values_list("pk", flat=True)[:1000])
    for delivery_id in ids:
        deliver.delay(delivery_id)
    if ids:
        logger.info("Sent %s stale notification deliveries again", len(ids))
    return len(ids)
