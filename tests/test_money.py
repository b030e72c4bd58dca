"""Amounts in đồng are written by common.money alone; each place keeps the style it had."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from common import money
from documents.templatetags.documents_pdf import vnd as document_vnd
from notifications.templatetags.notifications_tags import event_amount
from payments.hooks import _vnd as message_vnd


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (1_250_000, "1.250.000 đ", "1,250,000 VND"),
        (0, "0 đ", "0 VND"),
        (999, "999 đ", "999 VND"),
        (2_000_000_000, "2.000.000.000 đ", "2,000,000,000 VND"),
        (Decimal("135000.00"), "135.000 đ", "135,000 VND"),
        ("20000", "20.000 đ", "20,000 VND"),  # contexts stored as JSON give strings back
        (-5_000, "-5.000 đ", "-5,000 VND"),
    ],
)
def test_short_style_groups_thousands_by_language(value, vi, en):
    assert money.vnd(value, language="vi") == vi
    assert money.vnd(value, language="en") == en


@pytest.mark.parametrize("value", [None, "", "abc", "Infinity", "NaN", True, object()])
def test_what_is_not_an_amount_is_written_as_nothing(value):
    assert money.vnd(value) == ""
    assert money.to_dong(value) is None


def test_long_style_and_the_active_language():
    with translation.override("vi"):
        assert money.vnd(1_250_000, style=money.LONG) == "1.250.000 đồng"
        assert money.vnd(1_250_000, style=money.LONG, language="en") == "VND 1,250,000"
    with translation.override("en"):
        assert money.vnd(1_250_000, style=money.LONG) == "VND 1,250,000"
        assert money.vnd(1_250_000, style=money.LONG, language="vi") == "1.250.000 đồng"


def test_every_place_writes_amounts_as_it_did():
    """Pages, payments pages, notifications, guard messages and official documents, in both languages."""
    page = Template("{% load portal_tags %}{{ amount|vnd }}")
    payments_page = Template("{% load payments_tags %}{{ amount|vnd }}")
    with translation.override("vi"):
        assert page.render(Context({"amount": 135_000})) == "135.000 đ"
        assert payments_page.render(Context({"amount": 135_000})) == "135.000 đ"
        assert event_amount(1_250_000) == "1.250.000 đồng"
        assert message_vnd(10_000) == "10.000 đồng"
        assert document_vnd(1_250_000) == "1.250.000 đồng"
    with translation.override("en"):
        assert page.render(Context({"amount": 135_000})) == "135,000 VND"
        assert payments_page.render(Context({"amount": 135_000})) == "135,000 VND"
        assert event_amount(1_250_000) == "VND 1,250,000"
        assert message_vnd(10_000) == "VND 10,000"  # was "10.000 đồng" inside the English sentence
        assert document_vnd(1_250_000) == "1.250.000 đồng"  # documents are Vietnamese
    assert page.render(Context({"amount": "x"})) == ""
