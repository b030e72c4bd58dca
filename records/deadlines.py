"""Working days: weekends, Vietnamese public holidays and administrator-declared days off do not count.

The due date of a record is fixed at receipt (``due_date``). The clock stops
while the agency waits for the citizen to supplement: when the citizen
supplements, the due date moves forward by the working days the record spent
waiting (``paused_working_days``), so the pause never counts against the agency.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("VN", years=year))


DAYS_OFF_CACHE_KEY = "records:days-off:v1"


def extra_days_off() -> set[datetime.date]:
    """Days off an administrator declared (compensatory days, local events).

    Every filing and receipt needs them; they change a few times a year, so they are kept in
    the shared cache and dropped whenever one is saved or deleted (``records.receivers``).
    """
    from .models import DayOff

    days = cache.get(DAYS_OFF_CACHE_KEY)
    if days is None:
        days = set(DayOff.objects.values_list("date", flat=True))
        cache.set(DAYS_OFF_CACHE_KEY, days, 3600)
    return days


def forget_days_off() -> None:
    cache.delete(DAYS_OFF_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(DAYS_OFF_CACHE_KEY))  # a read in between may have cached the old


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


def working_days_between(start: datetime.date, end: datetime.date, days_off: set[datetime.date] | None = None) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``)."""
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day, days_off):
            count += 1
    return count


def due_date(start: datetime.date, processing_days: int, days_off: set[datetime.date] | None = None) -> datetime.date:
    """Appointment date for a record received on ``start``.

    The day of receipt does not count: a one-day procedure received on Monday is
    due on Tuesday; received on Saturday (or after office hours), the clock
    starts on the next working morning and it is due at the end of that day.
    """
    if days_off is None:
        days_off = extra_days_off()
    return add_working_days(start, max(processing_days, 0), days_off)


def resume_after_pause(
    current_due: datetime.date,
    paused_on: datetime.date,
    resumed_on: datetime.date,
    days_off: set[datetime.date] | None = None,
) -> tuple[datetime.date, int]:
    """(new due date, working days paused) when a record waited for a supplement from ``paused_on`` to ``resumed_on``.

    The working days after the request up to and including the day the citizen
    supplemented are given back to the agency.
    """
    if days_off is None:
        days_off = extra_days_off()
    paused = working_days_between(paused_on, resumed_on, days_off)
    return add_working_days(current_due, paused, days_off), paused


def next_working_day(day: datetime.date, days_off: set[datetime.date] | None = None) -> datetime.date:
    """``day`` itself if it is a working day, else the next one."""
    while not is_working_day(day, days_off):
        day += datetime.timedelta(days=1)
    return day


def _time(value: str | datetime.time) -> datetime.time:
    return value if isinstance(value, datetime.time) else datetime.time.fromisoformat(value)


def filing_cutoff(agency=None) -> datetime.time:
    """The time after which an online filing counts from the next working day: the agency's own cut-off,
    else the end of office hours (``OFFICE_HOURS_END``)."""
    own = getattr(agency, "online_cutoff", None)
    return own or _time(getattr(settings, "OFFICE_HOURS_END", "17:00"))


def filing_day(moment: datetime.datetime, agency=None, days_off: set[datetime.date] | None = None) -> datetime.date:
    """The working day an online filing made at ``moment`` counts as received on.

    Filed on a working day before the cut-off: that day. Filed after the cut-off, at the weekend, on a public
    holiday (Tết included) or a declared day off: the next working day, as if it had been handed in when the
    office opened.
    """
    if days_off is None:
        days_off = extra_days_off()
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    day = local.date()
    if is_working_day(day, days_off) and local.time() < filing_cutoff(agency):
        return day
    return next_working_day(day + datetime.timedelta(days=1), days_off)


def appointment_at(day: datetime.date | str | None) -> datetime.datetime | None:
    """The moment a result is promised for on ``day`` (a date or its ISO text): an office time
    (``RESULT_APPOINTMENT_TIME``), never 00:00."""
    if not day:
        return None
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day[:10])
    elif isinstance(day, datetime.datetime):
        day = timezone.localdate(day) if timezone.is_aware(day) else day.date()
    at = _time(getattr(settings, "RESULT_APPOINTMENT_TIME", "14:00"))
    return timezone.make_aware(datetime.datetime.combine(day, at))


def office_periods(text: str | None = None) -> list[tuple[datetime.time, datetime.time]]:
    """The periods of a working day (``OFFICE_PERIODS``, e.g. ``07:00-11:30,13:30-17:00``), in order; ``text`` in
    the same form for a place with hours of its own (an appointments counter)."""
    text = text or getattr(settings, "OFFICE_PERIODS", "07:00-11:30,13:30-17:00")
    periods = []
    for part in text.split(","):
        begin, _sep, end = part.strip().partition("-")
        periods.append((_time(begin.strip()), _time(end.strip())))
    return sorted(periods)


def add_working_hours(
    start: datetime.datetime, hours: float, days_off: set[datetime.date] | None = None
) -> datetime.datetime:
    """The moment ``hours`` of office time after ``start``: only office periods of working days count, so a step
    handed over in the evening starts the next working morning, and lunch, weekends and Tết do not count."""
    if days_off is None:
        days_off = extra_days_off()
    local = timezone.localtime(start) if timezone.is_aware(start) else start
    current = local.replace(tzinfo=None)
    remaining = datetime.timedelta(hours=hours)
    periods = office_periods()
    day = current.date()
    while True:
        if is_working_day(day, days_off):
            for begin_at, end_at in periods:
                begin = max(datetime.datetime.combine(day, begin_at), current)
                end = datetime.datetime.combine(day, end_at)
                if begin >= end:
                    continue
                if remaining <= end - begin:
                    return timezone.make_aware(begin + remaining)
                remaining -= end - begin
        day += datetime.timedelta(days=1)
        current = datetime.datetime.combine(day, datetime.time.min)
