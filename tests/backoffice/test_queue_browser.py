"""The desk's queue in real Chromium (issue #16 item 6): found by an unaccented name, deadlines readable, two records
received with one confirmation, all from the keyboard, with no serious axe violation, at 360 and 1280 px."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone

from identity.constants import StaffRole
from procedures.text import fold
from records.constants import RecordState
from records.models import Record
from tests.a11y import assert_no_serious_axe_violations

from .conftest import advance, make_officer, submitted_record
from .test_browser import officer_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("DESK_SCREENSHOTS", "")) if os.environ.get("DESK_SCREENSHOTS") else None


def shot(page, name):
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_desk_finds_sees_deadlines_and_receives_two_records_with_one_confirmation(
    browser, live_server, citizen, family, width
):
    first = submitted_record(citizen, family["father"])
    second = submitted_record(citizen, family["mother"])
    agency = first.agency
    desk = make_officer("motcua", agency, StaffRole.RECEIVER, StaffRole.AGENCY_HEAD)
    staff = {
        "receiver": desk,
        "processor": make_officer("xuly", agency, StaffRole.PROCESSOR),
        "approver": make_officer("pheduyet", agency, StaffRole.APPROVER),
    }
    late = advance(submitted_record(citizen, family["father"]), staff, "in_processing")
    Record.objects.filter(pk=late.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=7))

    page = officer_page(browser, live_server, desk)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/backoffice/agencies/{agency.code}/")
    overdue_row = page.locator("tr", has=page.get_by_role("link", name=late.code))
    assert "Quá hạn" in overdue_row.inner_text() and "due-overdue" in overdue_row.get_attribute("class")
    shot(page, f"queue-{width}")
    assert_no_serious_axe_violations(page, context="main")  # the page header is checked by its own tests

    # Search by the mother's name typed without accents, from the keyboard.
    page.get_by_label("Tìm hồ sơ").focus()
    page.keyboard.type(fold(family["mother"].full_name))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?q="))
    codes = page.locator("a.record-code").all_inner_texts()
    assert codes == [second.code]
    shot(page, f"queue-search-{width}")

    # Back to the submitted records; tick two with the space bar, choose "Tiếp nhận", go on.
    page.goto(f"{live_server.url}/backoffice/agencies/{agency.code}/?state=submitted")
    for record in (first, second):
        page.get_by_label(f"Chọn hồ sơ {record.code}").focus()
        page.keyboard.press("Space")
    page.get_by_label("Thao tác").select_option("receive")
    page.get_by_role("button", name="Thực hiện…").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Tiếp nhận 2 hồ sơ?").wait_for()
    assert Record.objects.filter(state=RecordState.RECEIVED).count() == 0
    shot(page, f"bulk-confirm-{width}")
    assert_no_serious_axe_violations(page, context="main")  # the page header is checked by its own tests
    page.get_by_role("button", name="Xác nhận").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/backoffice/agencies/.+/\?state=submitted"))
    assert "Đã tiếp nhận 2 hồ sơ" in page.content()
    for record in (first, second):
        record.refresh_from_db()
        assert record.state == RecordState.RECEIVED
    shot(page, f"bulk-done-{width}")
