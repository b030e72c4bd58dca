"""The whole payment over real HTTP: portal → gateway → signed callback → return → receipt."""

from urllib.parse import urlsplit

import pytest

from documents.models import Document
from payments import services
from payments.constants import CallbackOutcome, PaymentSource, PaymentState
from payments.gateway_sim.models import MerchantTransaction, Status
from payments.models import CallbackLog, Payment

from .gateway import checkout, pay, press_pay

pytestmark = pytest.mark.django_db(transaction=True)


def local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def test_pay_over_http_settles_by_the_signed_callback_and_gives_a_receipt(portal, client, record):
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "10.000 đ" in page and "Chưa thanh toán" in page and "giảm 10.000 đ khi nộp trực tuyến" in page

    pay_url = press_pay(client, record)
    assert pay_url.startswith(f"{portal}/paygov/pay/PG")
    payment = Payment.objects.get(record=record)
    assert payment.state == PaymentState.PENDING and payment.amount == 10_000
    assert payment.reference.startswith("DVC") and payment.idempotency_key
    txn = MerchantTransaction.objects.get(reference=payment.reference)
    assert txn.amount == 10_000 and txn.callback_url == f"{portal}/payments/callback/paygov/"

    back = checkout(pay_url, "success", "BIDV")
    assert back.startswith(f"{portal}/payments/return/{payment.reference}/")
    payment.refresh_from_db()
    # The callback came server to server before the browser was sent back.
    assert payment.state == PaymentState.PAID and payment.settled_by == PaymentSource.CALLBACK
    assert payment.method == "BIDV" and payment.provider_transaction_id == txn.transaction_id
    assert payment.receipt_number.startswith("BL")
    assert CallbackLog.objects.get(payment=payment).outcome == CallbackOutcome.ACCEPTED
    assert MerchantTransaction.objects.get(pk=txn.pk).callback_delivered_at is not None

    response = client.get(local(back), follow=True)
    body = response.content.decode()
    assert "Thanh toán thành công" in body and "Đã thanh toán" in body and payment.receipt_number in body

    receipt = client.get(f"/payments/receipts/{payment.reference}/").content.decode()
    assert payment.receipt_number in receipt and "10.000 đ" in receipt and "BIDV" in receipt
    document = services.receipt_document(payment)
    assert document is not None and document.context["number"] == payment.receipt_number
    document.refresh_from_db()
    assert document.is_issued, document.error
    pdf = client.get(f"/documents/{document.pk}/pdf/")
    assert pdf.status_code == 200

    listing = client.get("/my/records/").content.decode()
    assert "payment-badge payment-paid" in listing


def test_a_payer_on_the_english_site_still_gets_a_vietnamese_official_receipt(portal, client, record):
    """The description goes on the official e-receipt and the Vietnamese notice: never in the payer's language."""
    client.cookies["django_language"] = "en"
    checkout(press_pay(client, record), "success", "BIDV")
    payment = Payment.objects.get(record=record)
    assert "10,000 VND" in client.get(f"/my/records/{record.pk}/").content.decode()  # amounts as English reads them
    assert payment.description == f"Phí, lệ phí hồ sơ {record.code}"
    assert services.receipt_document(payment).context["description"].startswith("Phí, lệ phí hồ sơ")


def test_pressing_pay_twice_gives_back_the_same_payment(portal, client, record):
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    import re

    key = re.search(r'name="idempotency_key" value="(\w+)"', page).group(1)
    first = client.post(f"/payments/records/{record.pk}/pay/", {"idempotency_key": key})
    second = client.post(f"/payments/records/{record.pk}/pay/", {"idempotency_key": key})
    third = client.post(f"/payments/records/{record.pk}/pay/", {"idempotency_key": "another-tab"})
    assert first["Location"] == second["Location"] == third["Location"]
    assert Payment.objects.count() == 1 and MerchantTransaction.objects.count() == 1


def test_the_return_asks_the_gateway_when_the_callback_has_not_come(portal, settings, client, record):
    settings.PAYGOV_SIM_SEND_CALLBACKS = False
    payment, back = pay(client, record)
    assert Payment.objects.get(pk=payment.pk).state == PaymentState.PENDING
    body = client.get(local(back), follow=True).content.decode()
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID and payment.settled_by == PaymentSource.QUERY
    assert "Thanh toán thành công" in body
    assert not CallbackLog.objects.exists()


def test_a_failed_payment_can_be_paid_again(portal, client, record):
    failed, back = pay(client, record, outcome="failure")
    assert Payment.objects.get(pk=failed.pk).state == PaymentState.FAILED
    body = client.get(local(back), follow=True).content.decode()
    assert "Thanh toán không thành công" in body and "Thanh toán lại" in body

    cancelled, _ = pay(client, record, outcome="cancel")
    assert cancelled.pk != failed.pk and Payment.objects.get(pk=cancelled.pk).state == PaymentState.CANCELLED

    paid, _ = pay(client, record)
    assert paid.pk not in (failed.pk, cancelled.pk)
    assert Payment.objects.get(pk=paid.pk).state == PaymentState.PAID
    assert set(Payment.objects.values_list("state", flat=True)) == {"failed", "cancelled", "paid"}
    # Nothing left to pay: the button is gone.
    assert 'action="/payments/records/' not in client.get(f"/my/records/{record.pk}/").content.decode()


def test_the_periodic_check_settles_payments_whose_callback_was_lost(portal, settings, client, record):
    settings.PAYGOV_SIM_SEND_CALLBACKS = False
    payment, _ = pay(client, record)
    assert Payment.objects.get(pk=payment.pk).state == PaymentState.PENDING
    counts = services.check_pending_payments(older_than_seconds=0)
    assert counts == {"checked": 1, "changed": 1, "expired": 0}
    assert Payment.objects.get(pk=payment.pk).state == PaymentState.PAID


def test_payments_abandoned_at_the_gateway_expire(portal, client, record):
    from payments.tasks import check_pending_payments

    press_pay(client, record)
    payment = Payment.objects.get()
    assert check_pending_payments.delay().get() == {"checked": 0, "changed": 0, "expired": 0}  # too recent
    counts = services.check_pending_payments(older_than_seconds=0, expire_after_seconds=0)
    assert counts["expired"] == 1
    assert Payment.objects.get(pk=payment.pk).state == PaymentState.EXPIRED
    assert MerchantTransaction.objects.get(reference=payment.reference).status == Status.CREATED


def test_the_gateway_redelivers_a_callback_that_failed(portal, settings, client, record):
    settings.PAYGOV_SIM_SEND_CALLBACKS = False
    payment, _ = pay(client, record)
    from payments.gateway_sim.services import redeliver_callbacks

    assert redeliver_callbacks() == 1
    assert Payment.objects.get(pk=payment.pk).state == PaymentState.PAID
    assert Document.objects.count() == 1
