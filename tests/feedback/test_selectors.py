"""The figures the indicators take from ratings and feedback, on hand-built rows: each count, each edge."""

import datetime

import pytest
from django.utils import timezone

from feedback import selectors, services
from feedback.constants import FeedbackState
from feedback.models import Feedback, Rating

from .conftest import submitted_record

pytestmark = pytest.mark.django_db

TZ = timezone.get_current_timezone()


def at(day: datetime.date, hour=10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), TZ)


def test_nothing_to_count_gives_zero_and_no_rate(agency):
    assert selectors.satisfaction() == {"ratings": 0, "satisfied": 0, "rate": None}
    assert selectors.feedback_handling([agency.pk]) == {
        "received": 0,
        "answered": 0,
        "answered_on_time": 0,
        "overdue_open": 0,
        "on_time_rate": None,
    }


def test_satisfaction_counts_overall_four_and_five_as_satisfied_per_agency_and_period(
    citizen, family, agency, other_agency
):
    records = [submitted_record(citizen, family["father"]) for _ in range(5)]
    criteria = {
        "time_against_limit": "on_time",
        "trips": 1,
        "agencies_contacted": 1,
        "reception": 3,
        "publicity": 3,
        "staff_attitude": 3,
        "complaint_handling": "none",
        "online_tracking": 3,
        "ease_of_use": 3,
    }
    march, april = datetime.date(2026, 3, 31), datetime.date(2026, 4, 1)
    rows = [  # (agency, overall, given on)
        (agency, 5, march),
        (agency, 4, april),
        (agency, 3, april),
        (agency, 1, april),
        (other_agency, 4, april),
    ]
    for record, (where, overall, day) in zip(records, rows, strict=True):
        Rating.objects.create(
            record=record,
            applicant=citizen,
            agency=where,
            procedure=record.procedure_version.procedure,
            overall=overall,
            created_at=at(day, hour=23),  # late in the evening: still that day in Vietnam
            **criteria,
        )
    assert selectors.satisfaction() == {"ratings": 5, "satisfied": 3, "rate": 0.6}
    assert selectors.satisfaction([agency.pk]) == {"ratings": 4, "satisfied": 2, "rate": 0.5}
    assert selectors.satisfaction([agency.pk], start=april) == {"ratings": 3, "satisfied": 1, "rate": 0.3333}
    assert selectors.satisfaction([agency.pk], end=march) == {"ratings": 1, "satisfied": 1, "rate": 1.0}
    assert selectors.satisfaction([other_agency.pk], start=april, end=april)["satisfied"] == 1
    assert selectors.satisfaction([], start=march) == {"ratings": 0, "satisfied": 0, "rate": None}


def feedback(agency, received: datetime.date, *, answered: datetime.date | None = None):
    row = Feedback.objects.create(
        code=services.new_code(),
        agency=agency,
        title="Phản ánh",
        content="Nội dung",
        received_at=at(received),
        due_date=services.answer_due(received),
    )
    if answered:
        Feedback.objects.filter(pk=row.pk).update(
            state=FeedbackState.ANSWERED, answer="Trả lời", answered_at=at(answered, hour=16)
        )
    return row


def test_feedback_handling_counts_received_answered_on_time_and_overdue(agency, other_agency):
    monday = datetime.date(2026, 6, 1)
    due = services.answer_due(monday)
    assert due == datetime.date(2026, 6, 15)  # 10 working days: two weekends skipped
    feedback(agency, monday, answered=monday + datetime.timedelta(days=3))  # on time
    feedback(agency, monday, answered=due)  # on its due date: on time
    feedback(agency, monday, answered=due + datetime.timedelta(days=1))  # late
    feedback(agency, monday)  # open, past due on 20 June
    feedback(agency, datetime.date(2026, 6, 12))  # open, not yet due on 20 June (due 26 June)
    feedback(other_agency, monday)  # another agency's
    feedback(agency, datetime.date(2026, 5, 29), answered=datetime.date(2026, 6, 2))  # received before the period

    june = {"start": monday, "end": datetime.date(2026, 6, 30), "today": datetime.date(2026, 6, 20)}
    assert selectors.feedback_handling([agency.pk], **june) == {
        "received": 5,
        "answered": 3,
        "answered_on_time": 2,
        "overdue_open": 1,
        "on_time_rate": 0.4,
    }
    everything = selectors.feedback_handling(today=datetime.date(2026, 6, 20))
    assert (everything["received"], everything["answered_on_time"], everything["overdue_open"]) == (7, 3, 2)
    # All overdue: nothing answered, every due date passed.
    assert selectors.feedback_handling([other_agency.pk], today=datetime.date(2026, 7, 1)) == {
        "received": 1,
        "answered": 0,
        "answered_on_time": 0,
        "overdue_open": 1,
        "on_time_rate": 0.0,
    }
