"""Ratings and feedback in real Chromium: a citizen rates a returned record once; a feedback sent through an agency's
QR page is answered by that agency's officer and its sender reads the answer by its code. axe on each form and on
the status page; screenshots at 360 and 1280 px (to SCREENSHOT_DIR when set)."""

import base64
import io
import os
import re
from pathlib import Path

import pytest

from feedback.models import Feedback, Rating
from tests.a11y import assert_no_serious_axe_violations
from tests.backoffice.test_browser import citizen_page, new_page, officer_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shots(tmp_path):
    return Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)


def screenshots(page, shots: Path, name: str):
    """The page at a phone's width and a desktop's, whole; back to the desktop width after."""
    shots.mkdir(parents=True, exist_ok=True)
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        # Nothing wider than the screen: no sideways scrolling of the page itself.
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, f"{name} overflows at {width}px"
    page.set_viewport_size({"width": 1280, "height": 900})


def choose(page, question: str, answer: str):
    page.get_by_role("group", name=question, exact=True).get_by_label(answer, exact=True).check()


def test_a_citizen_rates_a_returned_record_once(browser, live_server, returned, citizen, shots):
    page = citizen_page(browser, live_server, citizen)
    page.goto(f"{live_server.url}/my/records/{returned.pk}/")
    page.locator("#rating").get_by_role("link", name="Đánh giá").click()
    page.wait_for_url(re.compile(r"/rating/$"))

    choose(page, "Thời gian giải quyết so với ngày hẹn", "Đúng ngày hẹn")
    choose(page, "Số lần phải đến để hoàn thiện hồ sơ", "Một lần / một nơi")
    choose(page, "Số nơi phải liên hệ", "Một lần / một nơi")
    choose(page, "Việc tiếp nhận hồ sơ", "5 — Rất hài lòng")
    choose(page, "Công khai, đầy đủ thông tin về thủ tục", "4 — Hài lòng")
    choose(page, "Thái độ của cán bộ", "5 — Rất hài lòng")
    choose(page, "Việc giải quyết phản ánh, kiến nghị", "Tôi không có phản ánh, kiến nghị nào")
    choose(page, "Theo dõi tiến độ hồ sơ trực tuyến", "4 — Hài lòng")
    choose(page, "Sự dễ dàng khi thực hiện", "4 — Hài lòng")
    page.get_by_label("Góp ý thêm").fill("Nhanh, gọn.")
    page.get_by_role("button", name="Gửi đánh giá").click()  # the overall criterion forgotten
    assert "Vui lòng chọn Mức độ hài lòng chung." in page.locator(".error-summary").inner_text()
    assert page.get_by_label("Góp ý thêm").input_value() == "Nhanh, gọn."  # nothing typed is lost
    assert_no_serious_axe_violations(page, context="main")
    screenshots(page, shots, "rating-form")

    choose(page, "Mức độ hài lòng chung", "5 — Rất hài lòng")
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.wait_for_url(re.compile(rf"/my/records/{returned.pk}/#rating$"))
    assert "Bạn đã đánh giá việc giải quyết hồ sơ này" in page.locator("#rating").inner_text()
    assert page.locator("#rating").get_by_role("link", name="Đánh giá").count() == 0

    page.goto(f"{live_server.url}/my/records/{returned.pk}/rating/")  # an old link to the form
    assert "chỉ được đánh giá một lần" in page.locator("#already-rated").inner_text()
    assert page.get_by_role("button", name="Gửi đánh giá").count() == 0
    rating = Rating.objects.get(record=returned)
    assert (rating.overall, rating.comment) == (5, "Nhanh, gọn.")


def decode_qr(data_uri: str) -> str:
    import zxingcpp
    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1])))
    return zxingcpp.read_barcodes(image)[0].text


def test_feedback_through_an_agencys_qr_code_is_answered_and_read_by_its_code(
    browser, live_server, agency, staff, settings, shots
):
    settings.PORTAL_BASE_URL = live_server.url
    sender = new_page(browser)
    sender.goto(f"{live_server.url}/feedback/agencies/{agency.code}/qr/")
    screenshots(sender, shots, "agency-qr")
    url = decode_qr(sender.locator("#agency-qr").get_attribute("src"))
    assert url == f"{live_server.url}/feedback/agencies/{agency.code}/?qr=1"

    sender.goto(url)  # as a phone that scanned the code at the counter
    assert agency.name in sender.locator("#preset-agency").inner_text()
    sender.get_by_label("Tiêu đề").fill("Chờ lâu tại quầy")
    sender.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()  # the content forgotten
    assert "Vui lòng nhập Nội dung." in sender.locator(".error-summary").inner_text()
    assert sender.get_by_label("Tiêu đề").input_value() == "Chờ lâu tại quầy"
    assert_no_serious_axe_violations(sender, context="main")
    sender.get_by_role("textbox", name="Nội dung", exact=True).fill("Tôi phải chờ hơn hai giờ để nộp hồ sơ.")
    screenshots(sender, shots, "feedback-form")
    sender.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
    sender.wait_for_url(re.compile(r"/feedback/sent/$"))
    code = sender.locator("#feedback-code").inner_text()
    feedback = Feedback.objects.get()
    assert code == feedback.display_code and feedback.channel == "qr" and feedback.agency == agency

    officer = officer_page(browser, live_server, staff["receiver"])
    officer.locator("#memberships").get_by_role("link", name="Phản ánh, kiến nghị").click()
    officer.get_by_role("link", name=code).click()
    officer.get_by_label("Nội dung trả lời").fill("Đơn vị đã bố trí thêm một quầy tiếp nhận vào buổi sáng.")
    officer.get_by_label(re.compile("Công khai câu hỏi và trả lời")).check()
    officer.get_by_role("button", name="Gửi trả lời").click()
    assert "Đã gửi trả lời." in officer.locator(".messages").inner_text()
    assert officer.locator("#feedback-state").inner_text() == "Đã trả lời"

    sender.goto(f"{live_server.url}/feedback/status/")
    sender.get_by_label("Mã tra cứu phản ánh, kiến nghị").fill(code.lower())
    sender.get_by_role("button", name="Tra cứu").click()
    assert sender.locator("#feedback-state").inner_text() == "Đã trả lời"
    assert "thêm một quầy tiếp nhận" in sender.locator("#feedback-answer").inner_text()
    assert_no_serious_axe_violations(sender, context="main")
    screenshots(sender, shots, "feedback-status")

    sender.goto(f"{live_server.url}/feedback/answers/")
    assert "Chờ lâu tại quầy" in sender.locator("#answers").inner_text()
