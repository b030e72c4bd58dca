"""One record through the back-office in real Chromium: officers log in with password and TOTP on the real pages."""

import re

import pytest
from django.conf import settings
from django.test import Client

from identity.constants import StaffRole
from records.constants import RecordState
from records.constants import WorkflowAction as A
from records.models import Record
from tests.records import files

from .conftest import STAFF_PASSWORD, login, make_officer, submitted_record, totp_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def new_page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def officer_page(browser, live_server, user):
    page = new_page(browser)
    page.goto(f"{live_server.url}/backoffice/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_label("Mã xác thực").fill(totp_now(user.totp_secret))
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(re.compile(r"/backoffice/"))
    return page


def citizen_page(browser, live_server, user):
    page = new_page(browser)
    cookie = login(Client(), user).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page


def open_record(page, live_server, record):
    page.goto(f"{live_server.url}/backoffice/agencies/{record.agency.code}/")
    page.get_by_role("link", name=record.code).click()
    page.wait_for_url(re.compile(rf"/backoffice/records/{record.pk}/$"))


def test_receive_supplement_result_approve_return_and_the_citizen_sees_it(
    browser, live_server, citizen, family, tmp_path
):
    record = submitted_record(citizen, family["father"])
    agency = record.agency
    receiver = make_officer("tiepnhan", agency, StaffRole.RECEIVER)
    processor = make_officer("xuly", agency, StaffRole.PROCESSOR)
    approver = make_officer("pheduyet", agency, StaffRole.APPROVER)

    desk = officer_page(browser, live_server, receiver)
    open_record(desk, live_server, record)
    desk.get_by_role("button", name="Tiếp nhận", exact=True).click()
    assert desk.locator("#record-state").inner_text() == "Đã tiếp nhận"

    clerk = officer_page(browser, live_server, processor)
    open_record(clerk, live_server, record)
    clerk.get_by_role("button", name="Bắt đầu xử lý").click()
    clerk.get_by_label("Lý do (Yêu cầu bổ sung)").fill("Bổ sung bản sao giấy chứng nhận quyền sử dụng đất")
    clerk.get_by_role("button", name="Yêu cầu bổ sung", exact=True).click()
    assert clerk.locator("#record-state").inner_text() == "Yêu cầu bổ sung"

    home = citizen_page(browser, live_server, citizen)
    home.goto(f"{live_server.url}/my/records/{record.pk}/")
    assert "quyền sử dụng đất" in home.locator("#supplement").inner_text()
    extra = tmp_path / "so-do.pdf"
    extra.write_bytes(files.PDF)
    home.get_by_label("Tệp bổ sung").set_input_files(str(extra))
    home.get_by_role("button", name="Tải lên", exact=True).click()
    home.get_by_role("button", name="Nộp bổ sung").click()
    assert "Đã nộp bổ sung" in home.locator(".messages").inner_text()

    clerk.reload()
    assert clerk.locator("#record-state").inner_text() == "Đang xử lý"
    assert "so-do.pdf" in clerk.locator("#attachments").inner_text()
    result = tmp_path / "ket-qua.pdf"
    result.write_bytes(files.PDF)
    clerk.get_by_label("Tải lên văn bản kết quả (PDF)").set_input_files(str(result))
    clerk.get_by_role("button", name="Lưu kết quả").click()
    assert "ket-qua.pdf" in clerk.locator("#results").inner_text()

    boss = officer_page(browser, live_server, approver)
    open_record(boss, live_server, record)
    boss.get_by_role("button", name="Phê duyệt", exact=True).click()
    boss.get_by_role("button", name="Xác nhận phê duyệt và ký số").click()  # approval asks for confirmation
    assert boss.locator("#record-state").inner_text() == "Đã phê duyệt, chờ trả kết quả"

    desk.reload()
    desk.get_by_role("button", name="Trả kết quả").click()
    assert desk.locator("#record-state").inner_text() == "Đã trả kết quả"

    home.goto(f"{live_server.url}/my/records/")
    assert "Đã trả kết quả" in home.locator(".record-list").inner_text()
    home.goto(f"{live_server.url}/my/records/{record.pk}/")
    with home.expect_download() as download:
        home.get_by_role("link", name="Tải kết quả").click()
    with open(download.value.path(), "rb") as downloaded:
        assert downloaded.read().startswith(b"%PDF")
    assert Record.objects.get(pk=record.pk).state == RecordState.RESULT_RETURNED
    actions = list(Record.objects.get(pk=record.pk).events.values_list("action", flat=True))
    assert actions[-7:] == [
        A.RECEIVE,
        A.START_PROCESSING,
        A.REQUEST_SUPPLEMENT,
        A.SUPPLEMENT,
        A.ATTACH_RESULT,
        A.APPROVE,
        A.RETURN_RESULT,
    ]
