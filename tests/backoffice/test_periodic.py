"""The daily overdue scan, reminders to officers, integrated records moving together, the signal contract."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from eservices.models import BundleMember
from records import deadlines, services, signals, tasks
from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent

from .conftest import advance

pytestmark = pytest.mark.django_db


def test_the_overdue_scan_marks_each_late_record_once(record, staff, django_capture_on_commit_callbacks):
    record = advance(record, staff, "in_processing")
    Record.objects.filter(pk=record.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=1))
    heard = []

    def receiver(sender, record, event, action, **kwargs):
        heard.append(action)

    signals.record_transitioned.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.scan_overdue() == 1
            assert tasks.scan_overdue() == 0
    finally:
        signals.record_transitioned.disconnect(receiver)
    assert heard == [A.OVERDUE]
    record.refresh_from_db()
    assert record.overdue_since == timezone.localdate() and record.is_overdue()
    event = record.events.get(action=A.OVERDUE)
    assert event.actor is None and event.role == "system" and event.from_state == event.to_state == S.IN_PROCESSING


def test_a_record_waiting_for_a_supplement_is_not_overdue(record, staff):
    record = advance(record, staff, "supplement_requested")
    Record.objects.filter(pk=record.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=5))
    assert services.scan_overdue() == 0


def test_reminders_two_working_days_before_the_due_date(record, staff):
    record = advance(record, staff, "in_processing")
    today = timezone.localdate()
    Record.objects.filter(pk=record.pk).update(due_date=deadlines.add_working_days(today, 2))
    assert services.send_reminders(today) == 1
    assert services.send_reminders(today) == 0
    event = RecordEvent.objects.get(record=record, action=A.REMINDER)
    assert event.data["officer"] == staff["processor"].pk
    Record.objects.filter(pk=record.pk).update(due_date=deadlines.add_working_days(today, 5))
    assert services.send_reminders(today) == 0


def test_the_beat_schedule_runs_both_scans():
    tasks_scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"records.tasks.scan_overdue", "records.tasks.send_reminders"} <= tasks_scheduled


def test_integrated_records_marked_to_move_with_the_first_follow_it(client, citizen, family, staff):
    from tests.records.test_records import test_integrated_filing_creates_linked_records_at_their_own_agencies

    test_integrated_filing_creates_linked_records_at_their_own_agencies(client, citizen, family)
    first, *linked = Record.objects.filter(group__isnull=False).order_by("created_at")
    BundleMember.objects.filter(bundle=first.group.bundle).exclude(service=first.service).update(moves_with_first=True)
    from identity.constants import StaffRole
    from identity.services import grant_role

    grant_role(staff["receiver"], first.agency, StaffRole.RECEIVER)
    services.act(first, A.RECEIVE, actor=staff["receiver"])
    for record in Record.objects.filter(pk__in=[r.pk for r in linked]):
        assert record.state == S.RECEIVED and record.due_date is not None
        event = record.events.get(action=A.RECEIVE)
        assert event.data["moved_with"] == first.code and event.actor == staff["receiver"]
    assert Record.objects.get(pk=first.pk).state == S.RECEIVED
