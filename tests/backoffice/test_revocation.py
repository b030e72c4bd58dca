"""A signed result issued in error is revoked by the approver with a reason: the verify page then says "đã thu hồi"
with the date and the reason, and the citizen is told (issue #16 item 3)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from documents import results
from documents.models import Document
from notifications.constants import Event
from notifications.models import Message
from records import services, workflow
from records.constants import WorkflowAction as A

from .conftest import advance

pytestmark = pytest.mark.django_db

REASON = "Ghi sai họ tên người được cấp"


@pytest.fixture
def revocation_guard(monkeypatch):
    """The back-office tests run records' own rules only; this one needs documents' (a signed result to revoke)."""
    monkeypatch.setattr(workflow, "GUARDS", {A.REVOKE_RESULT: [results.revocation_guard]})


def test_the_approver_revokes_a_result_issued_in_error(
    record, staff, client, revocation_guard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = advance(record, staff, "result_returned")
    (signed,) = Document.objects.filter(object_id=str(record.pk), kind="result_document")
    assert 'data-state="authentic"' in client.get(signed.get_absolute_url()).content.decode()

    with pytest.raises(PermissionDenied):
        services.act(record, A.REVOKE_RESULT, actor=staff["processor"], reason=REASON)
    with pytest.raises(ValidationError, match="lý do"):
        services.act(record, A.REVOKE_RESULT, actor=staff["approver"], reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.act(record, A.REVOKE_RESULT, actor=staff["approver"], reason=REASON)

    page = client.get(signed.get_absolute_url()).content.decode()
    assert 'data-state="revoked"' in page
    assert f"Văn bản đã thu hồi ngày {timezone.localdate():%d/%m/%Y}." in page
    assert REASON in page
    told = Message.objects.get(recipient=record.applicant, event=Event.RESULT_REVOKED)
    assert record.code in told.subject and "thu hồi" in told.subject
    assert REASON in told.body
    # Revoked once: nothing signed is left to revoke.
    with pytest.raises(ValidationError, match="chưa có kết quả đã ký số"):
        services.act(record, A.REVOKE_RESULT, actor=staff["approver"], reason=REASON)


def test_a_record_without_a_signed_result_has_nothing_to_revoke(record, staff, revocation_guard):
    record = advance(record, staff, "in_processing")
    services.generate_result(record, actor=staff["processor"])  # a draft is not a signed result
    with pytest.raises(ValidationError):
        services.act(record, A.REVOKE_RESULT, actor=staff["approver"], reason=REASON)
