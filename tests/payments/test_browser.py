"""Paying in real Chromium: file a record with a fee, pay at the gateway, come back paid with a receipt."""

import re

import pytest
from django.conf import settings
from django.test import Client

from payments.constants import PaymentState
from payments.models import Payment
from records.models import Record

from .conftest import citizen_account, filed_record, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in_page(page, base_url, user):
    """A browser holding a citizen's VNeID level-2 session (the login itself is tested in identity)."""
    cookie = login(Client(), user).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])
    return page


def pay_at_gateway(page, button, outcome_button, bank="Vietcombank"):
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_url(re.compile(r"/paygov/pay/PG\w+/$"))
    assert "10.000 đ" in page.locator(".amount").inner_text()
    page.get_by_label(bank).check()
    page.get_by_role("button", name=outcome_button).click()
    page.wait_for_url(re.compile(r"/my/records/[0-9a-f-]+/$"))


def test_file_pay_and_get_the_receipt(page, portal, family):
    page = logged_in_page(page, portal, citizen_account(family["father"]))
    page.goto(f"{portal}/services/dang-ky-thuong-tru/")
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url(re.compile(r"/form/$"))
    page.get_by_label("Nội dung đề nghị").fill("Đăng ký thường trú tại nhà riêng")
    page.get_by_label("Bản điện tử trên Cổng").check()
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/attachments/(#slot-[\w-]+)?$"))
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/review/$"))
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url(re.compile(r"/done/$"))
    section = page.locator("section.payment")
    assert "10.000 đ" in section.inner_text() and "Chưa thanh toán" in section.inner_text()

    pay_at_gateway(page, "Thanh toán", "Xác nhận thanh toán")
    assert "Thanh toán thành công" in page.locator(".messages").inner_text()
    assert "Đã thanh toán" in page.locator("section.payment .payment-state").inner_text()
    payment = Payment.objects.get()
    assert payment.state == PaymentState.PAID
    page.locator("a.receipt-link").click()
    page.wait_for_url(re.compile(r"/payments/receipts/DVC\w+/$"))
    assert page.locator(".receipt-number").inner_text() == payment.receipt_number
    assert "Vietcombank" in page.content()

    page.goto(f"{portal}/my/records/")
    assert "Đã thanh toán" in page.locator(".record-list").inner_text()
    assert Record.objects.get().code in page.locator(".record-list").inner_text()


def test_a_failed_payment_retried_successfully(page, portal, family):
    user = citizen_account(family["father"])
    record = filed_record(user, family["father"])
    page = logged_in_page(page, portal, user)
    page.goto(f"{portal}/my/records/{record.pk}/")

    pay_at_gateway(page, "Thanh toán", "Mô phỏng giao dịch thất bại")
    assert "Thanh toán không thành công" in page.locator(".messages").inner_text()
    pay_at_gateway(page, "Thanh toán lại", "Xác nhận thanh toán", bank="Ví MoMo")
    assert "Đã thanh toán" in page.locator("section.payment .payment-state").inner_text()
    assert sorted(Payment.objects.values_list("state", flat=True)) == ["failed", "paid"]
    assert Payment.objects.get(state="paid").method == "Ví MoMo"
