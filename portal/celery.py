"""Celery application.

With ``REDIS_URL`` set, tasks go to Redis and run in separate worker
processes; without it (the embedded default) they run in-process, eagerly.

Queues, routes, acknowledgement, time limits and the beat schedule are
settings (``CELERY_*`` in ``portal/settings.py``). The rules every task of the
portal follows:

- it is sent with ``transaction.on_commit``, so a rolled-back change sends nothing;
- it is idempotent: it locks its row and does nothing if the work is already
  done, so a redelivered message (``acks_late``) has the effect of one run;
- it retries with exponential backoff and jitter, and records the failure
  when retries run out (``on_failure``), where an administrator can see it.
  The retry options every task starts from are ``common.tasks.RETRY_POLICY``.

Run ``make worker`` and ``make beat`` (or ``celery -A portal worker -Q
notifications`` for a worker of one queue); see the README.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
