"""Exemptions the registry can prove are asked of nobody: a fee rule exempting an age group (Circular
75/2022/TT-BTC, Article 4: children under 16, people of 60 and over) is applied at filing, with the reason on the
record page and the receipt slip; anyone else still declares an exemption for an officer to confirm."""

import datetime

import pytest

from payments import services as payments
from payments.constants import ExemptionGroup, ExemptionStatus
from payments.models import Exemption
from records import services as records
from records.constants import ApplicantRole, RecordState
from records.models import Record
from tests.documents.test_slip_fee import receive, slip_text
from tests.identity.factories import PersonFactory, citizen_account
from tests.records.conftest import filled_draft, login
from tests.records.test_named_persons import file_birth_bundle

from .conftest import filed_record, officer

pytestmark = pytest.mark.django_db

REASON = "Miễn tự động theo khoản 1 Điều 4 Thông tư 75/2022/TT-BTC"


def test_the_newborns_residence_registration_costs_nothing_and_says_why(
    client, citizen, family, django_capture_on_commit_callbacks
):
    drafts = file_birth_bundle(client, family, django_capture_on_commit_callbacks, submit=False)
    # Said before filing: the review page shows nothing to pay for the residence registration, and why.
    review = client.get(f"/my/filings/{drafts[0].group_id}/review/").content.decode()
    fee_line = next(line for line in review.splitlines() if "Đăng ký thường trú:" in line)
    assert "<strong>0" in fee_line and REASON in fee_line and "10.000" not in fee_line
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/my/filings/{drafts[0].group_id}/review/").status_code == 302
    records_filed = list(Record.objects.filter(group_id=drafts[0].group_id))
    residence = next(r for r in records_filed if r.service.slug == "dang-ky-thuong-tru")
    assert residence.state == RecordState.SUBMITTED

    exemption = Exemption.objects.get(record=residence)
    assert (exemption.group, exemption.status) == (ExemptionGroup.CHILD, ExemptionStatus.CONFIRMED)
    assert payments.fee_for(residence).total == 0 and payments.is_settled(residence)
    # The other records of the bundle charge nothing anyway: no exemption is written for them.
    assert Exemption.objects.filter(record__group=residence.group).count() == 1

    page = client.get(f"/my/records/{residence.pk}/").content.decode()
    assert "Được miễn phí" in page and "Trẻ em (dưới 16 tuổi)" in page
    assert REASON in page and "đăng ký khai sinh trong cùng bộ hồ sơ liên thông" in page
    assert "Thanh toán</button>" not in page and "Tôi thuộc đối tượng được miễn phí" not in page

    # The receipt slip says nothing is due, and why; the officer receives it without waiting for a payment.
    text = slip_text(receive(residence, officer(residence)))
    assert "6. Phí, lệ phí: 0 đồng" in text and "Trẻ em (dưới 16 tuổi)" in text
    assert "khoản 1 Điều 4 Thông tư 75/2022/TT-BTC" in text and "10.000" not in text


def test_an_applicant_of_60_or_more_is_exempt_by_the_registrys_date_of_birth(client, catalogue):
    grandmother = PersonFactory(
        serial=61, full_name="Nguyễn Thị Bà", birth_date=datetime.date(1950, 8, 9), sex="female"
    )
    user = citizen_account(grandmother)
    record = filed_record(user, grandmother)

    exemption = Exemption.objects.get(record=record)
    assert exemption.group == ExemptionGroup.ELDERLY and exemption.evidence == "registry"
    assert payments.fee_for(record).total == 0
    login(client, user)
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Người cao tuổi (từ đủ 60 tuổi)" in page and "ngày sinh theo Cơ sở dữ liệu quốc gia về dân cư" in page


def test_filing_for_a_child_counts_the_childs_age(citizen, family):
    child = PersonFactory(
        serial=62, full_name="Lê Minh Bé", birth_date=datetime.date(2018, 3, 4), father=family["father"]
    )
    draft = filled_draft(citizen, family["father"])
    records.save_applicant(
        [draft],
        {
            "applicant_role": ApplicantRole.REPRESENTATIVE,
            "subject_name": child.full_name,
            "subject_id_number": child.id_number,
            "relationship": "parent",
        },
    )
    record = records.submit(Record.objects.get(pk=draft.pk), actor=citizen)
    assert Exemption.objects.get(record=record).group == ExemptionGroup.CHILD


def test_an_adult_pays_and_may_still_declare_an_exemption_for_an_officer(client, citizen, family):
    record = filed_record(citizen, family["father"])  # 34 years old: nothing the registry proves
    assert not Exemption.objects.filter(record=record).exists()
    assert payments.fee_for(record).total == 10_000
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Tôi thuộc đối tượng được miễn phí" in page and REASON not in page

    payments.declare_exemption(record, actor=citizen, group=ExemptionGroup.DISABILITY)
    assert payments.fee_for(record).total == 10_000  # until an officer confirms it
    payments.decide_exemption(record, actor=officer(record), confirm=True)
    assert payments.fee_for(record).total == 0
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Người khuyết tật nặng, đặc biệt nặng — Đã xác nhận miễn phí" in page and REASON not in page
