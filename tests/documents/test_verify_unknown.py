"""The verify page in the visitor's language: an unknown document code, and the upload hint."""

import uuid

import pytest

from tests.test_ux_texts import english, in_english

pytestmark = pytest.mark.django_db


def test_unknown_document_code_explains_it_may_be_forged_and_how_to_check(client):
    code = uuid.uuid4()

    response = client.get(f"/verify/{code}/")
    html = response.content.decode()

    assert response.status_code == 404
    assert "Không tìm thấy văn bản" in html
    assert "Cổng Dịch vụ công không phát hành văn bản nào có mã này." in html
    assert "có thể là giả mạo, hoặc mã đã bị nhập sai" in html
    assert "so sánh từng ký tự với địa chỉ in dưới mã QR trên văn bản giấy" in html
    assert "Liên hệ cơ quan ghi trên văn bản" in html
    assert str(code) in html
    assert "tìm thủ tục bạn cần" not in html  # not the generic 404


def test_unknown_document_code_in_english(client):  # noqa: F811
    response = english(client).get(f"/verify/{uuid.uuid4()}/")
    html = response.content.decode()

    assert response.status_code == 404
    assert '<html lang="en">' in html
    assert in_english("Không tìm thấy văn bản") in html
    assert in_english("Cổng Dịch vụ công không phát hành văn bản nào có mã này.") in html
    assert in_english("Văn bản mang mã này có thể là giả mạo, hoặc mã đã bị nhập sai.") in html


def test_an_upload_to_an_unknown_document_code_is_404_too(client):
    response = client.post(f"/verify/{uuid.uuid4()}/", {})

    assert response.status_code == 404
    assert "Không tìm thấy văn bản" in response.content.decode()


def test_upload_hint_is_in_the_visitors_language(client, issued):
    # Both languages in one test: a hint fixed when the form module is imported would be right in one only.
    vietnamese = client.get(issued.get_absolute_url()).content.decode()
    english_page = english(client).get(issued.get_absolute_url()).content.decode()

    # filesizeformat puts a no-break space between the number and the unit.
    assert "Chỉ nhận tệp PDF, tối đa 10,0\xa0MB." in vietnamese
    assert "PDF files only, up to 10.0\xa0MB." in english_page
    assert "Chỉ nhận tệp PDF" not in english_page
