"""Celery tasks of feedback: run from the outbox (``receivers.py``), idempotent."""

from celery import shared_task


@shared_task(name="feedback.tasks.invite_to_rate")
def invite_to_rate(record_id: str) -> bool:
    """Invite the applicant of a returned record to rate the service (their inbox). Idempotent."""
    from . import services

    return services.invite_to_rate(record_id) is not None
