"""The portal's side of a citizen's remote signature, against the simulated provider over HTTP: a filing's
declaration signed in PAdES validates; the same PDF changed after signing does not; a wrong code is refused in
Vietnamese; a service requiring a signed declaration refuses an unsigned one (or one changed since signing); the
officer reads the signer and the validity on the record's page."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from documents.citizen_signing import services as signing
from documents.citizen_signing.client import RemoteSigningError
from documents.citizen_signing.validation import validate
from documents.models import CitizenSignature
from eservices.models import OnlineService
from records import services as records_services
from records.constants import RecordState
from tests.staff import officer, totp_session

from .conftest import filled_draft, last_code

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def draft(citizen, family):
    return filled_draft(citizen, family["father"])


def signed_declaration(draft, citizen, family):
    signing.send_code([draft])
    return signing.sign([draft], citizen, last_code(family["father"].phone))[0]


def changed(pdf: bytes) -> bytes:
    """The PDF with one byte of its signed content changed (in the first revision, far from the signature)."""
    at = pdf.index(b"stream", len(pdf) // 10) + 20
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


def test_a_declaration_signed_remotely_validates_and_a_changed_one_does_not(portal, draft, citizen, family):
    signature = signed_declaration(draft, citizen, family)
    father = family["father"]
    assert signature.is_valid, signature.status_reason
    assert signature.signer_name == father.full_name
    assert signature.signer_id_number == father.id_number
    assert signature.target == CitizenSignature.Target.DECLARATION
    with signature.file.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF") and b"/ETSI.CAdES.detached" in pdf

    found = validate(pdf)
    assert found.valid and found.signer_id_number == father.id_number

    tampered = validate(changed(pdf))
    assert not tampered.valid
    assert tampered.reason == "Chữ ký không hợp lệ (tài liệu đã bị thay đổi)."


def test_a_pdf_with_content_added_after_signing_is_not_valid(portal, draft, citizen, family):
    from io import BytesIO

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    signature = signed_declaration(draft, citizen, family)
    with signature.file.open("rb") as handle:
        writer = IncrementalPdfFileWriter(BytesIO(handle.read()), strict=False)
    writer.add_object(writer.root)  # an incremental update after the signature: the file is no longer all signed
    writer.root["/Lang"] = writer.root.get("/Lang", "vi")
    writer.update_root()
    out = BytesIO()
    writer.write(out)
    assert not validate(out.getvalue()).valid


def test_a_signature_from_an_untrusted_provider_is_not_valid(portal, draft, citizen, family, settings, signing_dir):
    signature = signed_declaration(draft, citizen, family)
    settings.REMOTESIGN_TRUST_ROOTS = [str(signing_dir / "ca.pem")]  # the portal's own demo CA, not the provider's
    with signature.file.open("rb") as handle:
        found = validate(handle.read())
    assert not found.valid and "tin cậy" in found.reason


def test_a_wrong_code_is_refused_in_vietnamese(portal, draft, citizen, family):
    signing.send_code([draft])
    code = last_code(family["father"].phone)
    with pytest.raises(RemoteSigningError) as refused:
        signing.sign([draft], citizen, str((int(code) + 1) % 1_000_000).zfill(6))
    assert refused.value.message == "Mã OTP không đúng. Hãy kiểm tra tin nhắn và nhập lại."
    assert not CitizenSignature.objects.exists()
    assert signing.sign([draft], citizen, code)[0].is_valid  # the right code still works after one mistake


def test_the_provider_out_of_reach_is_said_in_vietnamese(db, draft, settings):
    settings.REMOTESIGN_BASE_URL = "http://127.0.0.1:9/remotesign"
    with pytest.raises(RemoteSigningError) as failed:
        signing.send_code([draft])
    assert failed.value.message == "Không kết nối được dịch vụ ký số từ xa. Vui lòng thử lại sau ít phút."


def test_a_service_requiring_a_signed_declaration_refuses_an_unsigned_one(portal, draft, citizen, family):
    OnlineService.objects.filter(pk=draft.service_id).update(requires_signed_declaration=True)
    draft.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        records_services.submit(draft, actor=citizen)
    assert "yêu cầu tờ khai có chữ ký số" in " ".join(refused.value.messages)
    assert "Ký số tờ khai" in " ".join(refused.value.messages)

    signed_declaration(draft, citizen, family)
    # Changed after signing: the signature no longer stands for the declaration.
    records_services.save_form([draft], {**draft.form_data, "request": "Đăng ký tạm trú"}, draft.prefilled_fields)
    draft.refresh_from_db()
    with pytest.raises(ValidationError):
        records_services.submit(draft, actor=citizen)

    signed_declaration(draft, citizen, family)
    filed = records_services.submit(draft, actor=citizen)
    assert filed.state == RecordState.SUBMITTED


def test_the_officer_sees_the_signer_and_a_changed_file_as_invalid(portal, draft, citizen, family):
    signature = signed_declaration(draft, citizen, family)
    record = records_services.submit(draft, actor=citizen)
    staff = totp_session(Client(), officer("canbo.kyso", record.agency, "receiver", password="x"))

    page = staff.get(f"/backoffice/records/{record.pk}/").content.decode()
    section = page[page.index('id="citizen-signatures"') : page.index("</section>", page.index("citizen-signatures"))]
    assert family["father"].full_name in section
    assert "Chữ ký hợp lệ" in section
    assert family["father"].id_number not in section and family["father"].id_number[-4:] in section
    download = staff.get(f"/my/signatures/files/{signature.pk}/")
    assert download.status_code == 200

    with signature.file.open("rb") as handle:
        pdf = handle.read()
    signature.file.storage.delete(signature.file.name)
    signature.file.storage.save(signature.file.name, __import__("io").BytesIO(changed(pdf)))
    page = staff.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert "Chữ ký không hợp lệ (tài liệu đã bị thay đổi)" in page
    signature.refresh_from_db()
    assert signature.status == CitizenSignature.Status.INVALID


def test_another_citizen_cannot_sign_or_download(portal, draft, citizen, family, client):
    from tests.records.conftest import citizen_account, login

    signature = signed_declaration(draft, citizen, family)
    other = login(Client(), citizen_account(family["mother"]))
    assert other.get(f"/my/signatures/{draft.pk}/").status_code == 404
    assert other.post(f"/my/signatures/{draft.pk}/", {"action": "send"}).status_code == 404
    assert other.get(f"/my/signatures/files/{signature.pk}/").status_code == 404


def test_a_pdf_paper_is_signed_with_the_same_code(portal, draft, citizen, family):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.rendering import render_pdf
    from procedures.selectors import published_components
    from records.attachments import attach

    paper = render_pdf("<p>Giấy xác nhận chỗ ở hợp pháp</p>")
    component = published_components(draft.procedure_version)[-1]
    upload = SimpleUploadedFile("xac-nhan-cho-o.pdf", paper, content_type="application/pdf")
    attachment = attach(draft, component, upload, by=citizen)

    signing.send_code([draft])
    signed = signing.sign([draft], citizen, last_code(family["father"].phone), [attachment.pk])
    assert [s.target for s in signed] == [CitizenSignature.Target.DECLARATION, CitizenSignature.Target.ATTACHMENT]
    assert all(s.is_valid for s in signed)
    assert signed[1].attachment == attachment and signed[1].content_digest == attachment.sha256
    with signed[1].file.open("rb") as handle:
        assert handle.read().startswith(paper[:8])  # the paper as uploaded, with the signature appended


def test_the_filing_api_refuses_an_unsigned_declaration(portal, client, citizen):
    import json

    body = {
        "service": "dang-ky-thuong-tru",
        "data": json.dumps({"request": "Đăng ký thường trú", "delivery": "online"}),
    }
    OnlineService.objects.filter(slug="dang-ky-thuong-tru").update(requires_signed_declaration=True)
    refused = client.post("/api/v1/records/", body)
    assert refused.status_code == 400, refused.content
    assert "yêu cầu tờ khai có chữ ký số" in json.dumps(refused.json(), ensure_ascii=False)
    OnlineService.objects.filter(slug="dang-ky-thuong-tru").update(requires_signed_declaration=False)
    assert client.post("/api/v1/records/", body).status_code == 201
