"""The simulated national receiver's figures page, as someone reading it sees it on a phone and on a desktop."""

import os

import pytest

from emc import services as emc
from tests.a11y import assert_no_serious_axe_violations

from .test_receiver import report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_national_figures_page_shows_each_agency_and_each_status(national, page):
    finished = "2026-03-19T10:00:00+07:00"
    emc.send(report(1, 10, code="A-1", at=finished, finished_at=finished))
    emc.send(report(2, 4, code="A-2"))
    emc.send(report(3, 2, code="B-1", agency_code="000.00.22.H56", channel="counter"))

    page.goto(national + "/national/")
    figures = page.locator(".figures")
    assert "3" in figures.locator("li", has_text="Hồ sơ đã tiếp nhận").inner_text()
    assert "66,7 %" in figures.locator("li", has_text="Tỷ lệ tiếp nhận trực tuyến").inner_text()
    assert "100,0 %" in figures.locator("li", has_text="Tỷ lệ giải quyết đúng hạn").inner_text()
    row = page.get_by_role("row", name="000.00.21.H56")
    assert row.get_by_role("cell").all_inner_texts() == ["2", "2", "100,0 %", "1", "1", "100,0 %"]
    assert page.get_by_role("row", name="4. Đang xử lý").get_by_role("cell").inner_text() == "1"
    assert_no_serious_axe_violations(page)
    # Nothing wider than the phone's screen but the tables' own scrolling boxes.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        page.screenshot(path=f"{shots}/national-360.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 800})
        page.screenshot(path=f"{shots}/national-1280.png", full_page=True)

    page.get_by_role("link", name="000.00.22.H56").click()
    assert "000.00.22.H56" in page.get_by_role("heading", level=1).inner_text()
    assert "0,0 %" in figures.locator("li", has_text="Tỷ lệ tiếp nhận trực tuyến").inner_text()
    assert "—" in figures.locator("li", has_text="Tỷ lệ giải quyết đúng hạn").inner_text()  # nothing decided there
    assert page.goto(national + "/national/?agency=NOWHERE").status == 404
