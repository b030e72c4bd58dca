"""Time that reads right (issue #16 item 7): an online filing outside office hours counts from the next working
day (Tết included), an agency may set its own cut-off, and slips promise results at an office time."""

import datetime

import pytest
from django.utils import timezone

from documents.templatetags.documents_pdf import vn_datetime
from records import deadlines, services
from records.constants import WorkflowAction as A
from records.models import Record

from .conftest import submitted_record

D = datetime.date


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class Cutoff:
    def __init__(self, time):
        self.online_cutoff = time


@pytest.mark.parametrize(
    "moment, counts_from",
    [
        (at(D(2026, 3, 3), 10), D(2026, 3, 3)),  # Tuesday morning: that day
        (at(D(2026, 3, 3), 6, 45), D(2026, 3, 3)),  # before the office opens: still that working day
        (at(D(2026, 3, 3), 16, 59), D(2026, 3, 3)),
        (at(D(2026, 3, 3), 17, 0), D(2026, 3, 4)),  # at closing time: the next working day
        (at(D(2026, 3, 3), 22, 30), D(2026, 3, 4)),
        (at(D(2026, 3, 6), 20), D(2026, 3, 9)),  # Friday night: Monday
        (at(D(2026, 3, 7), 10), D(2026, 3, 9)),  # Saturday: Monday
        (at(D(2026, 2, 13), 17, 30), D(2026, 2, 23)),  # Friday before Tết 2026 (16–20 Feb): the Monday after
        (at(D(2026, 2, 18), 9), D(2026, 2, 23)),  # during Tết
        (at(D(2026, 4, 29), 18), D(2026, 5, 4)),  # eve of 30 April and 1 May
    ],
)
def test_an_online_filing_counts_from_the_next_working_day_outside_office_hours(moment, counts_from):
    assert deadlines.filing_day(moment, days_off=set()) == counts_from


def test_an_agency_sets_its_own_cut_off():
    early = Cutoff(datetime.time(15, 30))
    assert deadlines.filing_day(at(D(2026, 3, 3), 15, 29), early, days_off=set()) == D(2026, 3, 3)
    assert deadlines.filing_day(at(D(2026, 3, 3), 16), early, days_off=set()) == D(2026, 3, 4)
    assert deadlines.filing_day(at(D(2026, 3, 3), 16), None, days_off=set()) == D(2026, 3, 3)


def test_declared_days_off_count_as_closed():
    assert deadlines.filing_day(at(D(2026, 3, 5), 21), days_off={D(2026, 3, 6)}) == D(2026, 3, 9)


@pytest.mark.django_db
def test_a_filing_on_the_evening_before_tet_is_promised_from_the_first_working_day_after_it(
    monkeypatch, citizen, family
):
    evening = at(D(2026, 2, 13), 20, 15)
    monkeypatch.setattr(timezone, "now", lambda: evening)
    record = submitted_record(citizen, family["father"])
    days = record.procedure_version.processing_days
    assert timezone.localdate(record.submitted_at) == D(2026, 2, 13)
    # Counted from Monday 23 February, the first working day after Tết, not from the Friday evening.
    assert record.expected_result_date == deadlines.due_date(D(2026, 2, 23), days, set())
    assert record.expected_result_date > deadlines.due_date(D(2026, 2, 13), days, set())


@pytest.mark.django_db
def test_receiving_a_night_filing_that_night_still_counts_from_the_next_working_day(
    monkeypatch, citizen, family, staff
):
    monkeypatch.setattr(timezone, "now", lambda: at(D(2026, 3, 2), 21))  # Monday night
    record = submitted_record(citizen, family["father"])
    monkeypatch.setattr(timezone, "now", lambda: at(D(2026, 3, 2), 21, 30))  # a duty officer receives it at once
    services.act(record, A.RECEIVE, actor=staff["receiver"])
    record.refresh_from_db()
    days = record.procedure_version.processing_days
    assert record.due_date == deadlines.due_date(D(2026, 3, 3), days, set())


@pytest.mark.django_db
def test_the_receipt_slip_promises_the_result_at_an_office_time_never_midnight(record, staff, settings):
    from documents.constants import DocumentKind
    from documents.receivers import CONTEXT_BUILDERS

    settings.RESULT_APPOINTMENT_TIME = "14:00"
    services.act(record, A.RECEIVE, actor=staff["receiver"])
    record = Record.objects.get(pk=record.pk)
    event = record.events.get(action=A.RECEIVE)
    context = CONTEXT_BUILDERS[DocumentKind.RECEIPT_APPOINTMENT](record, event)
    printed = vn_datetime(context["appointment_at"])
    assert printed.startswith("14 giờ 00 phút, ngày ")
    assert "00 giờ 00 phút" not in printed
    day = record.due_date
    assert f"ngày {day.day:02d}" in printed and str(day.year) in printed


def test_a_date_alone_prints_without_a_time():
    """Contexts kept as JSON carry dates as text: "2026-03-05" is a day, not midnight."""
    assert vn_datetime("2026-03-05") == "ngày 05 tháng 3 năm 2026"
    assert vn_datetime("2026-03-05T09:30:00+07:00") == "09 giờ 30 phút, ngày 05 tháng 3 năm 2026"
