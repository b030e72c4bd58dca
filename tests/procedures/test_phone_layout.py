"""The portal on a 360 px phone, in real Chromium: the whole menu on screen, tables as labelled cards,
and controls big enough to tap (44 × 44 px, WCAG 2.5.5) — while a desktop keeps its real tables."""

import re

import pytest

from tests.records.conftest import catalogue, citizen_account, family, login  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = 360
TAP = 44
BUSINESS_REGISTRATION = "2.001610"  # a demo procedure with document components and fees

# Everything about a box the assertions need, measured in the page.
BOX = """el => { const r = el.getBoundingClientRect();
  return {text: el.innerText.trim(), left: r.left, right: r.right, width: r.width, height: r.height}; }"""


def log_in(page, live_server, user):
    """The browser carries a citizen's VNeID level-2 session (logging in itself is tested in identity)."""
    from django.conf import settings
    from django.test import Client

    cookie = login(Client(), user).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def assert_menu_fits(page, expected):
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    if not nav.locator("#nav-toggle").is_checked():
        nav.locator("label[for=nav-toggle]").click()  # on a phone the menu opens from "Menu"
    boxes = nav.locator("a, button").evaluate_all(f"els => els.map({BOX})")
    assert {box["text"] for box in boxes} >= expected
    for box in boxes:
        assert box["left"] >= 0 and box["right"] <= PHONE, f"{box['text']!r} is off the screen: {box}"
        assert box["height"] >= TAP, f"{box['text']!r} is too small to tap: {box}"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert nav.locator("ul").evaluate("ul => ul.scrollWidth <= ul.clientWidth"), "the menu scrolls sideways"


def test_every_menu_link_is_on_a_phone_screen(live_server, page, family):  # noqa: F811
    page.goto(live_server.url + "/")
    assert_menu_fits(page, {"Trang chủ", "Thủ tục hành chính", "Dịch vụ công trực tuyến", "Tra cứu hồ sơ", "Đăng nhập"})

    log_in(page, live_server, citizen_account(family["father"]))
    page.goto(live_server.url + "/")
    assert_menu_fits(page, {"Hồ sơ của tôi", "Thông báo", "Tài khoản của tôi", "Đăng xuất"})

    menu_link = page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Thông báo")
    menu_link.focus()
    assert menu_link.evaluate("a => getComputedStyle(a).outlineStyle") != "none", "focus must show"


def cells(page):
    """Each body cell of the procedure's tables, with its column's header and how its label shows."""
    return page.locator(".procedure table").evaluate_all(
        """tables => tables.flatMap(table => {
             const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
             return [...table.querySelectorAll('tbody tr')].flatMap(tr => [...tr.children].map((td, i) => {
               const label = getComputedStyle(td, '::before'), r = td.getBoundingClientRect();
               return {header: headers[i], label: label.content, labelShown: label.display !== 'none',
                       empty: td.textContent.trim() === '', shown: getComputedStyle(td).display !== 'none',
                       row: getComputedStyle(tr).display, left: r.left, right: r.right};
             }));
           })"""
    )


def test_procedure_tables_are_cards_on_a_phone_and_tables_on_a_desktop(live_server, page, catalogue):  # noqa: F811
    page.goto(f"{live_server.url}/procedures/{BUSINESS_REGISTRATION}/")
    wraps = page.locator(".procedure .table-wrap")
    assert wraps.count() == 2  # documents and fees
    for i in range(wraps.count()):
        assert wraps.nth(i).evaluate("el => el.scrollWidth <= el.clientWidth"), "a table scrolls sideways"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE

    shown = [cell for cell in cells(page) if not cell["empty"]]
    assert {"Bắt buộc", "Mẫu", "Ghi chú"} <= {cell["header"] for cell in shown}
    for cell in shown:
        assert cell["row"] != "table-row", "each row should be a card"
        assert cell["shown"] and cell["labelShown"] and cell["label"] == f'"{cell["header"]}"', cell
        assert cell["left"] >= 0 and cell["right"] <= PHONE, cell
    # The headers stay in the page for screen readers.
    assert page.locator(".procedure th[scope=col]", has_text="Bắt buộc").count() == 1

    page.set_viewport_size({"width": 1200, "height": 800})
    for cell in cells(page):
        assert cell["row"] == "table-row" and cell["label"] in ("none", "normal"), cell
    assert page.locator(".procedure thead").first.is_visible()


def test_filing_controls_are_big_enough_to_tap(live_server, page, family):  # noqa: F811
    page.goto(f"{live_server.url}/procedures/{BUSINESS_REGISTRATION}/")
    print_button = page.get_by_role("button", name="In trang này").evaluate(BOX)
    assert print_button["height"] >= TAP and print_button["width"] >= TAP, print_button

    log_in(page, live_server, citizen_account(family["father"]))
    page.goto(f"{live_server.url}/services/bundles/lien-thong-khai-sinh/")
    page.get_by_role("button", name="Nộp hồ sơ liên thông").click()
    page.wait_for_url(re.compile(r"/eligibility/$"))
    assert_labels_tappable(page, ".radio label")
    page.get_by_label("Có").check()
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/form/$"))
    assert_labels_tappable(page, ".radio label")  # "Bạn nộp hồ sơ với tư cách", the child's sex

    page.goto(page.url.replace("/form/", "/review/"))
    for name in ("Sửa tờ khai", "Sửa giấy tờ"):
        link = page.get_by_role("link", name=name).evaluate(BOX)
        assert link["height"] >= TAP and link["width"] >= TAP, link


def assert_labels_tappable(page, selector):
    labels = page.locator(selector).evaluate_all(f"els => els.map({BOX})")
    assert labels
    for label in labels:
        assert label["height"] >= TAP, f"the label {label['text']!r} is too small to tap: {label}"
