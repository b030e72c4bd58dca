"""The fee calculation: online rates and discounts, counter rates, exemptions, zero fees."""

from types import SimpleNamespace

import pytest

from payments import services
from payments.fees import calculate_fee
from procedures.models import Fee
from records import services as records_services
from records.constants import Channel

from .conftest import filed_record


def fee(amount, online_amount=None, online_discount_percent=None, name="Lệ phí"):
    # The real model's rule for the online amount, without a database.
    return SimpleNamespace(
        name=name,
        amount=amount,
        amount_online=Fee(
            amount=amount, online_amount=online_amount, online_discount_percent=online_discount_percent
        ).amount_online,
    )


def test_online_filing_pays_the_online_amount():
    quote = calculate_fee([fee(135_000, online_amount=115_000)], online=True)
    assert quote.total == 115_000 and quote.discount == 20_000 and quote.has_fee


def test_online_discount_percent_rounds_down_to_whole_dong():
    quote = calculate_fee([fee(20_001, online_discount_percent=50)], online=True)
    assert quote.total == 10_000
    assert isinstance(quote.total, int)


def test_counter_filing_pays_the_counter_amount():
    fees = [fee(135_000, online_amount=115_000), fee(50_000, online_discount_percent=20)]
    assert calculate_fee(fees, online=False).total == 185_000
    assert calculate_fee(fees, online=True).total == 155_000


def test_several_fees_add_up_and_a_free_online_fee_counts_as_zero():
    fees = [fee(50_000, online_amount=0, name="Phí công bố"), fee(100_000, name="Lệ phí đăng ký")]
    quote = calculate_fee(fees, online=True)
    assert quote.total == 100_000
    assert [line.amount for line in quote.lines] == [0, 100_000]


def test_a_confirmed_exemption_pays_nothing_but_the_fee_still_exists():
    quote = calculate_fee([fee(20_000, online_amount=10_000)], online=True, exempt=True)
    assert quote.total == 0 and quote.gross == 10_000 and quote.has_fee


@pytest.mark.parametrize("fees", [[], [fee(0)], [fee(0), fee(0, online_amount=0)]])
def test_zero_fee_procedures_skip_payment(fees):
    quote = calculate_fee(fees, online=True)
    assert quote.total == 0 and not quote.has_fee


@pytest.mark.django_db
def test_fee_of_a_record_follows_its_channel_and_procedure(citizen, family):
    record = filed_record(citizen, family["father"])  # Đăng ký thường trú: 20.000 đ, 10.000 đ online
    assert services.fee_for(record).total == 10_000
    record.channel = Channel.COUNTER
    assert services.fee_for(record).total == 20_000
    birth = filed_record(citizen, family["father"], slug="xoa-dang-ky-thuong-tru")
    assert not services.fee_for(birth).has_fee and services.is_settled(birth)


@pytest.mark.django_db
def test_a_withdrawn_record_owes_nothing_and_says_so(client, citizen, record):
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Chưa thanh toán" in page and 'action="/payments/' in page
    records_services.withdraw(record, actor=citizen, reason="Nộp nhầm")
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Không phải nộp: hồ sơ đã dừng giải quyết" in page
    assert "Chưa thanh toán" not in page and 'action="/payments/' not in page
