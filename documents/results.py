"""Results of records: the unsigned draft an officer generates, the signature at approval, the revocation.

Nothing is signed before the leader approves: "generate" renders a draft marked as such (``context["draft"]``, status
``draft``), one per record however often it is clicked. The approval (``receivers.on_record_changed``, in the
approval's transaction) has the result that goes out signed in the name of the agency and the approver: the
generated certificate, numbered from the agency's register, or the PDF the officer uploaded, signed as it is. A signed
result issued in error is revoked by the approver with a reason; the verify page then says so.

Records does not import documents: ``DocumentsConfig.ready`` registers this module as records' result issuer
(``records.processing.register_result_issuer``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import DocumentKind
from .models import Document
from .services import request_document

RESULT_KINDS = (DocumentKind.RESULT_CERTIFICATE, DocumentKind.RESULT_DOCUMENT)
DRAFT_NOTE = "Bản dự thảo, chưa ký số"
SIGNED_NOTE = "Đã ký số khi phê duyệt"


def _context(record) -> dict:
    version = record.procedure_version
    details = []
    if record.subject_name:
        details.append({"label": "Người/tổ chức được giải quyết", "value": record.subject_name})
    return {
        "record_code": record.code,
        "applicant_name": record.subject_name or record.applicant_name,
        "procedure_name": version.name,
        "procedure_code": version.procedure.code,
        "result": version.result_name or version.name,
        "details": details,
    }


def issue_result_certificate(record, *, idempotency_key: str):
    """Request the unsigned draft of ``record``'s result certificate; returns the document's id (rendered after
    commit). The draft carries no number and no signature: the approval issues the signed one."""
    document = request_document(
        DocumentKind.RESULT_CERTIFICATE,
        agency=record.agency,
        subject=record,
        context={**_context(record), "draft": True},
        idempotency_key=idempotency_key,
    )
    return document.pk


def result_certificate_file(document_id):
    """The PDF of a generated result (draft or signed), or None while it is not rendered yet."""
    document = Document.objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return None
    return document.file


def uploaded_result_pdf(document: Document) -> bytes:
    """The bytes of the uploaded result a ``result_document`` signs."""
    from records.models import ResultDocument

    result = ResultDocument.objects.get(pk=document.context["source_result"])
    with result.file.open("rb") as handle:
        return handle.read()


def approver_name(user) -> str:
    return (user.get_full_name() or user.username).strip()


def sign_on_approval(record, event) -> Document | None:
    """In the approval's transaction: the signed result that goes out, as the record's current result.

    The certificate is requested (numbered, then rendered and signed after commit by the documents queue) in the
    approver's name; an uploaded result must be a PDF, signed as it is.
    """
    from records.models import ResultDocument

    current = record.current_result
    if current is None:
        return None
    approver = event.actor
    name = approver_name(approver) if approver is not None else ""
    signer = {"signer_title": "KT. THỦ TRƯỞNG CƠ QUAN", "signer_name": name} if name else {}
    context = {**_context(record), **signer, "decided_at": event.at}
    key = f"approve:{event.pk}"
    if current.document_id is not None:
        document = request_document(
            DocumentKind.RESULT_CERTIFICATE,
            agency=record.agency,
            subject=record,
            context=context,
            idempotency_key=key,
            signed_by=name,
        )
    else:
        if current.content_type != "application/pdf":
            raise ValidationError(
                _("Kết quả “%(name)s” không phải tệp PDF nên không ký số được: hãy tải lên bản PDF rồi phê duyệt.")
                % {"name": current.original_name}
            )
        document = request_document(
            DocumentKind.RESULT_DOCUMENT,
            agency=record.agency,
            subject=record,
            context={**context, "source_result": current.pk},
            idempotency_key=key,
            signed_by=name,
        )
    ResultDocument.objects.create(
        record=record,
        document_id=document.pk,
        original_name=f"{record.code}-ket-qua.pdf",
        content_type="application/pdf",
        uploaded_by=approver,
        note=SIGNED_NOTE,
    )
    return document


def revoke_results(record, event) -> int:
    """In the revocation's transaction: the record's signed results stop being valid, with the reason and date."""
    revoked = _signed_results(record)
    return revoked.update(revoked_at=event.at or timezone.now(), revoked_reason=event.reason, revoked_by=event.actor)


def _signed_results(record):
    from django.contrib.contenttypes.models import ContentType

    return Document.objects.filter(
        content_type=ContentType.objects.get_for_model(record),
        object_id=str(record.pk),
        kind__in=RESULT_KINDS,
        revoked_at__isnull=True,
    ).exclude(context__has_key="draft")


def revocation_guard(record) -> str | None:
    """Registered on ``revoke_result`` (``records.workflow.register_guard``): only a signed result can be revoked."""
    if not _signed_results(record).exists():
        return _("Hồ sơ chưa có kết quả đã ký số để thu hồi.")
    return None
