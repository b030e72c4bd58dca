"""In Chromium (issue #20): a citizen books a slot from the record page of a partly-online record, receives the SMS
with the check-in code, the officer checks them in at the counter from the URL the QR code carries and gets a queue
number, calls the next citizen, and the citizen's booking then shows "Đã gọi"."""

import os
import re

import pytest
from django.conf import settings
from django.test import Client

from appointments.models import Booking
from appointments.services import check_in_url
from tests.a11y import assert_no_serious_axe_violations

from .conftest import arrive_today, login, officer_of, sms_lines, staff_login


@pytest.fixture
def portal(settings, live_server):
    settings.PORTAL_BASE_URL = live_server.url
    return live_server.url


def cookie_for(client: Client, base_url: str) -> dict:
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": base_url}


def shoot(page, name: str) -> None:
    """Screenshots at 360 and 1280 px into SCREENSHOTS_DIR, to look at the pages by hand."""
    if shots := os.environ.get("SCREENSHOTS_DIR"):
        width = page.viewport_size["width"]
        page.screenshot(path=f"{shots}/{name}-{width}.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=f"{shots}/{name}-1280.png", full_page=True)
        page.set_viewport_size({"width": width, "height": 740})


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_book_from_the_record_page_get_the_sms_check_in_by_qr_and_be_called(
    page, browser, portal, citizen, partly_record, counters, sms_outbox
):
    page.context.add_cookies([cookie_for(login(Client(), citizen), portal)])
    page.goto(f"{portal}/my/records/{partly_record.pk}/")
    block = page.locator("#appointment-block")
    assert "Lịch hẹn tại cơ quan" in block.inner_text()
    block.get_by_role("link", name="Đặt lịch hẹn").click()
    page.wait_for_url(re.compile(r"/appointments/records/[0-9a-f-]+/book/$"))
    assert_no_serious_axe_violations(page)
    shoot(page, "appointments-book")
    page.locator("input[name=slot]").first.check()
    page.get_by_role("button", name="Đặt lịch").click()
    page.wait_for_url(re.compile(r"/appointments/[0-9A-Z]{8}/$"))
    code = page.url.rstrip("/").rsplit("/", 1)[1]
    assert page.locator(".booking-qr svg").count() == 1
    assert "Đã đặt lịch" in page.locator(".booking-state").inner_text()
    assert_no_serious_axe_violations(page)
    shoot(page, "appointments-detail")

    texts = [m["text"] for m in sms_lines(sms_outbox)]
    booked_sms = [t for t in texts if "Đã đặt lịch hẹn" in t]
    assert len(booked_sms) == 1 and f"Mã check-in: {code}" in booked_sms[0]
    assert "/appointments/qr/" in booked_sms[0]

    # The day comes; the citizen shows the QR code at the counter: the officer's scanner opens the URL it carries.
    booking = Booking.objects.get(code=code)
    arrive_today(booking)
    officer = officer_of(partly_record.agency)
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    desk.add_cookies([cookie_for(staff_login(Client(), officer), portal)])
    office = desk.new_page()
    office.set_default_timeout(15_000)
    office.goto(check_in_url(booking))
    assert citizen.get_full_name() in office.locator("#found-booking").inner_text()
    assert office.get_by_label("Mã check-in hoặc nội dung mã QR").input_value() == code
    office.get_by_role("button", name="Nhận và cấp số thứ tự").click()
    assert "số thứ tự 1" in office.locator(".messages").inner_text()
    row = office.locator(f"tr[data-code='{code}']")
    assert "Đã đến, chờ gọi" in row.inner_text()
    counter = booking.slot.counter.number
    office.get_by_role("button", name=f"Gọi số tiếp theo (quầy {counter})").click()
    assert "Mời số 1" in office.locator(".messages").inner_text()
    assert "Đã gọi" in office.locator(f"tr[data-code='{code}']").inner_text()
    assert_no_serious_axe_violations(office)
    if shots := os.environ.get("SCREENSHOTS_DIR"):
        office.screenshot(path=f"{shots}/appointments-desk-1280.png", full_page=True)
        office.set_viewport_size({"width": 360, "height": 740})
        office.screenshot(path=f"{shots}/appointments-desk-360.png", full_page=True)
    desk.close()

    page.goto(f"{portal}/my/records/{partly_record.pk}/")
    assert "Đã gọi" in page.locator("#appointment-block").inner_text()
    assert page.locator("#appointment-block").get_by_role("link", name="Đặt lịch hẹn").count() == 0
    shoot(page, "appointments-record")
    page.goto(f"{portal}/appointments/{code}/")
    assert "Đã gọi" in page.locator(".booking-state").inner_text()
    assert "Số 1 đã được gọi" in page.content()
