"""In real Chromium: an administrator who never types JSON builds an e-form, previews it as the citizen will see
it and opens it for filing; a citizen files it; the form goes out as a file and comes back unchanged."""

import re

import pytest
from django.conf import settings
from django.test import Client

from eservices.models import ComponentReplacement, OnlineService
from records.models import Record
from tests.a11y import assert_no_serious_axe_violations
from tests.eservices.factories import OnlineServiceFactory
from tests.identity.factories import citizen_account
from tests.records.conftest import catalogue, family  # noqa: F401  (fixtures)
from tests.records.test_browser import finish, logged_in_page
from tests.staff import STAFF_PASSWORD, totp_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def empty_service(catalogue):  # noqa: F811
    """A new online service on the residence procedure, saved with an empty form and not yet open for filing."""
    residence = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    service = OnlineServiceFactory(
        slug="ho-tro-thu-nghiem",
        name="Hỗ trợ thử nghiệm",
        version=residence.version,
        form_component=residence.form_component,
        form_schema={"type": "object", "properties": {}},
        form_ui={},
        prefill_map={},
        is_active=False,
    )
    kin = residence.version.components.get(name__contains="quan hệ nhân thân")
    ComponentReplacement.objects.create(service=service, component=kin, source="population_registry")
    return service


def _admin_page(browser, live_server, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", STAFF_PASSWORD, kind="admin")
    client = totp_session(Client(), admin)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def _add_field(page, section: int, number: int, label: str, kind: str | None = None):
    """Press "Thêm trường", then give the new field (the ``number``-th of the form) its label and type."""
    page.get_by_role("button", name=f"Thêm trường vào phần {section}").click()
    field = page.locator(f"#field-{number}")
    field.get_by_label("Nhãn (tiếng Việt)").fill(label)
    if kind:
        field.get_by_label("Kiểu trường").select_option(label=kind)
    return field


def test_an_administrator_builds_publishes_exports_and_imports_a_form_a_citizen_files(
    browser,
    page,
    live_server,
    family,  # noqa: F811
    empty_service,
    django_user_model,
    tmp_path,
):
    admin = _admin_page(browser, live_server, django_user_model)
    admin.goto(f"{live_server.url}/admin/services/onlineservice/{empty_service.pk}/change/")
    admin.get_by_role("link", name="Thiết kế biểu mẫu (không cần JSON)").click()
    admin.wait_for_url(re.compile(r"/eform/$"))

    admin.get_by_role("button", name="Thêm phần").click()
    admin.get_by_label("Tên phần (tiếng Việt)").fill("Thông tin đề nghị")
    admin.get_by_label("Tên phần (tiếng Anh)").fill("Request")
    name = _add_field(admin, 1, 0, "Họ, chữ đệm và tên")
    name.get_by_label("Dữ liệu có sẵn").select_option(label="Điền sẵn, không sửa được")
    name.get_by_label("Lấy từ CSDL dân cư hoặc ví VNeID").select_option("name")
    home = _add_field(admin, 1, 1, "Nơi thường trú")
    home.get_by_label("Dữ liệu có sẵn").select_option(label="Điền sẵn, không sửa được")
    home.get_by_label("Lấy từ CSDL dân cư hoặc ví VNeID").select_option("permanent_address.formatted")
    home.get_by_label("Thay cho giấy tờ").select_option(label="Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp")
    amount = _add_field(admin, 1, 2, "Số tiền đề nghị hỗ trợ", "Số tiền (đồng)")
    amount.get_by_label("Bắt buộc").check()
    amount.get_by_label("Giá trị lớn nhất").fill("50.000.000")
    # Said at once, beside the field, before any button: the limits contradict each other.
    amount.get_by_label("Giá trị nhỏ nhất").fill("60.000.000")
    error = amount.locator(".builder-error", has_text="giới hạn trên (50.000.000) nhỏ hơn giới hạn dưới (60.000.000)")
    error.wait_for()
    assert error.get_attribute("id") == "err_f-2-maximum"
    amount.get_by_label("Giá trị nhỏ nhất").fill("")
    date = _add_field(admin, 1, 3, "Ngày phát sinh", "Ngày")
    date.get_by_label("Bắt buộc").check()
    date.get_by_label("Không được sau ngày hôm nay").check()
    delivery = _add_field(admin, 1, 4, "Hình thức nhận tiền", "Lựa chọn")
    delivery.get_by_label("Các lựa chọn").fill("Nhận trực tiếp | In person\nChuyển khoản | Bank transfer")
    delivery.get_by_label("Bắt buộc").check()
    account = _add_field(admin, 1, 5, "Số tài khoản ngân hàng")
    account.get_by_label("Bắt buộc").check()
    account.get_by_label("Chỉ hiện khi").select_option(label="“Hình thức nhận tiền” là “Chuyển khoản”")
    _add_field(admin, 1, 6, "Địa chỉ liên hệ", "Địa chỉ (chọn tỉnh, xã)")

    admin.get_by_role("button", name="Kiểm tra và xem trước").first.click()
    assert not admin.locator("#builder-summary").count()
    preview = admin.frame_locator("#builder-preview")
    # The citizen's page: the portal's styles, the registry's data as text with its source, the asked fields.
    assert preview.locator("h1").inner_text() == "Điền tờ khai"
    assert preview.get_by_label("Họ, chữ đệm và tên").inner_text() == "Nguyễn Thị Mẫu"
    assert "Từ Cơ sở dữ liệu quốc gia về dân cư" in preview.locator("#field-ho_chu_dem_va_ten").inner_text()
    assert "đồng" in preview.locator("#field-so_tien_de_nghi_ho_tro").inner_text()
    assert preview.get_by_label("Ngày phát sinh").get_attribute("type") == "date"
    assert "Chỉ điền khi chọn “Chuyển khoản”" in preview.locator("#field-so_tai_khoan_ngan_hang").inner_text()
    admin.screenshot(path=str(tmp_path / "builder-1280.png"), full_page=True)
    assert_no_serious_axe_violations(admin)
    admin.set_viewport_size({"width": 360, "height": 800})
    admin.screenshot(path=str(tmp_path / "builder-360.png"), full_page=True)
    admin.set_viewport_size({"width": 1280, "height": 900})

    admin.get_by_role("button", name="Lưu và mở cho công dân nộp").click()
    assert "Đã lưu biểu mẫu điện tử" in admin.locator(".messagelist").inner_text()
    empty_service.refresh_from_db()
    assert empty_service.is_active
    assert empty_service.prefill_map == {
        "ho_chu_dem_va_ten": "name",
        "noi_thuong_tru": "permanent_address.formatted",
    }
    assert ComponentReplacement.objects.filter(service=empty_service).count() == 2

    with admin.expect_download() as download:
        admin.get_by_role("link", name="Xuất biểu mẫu đã lưu ra tệp").click()
    exported = tmp_path / "bieu-mau.json"
    download.value.save_as(exported)
    admin.get_by_label("Tệp biểu mẫu để nhập").set_input_files(str(exported))
    admin.get_by_role("button", name="Nhập từ tệp").click()
    assert "Đã nạp biểu mẫu từ tệp" in admin.locator(".messagelist").inner_text()
    admin.get_by_role("button", name="Lưu biểu mẫu").click()
    assert "Đã lưu biểu mẫu điện tử" in admin.locator(".messagelist").inner_text()
    assert ComponentReplacement.objects.filter(service=empty_service).count() == 2  # the papers stay the service's
    with admin.expect_download() as again:
        admin.get_by_role("link", name="Xuất biểu mẫu đã lưu ra tệp").click()
    assert again.value.path().read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")

    father = family["father"]
    page = logged_in_page(page, live_server, citizen_account(father))
    page.goto(f"{live_server.url}/services/ho-tro-thu-nghiem/")
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url(re.compile(r"/form/$"))
    assert page.get_by_label("Họ, chữ đệm và tên").inner_text() == father.full_name
    page.get_by_label("Số tiền đề nghị hỗ trợ").fill("15.000.000")
    page.get_by_label("Ngày phát sinh").fill("2026-11-20")
    page.get_by_label("Chuyển khoản").check()
    page.get_by_label("Số tài khoản ngân hàng").fill("0011002233445")
    contact = page.get_by_role("group", name="Địa chỉ liên hệ")
    contact.get_by_label("Tỉnh, thành phố").select_option(label="Thành phố Hà Nội")
    contact.get_by_label("Xã, phường, đặc khu").select_option(label="Phường Ba Đình")
    contact.get_by_label("Số nhà, đường phố, thôn, xóm").fill("Số 11 phố Đội Cấn")
    page.screenshot(path=str(tmp_path / "citizen-360.png"), full_page=True)
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/attachments/(#slot-[\w-]+)?$"))
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/review/$"))
    [code] = finish(page, live_server)
    record = Record.objects.get(code=code)
    assert record.form_data["so_tien_de_nghi_ho_tro"] == 15000000
    assert record.form_data["ngay_phat_sinh"] == "2026-11-20"
    assert record.form_data["so_tai_khoan_ngan_hang"] == "0011002233445"
    assert record.form_data["ho_chu_dem_va_ten"] == father.full_name
    assert record.form_data["dia_chi_lien_he"] == "Số 11 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội"


def test_an_administrator_adds_a_repeating_group_without_json_and_a_citizen_files_two_rows(
    browser,
    page,
    live_server,
    family,  # noqa: F811
    empty_service,
    django_user_model,
    tmp_path,
):
    """The household's members as a table: added in the builder with its sub-fields, seen in the live preview,
    filed by a citizen with two rows (the second added in place by "Thêm dòng")."""
    admin = _admin_page(browser, live_server, django_user_model)
    admin.goto(f"{live_server.url}/admin/services/onlineservice/{empty_service.pk}/eform/")
    admin.get_by_role("button", name="Thêm phần").click()
    admin.get_by_label("Tên phần (tiếng Việt)").fill("Hộ gia đình")
    home = _add_field(admin, 1, 0, "Nơi thường trú")
    home.get_by_label("Dữ liệu có sẵn").select_option(label="Điền sẵn, không sửa được")
    home.get_by_label("Lấy từ CSDL dân cư hoặc ví VNeID").select_option("permanent_address.formatted")
    home.get_by_label("Thay cho giấy tờ").select_option(label="Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp")
    group = _add_field(admin, 1, 1, "Thành viên hộ gia đình")
    group.get_by_label("Kiểu trường", exact=True).select_option(label="Nhóm lặp lại (bảng nhiều dòng)")
    group.get_by_label("Bắt buộc", exact=True).check()
    group.get_by_label("Số dòng tối đa").fill("5")
    # Said at once: a group needs its columns.
    group.locator(".builder-error", has_text="hãy thêm ít nhất một trường con").wait_for()

    group.get_by_role("button", name="Thêm trường con").click()
    group = admin.locator("#field-1")
    first = group.locator("#sub-1-0")
    first.get_by_label("Nhãn (tiếng Việt)").fill("Họ tên")
    first.get_by_label("Nhãn (tiếng Anh)").fill("Full name")
    first.get_by_label("Bắt buộc ở mỗi dòng").check()
    group.get_by_role("button", name="Thêm trường con").click()
    group = admin.locator("#field-1")
    second = group.locator("#sub-1-1")
    second.get_by_label("Nhãn (tiếng Việt)").fill("Quan hệ với chủ hộ")
    second.get_by_label("Kiểu trường con").select_option(label="Lựa chọn")
    second.get_by_label("Các lựa chọn").fill("Con | Child\nVợ/chồng | Spouse")
    # The live preview (no button pressed): the citizen's table, a column per sub-field.
    preview = admin.frame_locator("#builder-preview")
    preview.locator("th", has_text="Quan hệ với chủ hộ").wait_for()
    assert preview.get_by_role("button", name="Thêm dòng").count() == 1
    admin.screenshot(path=str(tmp_path / "builder-group-1280.png"), full_page=True)
    assert_no_serious_axe_violations(admin)
    admin.set_viewport_size({"width": 360, "height": 800})
    admin.screenshot(path=str(tmp_path / "builder-group-360.png"), full_page=True)
    admin.set_viewport_size({"width": 1280, "height": 900})

    admin.get_by_role("button", name="Lưu và mở cho công dân nộp").click()
    assert "Đã lưu biểu mẫu điện tử" in admin.locator(".messagelist").inner_text()
    empty_service.refresh_from_db()
    members = empty_service.form_schema["properties"]["thanh_vien_ho_gia_dinh"]
    assert members["type"] == "array" and members["maxItems"] == 5
    assert members["items"]["required"] == ["ho_ten"]
    assert empty_service.form_ui["fields"]["thanh_vien_ho_gia_dinh"]["order"] == ["ho_ten", "quan_he_voi_chu_ho"]

    father = family["father"]
    page = logged_in_page(page, live_server, citizen_account(father))
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/services/ho-tro-thu-nghiem/")
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url(re.compile(r"/form/$"))
    table = page.get_by_role("group", name="Thành viên hộ gia đình")
    table.get_by_label("Dòng 1, Họ tên").fill("Trần Minh Khôi")
    table.get_by_label("Dòng 1, Quan hệ với chủ hộ").select_option(label="Con")
    table.get_by_role("button", name="Thêm dòng").click()
    table.get_by_label("Dòng 2, Họ tên").fill("Lê Thị Hoa")
    table.get_by_label("Dòng 2, Quan hệ với chủ hộ").select_option(label="Vợ/chồng")
    page.screenshot(path=str(tmp_path / "citizen-group-360.png"), full_page=True)
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/attachments/(#slot-[\w-]+)?$"))
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/review/$"))
    assert "Lê Thị Hoa" in page.locator("table.answers-rows").inner_text()
    page.screenshot(path=str(tmp_path / "review-group-360.png"), full_page=True)
    [code] = finish(page, live_server)
    record = Record.objects.get(code=code)
    assert record.form_data["thanh_vien_ho_gia_dinh"] == [
        {"ho_ten": "Trần Minh Khôi", "quan_he_voi_chu_ho": "con"},
        {"ho_ten": "Lê Thị Hoa", "quan_he_voi_chu_ho": "vo_chong"},
    ]
