"""Payments in the records workflow: guards on receipt and return, refunds, exemptions, staff and citizen views."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory

from eservices.constants import FeeTiming
from identity.constants import StaffRole
from payments import services
from payments.constants import ExemptionStatus, PaymentSource, PaymentState, RefundState
from payments.gateway_sim.models import GatewayRefund, MerchantTransaction, Status
from payments.models import Refund
from payments.providers.base import StatusResult
from procedures.models import Agency
from records import services as records_services
from records import workflow
from records.constants import RecordState
from records.constants import WorkflowAction as A
from records.models import Record

from .conftest import filed_record, officer, staff_login
from .gateway import pay
from .test_callbacks import pending_payment


def act(record, action, user, role, reason=""):
    return records_services.transition(record, action, actor=user, role=role, reason=reason)


def settle(payment):
    services.apply_status(payment.pk, StatusResult(payment.reference, PaymentState.PAID, payment.amount), source="test")


@pytest.mark.django_db
class TestGuards:
    def test_a_fee_paid_at_filing_holds_receipt_until_paid(self, record):
        boss = officer(record)
        with pytest.raises(ValidationError, match="chưa nộp phí, lệ phí \\(10.000 đồng\\)"):
            act(record, A.RECEIVE, boss, StaffRole.RECEIVER)
        payment = pending_payment(record)
        with pytest.raises(ValidationError):
            act(record, A.RECEIVE, boss, StaffRole.RECEIVER)
        settle(payment)
        assert act(record, A.RECEIVE, boss, StaffRole.RECEIVER).state == RecordState.RECEIVED

    def test_zero_fee_records_are_never_held(self, citizen, family):
        record = filed_record(citizen, family["father"], slug="xoa-dang-ky-thuong-tru")
        assert act(record, A.RECEIVE, officer(record), StaffRole.RECEIVER).state == RecordState.RECEIVED
        assert workflow.blocking_reasons(record, A.RETURN_RESULT) == []

    def test_a_fee_paid_before_the_result_holds_only_the_return(self, record):
        service = record.service
        service.fee_timing = FeeTiming.BEFORE_RESULT
        service.save()
        boss = officer(record)
        record = act(record, A.RECEIVE, boss, StaffRole.RECEIVER)
        # Approval needs a result document (records' business); the guard only looks at the fee.
        Record.objects.filter(pk=record.pk).update(state=RecordState.APPROVED)
        record.refresh_from_db()
        with pytest.raises(ValidationError, match="chưa nộp phí"):
            act(record, A.RETURN_RESULT, boss, StaffRole.RECEIVER)
        settle(pending_payment(record))
        assert act(record, A.RETURN_RESULT, boss, StaffRole.RECEIVER).state == RecordState.RESULT_RETURNED


@pytest.mark.django_db
def test_exemption_declared_by_the_applicant_and_confirmed_by_the_officer(client, citizen, record):
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Tôi thuộc đối tượng được miễn phí" in page
    response = client.post(f"/payments/records/{record.pk}/exemption/", {"group": "poor_household"}, follow=True)
    assert "Chờ xác nhận miễn phí" in response.content.decode()
    assert f"payments/records/{record.pk}/pay/" not in response.content.decode()

    boss = officer(record)
    with pytest.raises(ValidationError, match="xác nhận hoặc từ chối đề nghị miễn phí"):
        act(record, A.RECEIVE, boss, StaffRole.RECEIVER)

    # An officer of another agency may not decide.
    from identity.models import User
    from identity.services import grant_role

    stranger = User.objects.create_user("canbo-khac", password="x", kind=User.Kind.STAFF)
    grant_role(stranger, Agency.objects.exclude(pk=record.agency_id).first(), StaffRole.RECEIVER)
    staff_login(client, stranger)
    url = f"/payments/records/{record.pk}/exemption/decision/"
    assert client.post(url, {"decision": "confirm"}).status_code == 403

    staff_login(client, boss)
    assert client.post(url, {"decision": "confirm", "next": "https://evil.example/"})["Location"] == "/backoffice/"
    exemption = record.fee_exemption
    exemption.refresh_from_db()
    assert exemption.status == ExemptionStatus.CONFIRMED and exemption.decided_by == boss
    assert services.fee_for(record).total == 0 and services.is_settled(record)
    assert act(record, A.RECEIVE, boss, StaffRole.RECEIVER).state == RecordState.RECEIVED


@pytest.mark.django_db
def test_a_rejected_exemption_needs_a_reason_and_then_the_fee_is_due(citizen, record):
    services.declare_exemption(record, actor=citizen, group="child_under_6")
    boss = officer(record)
    with pytest.raises(ValidationError, match="lý do"):
        services.decide_exemption(record, actor=boss, confirm=False)
    services.decide_exemption(record, actor=boss, confirm=False, note="Không có tên trong danh sách hộ nghèo")
    assert services.fee_for(record).total == 10_000
    with pytest.raises(ValidationError, match="chưa nộp phí"):
        act(record, A.RECEIVE, boss, StaffRole.RECEIVER)


@pytest.mark.django_db
def test_staff_and_citizen_see_the_payment_state(client, citizen, record):
    payment = pending_payment(record)
    settle(payment)
    payment.refresh_from_db()
    boss = officer(record)
    request = RequestFactory().get("/backoffice/")
    request.user = boss
    html = render_to_string("payments/_staff_record.html", {"record": record, "request": request})
    assert "Đã thanh toán" in html and payment.receipt_number in html and "20.000 đ" in html
    listing = client.get("/my/records/").content.decode()
    assert "Đã thanh toán" in listing
    assert client.get(f"/payments/receipts/{payment.reference}/").status_code == 200
    client.logout()
    assert client.get(f"/payments/receipts/{payment.reference}/").status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", [A.REFUSE, A.REJECT])
def test_a_refused_or_rejected_record_gets_its_fee_refunded(portal, client, record, path):
    payment, _ = pay(client, record)
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID and payment.settled_by == PaymentSource.CALLBACK
    boss = officer(record)
    if path == A.REFUSE:
        act(record, A.REFUSE, boss, StaffRole.RECEIVER, reason="Hồ sơ không thuộc thẩm quyền")
    else:
        act(record, A.RECEIVE, boss, StaffRole.RECEIVER)
        act(record, A.START_PROCESSING, boss, StaffRole.PROCESSOR)
        act(record, A.REJECT, boss, StaffRole.APPROVER, reason="Không đủ điều kiện")
    refund = Refund.objects.get(payment=payment)
    assert refund.state == RefundState.SUCCEEDED and refund.amount == 10_000 and refund.provider_refund_id
    payment.refresh_from_db()
    assert payment.state == PaymentState.REFUNDED
    assert MerchantTransaction.objects.get(reference=payment.reference).status == Status.REFUNDED
    assert GatewayRefund.objects.get().refund_reference == refund.reference
    # Asking again refunds nothing more.
    assert services.refund_record(record, reason="again") == []
    assert GatewayRefund.objects.count() == 1
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Đã hoàn phí" in page
