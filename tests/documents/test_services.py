"""request_document, the issuing task, and their transactions."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from documents import services
from documents.constants import DocumentKind, DocumentStatus
from documents.models import Document
from documents.signing import SigningError
from documents.tasks import issue_document
from portal.celery import app

from . import factories
from .conftest import make_document, read_pdf, sample_context

RECEIPT = DocumentKind.RECEIPT_APPOINTMENT


def request(agency, subject, key="receipt-1", kind=RECEIPT, **context):
    return services.request_document(
        kind, agency=agency, subject=subject, context={**sample_context(kind), **context}, idempotency_key=key
    )


@pytest.mark.django_db
def test_request_creates_a_pending_document_and_issues_it_after_commit(
    agency, subject, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        document = request(agency, subject)

    assert document.status == DocumentStatus.PENDING
    assert document.subject == subject
    assert document.object_id == str(subject.pk)
    assert len(callbacks) == 1

    callbacks[0]()  # tasks run eagerly in tests: this is the worker's work

    document.refresh_from_db()
    assert document.status == DocumentStatus.ISSUED
    assert document.issued_at is not None
    assert len(document.sha256) == 64
    assert read_pdf(document).startswith(b"%PDF-")


@pytest.mark.django_db
def test_request_inside_a_rolled_back_transaction_schedules_nothing(
    agency, subject, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        request(agency, subject)
        raise RuntimeError("the filing failed after the request")

    assert callbacks == []
    assert not Document.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_real_commit_sends_the_task_and_real_rollback_does_not(agency, subject):
    with mock.patch.object(issue_document, "delay") as delay:
        with pytest.raises(RuntimeError), transaction.atomic():
            request(agency, subject, key="rolled-back")
            raise RuntimeError
        delay.assert_not_called()

        with transaction.atomic():
            document = request(agency, subject, key="committed")
            delay.assert_not_called()  # not before the commit

        delay.assert_called_once_with(str(document.pk))
    assert list(Document.objects.values_list("idempotency_key", flat=True)) == ["committed"]


@pytest.mark.django_db
def test_same_kind_subject_and_key_return_the_same_document(agency, subject, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = request(agency, subject)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = request(agency, subject, applicant_name="Người khác")

    assert again.pk == first.pk
    assert again.context["applicant_name"] == first.context["applicant_name"]  # the first request's snapshot
    assert callbacks == []  # issued already: nothing to schedule
    assert Document.objects.count() == 1

    other_key = request(agency, subject, key="receipt-2")
    other_kind = request(agency, subject, kind=DocumentKind.REFUSAL)
    other_subject = request(agency, factories.procedure(code="1.000001"))
    assert len({first.pk, other_key.pk, other_kind.pk, other_subject.pk}) == 4


@pytest.mark.django_db
def test_request_refuses_a_context_missing_what_the_kind_prints(agency, subject):
    with pytest.raises(ValidationError, match="record_code"):
        services.request_document(
            RECEIPT, agency=agency, subject=subject, context={"applicant_name": "A"}, idempotency_key="k"
        )
    with pytest.raises(ValidationError):
        request(agency, subject, key="")
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_issuing_twice_has_the_effect_of_issuing_once(agency, subject, documents_root):
    document = make_document(agency, subject)

    issue_document.apply(args=[str(document.pk)]).get()
    document.refresh_from_db()
    first = (document.sha256, document.issued_at, document.file.name, read_pdf(document))
    issue_document.apply(args=[str(document.pk)]).get()
    document.refresh_from_db()

    assert (document.sha256, document.issued_at, document.file.name, read_pdf(document)) == first
    assert [path.name for path in documents_root.rglob("*.pdf")] == [f"{document.pk}.pdf"]


@pytest.mark.django_db
def test_a_file_left_by_a_rolled_back_attempt_is_replaced_not_duplicated(agency, subject, documents_root):
    document = make_document(agency, subject)
    name = document.file.field.generate_filename(document, "x.pdf")
    document.file.storage.save(name, __import__("io").BytesIO(b"%PDF-1.7 half written"))

    services.render_and_sign(document.pk)

    assert [path.name for path in documents_root.rglob("*.pdf")] == [f"{document.pk}.pdf"]
    document.refresh_from_db()
    assert read_pdf(document) != b"%PDF-1.7 half written"


def test_task_is_routed_and_configured_for_safe_retries():
    assert issue_document.queue == "documents"
    assert issue_document.acks_late is True
    assert issue_document.reject_on_worker_lost is True
    assert issue_document.autoretry_for == (Exception,)
    assert issue_document.retry_backoff and issue_document.retry_jitter
    assert issue_document.max_retries >= 3
    assert issue_document.time_limit and issue_document.soft_time_limit < issue_document.time_limit


def test_task_message_goes_to_the_documents_queue():
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with mock.patch.object(app, "send_task") as send_task:
            issue_document.delay("3f0b0c1e-0000-0000-0000-000000000000")
    finally:
        app.conf.task_always_eager = eager

    assert send_task.call_args.kwargs["queue"] == "documents"


class BrokenSigner:
    def sign(self, pdf_bytes, *, agency):
        raise SigningError("the signing service is down")


@pytest.mark.django_db
def test_a_signing_failure_issues_nothing_and_the_given_up_task_marks_the_document_failed(
    settings, agency, subject, documents_root
):
    settings.DOCUMENT_SIGNER = "tests.documents.test_services.BrokenSigner"
    document = make_document(agency, subject)

    with pytest.raises(SigningError):
        services.render_and_sign(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.PENDING
    assert not document.sha256 and not document.file
    assert not list(documents_root.rglob("*.pdf"))

    issue_document.on_failure(SigningError("down"), "task-id", (str(document.pk),), {}, None)
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "down" in document.error


@pytest.mark.django_db
def test_requesting_a_failed_document_again_retries_it(agency, subject, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        document = request(agency, subject)
    services.mark_failed(document.pk, "SigningError: down")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = request(agency, subject)

    assert again.pk == document.pk and len(callbacks) == 1
    again.refresh_from_db()
    assert again.status == DocumentStatus.ISSUED and again.error == ""


@pytest.mark.django_db
def test_stale_pending_documents_are_sent_again(agency, subject):
    from datetime import timedelta

    from django.utils import timezone

    from documents.tasks import reschedule_stale_documents

    stale = make_document(agency, subject)
    fresh = make_document(agency, subject)
    Document.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(hours=1))

    with mock.patch.object(issue_document, "delay") as delay:
        assert reschedule_stale_documents() == 1

    delay.assert_called_once_with(str(stale.pk))
    assert fresh.status == DocumentStatus.PENDING


@pytest.mark.django_db(transaction=True)
def test_a_broker_outage_after_commit_does_not_break_the_callers_transaction(agency, subject):
    with (
        mock.patch.object(issue_document, "delay", side_effect=ConnectionError("broker down")) as delay,
        transaction.atomic(),
    ):
        document = request(agency, subject)

    delay.assert_called_once()
    document.refresh_from_db()
    assert document.status == DocumentStatus.PENDING  # sent again by reschedule_stale_documents
