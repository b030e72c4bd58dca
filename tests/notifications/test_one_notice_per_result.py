"""One result, one notice: approving a record and returning its result seconds later used to send the citizen
two near-identical messages (and two SMS), "đã có kết quả" then "Đã trả kết quả". The citizen hears of the
result when it is returned; of the approval only when the result waits for something they must do (a fee)."""

import pytest

from identity.constants import StaffRole
from notifications.constants import Event
from notifications.models import Message
from records import services as records
from records import workflow
from records.constants import WorkflowAction as A

from .conftest import act
from .test_record_events import submit_and_receive

pytestmark = pytest.mark.django_db


def _to_approval(record, staff, capture):
    with capture(execute=True):
        record = act(record, A.START_PROCESSING, staff["processor"], StaffRole.PROCESSOR)
    with capture(execute=True):
        if hasattr(records, "generate_result"):
            records.generate_result(record, actor=staff["processor"])
        return act(record, A.APPROVE, staff["approver"], StaffRole.APPROVER)


def test_approving_then_returning_the_result_tells_the_citizen_once(
    draft, citizen, family, staff, sms, django_capture_on_commit_callbacks
):
    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)
    sms.clear()
    record = _to_approval(record, staff, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        act(record, A.RETURN_RESULT, staff["receiver"], StaffRole.RECEIVER)

    about_result = Message.objects.filter(recipient=citizen, event__in=[Event.RECORD_APPROVED, Event.RESULT_RETURNED])
    assert list(about_result.values_list("event", flat=True)) == [Event.RESULT_RETURNED]
    assert [text["text"] for text in sms if text["to"] == family["father"].phone] == [about_result.get().subject]


def test_a_result_waiting_for_the_citizen_tells_them_at_approval(
    draft, citizen, staff, sms, monkeypatch, django_capture_on_commit_callbacks
):
    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)
    monkeypatch.setattr(workflow, "GUARDS", {A.RETURN_RESULT: [lambda record: "Chưa nộp lệ phí"]})
    _to_approval(record, staff, django_capture_on_commit_callbacks)

    approved = Message.objects.get(recipient=citizen, event=Event.RECORD_APPROVED)
    assert record.code in approved.subject
    assert "phí" in approved.body  # says what the result waits for
