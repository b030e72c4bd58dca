"""Celery tasks of the documents queue."""

import logging
from datetime import timedelta

from celery import Task, shared_task
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from common.tasks import RETRY_POLICY

from . import services
from .constants import DocumentStatus
from .models import Document

logger = logging.getLogger(__name__)


class IssueDocumentTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Runs once retries are exhausted (or for an error not retried): record the failure."""
        if args:
            services.mark_failed(args[0], f"{type(exc).__name__}: {exc}")


@shared_task(
    bind=True,
    base=IssueDocumentTask,
    name="documents.tasks.issue_document",
    queue="documents",
    # RETRY_POLICY acknowledges after the work: a worker killed mid-render leaves the message to another.
    **RETRY_POLICY,
    autoretry_for=(Exception,),
    dont_autoretry_for=(ObjectDoesNotExist,),
    soft_time_limit=90,
    time_limit=120,
)
def issue_document(self, document_id: str) -> str:
    """Render and sign one document. Idempotent: an issued document is left alone."""
    return services.render_and_sign(document_id).status


@shared_task(name="documents.tasks.request_event_document", queue="documents")
def request_event_document(event_id: int) -> str:
    """Request the slip a record event calls for: the work of one outbox row (``receivers.on_record_changed``).

    Run by ``outbox.tasks.run``, which claims the row and marks it done. Idempotent: the document's
    key comes from the event (one certificate per record), so a row run twice requests one document.
    Returns the document's id, or "" when none is due (an uploaded result, a deleted record).
    """
    from records.models import RecordEvent

    from .receivers import request_for_event

    event = (
        RecordEvent.objects.select_related("record__procedure_version__procedure", "record__agency")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return ""
    document = request_for_event(event.record, event, event.action)
    return str(document.pk) if document is not None else ""


@shared_task(name="documents.tasks.reschedule_stale_documents", queue="documents")
def reschedule_stale_documents(older_than_minutes: int = 15) -> int:
    """Send again the documents still pending long after their request (say the broker was down at commit)."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    ids = list(
        Document.objects.filter(status=DocumentStatus.PENDING, created_at__lt=cutoff).values_list("pk", flat=True)[:500]
    )
    for document_id in ids:
        issue_document.delay(str(document_id))
    return len(ids)
