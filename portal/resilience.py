"""Outages survived: the 503 page while PostgreSQL or the broker is away, and the load balancer's probes.

While the database (or the broker, where a request publishes outside the outbox) does not answer,
a request ends in ``OperationalError``/``InterfaceError``. Instead of a stack trace and a 500 the
citizen reads a short page in Vietnamese and English with ``Retry-After``; an API client reads JSON.
Nothing about the request is kept here: a form must be sent again (the page says so), and the payment
gateway retries its callback (``payments.views.callback``). Django's connections recover by themselves:
``CONN_HEALTH_CHECKS`` drops a dead kept connection before a request reuses it.

The probes: ``/healthz`` says the process answers (liveness: restart it if not); ``/readyz`` says the
database, the cache, the broker and the storage are reachable, each named, with a one-second timeout
each (readiness: send it no traffic while not ready).
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.core.files.storage import storages
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.template import loader
from kombu.exceptions import OperationalError as BrokerError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# Errors that mean "a service the portal needs is away for a moment", not a bug.
OUTAGE_ERRORS = (OperationalError, InterfaceError, BrokerError)
CHECK_TIMEOUT = 1.0  # seconds per check of /readyz


def is_outage(error: BaseException | None) -> bool:
    return isinstance(error, OUTAGE_ERRORS)


def unavailable(request) -> HttpResponse:
    """The answer while a service is away: JSON for the API and server-to-server callers, else the 503 page."""
    if request.path.startswith(("/api/", "/payments/callback/")):
        response = JsonResponse(
            {"detail": "Hệ thống tạm thời gián đoạn, vui lòng thử lại sau. / Temporarily unavailable, retry later."},
            status=503,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        # Rendered without the request: context processors read the user, and so the database.
        response = HttpResponse(
            loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS}), status=503
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    """A view that finds the database or the broker away answers 503, not 500.

    Errors raised in the middleware themselves (the session saved after the view) reach the 500 handler,
    which answers the same 503 (``portal.views.server_error``). The outage is logged as a warning, one line,
    without the request's data. The probes ``/healthz`` and ``/readyz`` are answered here, before the other
    middleware: a probe reads no session, and so no database, of its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The probes answer before the other middleware: no session, no user, no language are read for them.
        if request.path == "/healthz":
            return healthz(request)
        if request.path == "/readyz":
            return readyz(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        logger.warning(
            "Outage: %s %s answered 503 (%s: %s)", request.method, request.path, type(exception).__name__, exception
        )
        _drop_broken_connection()
        return unavailable(request)


def _drop_broken_connection() -> None:
    """A connection that failed is not kept for the next request of this worker."""
    try:
        if connection.connection is not None and not connection.is_usable():
            connection.close()
    except DatabaseError:
        pass


# --- readiness ------------------------------------------------------------


def check_database() -> str:
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL statement_timeout = %s", [int(CHECK_TIMEOUT * 1000)])
        cursor.execute("SELECT 1")
    return "ok"


def check_cache() -> str:
    """Writes and reads a key, through the client itself: the portal's cache hides its errors."""
    backend = cache
    if isinstance(backend, RedisCache):  # ask the server: the tolerant wrapper would answer "miss"
        client = backend._cache.get_client(write=True)
        if not client.ping():
            raise ConnectionError("no PONG")
        return "ok"
    key = f"readyz:{uuid.uuid4().hex}"
    backend.set(key, 1, 5)
    if backend.get(key) != 1:
        raise ConnectionError("the value written was not read back")
    backend.delete(key)
    return "ok"


def check_broker() -> str:
    """A TCP connection to the broker (Redis or RabbitMQ); ``memory://`` (in-process tasks) needs none."""
    url = settings.CELERY_BROKER_URL
    parts = urlsplit(url)
    if parts.scheme in ("memory", ""):
        return "ok"
    default_port = {"redis": 6379, "rediss": 6379, "amqp": 5672, "amqps": 5671, "pyamqp": 5672}.get(parts.scheme, 0)
    with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=CHECK_TIMEOUT):
        return "ok"


def check_storage() -> str:
    """The uploads' storage can take a file: a local directory exists (or is made) and is writable; another
    storage (S3) is asked whether a file exists, which reaches it. Nothing is written."""
    storage = storages["default"]
    location = getattr(storage, "location", None)
    if location is not None:
        os.makedirs(location, exist_ok=True)
        if not os.access(location, os.W_OK):
            raise PermissionError("not writable")
        return "ok"
    storage.exists("readyz-probe")
    return "ok"


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker, "storage": check_storage}


def readiness() -> tuple[bool, dict]:
    """Each check's state, ``ok`` or ``unavailable``, and the seconds it took; never an address or a secret."""
    results, ready = {}, True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            state = check()
        except Exception as error:  # noqa: BLE001 - any failure means "not ready", named by its type only
            logger.warning("Readiness: %s unavailable (%s)", name, type(error).__name__)
            state, ready = "unavailable", False
            if name == "database":
                _drop_broken_connection()
        results[name] = {"status": state, "seconds": round(time.monotonic() - started, 3)}
    return ready, results


def readyz(request):
    ready, checks = readiness()
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
    response["Cache-Control"] = "no-store"
    return response


def healthz(request):
    """Liveness: the process answers. No database: a database outage is for /readyz, not a reason to restart."""
    response = JsonResponse({"status": "ok"})
    response["Cache-Control"] = "no-store"
    return response
