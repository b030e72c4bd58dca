"""In real Chromium (issue #17 item 4): an agency head adds an officer on the staff pages and reads the activation
code once; the officer types it with their username, chooses a password, enrols TOTP and lands on the back-office;
the head sees it all in the audit list. Each staff page passes axe."""

import re

import pytest

from tests.a11y import assert_no_serious_axe_violations
from tests.backoffice.test_browser import new_page, officer_page
from tests.staff import totp_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Mat-khau-rieng-2026!"


def test_a_head_adds_an_officer_who_activates_enrols_totp_and_lands_on_the_backoffice(browser, live_server, world):
    head = officer_page(browser, live_server, world.head_a)
    head.get_by_role("link", name=re.compile("Quản lý cán bộ")).click()
    head.wait_for_url(re.compile(rf"/backoffice/staff/{re.escape(world.ward_a.code)}/$"))
    assert_no_serious_axe_violations(head)

    head.get_by_role("link", name="Thêm cán bộ").click()
    head.get_by_label("Tên đăng nhập", exact=True).fill("tiepnhan.moi")
    head.get_by_label("Họ và tên", exact=True).fill("Đỗ Thị Hương")
    head.get_by_label("Cán bộ tiếp nhận").check()
    head.get_by_label("Chuyên viên xử lý").check()
    assert_no_serious_axe_violations(head)
    head.get_by_role("button", name="Thêm cán bộ").click()
    head.wait_for_url(re.compile(r"/officers/\d+/$"))
    code = head.locator("#the-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert "Cán bộ tiếp nhận, Chuyên viên xử lý" in head.locator("#officer-roles").inner_text()
    assert_no_serious_axe_violations(head)
    officer_url = head.url
    head.reload()
    assert head.locator("#the-code").count() == 0  # shown once

    newcomer = new_page(browser)
    newcomer.goto(f"{live_server.url}/accounts/login/")
    newcomer.get_by_role("link", name="kích hoạt tài khoản").click()
    newcomer.wait_for_url(re.compile(r"/accounts/2fa/activation/"))
    newcomer.get_by_label("Tên đăng nhập").fill("tiepnhan.moi")
    newcomer.get_by_label("Mã kích hoạt").fill(code)
    newcomer.get_by_label("Mật khẩu mới", exact=True).fill(PASSWORD)
    newcomer.get_by_label("Nhập lại mật khẩu mới").fill(PASSWORD)
    assert_no_serious_axe_violations(newcomer)
    newcomer.get_by_role("button", name="Kích hoạt").click()
    newcomer.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret = newcomer.locator("#authenticator_secret").input_value()
    newcomer.get_by_label("Mã xác thực").fill(totp_now(secret))
    newcomer.get_by_role("button", name="Bật xác thực hai lớp").click()
    newcomer.wait_for_url(re.compile(r"/backoffice/$"))
    landing = newcomer.locator("main").inner_text()
    assert world.ward_a.name in landing and "Đã bật xác thực hai lớp" in landing

    head.goto(officer_url)
    assert head.locator("#officer-mfa").inner_text() == "Đã bật"
    head.get_by_role("link", name="Toàn bộ nhật ký thay đổi của cơ quan").click()
    audit = head.locator("#staff-audit").inner_text()
    for label in ("Tạo tài khoản cán bộ", "Giao vai trò", "Cấp mã kích hoạt", "Dùng mã kích hoạt"):
        assert label in audit, label
    assert_no_serious_axe_violations(head)
