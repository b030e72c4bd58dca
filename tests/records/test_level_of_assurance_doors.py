"""Every door to a record's data asks for the VNeID level its filing asked for (issue #15 item 14).

The record page of a level-2 record already asks a level-1 session to step up; its issued documents (the
appointment slip, the result certificate), its e-receipt (the PDF and the receipt page), its attachments,
its result and the filing API's replay must not hand the data out either. Officers are not concerned: they
reach a record by their role at its agency, not by a VNeID level.
"""

import json

import pytest
from django.core.files.base import ContentFile

from documents.constants import DocumentKind, DocumentStatus
from identity.constants import StaffRole
from payments.constants import PaymentState
from records import services as records_services
from records.constants import RecordState
from records.models import Attachment
from tests.documents.conftest import make_document
from tests.staff import officer, totp_session

from .conftest import filled_draft, login, payment_for

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def issued(document):
    """An issued document without rendering and signing it (documents' own tests do that): doors are tested here."""
    document.file.save(f"{document.pk}.pdf", ContentFile(PDF), save=False)
    document.status = DocumentStatus.ISSUED
    document.save()
    return document


@pytest.fixture
def doors(citizen, family, tmp_path, settings):
    """A level-2 record with its result returned: a slip, a result certificate, an e-receipt, a file, a result."""
    settings.MEDIA_ROOT = str(tmp_path)
    record = records_services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    assert record.service.needs_step_up
    attachment = Attachment.objects.create(
        record=record,
        file=ContentFile(PDF, name="giay-to.pdf"),
        original_name="giay-to.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
        uploaded_by=citizen,
    )
    type(record).objects.filter(pk=record.pk).update(state=RecordState.RESULT_RETURNED)
    record.refresh_from_db()
    slip = issued(make_document(record.agency, record, record_code=record.code))
    certificate = issued(make_document(record.agency, record, DocumentKind.RESULT_CERTIFICATE))
    payment = payment_for(record, citizen, amount=10_000, state=PaymentState.PAID)
    type(payment).objects.filter(pk=payment.pk).update(receipt_number="BL2026-0000001")
    payment.refresh_from_db()
    receipt = issued(make_document(record.agency, payment, DocumentKind.PAYMENT_RECEIPT))
    return {
        "record page": f"/my/records/{record.pk}/",
        "appointment slip PDF": f"/documents/{slip.pk}/pdf/",
        "result certificate PDF": f"/documents/{certificate.pk}/pdf/",
        "e-receipt PDF": f"/documents/{receipt.pk}/pdf/",
        "e-receipt page": f"/payments/receipts/{payment.reference}/",
        "attachment": f"/records/{record.pk}/attachments/{attachment.pk}/",
        "payment return": f"/payments/return/{payment.reference}/",
        "record": record,
    }


DOORS = [
    "record page",
    "appointment slip PDF",
    "result certificate PDF",
    "e-receipt PDF",
    "e-receipt page",
    "attachment",
]


@pytest.mark.django_db
@pytest.mark.parametrize("door", DOORS)
def test_a_level_1_session_is_asked_to_step_up_at_every_door(client, citizen, doors, door):
    login(client, citizen, acr="LoA1")
    response = client.get(doors[door])
    assert response.status_code == 302, f"{door}: {response.status_code}"
    assert response["Location"].startswith("/my-account/step-up/?next=")
    assert b"%PDF" not in response.content and b"BL2026-0000001" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("door", DOORS)
def test_a_level_2_session_opens_every_door(client, citizen, doors, door):
    login(client, citizen, acr="LoA2")
    response = client.get(doors[door])
    assert response.status_code == 200, f"{door}: {response.status_code}"


@pytest.mark.django_db
def test_coming_back_from_the_gateway_at_level_1_tells_nothing_before_the_step_up(client, citizen, doors):
    login(client, citizen, acr="LoA1")
    response = client.get(doors["payment return"], follow=True)
    assert response.redirect_chain[0][0].startswith("/my-account/step-up/?next=")
    assert "BL2026-0000001" not in response.content.decode()
    login(client, citizen, acr="LoA2")
    response = client.get(doors["payment return"], follow=True)
    assert response.redirect_chain[0][0] == doors["record page"]
    assert "BL2026-0000001" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("door", ["appointment slip PDF", "e-receipt PDF", "e-receipt page", "attachment"])
def test_officers_of_the_agency_are_not_asked_for_a_vneid_level(client, doors, door):
    record = doors["record"]
    totp_session(client, officer("tiepnhan", record.agency, StaffRole.RECEIVER, password="x"))
    assert client.get(doors[door]).status_code == 200


@pytest.mark.django_db
def test_the_filing_api_does_not_replay_a_level_2_filing_to_a_level_1_session(client, citizen, family):
    father = family["father"]
    login(client, citizen, acr="LoA2")
    first = client.post(
        "/api/v1/records/",
        {
            "service": "dang-ky-thuong-tru",
            "data": json.dumps(
                {
                    "full_name": father.full_name,
                    "id_number": father.id_number,
                    "birth_date": father.birth_date.isoformat(),
                    "request": "Đăng ký thường trú",
                    "delivery": "online",
                }
            ),
        },
        HTTP_IDEMPOTENCY_KEY="replay-key-0001",
    )
    assert first.status_code == 201, first.content
    login(client, citizen, acr="LoA1")
    replay = client.post(
        "/api/v1/records/", {"service": "dang-ky-thuong-tru", "data": "{}"}, HTTP_IDEMPOTENCY_KEY="replay-key-0001"
    )
    assert replay.status_code == 403
    assert first.json()["code"] not in replay.content.decode()
