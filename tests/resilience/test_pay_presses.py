"""Four citizens press "Thanh toán" at once on two sync gunicorn workers, with the simulated gateway at its default
address (the portal itself): every one reaches the gateway's checkout within seconds.

Before, the "Thanh toán" request called the gateway over HTTP and waited: with both workers holding such a
request, the gateway's answer needed a third worker that did not exist, and every call waited for its timeout
(236 of 242 calls timed out in issue #21's run). Now, where workers run, a task opens the payment at the gateway
and the payer's page reloads until it can go there (``payments.views.starting``).
"""

from __future__ import annotations

import secrets
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection

from tests.notifications.worker import CeleryWorker
from tests.payments.conftest import MERCHANT, SECRET, filed_record

from .servers import Gunicorn, PrivateRedis

pytestmark = [pytest.mark.outage, pytest.mark.django_db(transaction=True)]

PRESSES = 4


@pytest.fixture
def stack(tmp_path):
    redis_server = PrivateRedis(tmp_path)
    db = connection.settings_dict
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.resilience.portal_settings",
        "DATABASE_URL": f"postgres://postgres@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": redis_server.url,
        "CELERY_BROKER_URL": redis_server.url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PAYGOV_SECRET": SECRET,
        "PAYGOV_MERCHANT_ID": MERCHANT,
        "PAYGOV_TIMEOUT": "10",
        "TEST_EMAIL_DIR": str(tmp_path / "mail"),
        "TEST_SMS_FILE": str(tmp_path / "sms.log"),
    }
    web = Gunicorn(tmp_path, workers=2, **env)
    worker = CeleryWorker(tmp_path, **env, PORTAL_BASE_URL=web.url)
    redis_server.start()
    yield web, worker
    web.stop()
    worker.stop()
    redis_server.stop()


def press_and_follow(url: str, session_key: str, record_id) -> tuple[float, str]:
    """POST "Thanh toán", then follow the waiting page until it sends the payer to the gateway's checkout."""
    browser = requests.Session()
    csrf = secrets.token_hex(16)
    browser.cookies.set("sessionid", session_key)
    browser.cookies.set("csrftoken", csrf)
    started = time.monotonic()
    response = browser.post(
        f"{url}/payments/records/{record_id}/pay/",
        data={"idempotency_key": uuid.uuid4().hex},
        headers={"X-CSRFToken": csrf},
        allow_redirects=False,
        timeout=30,
    )
    while response.status_code in (200, 302) and time.monotonic() - started < 30:
        location = response.headers.get("Location", "")
        if "/paygov/pay/" in location:
            return time.monotonic() - started, location
        if response.status_code == 200:  # the waiting page: it reloads itself each second
            time.sleep(1)
            location = response.url
        response = browser.get(requests.compat.urljoin(url, location), allow_redirects=False, timeout=30)
    return time.monotonic() - started, f"HTTP {response.status_code} {response.headers.get('Location', '')}"


def test_four_presses_on_two_sync_workers_all_reach_the_checkout(stack, client, citizen, family):
    web, worker = stack
    records = [filed_record(citizen, family["father"]) for _ in range(PRESSES)]
    session_key = client.cookies["sessionid"].value
    web.start()
    worker.start()

    with ThreadPoolExecutor(PRESSES) as pool:
        results = list(pool.map(lambda record: press_and_follow(web.url, session_key, record.pk), records))

    assert all("/paygov/pay/" in where for _seconds, where in results), results
    assert max(seconds for seconds, _where in results) < 10, results  # a gateway call's timeout is 10 s
    checkout = requests.get(results[0][1], timeout=10)
    assert checkout.status_code == 200 and "Thanh toán" in checkout.text
