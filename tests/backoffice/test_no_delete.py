"""Nothing filed is deleted (issue #16 item 4): not from the admin, not through the ORM, not with SQL.

Closed records are archived a grace period after closing and kept for their procedure's retention period.
"""

import datetime
import uuid

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory
from django.utils import timezone

from documents.constants import DocumentKind, DocumentStatus
from documents.models import Document
from notifications.models import Message
from payments.constants import PaymentState
from payments.models import Exemption, Payment, Refund
from records.archive import archive_closed_records
from records.constants import RecordState
from records.models import Attachment, FiledRecordDeletion, Record, RecordEvent, ResultDocument
from tests.records import files

from .conftest import advance, submitted_record

pytestmark = pytest.mark.django_db

# Every admin model that holds what a filed record is made of, or what was issued, paid or told for it.
PROTECTED_ADMIN_MODELS = [Record, Document, Payment, Refund, Exemption, Message]


@pytest.fixture
def closed(record, staff):
    """A record taken through the whole workflow: events, an attachment, a result; plus a paid fee and a slip."""
    record = advance(record, staff, "result_returned")
    Attachment.objects.create(
        record=record,
        file=f"records/{record.pk}/scan",
        original_name="giay-to-quet.pdf",
        content_type="application/pdf",
        size=100,
        sha256="0" * 64,
        uploaded_by=staff["receiver"],
    )
    document = Document.objects.create(
        kind=DocumentKind.RECEIPT_APPOINTMENT,
        agency=record.agency,
        content_type=ContentType.objects.get_for_model(Record),
        object_id=str(record.pk),
        idempotency_key=uuid.uuid4().hex,
        status=DocumentStatus.ISSUED,
        issued_at=timezone.now(),
    )
    payment = Payment.objects.create(
        reference=f"DVCTEST{uuid.uuid4().hex[:10].upper()}",
        idempotency_key=uuid.uuid4().hex,
        record=record,
        provider="paygov",
        amount=10_000,
        description="Phí, lệ phí",
        payer_name=record.applicant_name,
        created_by=record.applicant,
        state=PaymentState.PAID,
    )
    assert record.events.exists() and record.attachments.exists() and record.results.exists()
    return {"record": record, "document": document, "payment": payment}


def _superuser_request(admin_client):
    from identity.models import User

    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(username="quantri")
    return request


def test_every_protected_admin_model_refuses_delete_and_has_no_bulk_delete(admin_client):
    request = _superuser_request(admin_client)
    for model in PROTECTED_ADMIN_MODELS:
        model_admin = admin.site._registry.get(model)
        assert model_admin is not None, f"{model.__name__} is not in the admin"
        assert not model_admin.has_delete_permission(request), model.__name__
        assert "delete_selected" not in model_admin.get_actions(request), model.__name__


def test_admin_delete_view_and_bulk_action_are_refused(closed, admin_client):
    rows = [(Record, closed["record"].pk), (Document, closed["document"].pk), (Payment, closed["payment"].pk)]
    for model, pk in rows:
        opts = model._meta
        url = f"/admin/{opts.app_label}/{opts.model_name}/"
        assert admin_client.get(f"{url}{pk}/delete/").status_code == 403
        assert admin_client.post(f"{url}{pk}/delete/", {"post": "yes"}).status_code == 403
        listing = admin_client.get(url)
        assert listing.status_code == 200
        assert "Xóa các" not in listing.content.decode()  # no "Xóa các hồ sơ đã chọn" in the actions
        admin_client.post(url, {"action": "delete_selected", "_selected_action": [str(pk)], "post": "yes"})
        assert model.objects.filter(pk=pk).exists(), model.__name__


def test_the_admin_shows_a_filed_record_read_only_with_its_history_files_and_results(closed, admin_client):
    record = closed["record"]
    page = admin_client.get(f"/admin/records/record/{record.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert record.code in html
    assert 'name="state"' not in html and "deletelink" not in html
    assert "giay-to-quet.pdf" in html
    assert record.results.first().original_name in html


def test_the_orm_refuses_to_delete_a_filed_record(closed):
    record = closed["record"]
    with pytest.raises(FiledRecordDeletion, match="never deleted"):
        Record.objects.filter(pk=record.pk).delete()
    with pytest.raises(FiledRecordDeletion):
        record.delete()
    assert Record.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize(
    "table, key",
    [
        ("records_record", "record"),
        ("records_recordevent", "event"),
        ("records_attachment", "attachment"),
        ("records_resultdocument", "result"),
        ("documents_document", "document"),
        ("payments_payment", "payment"),
    ],
)
def test_the_database_refuses_a_delete_whoever_asks(closed, table, key):
    record = closed["record"]
    pk = {
        "record": record.pk,
        "event": RecordEvent.objects.filter(record=record).first().pk,
        "attachment": Attachment.objects.filter(record=record).first().pk,
        "result": ResultDocument.objects.filter(record=record).first().pk,
        "document": closed["document"].pk,
        "payment": closed["payment"].pk,
    }[key]
    with pytest.raises(IntegrityError, match="never deleted"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [pk])  # noqa: S608 (names from the list above)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE id = %s", [pk])  # noqa: S608
        assert cursor.fetchone()[0] == 1


def test_the_orm_cascade_from_a_raw_queryset_is_refused_too(closed):
    """Even past the queryset's own check (``_raw_delete``, as a careless script might), the rows stay."""
    record = closed["record"]
    with pytest.raises(IntegrityError), transaction.atomic():
        RecordEvent.objects.filter(record=record)._raw_delete(RecordEvent.objects.db)
    assert record.events.count() > 0


def test_a_draft_with_its_files_is_still_discarded(citizen, family):
    from records import services
    from tests.records.test_records import filled_draft

    draft = filled_draft(citizen, family["father"], "dang-ky-thuong-tru")
    component = draft.procedure_version.components.first()
    services.attach(draft, component, files.pdf("cccd.pdf"), by=citizen)
    assert draft.attachments.exists()
    services.discard_draft([draft], None, actor=citizen)
    assert not Record.objects.filter(pk=draft.pk).exists()
    assert not Attachment.objects.filter(record_id=draft.pk).exists()


def test_closed_records_are_archived_after_the_grace_period_and_kept_for_their_retention(
    settings, closed, citizen, family, staff
):
    settings.RECORD_ARCHIVE_GRACE_DAYS = 30
    record = closed["record"]
    version = record.procedure_version
    type(version).objects.filter(pk=version.pk).update(retention_years=20)
    closed_on = timezone.now() - datetime.timedelta(days=45)
    Record.objects.filter(pk=record.pk).update(completed_at=closed_on)
    still_open = advance(submitted_record(citizen, family["mother"]), staff, "in_processing")
    just_closed = advance(submitted_record(citizen, family["father"]), staff, "rejected")

    assert archive_closed_records() == 1
    record.refresh_from_db()
    assert record.archived_at is not None and record.state == RecordState.RESULT_RETURNED
    local = timezone.localdate(closed_on)
    assert record.retain_until == local.replace(year=local.year + 20)
    for other in (still_open, just_closed):
        other.refresh_from_db()
        assert other.archived_at is None
    assert archive_closed_records() == 0  # once
    with pytest.raises(FiledRecordDeletion):
        Record.objects.filter(pk=record.pk).delete()  # archived, still never deleted
