"""Due dates in working days: weekends, Vietnamese holidays, declared days off, and the supplement pause."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from records import deadlines, services
from records.constants import RecordState
from records.constants import WorkflowAction as A
from records.models import DayOff, Record

D = datetime.date


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        (D(2026, 3, 6), 1, D(2026, 3, 9)),  # Friday → Monday
        (D(2026, 3, 7), 1, D(2026, 3, 9)),  # received on Saturday: the clock starts on Monday
        (D(2026, 3, 2), 5, D(2026, 3, 9)),  # a full week
        (D(2026, 2, 13), 3, D(2026, 2, 25)),  # Tết Bính Ngọ: 16–20 Feb 2026 off
        (D(2026, 2, 12), 1, D(2026, 2, 13)),
        (D(2027, 2, 3), 2, D(2027, 2, 12)),  # Tết Đinh Mùi: 4–10 Feb 2027 off
        (D(2026, 4, 29), 1, D(2026, 5, 4)),  # 30 April and 1 May 2026 (Thursday, Friday)
        (D(2027, 4, 29), 1, D(2027, 5, 4)),  # 30 April 2027, 1 May on Saturday observed Monday 3 May
        (D(2026, 8, 28), 2, D(2026, 9, 4)),  # 31 Aug (substituted), 1–2 September 2026
        (D(2027, 9, 1), 1, D(2027, 9, 6)),  # 2–3 September 2027
        (D(2026, 3, 2), 0, D(2026, 3, 2)),
    ],
)
def test_due_dates_skip_weekends_and_public_holidays(received, days, due):
    assert deadlines.due_date(received, days, days_off=set()) == due


@pytest.mark.django_db
def test_days_off_declared_by_an_administrator_do_not_count():
    DayOff.objects.create(date=D(2026, 3, 9), note="Nghỉ bù")
    assert deadlines.due_date(D(2026, 3, 6), 1) == D(2026, 3, 10)


def test_the_supplement_pause_gives_the_waiting_days_back():
    # Due Friday 13 March; asked for a supplement on Monday 9, supplemented Wednesday 11: two working days back.
    due, paused = deadlines.resume_after_pause(D(2026, 3, 13), D(2026, 3, 9), D(2026, 3, 11), set())
    assert (due, paused) == (D(2026, 3, 17), 2)
    # Supplemented the same day: nothing to give back.
    assert deadlines.resume_after_pause(D(2026, 3, 13), D(2026, 3, 9), D(2026, 3, 9), set()) == (D(2026, 3, 13), 0)
    # A pause across Tết counts working days only.
    assert deadlines.resume_after_pause(D(2026, 2, 24), D(2026, 2, 13), D(2026, 2, 23), set()) == (D(2026, 2, 25), 1)


@pytest.mark.django_db
def test_receipt_sets_the_due_date_and_supplementing_moves_it(record, staff, citizen):
    services.act(record, A.RECEIVE, actor=staff["receiver"])
    record.refresh_from_db()
    today = timezone.localdate()
    start = max(today, deadlines.filing_day(record.submitted_at, record.agency))  # filed after hours: next day
    assert record.due_date == deadlines.due_date(start, record.procedure_version.processing_days)
    assert record.expected_result_date == record.due_date and record.received_at is not None
    services.act(record, A.START_PROCESSING, actor=staff["processor"])
    services.act(record, A.REQUEST_SUPPLEMENT, actor=staff["processor"], reason="Thiếu bản sao sổ hộ khẩu")
    # The citizen took a week and a half to come back.
    asked = timezone.now() - datetime.timedelta(days=10)
    Record.objects.filter(pk=record.pk).update(supplement_requested_at=asked)
    due_before = record.due_date
    services.supplement(record, actor=citizen)
    record.refresh_from_db()
    paused = deadlines.working_days_between(timezone.localdate(asked), today, set())
    assert paused >= 6
    assert record.state == RecordState.IN_PROCESSING
    assert record.paused_working_days == paused
    assert record.due_date == deadlines.add_working_days(due_before, paused, set())
    event = record.events.get(action=A.SUPPLEMENT)
    assert event.data == {"paused_working_days": paused, "due_date": record.due_date.isoformat()}


days_ = st.dates(min_value=D(2024, 1, 1), max_value=D(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(start=days_, n=st.integers(min_value=1, max_value=80))
def test_the_due_date_is_always_a_working_day_n_working_days_later(start, n):
    due = deadlines.due_date(start, n, days_off=set())
    assert deadlines.is_working_day(due)
    assert deadlines.working_days_between(start, due, set()) == n


@settings(max_examples=300, deadline=None)
@given(start=days_, n=st.integers(min_value=0, max_value=80), more=st.integers(min_value=0, max_value=20))
def test_the_due_date_never_decreases_when_processing_time_grows(start, n, more):
    assert deadlines.due_date(start, n + more, days_off=set()) >= deadlines.due_date(start, n, days_off=set())


@settings(max_examples=200, deadline=None)
@given(
    start=days_,
    n=st.integers(min_value=1, max_value=40),
    off=st.sets(st.integers(min_value=0, max_value=90), max_size=10),
)
def test_declared_days_off_never_hold_a_due_date(start, n, off):
    days_off = {start + datetime.timedelta(days=k) for k in off}
    due = deadlines.due_date(start, n, days_off=days_off)
    assert due not in days_off and deadlines.is_working_day(due, days_off)


@settings(max_examples=200, deadline=None)
@given(due=days_, asked=days_, waited=st.integers(min_value=0, max_value=60))
def test_a_pause_never_brings_the_due_date_forward(due, asked, waited):
    new_due, paused = deadlines.resume_after_pause(due, asked, asked + datetime.timedelta(days=waited), set())
    assert new_due >= due and paused <= waited
