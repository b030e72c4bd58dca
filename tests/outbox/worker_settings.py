"""Settings of the real Celery workers of the outbox reliability tests (``test_reliability.py``).

Those of ``tests.notifications.worker_settings`` (test database, file e-mail, a
visibility timeout of 3 s), with the outbox's lease and claim shortened to a few
seconds and beat running only the outbox sweep, every second, so a lost row
comes back within seconds instead of a minute. ``tests.outbox.slow`` replaces
the e-mail channel by one that can be made slow for one recipient, so a test
can kill the worker in the middle of a fan-out.
"""

from tests.notifications.worker_settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.outbox.slow.SlowChannelConfig"]  # noqa: F405
# The socket timeouts of production (portal/settings.py), so the workers run with them too.
CELERY_BROKER_TRANSPORT_OPTIONS = {**CELERY_BROKER_TRANSPORT_OPTIONS, "socket_connect_timeout": 3, "socket_timeout": 5}  # noqa: F405
OUTBOX_LEASE_SECONDS = 2
OUTBOX_CLAIM_SECONDS = 3
CELERY_BEAT_SCHEDULE = {"outbox-sweep": {"task": "outbox.tasks.sweep", "schedule": 1.0}}
