"""A citizen asks the widget in real Chromium: "con mới sinh cần làm gì", is asked one clarifying question, gets the
birth-registration bundle card and starts the filing from it; the same without JavaScript. axe on the chat page and
the widget; screenshots at 360 and 1280 px."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.a11y import assert_no_serious_axe_violations
from tests.identity.factories import citizen_account
from tests.records.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "assistant"


def citizen_page(browser, live_server, user, *, javascript=True, width=1280):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="vi-VN", java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    cookie = login(Client(), user).cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page


def _ask_the_widget(page, live_server):
    page.goto(f"{live_server.url}/services/")
    page.get_by_text("Trợ lý ảo", exact=True).click()
    page.get_by_label("Hỏi trợ lý ảo về thủ tục, hồ sơ của bạn").fill("con mới sinh cần làm gì")
    page.locator(".assistant-widget-form").get_by_role("button", name="Gửi").click()


def _start_from_the_card(page):
    card = page.get_by_role("article", name=re.compile("^Liên thông đăng ký khai sinh"))
    card.get_by_role("link", name="Nộp trực tuyến").click()
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url(re.compile(r"/my/filings/[0-9a-f-]+/"))


def test_the_widget_asks_once_shows_the_birth_bundle_and_starts_the_filing(browser, live_server, catalogue, family):
    user = citizen_account(family["father"])
    page = citizen_page(browser, live_server, user)
    _ask_the_widget(page, live_server)
    widget = page.locator(".assistant-widget")
    question = widget.locator(".assistant-answer").last
    question.get_by_text("hay làm liên thông nhiều thủ tục").wait_for()
    assert page.url.endswith("/services/")  # answered in place
    assert question.get_by_role("button").count() == 2
    assert_no_serious_axe_violations(page, context=".assistant-widget")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "widget-ask-1280.png"))

    question.get_by_role("button", name=re.compile("^Liên thông đăng ký khai sinh")).click()
    card = widget.get_by_role("article", name=re.compile("^Liên thông đăng ký khai sinh"))
    card.wait_for()
    # One question only: the province came from the citizen's VNeID residence (Hà Nội).
    assert widget.locator(".assistant-options").count() == 1
    assert "Thành phố Hà Nội" in widget.locator(".assistant-answer").last.inner_text()
    page.screenshot(path=str(SHOTS / "widget-card-1280.png"))
    _start_from_the_card(page)
    assert "Liên thông đăng ký khai sinh" in page.content()


def test_the_same_journey_without_javascript(browser, live_server, catalogue, family):
    user = citizen_account(family["father"])
    page = citizen_page(browser, live_server, user, javascript=False, width=360)
    _ask_the_widget(page, live_server)
    page.wait_for_url(re.compile(r"/assistant/"))
    latest = page.locator("#latest")
    assert "hay làm liên thông nhiều thủ tục" in latest.inner_text()
    page.screenshot(path=str(SHOTS / "chat-nojs-ask-360.png"), full_page=True)
    latest.get_by_role("button", name=re.compile("^Liên thông đăng ký khai sinh")).click()
    page.wait_for_url(re.compile(r"/assistant/"))
    page.locator("#latest").get_by_role("article").wait_for()
    page.screenshot(path=str(SHOTS / "chat-nojs-card-360.png"), full_page=True)
    _start_from_the_card(page)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_chat_page_is_accessible(browser, live_server, catalogue, family, width):
    user = citizen_account(family["father"])
    page = citizen_page(browser, live_server, user, width=width)
    page.goto(f"{live_server.url}/assistant/")
    page.get_by_label("Câu hỏi của bạn").fill("thủ tục xin visa du lịch đi Mỹ")
    page.get_by_role("button", name="Gửi").click()
    page.locator("#latest").get_by_text("1800 1096").first.wait_for()
    assert_no_serious_axe_violations(page)
    page.get_by_label("Câu hỏi của bạn").fill("con mới sinh cần làm gì")
    page.get_by_role("button", name="Gửi").click()
    page.locator("#latest .assistant-options").wait_for()
    page.locator("#latest").get_by_role("button", name="Đăng ký khai sinh", exact=True).click()
    page.locator("#latest").get_by_role("article").wait_for()
    assert_no_serious_axe_violations(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"chat-{width}.png"), full_page=True)
