"""Dates as forms and the registry give them, and a person's age: one rule for every app."""

import datetime


def parse_date(value) -> datetime.date | None:
    """An ISO date (``2019-05-01``, or the date part of an ISO date-time) or None if there is none or it is not one."""
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10]) if value else None
    except ValueError:
        return None


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Whole years from ``birth`` to ``day``: a birthday not yet reached that year does not count."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
