"""What every Celery task of the portal starts from.

The rules (see ``portal/celery.py`` for the application itself): a task is sent
with ``transaction.on_commit``, is idempotent (it locks its row and does nothing
if the work is done, so a redelivered message has the effect of one run), and
retries with exponential backoff and jitter, recording the failure when retries
run out. ``RETRY_POLICY`` holds the retry part, as ``@shared_task`` options.
"""

# Defaults for the tasks of every app; a task may ask for more (documents render for longer).
RETRY_POLICY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "retry_backoff": 5,
    "retry_backoff_max": 10 * 60,
    "retry_jitter": True,
    "max_retries": 6,
}
