"""The public API of the documents app: request a document, issue it, check an upload.

Other apps call ``request_document`` inside their own transaction (when a record
is received, a payment confirmed...). The row is written at once; the PDF is made
by the Celery task ``documents.tasks.issue_document`` once that transaction
commits, so a rolled-back filing never produces a document.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from .constants import REQUIRED_CONTEXT, DocumentKind, DocumentStatus
from .models import Document
from .signing import get_signer, read_signature_info

logger = logging.getLogger(__name__)


def request_document(
    kind: DocumentKind | str,
    *,
    agency,
    subject: models.Model,
    context: dict,
    idempotency_key: str,
    signed_by: str = "",
) -> Document:
    """Create the pending document and schedule its issue after commit.

    Idempotent: the same ``(kind, subject, idempotency_key)`` returns the document
    already requested, with the context it was first given. If that one is not
    issued yet it is scheduled again (the task leaves issued documents alone).
    """
    kind = DocumentKind(kind)
    missing = [key for key in REQUIRED_CONTEXT[kind] if context.get(key) in (None, "", [])]
    if missing:
        raise ValidationError(f"Missing context for {kind.value}: {', '.join(missing)}")
    if not idempotency_key:
        raise ValidationError("An idempotency key is required.")
    lookup = {
        "kind": kind,
        "content_type": ContentType.objects.get_for_model(subject),
        "object_id": str(subject.pk),
        "idempotency_key": idempotency_key,
    }
    with transaction.atomic():
        document = Document.objects.filter(**lookup).first()
        if document is None:
            try:
                with transaction.atomic():
                    document = Document(agency=agency, context=context, signed_by=signed_by[:255], **lookup)
                    _number(document)
                    document.save(force_insert=True)
            except IntegrityError:  # a concurrent request with the same key won
                document = Document.objects.get(**lookup)
        if document.status == DocumentStatus.FAILED:
            Document.objects.filter(pk=document.pk).update(status=DocumentStatus.PENDING)
            document.status = DocumentStatus.PENDING
        if document.status not in (DocumentStatus.ISSUED, DocumentStatus.DRAFT):
            _schedule_issue(document)
    return document


def _number(document: Document) -> None:
    """Kinds the agency's register numbers take the next number of the year, in this transaction (a draft none)."""
    from . import registers
    from .constants import REGISTERED_KINDS

    if document.kind not in REGISTERED_KINDS or document.context.get("draft") or document.context.get("number"):
        return
    year = timezone.localdate().year
    number = registers.take_number(document.agency, document.kind, year)
    document.register_year, document.register_number = year, number
    document.context = {**document.context, "number": registers.symbol(document.agency, document.kind, number)}


def _schedule_issue(document: Document) -> None:
    from .tasks import issue_document

    document_id = str(document.pk)
    # Robust: the caller's transaction has committed by then; a broker outage (or, with tasks
    # run in-process, a failed render) is logged rather than raised into the caller's request.
    # The document stays pending and ``reschedule_stale_documents`` sends it again.
    transaction.on_commit(lambda: issue_document.delay(document_id), robust=True)


def render_and_sign(document_id) -> Document:
    """Render the PDF, have the agency sign it, store it with its hash. Safe to run twice.

    The row is locked for the duration, so two workers handed the same task (a
    redelivery after a lost acknowledgement) do not both issue it; the second
    finds it issued and returns. A draft (``context["draft"]``: a result before
    approval) is rendered and stored unsigned; a result document (an uploaded
    PDF) is signed as it is, not rendered.
    """
    from .rendering import render_html, render_pdf

    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.status in (DocumentStatus.ISSUED, DocumentStatus.DRAFT):
            return document
        draft = bool(document.context.get("draft"))
        if document.kind == DocumentKind.RESULT_DOCUMENT:
            from .results import uploaded_result_pdf

            pdf = uploaded_result_pdf(document)
        else:
            document.issued_at = None if draft else timezone.now()  # printed on the document: fixed before rendering
            pdf = render_pdf(render_html(document))
        if draft:
            content = pdf
        else:
            document.issued_at = document.issued_at or timezone.now()
            # In the agency's name (its certificate) and the approver's (the signature's name), when one approved it.
            named = {"signed_by": document.signed_by} if document.signed_by else {}
            content = get_signer().sign(pdf, agency=document.agency, **named)
            signature = read_signature_info(content)
            document.signer_subject = signature.subject
            document.signer_serial = signature.serial

        storage = document.file.storage
        name = document.file.field.generate_filename(document, f"{document.pk}.pdf")
        if storage.exists(name):  # left by an attempt whose transaction rolled back
            storage.delete(name)
        document.file.save(name, ContentFile(content), save=False)
        document.sha256 = hashlib.sha256(content).hexdigest()
        document.status = DocumentStatus.DRAFT if draft else DocumentStatus.ISSUED
        document.error = ""
        document.save()
    logger.info("Issued document %s (%s) for agency %s", document.pk, document.kind, document.agency_id)
    return document


def mark_failed(document_id, error: str) -> None:
    """Called when the task gives up; the verify page then says the document is not valid."""
    Document.objects.filter(pk=document_id).exclude(status__in=[DocumentStatus.ISSUED, DocumentStatus.DRAFT]).update(
        status=DocumentStatus.FAILED, error=error[:2000]
    )


def matches_issued_pdf(document: Document, uploaded) -> bool:
    """Whether an uploaded file is, byte for byte, the PDF the portal issued as ``document``."""
    if not document.is_issued or not document.sha256:
        return False
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    return hmac.compare_digest(digest.hexdigest(), document.sha256)


def public_subject_status(document: Document) -> str | None:
    """The current state of what the document is about, if that object offers a public one.

    Duck-typed: any model with a ``public_status_display`` attribute (records will have one)
    shows it on the verify page; nothing else about the subject is shown.
    """
    try:
        subject = document.subject
    except Exception:  # deleted subject or a model that no longer exists
        return None
    value = getattr(subject, "public_status_display", None) if subject is not None else None
    return str(value) if value else None


def documents_for(subject: models.Model):
    """The documents issued (or being issued) about ``subject``, newest first; failed ones and drafts left out."""
    return (
        Document.objects.filter(content_type=ContentType.objects.get_for_model(subject), object_id=str(subject.pk))
        .exclude(status=DocumentStatus.FAILED)
        .exclude(context__has_key="draft")  # a result's draft is no issued document
        .select_related("agency")
        .order_by("-created_at")
    )


# Subjects of other apps whose documents are listed with a subject's own: a payment's e-receipt is one of its
# record's signed documents. The app that owns them registers the source (payments, in ``ready()``), so documents
# imports none of the apps above it.
_related_sources: dict[type[models.Model], list] = {}


def register_related_subjects(model: type[models.Model], source) -> None:
    """``source(subject)`` returns the objects whose documents are listed with those of ``subject`` (a ``model``)."""
    sources = _related_sources.setdefault(model, [])
    if source not in sources:
        sources.append(source)


def documents_with_related(subject: models.Model) -> list[tuple[Document, models.Model]]:
    """``(document, its subject)`` for the documents about ``subject`` and about the subjects registered as related
    to it, newest first, failed ones left out: one query for the documents, whatever the number of subjects."""
    subjects = [subject]
    for source in _related_sources.get(type(subject), []):
        subjects += list(source(subject))
    by_key, condition = {}, models.Q()
    for item in subjects:
        content_type = ContentType.objects.get_for_model(item)
        by_key[(content_type.pk, str(item.pk))] = item
        condition |= models.Q(content_type=content_type, object_id=str(item.pk))
    found = (
        Document.objects.filter(condition)
        .exclude(status=DocumentStatus.FAILED)
        .exclude(context__has_key="draft")  # a result's draft is no issued document
        .select_related("agency")
        .order_by("-created_at")
    )
    return [(document, by_key[(document.content_type_id, document.object_id)]) for document in found]
