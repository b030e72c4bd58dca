"""Results signed at approval, once (issue #16 item 3): "generate" makes one unsigned draft however often it is
clicked; the approver's act signs the result that goes out (the generated certificate or the uploaded PDF) in the name
of the agency and the approver; an uploaded result that is not a PDF is refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents import services as documents
from documents.constants import DocumentKind, DocumentStatus
from documents.models import Document
from records import services
from records.constants import WorkflowAction as A
from records.models import Record, ResultDocument
from tests.records import files
from tests.threads import all_at_once

from .conftest import advance

CLICKS = 50


def signatures(data: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures


def validate(data: bytes):
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from documents.signing import get_signer

    (signature,) = signatures(data)
    context = ValidationContext(trust_roots=get_signer().trust_roots(), allow_fetching=False)
    return signature, validate_pdf_signature(signature, signer_validation_context=context)


def text_of(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_of(document: Document) -> bytes:
    document = documents.render_and_sign(document.pk)  # what the documents queue's worker runs after commit
    with document.file.open("rb") as handle:
        return handle.read()


def results_of(record):
    return Document.objects.filter(object_id=str(record.pk), kind__in=["result_certificate", "result_document"])


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_generate_clicks_make_one_unsigned_draft(record, staff):
    record = advance(record, staff, "in_processing")
    processor = staff["processor"]

    def click():
        page = Record.objects.get(pk=record.pk)
        return services.generate_result(page, actor=processor, expected_state=page.state).pk

    made, errors = all_at_once(click, [()] * CLICKS)
    assert errors == []
    assert len(set(made)) == 1
    assert ResultDocument.objects.filter(record=record).count() == 1
    (draft,) = results_of(record)
    data = pdf_of(draft)
    assert Document.objects.get(pk=draft.pk).status == DocumentStatus.DRAFT
    assert signatures(data) == []  # nothing signed before approval
    assert "DỰ THẢO" in text_of(data)
    assert draft.register_number is None


@pytest.mark.django_db
def test_the_approval_signs_the_generated_result_for_the_agency_and_the_approver(record, staff, client):
    record = advance(record, staff, "in_processing")
    draft = services.generate_result(record, actor=staff["processor"])
    assert signatures(pdf_of(Document.objects.get(pk=draft.document_id))) == []

    services.act(record, A.APPROVE, actor=staff["approver"])

    current = Record.objects.get(pk=record.pk).current_result
    assert current.pk != draft.pk and current.document_id is not None
    signed = Document.objects.get(pk=current.document_id)
    assert signed.kind == DocumentKind.RESULT_CERTIFICATE and not signed.context.get("draft")
    data = pdf_of(signed)
    signature, status = validate(data)
    assert status.intact and status.valid and status.trusted
    assert status.signing_cert.subject.native["common_name"] == record.agency.name
    approver = staff["approver"].get_full_name()
    assert approver in str(signature.sig_object["/Name"])
    printed = text_of(data)
    assert approver in printed and "DỰ THẢO" not in printed
    assert signed.context["number"] == f"1/GCN-{signed.context['number'].split('-', 1)[1]}"
    # The draft stays unsigned: only the approved result carries a signature.
    assert signatures(pdf_of(Document.objects.get(pk=draft.document_id))) == []


@pytest.mark.django_db
def test_an_uploaded_pdf_result_is_signed_as_it_is_at_approval(record, staff):
    record = advance(record, staff, "in_processing")
    uploaded = files.pdf("quyet-dinh.pdf")
    services.attach_result(record, uploaded, actor=staff["processor"])
    assert not results_of(record).exists()  # nothing to sign before the approval

    services.act(record, A.APPROVE, actor=staff["approver"])

    (signed,) = results_of(record)
    assert signed.kind == DocumentKind.RESULT_DOCUMENT
    data = pdf_of(signed)
    assert data.startswith(files.PDF)  # the officer's PDF, with the signature appended as an incremental update
    signature, status = validate(data)
    assert status.intact and status.valid and status.trusted
    assert staff["approver"].get_full_name() in str(signature.sig_object["/Name"])
    assert Record.objects.get(pk=record.pk).current_result.document_id == signed.pk


@pytest.mark.django_db
def test_an_uploaded_result_that_is_not_a_pdf_is_refused(record, staff):
    record = advance(record, staff, "in_processing")
    png = SimpleUploadedFile("ket-qua.png", files.PNG, content_type="image/png")
    with pytest.raises(ValidationError, match="PDF"):
        services.attach_result(record, png, actor=staff["processor"])
    assert not ResultDocument.objects.filter(record=record).exists()


@pytest.mark.django_db
def test_not_resolving_a_record_issues_a_signed_reply_stating_the_reasons(
    record, staff, django_capture_on_commit_callbacks
):
    record = advance(record, staff, "in_processing")
    reason = "Người được đề nghị cấp không đủ điều kiện theo quy định"
    with django_capture_on_commit_callbacks(execute=True):
        services.act(record, A.REJECT, actor=staff["approver"], reason=reason)

    reply = Document.objects.get(object_id=str(record.pk), kind=DocumentKind.REJECTION)
    data = pdf_of(reply)
    signature, status = validate(data)
    assert status.intact and status.valid and status.trusted
    assert staff["approver"].get_full_name() in str(signature.sig_object["/Name"])
    printed = " ".join(text_of(data).split())
    assert reason in printed and record.code in printed
    assert reply.register_number == 1 and reply.context["number"].startswith("1/TB-")
