"""The data access log in real Chromium: an officer opens a record (and is told the citizen will see it); the
citizen, on a 360 px phone, finds the access under "Tài khoản của tôi" and reports it."""

import os
import re

import pytest
from django.conf import settings
from django.test import Client

from dataaccess.models import AccessReport
from tests.a11y import assert_no_serious_axe_violations
from tests.backoffice.test_browser import officer_page
from tests.records.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("ACCESSLOG_SCREENSHOTS")  # a directory to keep screenshots in, when looking by hand


def phone_page(browser, live_server, user):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    cookie = login(Client(), user).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_citizen_sees_who_opened_their_record_on_a_phone_and_reports_it(
    browser, live_server, citizen, record, staff
):
    processor = staff["processor"]
    officer = officer_page(browser, live_server, processor)
    officer.goto(f"{live_server.url}/backoffice/records/{record.pk}/")
    notice = officer.locator("#data-access-notice")
    assert "Công dân sẽ thấy lượt truy cập này" in notice.inner_text()
    shot(officer, "officer-record")
    officer.context.close()

    phone = phone_page(browser, live_server, citizen)
    phone.goto(f"{live_server.url}/my-account/")
    phone.get_by_role("link", name="Xem nhật ký truy cập dữ liệu").click()
    phone.wait_for_url(re.compile(r"/my-account/data-access/$"))
    entry = phone.locator(".access-entry").first
    text = entry.inner_text()
    assert "Xem hồ sơ" in text and record.code in text
    assert processor.get_full_name() in text and record.agency.display_name in text
    assert fits(phone)
    assert_no_serious_axe_violations(phone)
    shot(phone, "citizen-list-360")

    entry.get_by_role("link", name="Báo cáo lượt truy cập này").click()
    phone.wait_for_url(re.compile(r"/report/$"))
    assert fits(phone)
    assert_no_serious_axe_violations(phone)
    phone.get_by_label("Vì sao bạn không nhận ra lượt truy cập này? (không bắt buộc)").fill(
        "Tôi không có việc gì với cơ quan này hôm nay."
    )
    shot(phone, "citizen-report-360")
    phone.get_by_role("button", name="Gửi báo cáo").click()
    phone.wait_for_url(re.compile(r"/my-account/data-access/$"))
    assert "Đã nhận báo cáo của bạn" in phone.locator("body").inner_text()
    assert "Bạn đã báo cáo lượt truy cập này" in phone.locator(".access-entry").first.inner_text()
    assert phone.get_by_role("link", name="Báo cáo lượt truy cập này").count() == 0
    shot(phone, "citizen-reported-360")
    assert AccessReport.objects.get().message == "Tôi không có việc gì với cơ quan này hôm nay."

    # The same page in English, still readable at 360 px.
    phone.get_by_role("button", name="English").click()
    phone.get_by_role("heading", name="Who has used my data").wait_for()
    assert "Viewed a record" in phone.locator(".access-entry").first.inner_text()
    assert fits(phone)
    shot(phone, "citizen-list-360-en")
    phone.context.close()
