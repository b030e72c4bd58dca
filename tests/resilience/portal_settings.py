"""Settings of the portal (gunicorn) and its worker in the outage test (``test_outages.py``).

Those of the outbox's reliability workers (e-mail and SMS to files, outbox lease 2 s and claim 3 s, beat
running only the outbox sweep, every second), with kept database connections as in production, so that
recovering after PostgreSQL restarts is CONN_HEALTH_CHECKS's work, not a fresh connection per request's.
"""

from tests.outbox.worker_settings import *  # noqa: F403

DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# The filing API's rate limits are not what is tested here.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
