"""The simulated gateway's own tasks: callback delivery with retries."""

import logging
import time

from celery import shared_task
from django import db
from django.db import DatabaseError

from . import services

logger = logging.getLogger(__name__)


def _deliver(transaction_id: str) -> bool:
    """One attempt; its own database away counts as a failed attempt, retried like the merchant answering 503."""
    try:
        return services.deliver_callback(transaction_id)
    except DatabaseError as error:
        logger.warning("PayGov callback for %s not attempted, database unavailable: %s", transaction_id, error)
        db.connection.close()
        return False


@shared_task(bind=True, name="paygov.tasks.deliver_callback", queue="default", max_retries=6)
def deliver_callback(self, transaction_id: str) -> bool:
    """Send the merchant the outcome until it answers 2xx: a 503 (the merchant's database away), a timeout or a
    refused connection is retried with backoff, 2 s doubling 6 times (about 2 minutes in all), then by
    ``redeliver_callbacks`` every minute up to its 8 attempts, as a real gateway keeps retrying its notifications."""
    if _deliver(transaction_id):
        return True
    if not self.request.is_eager:
        raise self.retry(countdown=2 * 2**self.request.retries)
    # In-process (no worker): two quick retries, then ``redeliver_callbacks`` and the merchant's poller.
    for pause in (0.5, 1.5):
        time.sleep(pause)
        if _deliver(transaction_id):
            return True
    return False


@shared_task(name="paygov.tasks.redeliver_callbacks", queue="default")
def redeliver_callbacks() -> int:
    return services.redeliver_callbacks()
