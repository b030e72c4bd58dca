"""Celery tasks of the outbox: run rows (sent by the relay and the sweep) and sweep (Celery beat)."""

from celery import shared_task

from . import services


@shared_task(
    name="outbox.tasks.run",
    # Sent to the queue of its rows' tasks (``services.relay`` names it); each row is claimed,
    # so a redelivered message does nothing for rows done or running elsewhere.
    acks_late=True,
    reject_on_worker_lost=True,
    # Below OUTBOX_CLAIM_SECONDS (75 s): a batch killed by its limit leaves claims that expire.
    soft_time_limit=45,
    time_limit=60,
)
def run(ids: list[int]) -> int:
    """Run outbox rows ``ids`` in turn; returns how many this run completed."""
    return services.process_many(ids)


@shared_task(name="outbox.tasks.sweep", queue="default", soft_time_limit=45, time_limit=60)
def sweep() -> int:
    """Every OUTBOX_SWEEP_SECONDS: send again the rows lost on the way, never sent, or left by a dead worker."""
    return services.sweep()


@shared_task(name="outbox.tasks.purge", queue="default")
def purge() -> int:
    """Hourly: delete done rows older than OUTBOX_KEEP_DONE_DAYS."""
    return services.purge()
