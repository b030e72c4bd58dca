"""Messages name the field ("Vui lòng nhập Họ và tên", not "Trường này là bắt buộc."), and a person's name in an
e-form is letters only: "Nguyễn Văn 3" is refused with a clear message, "H'Hen Niê" and "Ánh-Tuyết" are not."""

import pytest

from eservices.eforms import EForm, validate_data

SCHEMA = {
    "type": "object",
    "properties": {
        "full_name": {"type": "string", "maxLength": 150},
        "deceased_name": {"type": "string", "maxLength": 150},
        "business_name": {"type": "string", "maxLength": 150},
        "birth_date": {"type": "string", "format": "date"},
        "sex": {"type": "string", "enum": ["male", "female"]},
        "agree": {"type": "boolean"},
    },
    "required": ["full_name", "birth_date", "sex", "agree"],
}
UI = {
    "fields": {
        "full_name": {"label": {"vi": "Họ và tên", "en": "Full name"}},
        "deceased_name": {"label": {"vi": "Họ tên người chết", "en": "Name of the deceased"}, "person_name": True},
        "business_name": {"label": {"vi": "Tên doanh nghiệp", "en": "Business name"}},
        "birth_date": {"label": {"vi": "Ngày sinh", "en": "Date of birth"}, "widget": "date"},
        "sex": {"label": {"vi": "Giới tính", "en": "Sex"}, "widget": "radio"},
        "agree": {"label": {"vi": "Tôi cam đoan", "en": "I declare"}},
    }
}


def test_a_missing_e_form_answer_is_named():
    form = EForm({}, schema=SCHEMA, ui=UI)
    assert not form.is_valid()
    assert form.errors["full_name"] == ["Vui lòng nhập Họ và tên."]
    assert form.errors["birth_date"] == ["Vui lòng nhập Ngày sinh."]
    assert form.errors["sex"] == ["Vui lòng chọn Giới tính."]
    assert form.errors["agree"] == ["Vui lòng đánh dấu “Tôi cam đoan”."]
    assert "Trường này là bắt buộc." not in str(form.errors)


def test_a_missing_e_form_answer_is_named_in_english():
    from django.utils import translation

    with translation.override("en"):
        form = EForm({}, schema=SCHEMA, ui=UI)
        assert not form.is_valid()
        assert form.errors["full_name"] == ["Please enter Full name."]
        assert form.errors["sex"] == ["Please choose Sex."]


VALID = {"birth_date": "2000-01-02", "sex": "male", "agree": "on"}


@pytest.mark.parametrize("name", ["Nguyễn Văn 3", "Lê Thị B2", "Trần_Văn An", "Phạm <b>An</b>", "1234"])
def test_a_persons_name_with_digits_or_symbols_is_refused(name):
    form = EForm({**VALID, "full_name": name}, schema=SCHEMA, ui=UI)
    assert not form.is_valid()
    (message,) = form.errors["full_name"]
    assert "Họ và tên" in message and "chữ số" in message

    deceased = EForm({**VALID, "full_name": "Lê Văn An", "deceased_name": name}, schema=SCHEMA, ui=UI)
    assert not deceased.is_valid() and "Họ tên người chết" in deceased.errors["deceased_name"][0]


@pytest.mark.parametrize("name", ["Nguyễn Thị Ánh-Tuyết", "H'Hen Niê", "Đặng  Thùy   Trâm", "Y Ngông Niê Kđăm"])
def test_real_vietnamese_names_are_accepted(name):
    form = EForm({**VALID, "full_name": name}, schema=SCHEMA, ui=UI)
    assert form.is_valid(), form.errors


def test_only_person_names_are_letters_only():
    form = EForm({**VALID, "full_name": "Lê Văn An", "business_name": "Công ty 3C"}, schema=SCHEMA, ui=UI)
    assert form.is_valid(), form.errors


def test_the_filing_api_refuses_digits_in_a_persons_name_too():
    data = {"full_name": "Nguyễn Văn 3", "birth_date": "2000-01-02", "sex": "male", "agree": True}
    messages = validate_data(SCHEMA, data, UI)
    assert any(message.startswith("Họ và tên:") and "chữ số" in message for message in messages), messages


@pytest.mark.django_db
def test_the_lookup_names_its_missing_fields(client):
    html = client.post("/lookup/", {"code": "", "id_number": ""}).content.decode()
    assert "Vui lòng nhập Mã hồ sơ." in html
    assert "Vui lòng nhập Số định danh cá nhân của người nộp." in html
    assert "Trường này là bắt buộc." not in html
