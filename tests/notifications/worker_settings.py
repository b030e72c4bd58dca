"""Settings of the real Celery worker the integration tests start (``tests.notifications.worker``).

The test's database, Redis, storage and signing directories come from the
environment the fixture sets; e-mail goes to files the test reads back, and
SMS through a backend that can be made slow so a test can kill the worker mid-send.
"""

import os

from tests.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["TEST_EMAIL_DIR"]
SMS_BACKEND = "tests.notifications.slow.SlowFileSmsBackend"
SMS_FILE_PATH = os.environ["TEST_SMS_FILE"]
# Give a lost message back within a few seconds, and look for lost messages every second.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3")),
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
CONN_MAX_AGE = 0
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
