"""A citizen on a phone finds a procedure by typing without accents, in real Chromium."""

import pytest

from . import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_without_accents_open_procedure_and_switch_language(live_server, page):
    transport = factories.sector("duong-bo", "Đường bộ", "Road transport")
    factories.published(
        "1.002809",
        "Cấp đổi giấy phép lái xe",
        name_en="Renewal of a driving licence",
        sector_=transport,
        levels=["province"],
        fee=135_000,
    )
    factories.published("1.001193", "Đăng ký khai sinh")

    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_label("Tìm thủ tục hành chính").fill("cap doi giay phep lai xe")
    page.get_by_role("button", name="Tìm kiếm").click()

    page.wait_for_url("**/procedures/?q=*")
    assert "Tìm thấy 1 thủ tục" in page.locator(".result-count").inner_text()
    page.get_by_role("link", name="Cấp đổi giấy phép lái xe").click()

    page.wait_for_url("**/procedures/1.002809/")
    assert page.get_by_role("heading", level=1).inner_text() == "Cấp đổi giấy phép lái xe"
    qr = page.locator("img[src$='qr.svg']")
    qr.evaluate("img => img.decode()")
    assert qr.evaluate("img => img.naturalWidth") > 0
    # Usable at 360 px: nothing wider than the screen but the scrollable tables.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Renewal of a driving licence"
    assert page.url.endswith("/procedures/1.002809/")

    page.get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text() == "Cấp đổi giấy phép lái xe"


def test_skip_link_moves_focus_to_the_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    assert skip.evaluate("el => el === document.activeElement")
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
