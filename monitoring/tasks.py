from celery import shared_task


@shared_task(name="monitoring.tasks.count_pending")
def count_pending() -> int:
    """Count the queued record events into the figures (Celery beat, every minute). Safe to run concurrently."""
    from .counting import count_pending as count

    return count()
