"""Outages survived, end to end: Redis, then PostgreSQL, stopped and started again under a running portal.

The portal runs under gunicorn (2 sync workers) with a real Celery worker (and its beat: the outbox sweep every
second), on a redis-server and a PostgreSQL cluster of this test's own (``servers.py``), filled with a copy of the
test database once the citizen, their records and payments are made there. While Redis is stopped, then while
PostgreSQL is, the citizen files records through the API and the payment gateway sends its callbacks: the test
counts records, notices and payments before and after, and every answer: none lost, no 500 (503 only while
PostgreSQL is away), and the portal recovers without being restarted. One payment's callback is sent by the
simulated gateway's own task, which retries with backoff until the portal takes it.

Bounded: the outages and the recovery take about half a minute, and never more than 90 s; about a minute and
a half in all with the servers' start.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid

import psycopg2
import pytest
import requests
from django.db import connection
from django.utils import timezone

from notifications.constants import Event
from payments.gateway_sim.models import MerchantTransaction, Status
from payments.providers import paygov
from records.constants import RecordState
from tests.notifications.worker import CeleryWorker, wait_for
from tests.payments.conftest import MERCHANT, SECRET, filed_record
from tests.records.conftest import payment_for

from .servers import Gunicorn, PrivatePostgres, PrivateRedis

pytestmark = [
    pytest.mark.outage,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),  # send_task to the private Redis
]

DATABASE = "portal_outage"


@pytest.fixture
def stack(tmp_path):
    """Private Redis and PostgreSQL, gunicorn and a worker (started by the test once its data is copied)."""
    redis_server, postgres = PrivateRedis(tmp_path), PrivatePostgres()
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.resilience.portal_settings",
        "DATABASE_URL": postgres.url(DATABASE),
        "REDIS_URL": redis_server.url,
        "CELERY_BROKER_URL": redis_server.url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PAYGOV_SECRET": SECRET,
        "PAYGOV_MERCHANT_ID": MERCHANT,
        "TEST_EMAIL_DIR": str(tmp_path / "mail"),
        "TEST_SMS_FILE": str(tmp_path / "sms.log"),
    }
    web = Gunicorn(tmp_path, **env)
    worker = CeleryWorker(tmp_path, **env, PORTAL_BASE_URL=web.url)
    yield redis_server, postgres, web, worker
    web.stop()
    worker.stop()
    redis_server.stop()
    postgres.remove()


class Portal:
    """The citizen's browser and the gateway, over HTTP; every answer's status is kept."""

    def __init__(self, url: str, session_key: str):
        self.url, self.statuses = url, []
        self.browser = requests.Session()
        csrf = secrets.token_hex(16)  # a 32-character CSRF secret the browser holds, sent back in the header
        self.browser.cookies.set("sessionid", session_key)
        self.browser.cookies.set("csrftoken", csrf)
        self.browser.headers["X-CSRFToken"] = csrf

    def _kept(self, response):
        self.statuses.append((response.request.method, response.request.path_url, response.status_code))
        return response

    def get(self, path: str, **kwargs):
        return self._kept(self.browser.get(self.url + path, timeout=20, allow_redirects=False, **kwargs))

    def file(self, key: str, person) -> requests.Response:
        """The filing API, with an Idempotency-Key: sending it again after a 503 cannot file twice."""
        data = {
            "full_name": person.full_name,
            "id_number": person.id_number,
            "birth_date": person.birth_date.isoformat(),
            "request": "Đăng ký thường trú",
            "delivery": "online",
        }
        return self._kept(
            self.browser.post(
                f"{self.url}/api/v1/records/",
                data={"service": "dang-ky-thuong-tru", "data": json.dumps(data)},
                headers={"Idempotency-Key": key},
                timeout=20,
            )
        )

    def callback(self, payment) -> requests.Response:
        """The gateway's signed callback, signed at sending as the gateway does (no session, no cookie)."""
        params = {
            "merchant_id": MERCHANT,
            "reference": payment.reference,
            "transaction_id": f"PG{payment.reference[-10:]}",
            "amount": payment.amount,
            "status": "success",
            "method": "Vietcombank",
            "completed_at": "",
            "timestamp": int(time.time()),
        }
        params["signature"] = paygov.sign(params, SECRET)
        return self._kept(requests.post(f"{self.url}/payments/callback/paygov/", data=params, timeout=20))


def counts(url: str) -> dict:
    """Filed records, settled payments, and for each filed record its "submitted" notices and their deliveries."""
    with psycopg2.connect(url) as db, db.cursor() as cursor:
        cursor.execute("SELECT id::text FROM records_record WHERE state <> %s", [RecordState.DRAFT])
        records = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT count(*) FROM payments_payment WHERE state = 'paid'")
        paid = cursor.fetchone()[0]
        cursor.execute(
            "SELECT m.object_id, count(DISTINCT m.id), count(d.id) FILTER (WHERE d.status <> 'sent') "
            "FROM notifications_message m LEFT JOIN notifications_delivery d ON d.message_id = m.id "
            "WHERE m.event = %s GROUP BY m.object_id",
            [Event.RECORD_SUBMITTED],
        )
        notices = {object_id: (messages, unsent) for object_id, messages, unsent in cursor.fetchall()}
    db.close()
    return {"records": records, "paid": paid, "notices": notices}


def delivered(url: str, records: set) -> bool:
    """Each record of ``records`` has one "submitted" notice, every channel of it sent."""
    notices = counts(url)["notices"]
    return all(notices.get(record) == (1, 0) for record in records)


def test_redis_then_postgresql_stopped_during_filings_and_callbacks_lose_nothing(stack, client, citizen, family):
    redis_server, postgres, web, worker = stack
    father = family["father"]
    # The data the portal starts from, made here and copied: three records waiting for their fee.
    records = [filed_record(citizen, father) for _ in range(3)]
    payments = [payment_for(record, citizen, amount=50_000) for record in records]
    MerchantTransaction.objects.create(  # the simulated gateway's side of the third one: paid, to be told
        transaction_id=f"PG{payments[2].reference[-10:]}",
        merchant_id=MERCHANT,
        reference=payments[2].reference,
        amount=payments[2].amount,
        description="Lệ phí",
        return_url=f"{web.url}/payments/return/{payments[2].reference}/",
        callback_url=f"{web.url}/payments/callback/paygov/",
        status=Status.SUCCESS,
        method="Vietcombank",
        completed_at=timezone.now(),
    )
    session_key = client.cookies["sessionid"].value
    db = connection.settings_dict
    redis_server.start()
    postgres.start()
    postgres.copy_database(
        f"postgres://postgres@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}", DATABASE
    )
    web.start()
    worker.start(beat=True)
    portal = Portal(web.url, session_key)
    started = time.monotonic()  # the outages and the recovery, once every server is up
    before = counts(postgres.url(DATABASE))
    assert before["paid"] == 0

    # --- Redis stopped: pages, filings and callbacks go on; the queued work waits for it ---
    redis_server.stop()
    assert portal.get("/").status_code == 200
    assert portal.get("/my/records/").status_code == 200  # logged in still: the session is in the database
    keys = [f"outage-{uuid.uuid4().hex[:12]}" for _ in range(4)]
    assert portal.file(keys[0], father).status_code == 201
    assert portal.file(keys[1], father).status_code == 201
    assert portal.callback(payments[0]).status_code == 200
    ready = portal.get("/readyz")
    assert ready.status_code == 503 and ready.json()["checks"]["cache"]["status"] == "unavailable"
    redis_server.start()  # empty: what was queued in it is gone, the outbox sends it again

    # --- PostgreSQL stopped: a friendly 503, nothing kept half-way ---
    postgres.stop()
    assert portal.get("/healthz").status_code == 200
    ready = portal.get("/readyz")
    assert ready.status_code == 503 and ready.json()["checks"]["database"]["status"] == "unavailable"
    page = portal.get("/my/records/")
    assert page.status_code == 503 and page.headers["Retry-After"] and "tạm thời gián đoạn" in page.text
    refused_filing = portal.file(keys[2], father)
    assert refused_filing.status_code == 503
    refused_callback = portal.callback(payments[1])
    assert refused_callback.status_code == 503
    # The simulated gateway's own delivery, sent now, meets the database away and retries with backoff.
    from portal.celery import app

    with app.connection_for_write(redis_server.url) as broker:
        app.send_task(
            "paygov.tasks.deliver_callback",
            args=[f"PG{payments[2].reference[-10:]}"],
            connection=broker,
            queue="default",
        )
    wait_for(
        lambda: "database unavailable" in worker.log.read_text(errors="replace"),
        timeout=20,
        message="the gateway's task to meet the database away (it retries)",
    )
    postgres.start()

    # --- Back, without restarting anything: the citizen and the gateway send again what was refused ---
    wait_for(lambda: portal.get("/my/records/").status_code == 200, timeout=15, message="the portal to recover")
    assert portal.get("/readyz").status_code == 200
    assert portal.file(keys[2], father).status_code == 201
    assert portal.file(keys[2], father).status_code in (200, 201)  # sent twice: still one record
    assert portal.file(keys[3], father).status_code == 201
    assert portal.callback(payments[1]).status_code == 200

    url = postgres.url(DATABASE)
    wait_for(lambda: counts(url)["paid"] == 3, timeout=45, message="the three payments to be settled")
    after = counts(url)
    new = after["records"] - before["records"]
    assert len(new) == 4  # keys[0..3], each once, the one sent twice included
    wait_for(lambda: delivered(url, new), timeout=45, message=f"every filing's notice to be delivered: {counts(url)}")
    assert not [status for status in portal.statuses if status[2] >= 500 and status[2] != 503]
    assert time.monotonic() - started < 90  # bounded: the waits above give up long before
