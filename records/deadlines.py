"""Working days: weekends, Vietnamese public holidays and administrator-declared days off do not count."""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def extra_days_off() -> set[datetime.date]:
    """Days off an administrator declared (compensatory days, local events)."""
    from .models import DayOff

    return set(DayOff.objects.values_list("date", flat=True))


def is_working_day(day: datetime.date, days_off: set[datetime.date] | None = None) -> bool:
    if day.weekday() >= 5:
        return False
    if day in _public_holidays(day.year):
        return False
    return not (days_off and day in days_off)


def add_working_days(start: datetime.date, count: int, days_off: set[datetime.date] | None = None) -> datetime.date:
    """The date ``count`` working days after ``start`` (``start`` itself does not count)."""
    day = start
    added = 0
    while added < count:
        day += datetime.timedelta(days=1)
        if is_working_day(day, days_off):
            added += 1
    return day


def due_date(start: datetime.date, processing_days: int, days_off: set[datetime.date] | None = None) -> datetime.date:
    """Appointment date for a record received on ``start``.

    The day of receipt does not count: a one-day procedure received on Monday is
    due on Tuesday; received on Saturday, the clock starts on Monday morning and
    it is due on Monday.
    """
    if days_off is None:
        days_off = extra_days_off()
    return add_working_days(start, max(processing_days, 0), days_off)
