"""A record's transitions reach the citizen (inbox, e-mail, SMS) and officers, once, with their slip."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from documents.constants import DocumentKind, DocumentStatus
from documents.models import Document
from identity.constants import StaffRole
from notifications import services
from notifications.constants import Channel, DeliveryStatus, Event
from notifications.models import Delivery, Message
from notifications.receivers import on_record_changed
from records import services as records
from records.constants import RecordState
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent
from records.signals import record_changed
from records.workflow import CITIZEN

from .conftest import act, officer

pytestmark = pytest.mark.django_db


def submit_and_receive(draft, citizen, staff, capture):
    with capture(execute=True):
        record = records.submit(draft, actor=citizen)
    mail.outbox.clear()
    with capture(execute=True):
        record = act(
            record,
            A.RECEIVE,
            staff["receiver"],
            StaffRole.RECEIVER,
            received_at=timezone.now(),
            due_date=timezone.localdate() + datetime.timedelta(days=7),
        )
    return record


def test_received_record_reaches_inbox_email_and_sms_and_issues_the_signed_slip(
    draft, citizen, family, staff, sms, django_capture_on_commit_callbacks
):
    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)

    message = Message.objects.get(recipient=citizen, event=Event.RECORD_RECEIVED)
    assert message.subject == f"Hồ sơ {record.code} đã được tiếp nhận"
    assert "Lê Văn Bố" in message.body and record.code in message.body
    assert message.url == record.get_absolute_url()
    assert message.related == record

    deliveries = {d.channel: d for d in message.deliveries.all()}
    assert set(deliveries) == {Channel.INBOX, Channel.EMAIL, Channel.SMS}
    assert all(d.status == DeliveryStatus.SENT and d.attempts == 1 for d in deliveries.values())
    assert deliveries[Channel.EMAIL].address == family["father"].email
    assert deliveries[Channel.SMS].address == family["father"].phone

    assert [m.to for m in mail.outbox] == [[family["father"].email]]
    assert mail.outbox[0].subject == message.subject
    assert sms[-1] == {"to": family["father"].phone, "text": message.subject}

    slip = Document.objects.get(object_id=str(record.pk), kind=DocumentKind.RECEIPT_APPOINTMENT)
    assert slip.status == DocumentStatus.ISSUED and len(slip.sha256) == 64
    assert slip.context["record_code"] == record.code
    due = timezone.localdate() + datetime.timedelta(days=7)
    assert slip.context["appointment_at"] == f"{due.isoformat()}T14:00:00+07:00"  # an office time, never 00:00


def test_submission_tells_the_agencys_receivers_not_other_officers(
    draft, citizen, staff, django_capture_on_commit_callbacks
):
    elsewhere = officer("noikhac", draft.agency.parent or draft.agency, StaffRole.PROCESSOR)
    with django_capture_on_commit_callbacks(execute=True):
        record = records.submit(draft, actor=citizen)

    new_record = Message.objects.filter(event=Event.OFFICER_NEW_RECORD)
    assert list(new_record.values_list("recipient__username", flat=True)) == ["tiepnhan"]
    assert new_record.get().subject == f"Hồ sơ mới {record.code} chờ tiếp nhận"
    assert not Message.objects.filter(recipient=elsewhere).exists()
    # Officers are reached by e-mail and the inbox, never SMS.
    assert set(new_record.get().deliveries.values_list("channel", flat=True)) == {Channel.INBOX, Channel.EMAIL}
    assert Message.objects.get(recipient=citizen).event == Event.RECORD_SUBMITTED


def test_every_step_of_a_record_reaches_the_citizen_with_its_slip(
    draft, citizen, staff, sms, django_capture_on_commit_callbacks
):
    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)
    steps = [
        (A.START_PROCESSING, "processor", StaffRole.PROCESSOR, {}),
        (A.REQUEST_SUPPLEMENT, "processor", StaffRole.PROCESSOR, {"reason": "Thiếu bản sao sổ hộ khẩu"}),
        (A.SUPPLEMENT, None, CITIZEN, {}),
        (A.APPROVE, "approver", StaffRole.APPROVER, {}),
        (A.RETURN_RESULT, "receiver", StaffRole.RECEIVER, {}),
    ]
    for action, who, role, kwargs in steps:
        with django_capture_on_commit_callbacks(execute=True):
            if action == A.APPROVE and hasattr(records, "generate_result"):
                # The back-office asks documents for the result certificate before approving.
                records.generate_result(record, actor=staff["processor"])
            record = act(record, action, staff[who] if who else citizen, role, **kwargs)

    events = list(
        Message.objects.filter(recipient=citizen).order_by("created_at", "id").values_list("event", flat=True)
    )
    assert events == [
        Event.RECORD_SUBMITTED,
        Event.RECORD_RECEIVED,
        Event.SUPPLEMENT_REQUESTED,
        Event.RESULT_RETURNED,  # approval is no news of its own when the result is returned right after
        Event.RATING_INVITED,  # then, once, the invitation to rate the service (feedback.receivers)
    ]
    supplement = Message.objects.get(recipient=citizen, event=Event.SUPPLEMENT_REQUESTED)
    assert "Thiếu bản sao sổ hộ khẩu" in supplement.body
    issued = Document.objects.filter(object_id=str(record.pk)).exclude(context__has_key="draft")
    kinds = sorted(issued.values_list("kind", flat=True))
    # Approving and returning the result issue one signed certificate between them (besides the unsigned draft).
    assert kinds == sorted(
        [DocumentKind.RECEIPT_APPOINTMENT, DocumentKind.SUPPLEMENT_REQUEST, DocumentKind.RESULT_CERTIFICATE]
    )
    # The citizen's own supplement tells the receivers, not the citizen.
    assert Message.objects.filter(event=Event.OFFICER_NEW_RECORD, recipient=staff["receiver"]).count() == 2


def test_refusal_notifies_with_the_reason_and_issues_the_refusal_slip(
    draft, citizen, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = records.submit(draft, actor=citizen)
        record = act(record, A.REFUSE, staff["receiver"], StaffRole.RECEIVER, reason="Không thuộc thẩm quyền")

    message = Message.objects.get(recipient=citizen, event=Event.RECORD_REFUSED)
    assert "Lý do: Không thuộc thẩm quyền" in message.body
    refusal = Document.objects.get(object_id=str(record.pk), kind=DocumentKind.REFUSAL)
    assert refusal.context["reason"] == "Không thuộc thẩm quyền" and refusal.is_issued


def _non_state_event(record, action, **fields):
    """Overdue scans, reminders and apologies append events without changing state; records sends the signal."""
    with transaction.atomic():
        event = RecordEvent.objects.create(record=record, action=action, **fields)
        record_changed.send(sender=type(record), record=record, event=event, action=action)
    return event


def test_apology_carries_the_new_appointment_date_in_message_and_letter(
    draft, citizen, staff, django_capture_on_commit_callbacks
):
    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        _non_state_event(
            record,
            A.APOLOGISE,
            actor=staff["receiver"],
            reason="Cần xác minh thêm với Công an xã",
            data={"new_appointment": "2026-04-03"},
        )

    message = Message.objects.get(recipient=citizen, event=Event.OVERDUE_APOLOGY)
    assert message.subject == f"Xin lỗi: hồ sơ {record.code} trễ hẹn, hẹn lại ngày 03 tháng 4 năm 2026"
    letter = Document.objects.get(object_id=str(record.pk), kind=DocumentKind.APOLOGY)
    assert letter.is_issued and letter.context["new_appointment_at"] == "2026-04-03T14:00:00+07:00"
    assert letter.context["reason"] == "Cần xác minh thêm với Công an xã"


def test_a_reminder_goes_to_the_officer_it_names_and_overdue_to_processors_and_head(
    draft, citizen, staff, django_capture_on_commit_callbacks
):
    head = officer("thutruong", draft.agency, StaffRole.AGENCY_HEAD)
    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        _non_state_event(record, A.REMINDER, data={"officer": staff["approver"].pk, "note": "Còn 1 ngày"})
        _non_state_event(record, A.OVERDUE)

    reminder = Message.objects.get(event=Event.OFFICER_REMINDER)
    assert reminder.recipient == staff["approver"] and "Còn 1 ngày" in reminder.body
    overdue = set(Message.objects.filter(event=Event.OFFICER_OVERDUE).values_list("recipient", flat=True))
    assert overdue == {staff["processor"].pk, head.pk}


def test_the_same_event_delivered_twice_notifies_once(draft, citizen, staff, django_capture_on_commit_callbacks):
    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)
    event = record.events.get(action=A.RECEIVE)
    with django_capture_on_commit_callbacks(execute=True):
        on_record_changed(type(record), record=record, event=event, action=A.RECEIVE)
        on_record_changed(type(record), record=record, event=event, action=A.RECEIVE)

    assert Message.objects.filter(recipient=citizen, event=Event.RECORD_RECEIVED).count() == 1
    assert Delivery.objects.filter(message__event=Event.RECORD_RECEIVED, channel=Channel.EMAIL).count() == 1
    assert len(mail.outbox) == 1  # the citizen's, sent when the record was received
    assert Document.objects.filter(kind=DocumentKind.RECEIPT_APPOINTMENT).count() == 1


def test_a_rolled_back_transition_notifies_nobody(draft, citizen, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = records.submit(draft, actor=citizen)
    before = Message.objects.count()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        act(record, A.RECEIVE, staff["receiver"], StaffRole.RECEIVER, received_at=timezone.now())
        raise RuntimeError("the officer's request failed afterwards")

    assert callbacks == []
    assert Message.objects.count() == before
    assert not Document.objects.filter(kind=DocumentKind.RECEIPT_APPOINTMENT).exists()


def test_preferences_choose_email_and_sms_and_the_inbox_always_receives(
    draft, citizen, staff, sms, django_capture_on_commit_callbacks
):
    services.save_preference(citizen, email_enabled=False, sms_enabled=False, language="en")
    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)

    message = Message.objects.get(recipient=citizen, event=Event.RECORD_RECEIVED)
    assert list(message.deliveries.values_list("channel", flat=True)) == [Channel.INBOX]
    assert message.language == "en" and message.subject == f"Record {record.code} has been accepted"
    assert mail.outbox == [] and sms == []


def test_with_the_broker_down_the_filing_goes_through_and_the_sweep_delivers_every_notice_once(
    draft, citizen, staff, monkeypatch, django_capture_on_commit_callbacks
):
    """Relaying to the worker fails (Redis unreachable): the filing is not refused, its notices wait as outbox rows
    and the next sweep delivers each of them once."""
    from kombu.exceptions import OperationalError

    from outbox import tasks as outbox_tasks
    from outbox.models import Entry, EntryStatus
    from outbox.services import sweep

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with monkeypatch.context() as patched:
        patched.setattr(outbox_tasks.run, "apply_async", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            record = records.submit(draft, actor=citizen)
    assert Record.objects.get(pk=record.pk).state == RecordState.SUBMITTED
    assert not Message.objects.filter(object_id=str(record.pk)).exists()  # nothing reached anyone yet
    pending = Entry.objects.filter(status=EntryStatus.PENDING, key__startswith="notifications:")
    assert pending.count() == 2  # the citizen and the receiver, one row each

    with django_capture_on_commit_callbacks(execute=True):
        sweep()
    with django_capture_on_commit_callbacks(execute=True):
        sweep()  # a second sweep finds nothing left to send
    assert Message.objects.get(recipient=citizen, event=Event.RECORD_SUBMITTED).object_id == str(record.pk)
    assert Message.objects.filter(recipient=staff["receiver"], event=Event.OFFICER_NEW_RECORD).count() == 1
    assert not pending.exists()


def test_a_late_reminder_tells_the_state_of_its_time_not_of_now(
    draft, citizen, staff, django_capture_on_commit_callbacks
):
    """The worker may run after the record moved on: the reminder names the state it was sent in."""
    from notifications.tasks import notify_record_event
    from records.workflow import SYSTEM

    record = submit_and_receive(draft, citizen, staff, django_capture_on_commit_callbacks)
    record = records.record_event(record, A.REMINDER, actor=None, role=SYSTEM, data={"officer": staff["processor"].pk})
    reminder = record.events.get(action=A.REMINDER)
    record = act(record, A.START_PROCESSING, staff["processor"], StaffRole.PROCESSOR)

    assert notify_record_event(reminder.pk) == 1  # the worker, late
    body = Message.objects.get(recipient=staff["processor"], event=Event.OFFICER_REMINDER).body
    assert f"“{reminder.get_to_state_display()}”" in body
    assert f"“{record.get_state_display()}”" not in body
