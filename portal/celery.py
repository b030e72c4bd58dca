"""Celery application.

With ``REDIS_URL`` set, tasks go to Redis and run in separate worker
processes; without it (the embedded default) they run in-process, eagerly.

Queues, routes, acknowledgement, time limits and the beat schedule are
settings (``CELERY_*`` in ``portal/settings.py``). The rules every task of the
portal follows:

- the side effects of a record's change (each notification, each slip, each
  refund) are not sent as messages from the request: they are rows of the
  transactional outbox (``outbox/``), written in the change's transaction and
  relayed to the broker after commit, then by the outbox sweep (beat, every
  30 s) if the broker lost them, refused them or the worker running them died.
  Other work is sent with ``transaction.on_commit``, so a rolled-back change
  sends nothing;
- it is idempotent: it locks its row and does nothing if the work is already
  done, so a redelivered message (``acks_late``) or a row swept again has the
  effect of one run;
- it retries with exponential backoff and jitter, and records the failure
  when retries run out (``on_failure``), where an administrator can see it.
  The retry options every task starts from are ``common.tasks.RETRY_POLICY``
  (outbox rows are retried by the outbox: 30 s doubling, 10 attempts).

Timing after a crash. A worker killed mid-task leaves its message
unacknowledged; Redis gives it to another worker after the visibility timeout,
180 s (``CELERY_VISIBILITY_TIMEOUT``; it was an hour). Hard time limits stay
below it (170 s by default, 120 s for a document, 60 s for a delivery or an
outbox batch), so a task still running is never handed out a second time. An
outbox row is back sooner: the sweep sends it again once its lease (60 s after
the relay, doubling with each further dispatch) or the dead worker's claim (75
s) has run out, so within about 60-105 s. A retry waiting for its countdown
(at most 160 s: 5 s or 10 s doubling) is held unacknowledged too, so a late
retry of a long task may be handed out twice; the second run finds the work
done.

Run ``make worker`` and ``make beat`` (or ``celery -A portal worker -Q
notifications`` for a worker of one queue); see the README.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
