"""The receipt slip (Mẫu 01) states the fee payments says is due: nothing for an exempt applicant, and why."""

import pytest
from django.utils import translation

from documents.receivers import fee_due, request_for_event
from documents.services import render_and_sign
from eservices.constants import FeeTiming
from identity.constants import StaffRole
from payments import services as payments
from payments.constants import ExemptionGroup, PaymentState
from records import services as records
from records.constants import WorkflowAction as A
from tests.payments.conftest import filed_record, officer
from tests.records.conftest import catalogue, citizen, family, payment_for  # noqa: F401

from .conftest import pdf_text, read_pdf

pytestmark = pytest.mark.django_db


def receive(record, boss):
    return records.transition(record, A.RECEIVE, actor=boss, role=StaffRole.RECEIVER)


def slip_text(record) -> str:
    """The slip the receipt asks for, rendered and read back as a citizen would read it."""
    event = record.events.get(action=A.RECEIVE)
    document = render_and_sign(request_for_event(record, event, A.RECEIVE).pk)
    return " ".join(pdf_text(read_pdf(document)).split())


def test_an_exempt_applicants_slip_states_no_fee_and_the_exemption(citizen, family):  # noqa: F811
    record = filed_record(citizen, family["father"])  # Đăng ký thường trú: 10.000 đồng online
    boss = officer(record)
    payments.declare_exemption(record, actor=citizen, group=ExemptionGroup.POOR_HOUSEHOLD)
    payments.decide_exemption(record, actor=boss, confirm=True)

    text = slip_text(receive(record, boss))

    assert "6. Phí, lệ phí: 0 đồng" in text
    assert "miễn phí, lệ phí" in text and "Thành viên hộ nghèo, hộ cận nghèo" in text
    assert "10.000" not in text and "Mười nghìn đồng" not in text


def test_a_paying_applicants_slip_states_the_online_fee(citizen, family):  # noqa: F811
    record = filed_record(citizen, family["father"])
    boss = officer(record)
    payment_for(record, citizen, amount=10_000, state=PaymentState.PAID)  # the fee is paid at filing

    text = slip_text(receive(record, boss))

    assert "6. Phí, lệ phí: 10.000 đồng (Mười nghìn đồng)" in text
    assert "miễn" not in text


def test_a_pending_exemption_is_said_in_vietnamese_whatever_the_officers_language(citizen, family):  # noqa: F811
    record = filed_record(citizen, family["father"])
    service = record.service
    service.fee_timing = FeeTiming.BEFORE_RESULT  # received before the officer decides on the exemption
    service.save()
    payments.declare_exemption(record, actor=citizen, group=ExemptionGroup.CHILD_UNDER_6)
    boss = officer(record)

    with translation.override("en"):
        text = slip_text(receive(record, boss))
        payments.decide_exemption(record, actor=boss, confirm=True)
        confirmed = fee_due(record)

    assert (
        "6. Phí, lệ phí: 10.000 đồng (Mười nghìn đồng); người nộp đề nghị miễn phí, lệ phí "
        "(đối tượng: Trẻ em dưới 6 tuổi), chờ cơ quan xác nhận" in text
    )
    assert confirmed == {
        "fee": 0,
        "fee_exemption": "Trẻ em dưới 6 tuổi",
        "fee_exemption_pending": False,
        "fee_exemption_reason": "",  # declared and confirmed by an officer: no rule of the registry's
    }
