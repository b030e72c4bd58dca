"""In Chromium, at phone width: the father files the birth bundle, the registry catches the other parent's name
typed with the wrong number, the residence registration shows nothing to pay and why, and the mother then reads
the filing from "Hồ sơ của tôi", read-only. Every page passes axe (no serious or critical violation)."""

import re

import pytest

from tests.a11y import assert_no_serious_axe_violations
from tests.identity.factories import PersonFactory

from . import files
from .conftest import citizen_account
from .test_browser import back_at, file_birth_bundle_form, finish, logged_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_registry_checks_the_other_parent_and_she_reads_the_filing(page, live_server, family, tmp_path):
    stranger = PersonFactory(serial=79, full_name="Trần Văn Người Lạ")
    page = file_birth_bundle_form(page, live_server, family["father"], family["mother"].full_name, stranger.id_number)

    # Refused on the name field, with nothing of the stranger but the number typed.
    error = page.locator("#id_other_parent_name_error")
    error.wait_for()
    assert "Họ tên không khớp" in error.inner_text()
    assert stranger.full_name not in page.content()
    assert_no_serious_axe_violations(page)
    page.screenshot(path=str(tmp_path / "form-error-360.png"), full_page=True)
    page.get_by_label("Số định danh của cha/mẹ còn lại").fill(family["mother"].id_number)
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/attachments/(#slot-[\w-]+)?$"))
    certificate = tmp_path / "giay-chung-sinh.jpg"
    certificate.write_bytes(files.JPEG)
    slot = page.locator("section.slot", has_text="Giấy chứng sinh").first
    slot.locator("input[type=file]").set_input_files(str(certificate))
    slot.get_by_role("button", name="Tải lên", exact=True).click()
    back_at(page, slot)
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/review/$"))
    fees = page.locator(".fee-preview").inner_text()
    assert "Miễn tự động theo khoản 1 Điều 4 Thông tư 75/2022/TT-BTC" in fees
    assert "10.000" not in fees
    assert_no_serious_axe_violations(page)
    page.screenshot(path=str(tmp_path / "review-360.png"), full_page=True)
    codes = finish(page, live_server)

    # The mother, on her own phone.
    page.context.clear_cookies()
    page = logged_in_page(page, live_server, citizen_account(family["mother"]))
    page.goto(f"{live_server.url}/my/records/")
    named = page.locator(".named-records")
    assert all(code in named.inner_text() for code in codes)
    assert_no_serious_axe_violations(page)
    page.screenshot(path=str(tmp_path / "my-records-360.png"), full_page=True)
    named.get_by_role("link", name=re.compile(codes[0])).click()
    page.wait_for_url(re.compile(r"/my/records/named/[0-9a-f-]+/$"))
    assert "Bạn chỉ xem được hồ sơ" in page.locator("#named-notice").inner_text()
    assert page.get_by_role("button").filter(has_text=re.compile("Thanh toán|Rút|Nộp bổ sung")).count() == 0
    assert_no_serious_axe_violations(page)
    page.screenshot(path=str(tmp_path / "named-360.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(tmp_path / "named-1280.png"), full_page=True)
