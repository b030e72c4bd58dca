"""A citizen in real Chromium: VNeID login, step-up to level 2 with the SMS code, profile and wallet, logout."""

import re

import pytest

from identity.vneid.clients import register_portal_client
from identity.vneid.models import ProviderSession

from .conftest import PASSWORD
from .helpers import last_otp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _vneid_password_step(page, person):
    page.wait_for_url(re.compile(r"/vneid/login/"))
    page.get_by_label("Số định danh cá nhân").fill(person.id_number)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def _consent(page):
    page.wait_for_url(re.compile(r"/vneid/authorize/"))
    assert page.get_by_text("Số định danh cá nhân").count() >= 1
    page.get_by_role("button", name="Đồng ý chia sẻ").click()


def test_citizen_logs_in_at_level2_sees_profile_and_wallet_and_logs_out(page, live_server, citizen_person, sms_outbox):
    register_portal_client(live_server.url, f"{live_server.url}/vneid")

    page.goto(f"{live_server.url}/")
    page.get_by_text("Menu", exact=True).click()  # a phone's menu opens from "Menu"
    page.get_by_role("link", name="Đăng nhập").click()
    page.get_by_role("button", name="Đăng nhập bằng VNeID").click()
    _vneid_password_step(page, citizen_person)
    _consent(page)

    page.wait_for_url(re.compile(r"/my-account/$"))
    assert page.locator("#id-number").inner_text() == citizen_person.id_number
    assert page.locator("#assurance-level").inner_text() == "Mức độ 1"

    # The wallet needs level 2: step up, with the one-time code sent by SMS.
    page.locator("#wallet-step-up").click()
    page.get_by_role("button", name="Xác thực mức độ 2 với VNeID").click()
    _vneid_password_step(page, citizen_person)
    page.wait_for_url(re.compile(r"/vneid/login/otp/"))
    page.get_by_label("Mã OTP").fill(last_otp(sms_outbox, citizen_person.phone))
    page.get_by_role("button", name="Xác nhận").click()
    _consent(page)

    page.wait_for_url(re.compile(r"/my-account/$"))
    assert page.locator("#assurance-level").inner_text() == "Mức độ 2"
    profile = page.locator("#profile").inner_text()
    assert citizen_person.full_name in profile and "Số 1 phố Tràng Tiền" in profile
    wallet = page.locator("#wallet").inner_text()
    assert "Giấy phép lái xe" in wallet and "010101010101" in wallet and "B2" in wallet

    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("button", name="Đăng xuất").click()
    # VNeID asks before ending its own session (a link on another site must not log anyone out).
    page.wait_for_url(re.compile(r"/vneid/logout/"))
    assert page.get_by_role("heading", name="Đăng xuất khỏi VNeID?").count() == 1
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(f"{live_server.url}/")
    page.get_by_text("Menu", exact=True).click()
    assert page.get_by_role("link", name="Đăng nhập").count() == 1
    assert not ProviderSession.objects.filter(ended_at__isnull=True).exists()
    page.goto(f"{live_server.url}/my-account/")
    page.wait_for_url(re.compile(r"/login/\?next="))
