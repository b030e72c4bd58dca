"""The simulated gateway's own tasks: callback delivery with retries."""

import time

from celery import shared_task

from . import services


@shared_task(bind=True, name="paygov.tasks.deliver_callback", queue="default", max_retries=5)
def deliver_callback(self, transaction_id: str) -> bool:
    delivered = services.deliver_callback(transaction_id)
    if delivered:
        return True
    if not self.request.is_eager:
        raise self.retry(countdown=5 * 2**self.request.retries)
    # In-process (no worker): two quick retries, then ``redeliver_callbacks`` and the merchant's poller.
    for pause in (0.5, 1.5):
        time.sleep(pause)
        if services.deliver_callback(transaction_id):
            return True
    return False


@shared_task(name="paygov.tasks.redeliver_callbacks", queue="default")
def redeliver_callbacks() -> int:
    return services.redeliver_callbacks()
