"""Money taken for a record that is closed goes back (issue #15 item 9).

A citizen withdraws a record, then the gateway's callback of the payment they had started arrives: the
money was taken, so it is recorded, refunded at once through the outbox, no e-receipt is issued, no
"thanh toán thành công" is sent, and the citizen is told of the refund. A record paid and then
withdrawn is refunded too, as refused and rejected records are.
"""

import pytest

from documents.constants import DocumentKind
from documents.models import Document
from notifications.models import Message
from outbox.models import Entry
from payments import hooks
from payments.constants import PaymentState, RefundState
from payments.gateway_sim.models import GatewayRefund, MerchantTransaction, Status
from payments.models import Refund
from records.constants import RecordState
from records.constants import WorkflowAction as A

from .gateway import checkout, pay, press_pay


def withdraw(client, record):
    response = client.post(f"/my/records/{record.pk}/withdraw/", {"reason": "Không cần nữa"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.state == RecordState.WITHDRAWN


def events_of(user):
    return set(Message.objects.filter(recipient=user).values_list("event", flat=True))


def test_withdrawal_is_among_the_actions_that_refund():
    assert A.WITHDRAW in hooks.REFUND_ACTIONS


@pytest.mark.django_db(transaction=True)
def test_a_record_paid_then_withdrawn_is_refunded_and_the_citizen_told(portal, client, citizen, record):
    payment, _back = pay(client, record)
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID

    withdraw(client, record)

    refund = Refund.objects.get(payment=payment)
    assert refund.state == RefundState.SUCCEEDED and refund.amount == payment.amount
    payment.refresh_from_db()
    assert payment.state == PaymentState.REFUNDED
    assert MerchantTransaction.objects.get(reference=payment.reference).status == Status.REFUNDED
    assert Entry.objects.filter(key__startswith="payments:refund:event:").exists()
    refunded = Message.objects.get(recipient=citizen, event="payment_refunded")
    assert record.code in refunded.subject
    assert "Đã hoàn phí" in client.get(f"/my/records/{record.pk}/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_callback_arriving_after_withdrawal_is_refunded_without_receipt(portal, client, citizen, record):
    pay_url = press_pay(client, record)  # the gateway's page is open in another tab...
    withdraw(client, record)  # ...and the citizen withdraws the record meanwhile
    back = checkout(pay_url, "success")  # then pays anyway: the gateway calls back, money taken

    payment = record.payments.get()
    # The money is accounted for and given back.
    refund = Refund.objects.get(payment=payment)
    assert refund.state == RefundState.SUCCEEDED and refund.amount == payment.amount
    payment.refresh_from_db()
    assert payment.state == PaymentState.REFUNDED
    assert GatewayRefund.objects.filter(refund_reference=refund.reference).exists()
    assert Entry.objects.filter(key=f"payments:refund:payment:{payment.pk}").exists()
    # No receipt for a fee the record no longer owes, no "payment succeeded" notice; the refund is told.
    assert payment.receipt_number is None
    assert not Document.objects.filter(kind=DocumentKind.PAYMENT_RECEIPT).exists()
    assert "payment_succeeded" not in events_of(citizen)
    refunded = Message.objects.get(recipient=citizen, event="payment_refunded")
    assert "rút" in refunded.body

    # The browser coming back says what happened, not "Thanh toán thành công".
    page = client.get(back, follow=True).content.decode()
    assert "Thanh toán thành công" not in page
    assert "hoàn" in page
