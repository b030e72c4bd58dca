"""A service away for a moment, in this process: Redis not answering is an empty cache; PostgreSQL not answering
is a friendly 503 (page, API and payment callback), never a 500; the probes say which service is away.

Redis "away" is a Redis URL on a port where nothing listens; PostgreSQL "away" is this test's own connection
pointed at such a port (a real refused connection, as when the server is stopped). The end-to-end run with
servers really stopped and started again under gunicorn and a Celery worker is ``test_outages.py``.
"""

import json
import socket

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client

from payments.models import Payment
from procedures import selectors
from tests.payments.conftest import callback_params, filed_record
from tests.records.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_away(settings):
    """The cache on a Redis that refuses connections, as while it is stopped."""
    settings.CACHES = {
        "default": {"BACKEND": "portal.cache.TolerantRedisCache", "LOCATION": f"redis://127.0.0.1:{spare_port()}/0"}
    }
    return caches["default"]


@pytest.fixture
def client(client):
    """As the web server does: an error raised in a middleware is answered by the error handler, not re-raised
    in the test (Django's test client would)."""
    client.raise_request_exception = False
    return client


@pytest.fixture
def database_away():
    """Stops this process's database for the test's ``with`` block: every new connection is refused."""

    class Away:
        def __enter__(self):
            self.port = connection.settings_dict["PORT"]
            connection.close()
            connection.settings_dict["PORT"] = spare_port()

        def __exit__(self, *exc):
            connection.close()
            connection.settings_dict["PORT"] = self.port

    return Away()


def test_with_redis_away_the_cache_is_empty_and_forgets_writes(redis_away):
    assert redis_away.get("k") is None
    assert redis_away.get("k", "default") == "default"
    redis_away.set("k", 1)
    assert redis_away.get("k") is None
    assert redis_away.get_or_set("overview", lambda: {"built": True}, 30) == {"built": True}
    assert redis_away.get_many(["a", "b"]) == {}
    # Counters start again from zero: throttles fail open (portal/cache.py says why).
    assert redis_away.add("counter", 0) is True
    assert redis_away.incr("counter") == 1
    redis_away.delete("k")
    redis_away.clear()


def test_with_redis_away_the_home_page_and_a_logged_in_page_answer(client, citizen, redis_away):
    selectors.catalogue_overview()  # not cached anywhere: built from the database
    assert client.get("/").status_code == 200
    response = client.get("/my/records/")
    assert response.status_code == 200
    assert client.get("/my/records/").status_code == 200  # the session came back from the database


def test_with_the_database_away_pages_answer_a_friendly_503_and_recover(client, citizen, database_away):
    with database_away:
        page = client.get("/my/records/")
        api = client.get("/api/v1/procedures/")
        alive = client.get("/healthz")
        ready = client.get("/readyz")
    assert page.status_code == 503
    assert page["Retry-After"] == "30"
    text = page.content.decode()
    assert "Hệ thống tạm thời gián đoạn" in text and "Temporarily unavailable" in text
    assert "Traceback" not in text and "OperationalError" not in text
    assert api.status_code == 503 and "Temporarily unavailable" in api.json()["detail"]
    assert alive.status_code == 200
    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"
    assert ready.json()["checks"]["database"]["status"] == "unavailable"
    assert ready.json()["checks"]["cache"]["status"] == "ok"
    # Back without restarting anything: the next request opens a new connection.
    assert client.get("/my/records/").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_a_payment_callback_while_the_database_is_away_is_503_and_logged_then_accepted(
    client,
    citizen,
    family,
    database_away,
    caplog,
):
    from payments import services

    record = filed_record(citizen, family["father"])
    login(client, citizen)
    payment = Payment.objects.create(
        reference=services.new_reference(),
        idempotency_key="k1",
        record=record,
        provider="paygov",
        amount=services.fee_for(record).total or 50_000,
        description="test",
        payer_name=record.applicant_name,
        created_by=citizen,
    )
    params = callback_params(payment)
    gateway = Client(raise_request_exception=False)  # server to server: no session
    with database_away, caplog.at_level("INFO", logger="payments.views"):
        refused = gateway.post("/payments/callback/paygov/", params)
    assert refused.status_code == 503
    assert refused["Retry-After"]
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert payment.reference in logged and "503" in logged
    assert params["signature"] not in logged
    # The gateway sends it again once the database is back: it settles the payment.
    accepted = gateway.post("/payments/callback/paygov/", params)
    assert accepted.status_code == 200, accepted.content
    payment.refresh_from_db()
    assert payment.state == "paid"


def test_readyz_names_each_service_and_no_secret(client, settings):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "storage"}
    assert all(check["status"] == "ok" for check in body["checks"].values())
    text = json.dumps(body)
    assert settings.DATABASES["default"]["NAME"] not in text and "redis://" not in text and "127.0.0.1" not in text
    assert response["Cache-Control"] == "no-store"


def test_readyz_on_the_embedded_default_cache(client, settings):
    """Without Redis (development): the local-memory cache is written and read back."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    response = client.get("/readyz")
    assert response.json()["checks"]["cache"]["status"] == "ok"
