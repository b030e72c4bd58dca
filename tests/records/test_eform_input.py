"""E-form input as typed: stored in NFC, refused with a labelled Vietnamese reason; the public lookup in English."""

import unicodedata

import pytest

from eservices.eforms import EForm, validate_data
from records import services
from tests.eservices.factories import service_spec

from .conftest import filled_draft

pytestmark = pytest.mark.django_db

NAME = "Nguyễn Thị Ánh"
NFD_NAME = unicodedata.normalize("NFD", NAME)


def test_text_typed_in_nfd_is_stored_in_nfc():
    assert NFD_NAME != NAME
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "notes": {"type": "string"},
            "reason": {"type": "string", "enum": ["Bị mất", "Hết hạn"]},
        },
    }
    ui = {"fields": {"notes": {"widget": "textarea"}, "reason": {"widget": "radio"}}}
    data = {"name": NFD_NAME, "notes": f"  {NFD_NAME}\n", "reason": unicodedata.normalize("NFD", "Bị mất")}
    form = EForm(data, schema=schema, ui=ui)
    assert form.is_valid(), form.errors
    assert form.as_json() == {"name": NAME, "notes": NAME, "reason": "Bị mất"}


CAPITAL = {"type": "object", "properties": {"capital": {"type": "integer", "minimum": 1000000}}}


@pytest.mark.parametrize("typed", ["500.000.000", "500,000,000", "500 000 000", " 500000000 "])
def test_an_amount_is_taken_as_people_write_it(typed):
    form = EForm({"capital": typed}, schema=CAPITAL, ui={})
    assert form.is_valid(), form.errors
    assert form.as_json() == {"capital": 500000000}


def test_an_amount_too_small_or_not_a_number_says_so_in_grouped_digits():
    small = EForm({"capital": "500.000"}, schema=CAPITAL, ui={})  # five hundred thousand, not 500
    assert not small.is_valid() and small.errors["capital"] == ["Không được nhỏ hơn 1.000.000."]
    words = EForm({"capital": "năm trăm triệu"}, schema=CAPITAL, ui={})
    assert words.errors["capital"] == ["Chỉ nhập chữ số, có thể có dấu chấm phân cách, ví dụ 500.000.000."]
    assert not EForm({"capital": "1.5"}, schema=CAPITAL, ui={}).is_valid()


@pytest.mark.parametrize("typed", ["1000.000", "500.00", "25000000.000", "5.000.00", "1,5"])
def test_an_amount_that_is_not_plainly_grouped_is_refused_not_misread(typed):
    """Django would drop the trailing ".000": 25000000.000 (meant as 25 billion) read as 25 million."""
    form = EForm({"capital": typed}, schema=CAPITAL, ui={})
    assert not form.is_valid()
    assert form.errors["capital"] == ["Chỉ nhập chữ số, có thể có dấu chấm phân cách, ví dụ 500.000.000."]


def test_a_negative_amount_is_read_as_typed():
    schema = {"type": "object", "properties": {"change": {"type": "integer"}}}
    form = EForm({"change": "-1.000"}, schema=schema, ui={})
    assert form.is_valid() and form.as_json() == {"change": -1000}


def test_an_amount_is_typed_on_the_numeric_keypad_and_read_back_grouped(citizen, family):
    html = str(EForm(initial={"capital": 900000000}, schema=CAPITAL, ui={})["capital"])
    assert 'inputmode="numeric"' in html and 'type="text"' in html and 'value="900.000.000"' in html

    from eservices.models import OnlineService
    from records.presenters import answers_shown

    business = OnlineService.objects.get(slug="dang-ky-thanh-lap-doanh-nghiep-tu-nhan")
    shown = [item for _legend, items in answers_shown(business, {"capital": 900000000}, []) for item in items]
    assert {"label": "Vốn đầu tư (đồng)", "value": "900.000.000", "source": ""} in shown


def test_prefilled_text_is_stored_in_nfc():
    schema = {"type": "object", "properties": {"name": {"type": "string"}}}
    form = EForm({}, schema=schema, ui={}, prefilled={"name": NFD_NAME})
    assert form.is_valid(), form.errors
    assert form.as_json() == {"name": NAME}


def test_max_length_counts_composed_characters():
    assert len(NFD_NAME) > len(NAME)
    schema = {"type": "object", "properties": {"name": {"type": "string", "maxLength": len(NAME)}}}
    form = EForm({"name": NFD_NAME}, schema=schema, ui={})
    assert form.is_valid(), form.errors
    assert form.as_json() == {"name": NAME}
    assert not EForm({"name": NAME + "x"}, schema=schema, ui={}).is_valid()


def test_a_schema_rule_the_html_field_misses_is_explained_without_the_value():
    schema = {"type": "object", "properties": {"code": {"type": "string", "const": "A1"}}}
    form = EForm({"code": "hacked"}, schema=schema, ui={})
    assert not form.is_valid()
    assert form.errors["code"] == ["Không phải là một lựa chọn hợp lệ."]


SCHEMA = {
    "type": "object",
    "properties": {
        "sex": {"type": "string", "enum": ["male", "female"]},
        "name": {"type": "string", "title": "Họ và tên", "minLength": 3, "maxLength": 10},
        "id_number": {"type": "string", "pattern": r"^\d{12}$"},
        "postcode": {"type": "string", "pattern": r"^[0-9]{6}$"},
        "birth_date": {"type": "string", "format": "date"},
        "capital": {"type": "integer", "minimum": 1000000, "maximum": 5000000},
    },
    "required": ["sex", "id_number"],
}
UI = {
    "fields": {
        "sex": {"label": {"vi": "Giới tính", "en": "Sex"}},
        "id_number": {"label": {"vi": "Số định danh cá nhân", "en": "ID number"}},
        "postcode": {"label": {"vi": "Mã bưu chính"}, "pattern_message": {"vi": "Gồm 6 chữ số."}},
    }
}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"sex": "hacked"}, "Giới tính: Không phải là một lựa chọn hợp lệ."),
        ({"name": "x" * 5000}, "Họ và tên: Tối đa 10 ký tự."),
        ({"name": "xy"}, "Họ và tên: Tối thiểu 3 ký tự."),
        ({"name": 12}, "Họ và tên: Phải là văn bản."),
        ({"id_number": "12345"}, "Số định danh cá nhân: Gồm đúng 12 chữ số, không có dấu cách."),
        ({"postcode": "ab"}, "Mã bưu chính: Gồm 6 chữ số."),
        ({"birth_date": "31/02/2020"}, "birth_date: Không phải là một ngày hợp lệ."),
        ({"capital": 5}, "capital: Không được nhỏ hơn 1.000.000."),
        ({"capital": 9000000}, "capital: Không được lớn hơn 5.000.000."),
        ({"capital": "nhiều"}, "capital: Phải là một số nguyên."),
    ],
)
def test_validate_data_names_the_field_and_says_what_is_wrong(data, message):
    complete = {"sex": "male", "id_number": "001092000011", **data}
    assert validate_data(SCHEMA, complete, UI) == [message]
    for value in data.values():
        assert all(str(value) not in m for m in validate_data(SCHEMA, complete, UI))


def test_validate_data_reports_missing_fields_by_label():
    assert validate_data(SCHEMA, {"sex": "male"}, UI) == ["Số định danh cá nhân: Thiếu thông tin bắt buộc."]


def test_validate_data_without_ui_uses_the_title_then_the_field_name():
    data = {"sex": "hacked", "name": "x" * 11}
    assert sorted(validate_data(SCHEMA, data)) == [
        "Họ và tên: Tối đa 10 ký tự.",
        "id_number: Thiếu thông tin bắt buộc.",
        "sex: Không phải là một lựa chọn hợp lệ.",
    ]


def test_validate_data_with_a_demo_definition():
    schema, ui = service_spec("dang-ky-khai-sinh")["form"]
    data = {"child_sex": "hacked", "child_full_name": "x" * 5000}
    messages = validate_data(schema, data, ui)
    assert "Giới tính: Không phải là một lựa chọn hợp lệ." in messages
    assert "Họ, chữ đệm và tên của trẻ: Tối đa 150 ký tự." in messages
    assert not any("hacked" in m or "x" * 20 in m or " is " in m for m in messages)


@pytest.mark.parametrize(
    "language", [{"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}, {"cookie": "en"}], ids=["accept-language", "cookie"]
)
def test_the_lookup_api_names_procedure_and_agency_in_the_language_asked_for(client, citizen, family, language):
    record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    version, agency = record.procedure_version, record.agency
    agency.name_en = "Ba Dinh Ward Police"
    agency.save(update_fields=["name_en"])
    assert version.name_en and version.name_en != version.name
    query = {"code": record.code, "id_number": record.applicant_id_number}
    vietnamese = client.get("/api/v1/records/lookup/", query).json()
    assert (vietnamese["procedure"], vietnamese["agency"]) == (version.name, agency.name)
    if "cookie" in language:
        client.cookies["django_language"] = language["cookie"]
        english = client.get("/api/v1/records/lookup/", query)
    else:
        english = client.get("/api/v1/records/lookup/", query, **language)
    assert english.status_code == 200
    assert (english.json()["procedure"], english.json()["agency"]) == (version.name_en, agency.name_en)
