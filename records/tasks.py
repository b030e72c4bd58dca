"""Periodic work on records (Celery beat): the daily overdue scan and the reminders to officers."""

from celery import shared_task

from . import services


@shared_task(name="records.tasks.scan_overdue")
def scan_overdue() -> int:
    """Idempotent: a record is marked overdue once."""
    return services.scan_overdue()


@shared_task(name="records.tasks.scan_step_overdue")
def scan_step_overdue() -> int:
    """Idempotent: a step is marked overdue once each time it is entered."""
    return services.scan_step_overdue()


@shared_task(name="records.tasks.send_reminders")
def send_reminders() -> int:
    """Idempotent: one reminder per record and due date."""
    return services.send_reminders()


@shared_task(name="records.tasks.archive_closed_records")
def archive_closed_records() -> int:
    """Idempotent: closed records are archived once, a grace period after closing, and never deleted."""
    from .archive import archive_closed_records as archive

    return archive()


@shared_task(name="records.tasks.purge_abandoned_drafts")
def purge_abandoned_drafts() -> int:
    """Idempotent: a draft deleted is not found again; a draft touched meanwhile is no longer abandoned."""
    from .purge import purge_abandoned_drafts as purge

    return purge().drafts
