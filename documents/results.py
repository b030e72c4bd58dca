"""Result certificates of records, issued when an officer asks records to generate one.

Records does not import documents: ``DocumentsConfig.ready`` registers this module as records' result issuer
(``records.processing.register_result_issuer``).
"""

from __future__ import annotations

from .constants import DocumentKind
from .models import Document
from .services import request_document


def issue_result_certificate(record, *, idempotency_key: str):
    """Request the signed result certificate of ``record``; returns the document's id (issued after commit)."""
    version = record.procedure_version
    document = request_document(
        DocumentKind.RESULT_CERTIFICATE,
        agency=record.agency,
        subject=record,
        context={
            "record_code": record.code,
            "applicant_name": record.subject_name or record.applicant_name,
            "procedure_name": version.name,
            "result": version.result_name or version.name,
        },
        idempotency_key=idempotency_key,
    )
    return document.pk


def result_certificate_file(document_id):
    """The issued PDF of a result certificate, or None while it is not issued yet."""
    document = Document.objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return None
    return document.file
