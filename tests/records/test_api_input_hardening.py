"""What a client sends is read within bounds and taken as the types it was sent as (issue #15 item 18).

Findings of a security review: a NUL character in an address (``/api/v1/services/?procedure=``,
``/api/v1/procedures/<code>/``) or in e-form data, and a JSON body nested 50,000 deep, answered 500; a list or an
object sent for a text field was kept as Python's rendering of it ("['a', 'b']"), a number written as text or
``1e400`` (infinity) passed.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from eservices.models import OnlineService
from records.models import Record

from . import files
from .test_records import BUSINESS

pytestmark = pytest.mark.django_db

SLUG = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"
NUL_IN_ADDRESS = "Yêu cầu có ký tự NUL trong địa chỉ hoặc dữ liệu gửi lên, không được phép"
NUL_IN_DATA = "Dữ liệu có ký tự NUL (\\u0000), không được phép"
TOO_DEEP = "Dữ liệu JSON lồng nhau quá sâu (tối đa 32 cấp)."


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/services/?procedure=1.0%00",
        "/api/v1/procedures/1.001193%00/",
        "/api/v1/procedures/?q=khai%00sinh",
        "/api/v1/procedures/?sector%00=ho-tich",
    ],
)
def test_a_nul_character_in_an_api_address_is_a_400_that_says_so(client, catalogue, address):
    response = client.get(address)
    assert response.status_code == 400
    assert NUL_IN_ADDRESS in response.json()["detail"]


def test_a_nul_character_in_a_page_address_is_a_400_page(client, catalogue):
    response = client.get("/procedures/1.001193%00/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "<h1>Yêu cầu không hợp lệ</h1>" in page and NUL_IN_ADDRESS in page


def test_a_json_body_nested_50000_deep_is_a_400(client, citizen):
    body = json.dumps({"service": SLUG, "data": {"business_name": "x"}})[:-1] + ', "extra": ' + nested(50_000) + "}"
    response = client.post("/api/v1/records/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": TOO_DEEP}
    assert not Record.objects.exists()


def test_form_data_nested_deep_in_a_multipart_filing_is_a_400_on_its_field(client, citizen):
    response = client.post("/api/v1/records/", {"service": SLUG, "data": nested(50_000)})
    assert response.status_code == 400
    assert response.json()["data"] == [TOO_DEEP]
    assert not Record.objects.exists()


@pytest.mark.parametrize("as_json_body", [True, False], ids=["json-body", "multipart"])
def test_a_nul_character_in_e_form_data_is_a_400_and_nothing_is_kept(client, citizen, as_json_body):
    data = {**BUSINESS, "business_name": "DNTN\u0000 Bình An"}
    if as_json_body:
        body = json.dumps({"service": SLUG, "data": data})
        response = client.post("/api/v1/records/", body, content_type="application/json")
        detail = response.json()["detail"]
    else:
        response = client.post("/api/v1/records/", {"service": SLUG, "data": json.dumps(data)})
        detail = response.json()["data"][0]
    assert response.status_code == 400
    assert NUL_IN_DATA in detail
    assert not Record.objects.exists()


def test_a_nul_character_in_a_web_form_is_a_400_page_and_the_draft_keeps_what_it_had(client, citizen):
    from .test_filing import LICENCE_FORM, answer_eligibility, filing_url, start

    base = filing_url(start(client))
    answer_eligibility(client, base)
    client.post(base + "form/", {**LICENCE_FORM, "save": ""})
    response = client.post(base + "form/", {"reason": "expired", "delivery": "online\x00", "save": ""})
    assert response.status_code == 400
    assert NUL_IN_ADDRESS in response.content.decode()
    assert Record.objects.get().form_data["delivery"] == "online"


def business_filing(client, **data):
    papers = OnlineService.objects.get(slug=SLUG).version.components.get(name__startswith="Bản sao giấy tờ pháp lý")
    return client.post(
        "/api/v1/records/",
        {"service": SLUG, "data": json.dumps({**BUSINESS, **data}), f"component_{papers.pk}": files.pdf()},
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("business_lines", ["Bán lẻ", "Bán buôn"], "Phải là văn bản."),
        ("business_lines", {"chinh": "Bán lẻ"}, "Phải là văn bản."),
        ("head_office", 3, "Phải là văn bản."),
        ("head_office", True, "Phải là văn bản."),
        ("capital", "900000000", "Phải là một số nguyên."),
        ("capital", True, "Phải là một số nguyên."),
        ("capital", 1.5, "Phải là một số nguyên."),
    ],
)
def test_a_value_of_the_wrong_json_type_is_refused_on_its_field_not_kept_as_text(
    client, citizen, field, value, message
):
    response = business_filing(client, **{field: value})
    assert response.status_code == 400, response.content
    refusal = response.json()
    assert set(refusal) == {field, "draft"} and refusal[field] == [message]
    draft = Record.objects.get(pk=refusal["draft"])  # the rest is kept, as after any refusal
    assert field not in draft.form_data and draft.form_data["business_name"] == BUSINESS["business_name"]


def test_a_number_too_large_for_json_is_refused_not_read_as_infinity(client, citizen):
    data = json.dumps(BUSINESS).replace("900000000", "1e400")
    response = client.post("/api/v1/records/", {"service": SLUG, "data": data})
    assert response.status_code == 400
    assert response.json()["data"] == ["Dữ liệu JSON có số 1e400 quá lớn."]
    body = json.dumps({"service": SLUG, "data": {**BUSINESS, "capital": "-inf"}}).replace('"-inf"', "-Infinity")
    response = client.post("/api/v1/records/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "Dữ liệu JSON có giá trị -Infinity, không phải một số hợp lệ."}
    assert not Record.objects.exists()


def test_values_of_the_right_types_are_still_filed(client, citizen):
    """Integral numbers written 9e8 or 900000000.0 are integers in JSON; null is a field left empty."""
    response = business_filing(client, capital=9e8, business_name_en=None)
    assert response.status_code == 201, response.content
    record = Record.objects.get(pk=response.json()["id"])
    assert record.form_data["capital"] == 900000000 and "business_name_en" not in record.form_data


def test_a_json_body_filing_goes_through_the_same_checks(client, citizen):
    response = client.post(
        "/api/v1/records/",
        json.dumps({"service": SLUG, "data": {**BUSINESS, "business_lines": ["a"]}}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["business_lines"] == ["Phải là văn bản."]
    assert "business_lines" not in Record.objects.get(pk=response.json()["draft"]).form_data


def test_an_upload_named_with_a_nul_character_is_not_a_500(client, citizen):
    papers = OnlineService.objects.get(slug=SLUG).version.components.get(name__startswith="Bản sao giấy tờ pháp lý")
    upload = SimpleUploadedFile("giay\x00to.pdf", files.PDF, content_type="application/pdf")
    response = client.post(
        "/api/v1/records/", {"service": SLUG, "data": json.dumps(BUSINESS), f"component_{papers.pk}": upload}
    )
    assert response.status_code in (201, 400), response.content


def test_a_nul_character_sent_to_the_vneid_token_endpoint_is_a_400_not_a_500(client, catalogue):
    """The token endpoint is exempt from CSRF (a relying party's server calls it); its URL-encoded form is read."""
    response = client.post(
        "/vneid/token/",
        "grant_type=authorization_code&code=abc%00&client_id=portal%00",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
