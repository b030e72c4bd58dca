"""Test settings: the real PostgreSQL and Redis of this machine, unless told otherwise."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
# Playwright's sync API keeps an event loop in the test thread; the ORM calls there are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _redis_of_worker(url: str, index: int) -> str:
    """The Redis database of xdist worker ``index``: the given one for the first, the ones below it for the others
    (15, 14, 13... under `make test`), so that a test clearing the cache never clears another worker's."""
    base, _, db = url.rpartition("/")
    return f"{base}/{(int(db or 0) - index) % 16}"


# Under pytest-xdist each worker has its own database (pytest-django adds _gw0, _gw1...) and its own Redis
# database. Done once: the processes a test starts (a Celery worker) inherit the environment already moved.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker and os.environ.get("TEST_REDIS_WORKER") != _worker:
    for _name in ("REDIS_URL", "CACHE_URL"):
        if os.environ.get(_name):
            os.environ[_name] = _redis_of_worker(os.environ[_name], int(_worker.removeprefix("gw")))
    os.environ["TEST_REDIS_WORKER"] = _worker

from portal.settings import *  # noqa: E402,F403
from portal.settings import STORAGES  # noqa: E402

# Live-server and worker threads must not keep connections open, or the test database cannot be dropped.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
