"""Three filings end to end in real Chromium, each reaching its confirmation page and "Hồ sơ của tôi"."""

import re

import pytest
from django.conf import settings
from django.test import Client

from identity.vneid.clients import register_portal_client
from identity.vneid.models import VNeIDAccount
from records.models import Record

from . import files
from .conftest import citizen_account, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Mat-khau-2026!"


def logged_in_page(page, live_server, user):
    """A browser whose portal session is a citizen's VNeID level-2 session (the login itself is tested in identity)."""
    client = login(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page


def back_at(page, slot):
    """After an action on a document, the page comes back scrolled to that document."""
    page.wait_for_url(re.compile(rf"/attachments/#{slot.get_attribute('id')}$"))


def finish(page, live_server):
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url(re.compile(r"/done/$"))
    codes = page.locator(".record-code").all_inner_texts()
    assert codes and all(re.fullmatch(r"[\w.]+-\d{6}-\d{4}", c) for c in codes)
    page.locator("#main").get_by_role("link", name="Hồ sơ của tôi").click()
    page.wait_for_url(f"{live_server.url}/my/records/")
    listing = page.locator(".record-list").inner_text()
    for code in codes:
        assert code in listing
    assert "Đã nộp, chờ tiếp nhận" in listing
    return codes


def test_driving_licence_renewal_with_the_wallet_licence(page, live_server, family, sms_outbox, tmp_path):
    """The whole way: VNeID login at level 2 (the service asks for it) with the SMS code, prefilled form,
    wallet licence."""
    from tests.identity.helpers import last_otp

    register_portal_client(live_server.url, f"{live_server.url}/vneid")
    father = family["father"]
    account = VNeIDAccount(person=father, level="LoA2")
    account.set_password(PASSWORD)
    account.save()

    page.goto(f"{live_server.url}/services/cap-doi-giay-phep-lai-xe/")
    page.get_by_role("link", name="Đăng nhập bằng VNeID để nộp hồ sơ").click()
    page.get_by_role("button", name="Đăng nhập bằng VNeID").click()
    _vneid_password(page, father)
    page.get_by_label("Mã OTP").fill(last_otp(sms_outbox, father.phone))
    page.get_by_role("button", name="Xác nhận").click()
    page.get_by_role("button", name="Đồng ý chia sẻ").click()
    # Logged in at level 2 already: no step-up, and the filing the citizen asked for starts by itself.
    page.wait_for_url(re.compile(r"/eligibility/$"))
    page.get_by_label("Có").check()
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/form/$"))
    assert page.get_by_label("Họ, chữ đệm và tên").inner_text() == father.full_name  # read-only text, no input
    assert not page.locator("input[name=full_name]").count()
    assert page.get_by_label("Số giấy phép lái xe").inner_text() == "012345678901"
    page.get_by_label("Hết hạn hoặc sắp hết hạn").check()
    page.get_by_label("Bản điện tử trên Cổng").check()
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/attachments/(#slot-[\w-]+)?$"))
    health = page.locator("section.slot", has_text="Giấy khám sức khỏe")
    certificate = tmp_path / "giay-kham-suc-khoe.pdf"
    certificate.write_bytes(files.PDF)
    health.locator("input[type=file]").set_input_files(str(certificate))
    health.get_by_role("button", name="Tải lên", exact=True).click()
    back_at(page, health)
    assert "giay-kham-suc-khoe.pdf" in page.locator("section.slot", has_text="Giấy khám sức khỏe").inner_text()
    page.locator("section.slot", has_text="Bản sao giấy phép lái xe").get_by_role(
        "button", name="Dùng giấy tờ này"
    ).click()
    back_at(page, page.locator("section.slot", has_text="Bản sao giấy phép lái xe"))
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/review/$"))
    assert "giấy tờ điện tử số 012345678901" in page.content()
    [code] = finish(page, live_server)
    record = Record.objects.get(code=code)
    assert "licence_number" in record.prefilled_fields and record.replaced_components


def _vneid_password(page, person):
    page.wait_for_url(re.compile(r"/vneid/login/"))
    page.get_by_label("Số định danh cá nhân").fill(person.id_number)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def file_birth_bundle_form(page, live_server, father, other_parent_name, other_parent_number):
    """Log the father in, start the birth bundle, answer its eligibility and send its e-form."""
    page = logged_in_page(page, live_server, citizen_account(father))
    page.goto(f"{live_server.url}/services/bundles/lien-thong-khai-sinh/")
    page.get_by_role("button", name="Nộp hồ sơ liên thông").click()
    page.get_by_label("Có").check()
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/form/$"))
    page.get_by_label("Họ, chữ đệm và tên của trẻ").fill("Lê Minh Khang")
    page.get_by_label("Ngày sinh của trẻ").fill("2026-11-10")
    page.get_by_label("Nam").check()
    page.get_by_label("Nơi sinh").fill("Bệnh viện Phụ sản Hà Nội")
    page.get_by_label("Họ tên cha/mẹ còn lại").fill(other_parent_name)
    page.get_by_label("Số định danh của cha/mẹ còn lại").fill(other_parent_number)
    page.get_by_label("Nơi đăng ký thường trú cho trẻ").fill("Số 11 phố Đội Cấn, Phường Ba Đình")
    page.get_by_label("Nơi đăng ký khám chữa bệnh ban đầu").fill("Trạm y tế phường Ba Đình")
    page.get_by_role("button", name="Tiếp tục").click()
    return page


def test_birth_registration_bundle(page, live_server, family, tmp_path):
    mother = family["mother"]
    page = file_birth_bundle_form(page, live_server, family["father"], mother.full_name, mother.id_number)

    page.wait_for_url(re.compile(r"/attachments/(#slot-[\w-]+)?$"))
    birth_certificate = tmp_path / "giay-chung-sinh.jpg"
    birth_certificate.write_bytes(files.JPEG)
    slot = page.locator("section.slot", has_text="Giấy chứng sinh").first
    slot.locator("input[type=file]").set_input_files(str(birth_certificate))
    slot.get_by_role("button", name="Tải lên", exact=True).click()
    back_at(page, slot)
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/review/$"))
    codes = finish(page, live_server)
    assert len(codes) == 3
    assert Record.objects.filter(code__in=codes).values("group").distinct().count() == 1


def test_business_registration_with_attachments(page, live_server, family, tmp_path):
    page = logged_in_page(page, live_server, citizen_account(family["father"]))
    page.goto(f"{live_server.url}/services/dang-ky-thanh-lap-doanh-nghiep-tu-nhan/")
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()

    page.wait_for_url(re.compile(r"/form/$"))
    page.locator("#id_business_name").fill("Doanh nghiệp tư nhân Thương mại An Phát")
    page.wait_for_selector("#autosave-status:has-text('Đã tự động lưu nháp')")
    assert Record.objects.get().form_data["business_name"] == "Doanh nghiệp tư nhân Thương mại An Phát"
    page.get_by_label("Địa chỉ trụ sở chính").fill("Số 20 phố Kim Mã, Phường Ba Đình, Hà Nội")
    page.get_by_label("Vốn đầu tư (đồng)").fill("500000")  # below the minimum: refused, nothing lost
    page.get_by_label("Ngành, nghề kinh doanh").fill("4649 - Bán buôn đồ dùng khác cho gia đình")
    page.get_by_label("Bản điện tử trên Cổng").check()
    page.get_by_role("button", name="Tiếp tục").click()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_business_name").input_value() == "Doanh nghiệp tư nhân Thương mại An Phát"
    page.get_by_label("Vốn đầu tư (đồng)").fill("1500000000")
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/attachments/(#slot-[\w-]+)?$"))
    papers = tmp_path / "giay-to-phap-ly.pdf"
    papers.write_bytes(files.PDF)
    wrong = tmp_path / "anh.png.exe"
    wrong.write_bytes(b"MZ\x90\x00not an image")
    slot = page.locator("section.slot", has_text="giấy tờ pháp lý").first
    slot.locator("input[type=file]").set_input_files(str(wrong))
    slot.get_by_role("button", name="Tải lên", exact=True).click()
    assert "không phải PDF, JPEG hoặc PNG" in page.locator(".error-summary").inner_text()
    # Chosen, then "Tiếp tục" rather than "Tải lên": the file goes up with it.
    slot = page.locator("section.slot", has_text="giấy tờ pháp lý").first
    slot.locator("input[type=file]").set_input_files(str(papers))
    page.get_by_role("button", name="Tiếp tục").click()

    page.wait_for_url(re.compile(r"/review/$"))
    [code] = finish(page, live_server)
    assert Record.objects.get(code=code).attachments.get().original_name == "giay-to-phap-ly.pdf"


def test_autosave_says_when_a_draft_could_not_be_saved(page, live_server, family):
    page = logged_in_page(page, live_server, citizen_account(family["father"]))
    page.goto(f"{live_server.url}/services/dang-ky-thanh-lap-doanh-nghiep-tu-nhan/")
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url(re.compile(r"/form/$"))

    # The boxes for filing on someone's behalf appear only when that is chosen.
    assert page.locator("#id_applicant-subject_name").is_hidden()
    page.get_by_label("Nộp thay cho người có yêu cầu").check()
    assert page.locator("#id_applicant-subject_name").is_visible()
    page.get_by_label("Người có yêu cầu, tự nộp").check()
    assert page.locator("#id_applicant-subject_name").is_hidden()

    # The connection drops: the background save fails, and the citizen is told so.
    page.route(
        re.compile(r".*/form/$"), lambda route: route.abort() if route.request.method == "POST" else route.continue_()
    )
    page.locator("#id_business_name").fill("Doanh nghiệp tư nhân Mất Mạng")
    page.wait_for_selector("#autosave-status.autosave-failed:has-text('Chưa lưu được nháp tự động')")
    assert Record.objects.get().form_data.get("business_name") in (None, "")
    assert page.locator("#id_business_name").input_value() == "Doanh nghiệp tư nhân Mất Mạng"

    # Back online: the next change is saved, and the warning goes away.
    page.unroute(re.compile(r".*/form/$"))
    page.locator("#id_business_name").fill("Doanh nghiệp tư nhân Có Mạng")
    page.wait_for_selector("#autosave-status:has-text('Đã tự động lưu nháp lúc')")
    assert not page.locator("#autosave-status.autosave-failed").count()
    assert Record.objects.get().form_data["business_name"] == "Doanh nghiệp tư nhân Có Mạng"


def test_what_was_typed_when_the_session_expired_comes_back_after_logging_in_again(page, live_server, family):
    user = citizen_account(family["father"])
    page = logged_in_page(page, live_server, user)
    page.goto(f"{live_server.url}/services/dang-ky-thanh-lap-doanh-nghiep-tu-nhan/")
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url(re.compile(r"/form/$"))
    form_url = page.url
    page.locator("#id_business_name").fill("Doanh nghiệp tư nhân Trước")
    page.wait_for_selector("#autosave-status:has-text('Đã tự động lưu nháp lúc')")

    # The session ends (expired, or logged out elsewhere) while the citizen goes on typing.
    page.context.clear_cookies()
    page.locator("#id_business_name").fill("Doanh nghiệp tư nhân Hết Phiên")
    page.locator("#id_head_office").fill("Số 5 Lý Thái Tổ")
    page.wait_for_selector("#autosave-status.autosave-failed:has-text('Phiên đăng nhập đã hết hạn')")
    assert "Phiên đăng nhập đã hết hạn" in page.locator("#autosave-announce").inner_text()
    assert Record.objects.get().form_data["business_name"] == "Doanh nghiệp tư nhân Trước"

    # Logged in again, the form opens with what was typed, and saves it.
    logged_in_page(page, live_server, user)
    page.goto(form_url)
    page.wait_for_selector("#autosave-status:has-text('Đã điền lại và lưu')")
    assert page.locator("#id_business_name").input_value() == "Doanh nghiệp tư nhân Hết Phiên"
    saved = Record.objects.get().form_data
    assert saved["business_name"] == "Doanh nghiệp tư nhân Hết Phiên" and saved["head_office"] == "Số 5 Lý Thái Tổ"

    # Once saved, the tab's copy is gone: a later visit shows the server's draft as it is.
    Record.objects.filter(pk=Record.objects.get().pk).update(form_data={**saved, "business_name": "Sửa ở nơi khác"})
    page.goto(form_url)
    assert page.locator("#id_business_name").input_value() == "Sửa ở nơi khác"


def test_a_refused_step_takes_the_focus_to_its_error_summary(page, live_server, family):
    """A screen reader starts reading at what to fix; the title says there are errors."""
    page = logged_in_page(page, live_server, citizen_account(family["father"]))
    page.goto(f"{live_server.url}/services/dang-ky-thanh-lap-doanh-nghiep-tu-nhan/")
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url(re.compile(r"/form/$"))
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_load_state()
    assert page.title().startswith("Lỗi: Tờ khai")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    page.locator(".error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_business_name"
