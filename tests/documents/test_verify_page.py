"""The public verify page: authenticity, issuer, date and kind, no personal data, and the upload check."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from documents.constants import DocumentKind
from documents.services import mark_failed
from procedures.models import Procedure

from .conftest import APPLICANT, RECORD_CODE, make_document, read_pdf
from .test_signing import tamper

pytestmark = pytest.mark.django_db

PERSONAL = {
    "applicant_address": "Số 12 ngõ 34 phố Hàng Bông, phường Hoàn Kiếm",
    "applicant_phone": "0912345678",
    "applicant_email": "nhung.nguyen@example.vn",
}


def upload(client, document, data: bytes, name="van-ban.pdf", content_type="application/pdf"):
    return client.post(document.get_absolute_url(), {"file": SimpleUploadedFile(name, data, content_type=content_type)})


@pytest.fixture
def issued_with_personal_data(agency, subject):
    from documents.services import render_and_sign

    return render_and_sign(make_document(agency, subject, **PERSONAL).pk)


def test_verify_page_says_authentic_and_shows_issuer_date_and_kind(client, issued_with_personal_data):
    document = issued_with_personal_data
    response = client.get(f"/verify/{document.pk}/")
    html = response.content.decode()

    assert response.status_code == 200
    assert 'data-state="authentic"' in html
    assert "Văn bản xác thực." in html
    assert "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in html
    assert "Sở Tư pháp thành phố Hà Nội" in html
    assert timezone.localtime(document.issued_at).strftime("%H:%M %d/%m/%Y") in html
    assert RECORD_CODE in html
    assert document.sha256 in html
    assert document.number in html
    # The signer is named as people name the agency, not with X.509's English field labels.
    assert "Common Name" not in html and document.signer_serial in html


def test_verify_page_shows_no_personal_data(client, issued_with_personal_data):
    html = client.get(issued_with_personal_data.get_absolute_url()).content.decode()

    assert APPLICANT not in html
    for value in PERSONAL.values():
        assert value not in html


def test_verify_page_shows_the_subjects_public_status_when_it_has_one(client, issued, monkeypatch):
    html = client.get(issued.get_absolute_url()).content.decode()
    assert "Tình trạng hiện tại" not in html

    monkeypatch.setattr(Procedure, "public_status_display", "Đã trả kết quả", raising=False)
    html = client.get(issued.get_absolute_url()).content.decode()

    assert "Tình trạng hiện tại" in html
    assert "Đã trả kết quả" in html


def test_a_malformed_document_code_is_not_found(client):
    assert client.get("/verify/not-a-uuid/").status_code == 404  # an unknown code: test_verify_unknown.py


def test_pending_and_failed_documents_are_not_called_authentic(client, agency, subject):
    document = make_document(agency, subject, kind=DocumentKind.REFUSAL)
    html = client.get(document.get_absolute_url()).content.decode()
    assert 'data-state="pending"' in html
    assert "Văn bản xác thực." not in html
    assert 'type="file"' not in html

    mark_failed(document.pk, "SigningError: down")
    html = client.get(document.get_absolute_url()).content.decode()
    assert 'data-state="invalid"' in html
    assert "Văn bản không hợp lệ." in html
    assert "SigningError" not in html


def test_uploading_the_issued_pdf_says_it_matches(client, issued):
    response = upload(client, issued, read_pdf(issued))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-result="match"' in html
    assert "Tệp trùng khớp với văn bản gốc: văn bản xác thực." in html


def test_uploading_a_pdf_with_one_changed_byte_says_not_authentic(client, issued):
    response = upload(client, issued, tamper(read_pdf(issued)))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-result="mismatch"' in html
    assert "văn bản không xác thực" in html


def test_upload_is_checked_by_content_not_by_name(client, issued):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    response = upload(client, issued, png, name="giay-hen.pdf")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Tệp tải lên không phải là tệp PDF." in html
    assert "data-result" not in html


def test_upload_over_10_mb_is_refused(client, issued, monkeypatch):
    response = upload(client, issued, b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024 + 70 * 1024))
    assert response.status_code == 413
    assert "Tệp quá lớn: tối đa 10,0\xa0MB." in response.content.decode()  # the same limit the form states

    monkeypatch.setattr("documents.forms.MAX_UPLOAD_BYTES", 100)  # the form checks too, whatever the envelope
    response = upload(client, issued, b"%PDF-1.7\n" + b"0" * 200)
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()


def test_upload_needs_the_csrf_token(issued):
    client = Client(enforce_csrf_checks=True)
    assert upload(client, issued, read_pdf(issued)).status_code == 403

    page = client.get(issued.get_absolute_url())
    token = page.cookies["csrftoken"].value
    response = client.post(
        issued.get_absolute_url(),
        {"file": SimpleUploadedFile("a.pdf", read_pdf(issued)), "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200
    assert 'data-result="match"' in response.content.decode()
