"""Celery tasks of EMC reporting: send one status report (an outbox row's task), bring back given-up rows."""

from celery import shared_task

from . import services


@shared_task(name="emc.tasks.report_status", queue="default")
def report_status(report: dict) -> int:
    """Run by the outbox for each row: a failure raises, and the outbox retries the row with backoff."""
    return services.send(report)


@shared_task(name="emc.tasks.resend_failed", queue="default")
def resend_failed() -> int:
    """Hourly: the reports the outbox gave up on (``OUTBOX_MAX_ATTEMPTS`` during a long outage) start again."""
    from outbox.models import Entry, EntryStatus
    from outbox.services import retry

    return retry(Entry.objects.filter(task=services.TASK, status=EntryStatus.FAILED))
