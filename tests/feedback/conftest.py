"""A returned record and the staff of its agency (and of another agency), from the back-office's fixtures."""

import pytest

from tests.backoffice.conftest import (  # noqa: F401
    _records_rules_only,
    advance,
    agency,
    catalogue,
    citizen,
    family,
    login,
    make_officer,
    other_agency,
    other_citizen,
    record,
    staff,
    submitted_record,
)


@pytest.fixture
def returned(record, staff, django_capture_on_commit_callbacks):  # noqa: F811
    """The citizen's record taken through the real workflow to its returned result, side effects run."""
    with django_capture_on_commit_callbacks(execute=True):
        return advance(record, staff, "result_returned")


RATING = {
    "time_against_limit": "on_time",
    "trips": "1",
    "agencies_contacted": "1",
    "reception": "5",
    "publicity": "4",
    "staff_attitude": "5",
    "complaint_handling": "none",
    "online_tracking": "4",
    "ease_of_use": "4",
    "overall": "5",
    "comment": "Cán bộ hướng dẫn tận tình.",
}
