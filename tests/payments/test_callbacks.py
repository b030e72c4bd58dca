"""Callbacks: forged, tampered, stale, wrong amount, unknown, replayed and concurrent ones."""

import threading
import time
import uuid

import pytest
import requests

from documents.models import Document
from notifications.models import Message
from payments.constants import CallbackOutcome, PaymentState
from payments.models import CallbackLog, Payment, PaymentEvent, ReceiptSequence

from .conftest import SECRET, callback_params

URL = "/payments/callback/paygov/"


def pending_payment(record, amount=10_000) -> Payment:
    return Payment.objects.create(
        reference=f"DVCTEST{uuid.uuid4().hex[:10].upper()}",
        idempotency_key=uuid.uuid4().hex,
        record=record,
        provider="paygov",
        amount=amount,
        description="Phí, lệ phí",
        payer_name=record.applicant_name,
        created_by=record.applicant,
    )


def paid_events(payment):
    return PaymentEvent.objects.filter(payment=payment, to_state=PaymentState.PAID).count()


@pytest.mark.django_db
class TestRejected:
    @pytest.fixture
    def payment(self, record):
        return pending_payment(record)

    def assert_rejected(self, client, params, outcome, status=400):
        response = client.post(URL, params)
        assert response.status_code == status and response.json()["outcome"] == outcome
        log = CallbackLog.objects.latest("id")
        assert log.outcome == outcome and log.params["reference"] == params.get("reference")
        assert Payment.objects.get(reference=params["reference"]).state == PaymentState.PENDING

    def test_forged_with_another_secret(self, client, payment):
        self.assert_rejected(client, callback_params(payment, secret="not-the-secret"), CallbackOutcome.FORGED)

    def test_tampered_amount(self, client, payment):
        params = callback_params(payment)
        params["amount"] = "1"
        self.assert_rejected(client, params, CallbackOutcome.FORGED)

    def test_tampered_status(self, client, payment):
        params = callback_params(payment, status="failed")
        params["status"] = "success"
        self.assert_rejected(client, params, CallbackOutcome.FORGED)

    def test_signature_removed(self, client, payment):
        params = callback_params(payment)
        del params["signature"]
        self.assert_rejected(client, params, CallbackOutcome.MALFORMED)

    def test_stale(self, client, payment):
        params = callback_params(payment, timestamp=int(time.time()) - 301)
        self.assert_rejected(client, params, CallbackOutcome.STALE)

    def test_from_the_future(self, client, payment):
        self.assert_rejected(client, callback_params(payment, timestamp=int(time.time()) + 3600), CallbackOutcome.STALE)

    def test_correctly_signed_for_another_amount(self, client, payment):
        self.assert_rejected(client, callback_params(payment, amount=1_000), CallbackOutcome.AMOUNT_MISMATCH)

    def test_for_an_unknown_reference(self, client, payment):
        params = callback_params(payment)
        payment.delete()
        response = client.post(URL, params)
        assert response.status_code == 404
        assert CallbackLog.objects.get().outcome == CallbackOutcome.UNKNOWN_REFERENCE

    def test_for_another_merchant(self, client, payment):
        self.assert_rejected(client, callback_params(payment, merchant_id="OTHER"), CallbackOutcome.FORGED)


@pytest.mark.django_db
def test_a_hundred_replays_settle_one_payment(client, record, django_capture_on_commit_callbacks):
    payment = pending_payment(record)
    params = callback_params(payment)
    with django_capture_on_commit_callbacks(execute=False):
        outcomes = [client.post(URL, params).json()["outcome"] for _ in range(100)]
    assert outcomes.count(CallbackOutcome.ACCEPTED) == 1 and outcomes.count(CallbackOutcome.DUPLICATE) == 99
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID and paid_events(payment) == 1
    assert ReceiptSequence.objects.get().last_value == 1
    assert Document.objects.count() == 1  # one e-receipt requested
    assert CallbackLog.objects.filter(payment=payment).count() == 100
    # The applicant is told once, in the official inbox.
    notices = Message.objects.filter(recipient=record.applicant, event="payment_succeeded")
    assert notices.count() == 1 and record.code in notices.get().subject
    # A late "failed" for a paid payment changes nothing either.
    late = client.post(URL, callback_params(payment, status="failed"))
    assert late.json()["outcome"] == CallbackOutcome.CONFLICT
    assert Payment.objects.get(pk=payment.pk).state == PaymentState.PAID


@pytest.mark.django_db
def test_a_failed_callback_then_a_late_success_still_settles(client, record):
    payment = pending_payment(record)
    assert client.post(URL, callback_params(payment, status="failed")).json()["outcome"] == "accepted"
    assert Payment.objects.get(pk=payment.pk).state == PaymentState.FAILED
    assert Message.objects.filter(recipient=record.applicant, event="payment_failed").count() == 1
    assert client.post(URL, callback_params(payment)).json()["outcome"] == "accepted"
    assert Payment.objects.get(pk=payment.pk).state == PaymentState.PAID


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_identical_callbacks_change_the_state_once(portal, record):
    payment = pending_payment(record)
    params = callback_params(payment)
    barrier = threading.Barrier(20)
    results = []

    def send():
        barrier.wait()
        results.append(requests.post(f"{portal}{URL}", data=params, timeout=60).json()["outcome"])

    threads = [threading.Thread(target=send) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["accepted"] + ["duplicate"] * 19
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID and paid_events(payment) == 1
    assert ReceiptSequence.objects.get().last_value == 1 and Document.objects.count() == 1
    assert CallbackLog.objects.filter(payment=payment).count() == 20


def test_the_signature_is_hmac_sha256_over_the_sorted_pipe_joined_fields():
    import hashlib
    import hmac

    from payments.providers import paygov

    params = {"b": "x|y", "a": 1, "signature": "ignored"}
    assert paygov.canonical(params) == "a=1|b=x%7Cy"
    assert paygov.sign(params, SECRET) == hmac.new(SECRET.encode(), b"a=1|b=x%7Cy", hashlib.sha256).hexdigest()
