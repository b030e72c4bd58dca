"""The logged-in menu on a 360 px phone folds behind one "Menu" control that works without JavaScript (it took
29% of the screen), and the unread count in the header is part of the link's accessible name."""

import re

import pytest

from notifications import services
from notifications.constants import Event
from tests.records.conftest import catalogue, citizen_account, family, login  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAV = "Điều hướng chính"
UNREAD = re.compile(r"^Thông báo\s?, 5 chưa đọc$")  # Chromium puts a space before the hidden text


def _log_in(page, live_server, user):
    from django.conf import settings
    from django.test import Client

    cookie = login(Client(), user).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def _unread(user, n):
    for i in range(n):
        services.notify(
            Event.PAYMENT_FAILED,
            recipient_user=user,
            context={"payer_name": "Lê Văn Bố", "amount": 20000, "record_code": f"H56-260312-000{i}"},
            idempotency_key=f"payment:{i}:failed",
            url="/my/records/",
        )


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_logged_in_menu_folds_on_a_phone_and_opens_without_javascript(phone, live_server, family):  # noqa: F811
    user = citizen_account(family["father"])
    _unread(user, 5)
    _log_in(phone, live_server, user)
    phone.goto(live_server.url + "/my/records/")

    nav = phone.get_by_role("navigation", name=NAV)
    share = nav.evaluate("n => n.getBoundingClientRect().height") / 740
    assert share < 0.12, f"the menu takes {share:.0%} of the screen"
    account = nav.get_by_role("link", name="Tài khoản của tôi")
    assert not account.is_visible()

    nav.locator("label[for=nav-toggle]").click()  # no script runs on this page
    assert account.is_visible()
    inbox = nav.get_by_role("link", name=UNREAD)
    assert inbox.is_visible()
    for link in nav.locator("a, button").all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] >= 44
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_desktop_menu_stays_open_and_announces_the_unread_count(page, live_server, family):  # noqa: F811
    user = citizen_account(family["father"])
    _unread(user, 5)
    _log_in(page, live_server, user)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name=NAV)
    assert nav.get_by_role("link", name="Tài khoản của tôi").is_visible()
    assert not nav.locator("label[for=nav-toggle]").is_visible()
    inbox = nav.get_by_role("link", name=UNREAD)
    assert inbox.is_visible()
    assert "5" in inbox.inner_text()  # the count still shows
