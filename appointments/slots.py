"""Slots from counters' office hours, on working days only.

The calendar is the one deadlines use (``records.deadlines``): weekends, Vietnamese public holidays (Tết included)
and the days off an administrator declared are never offered. Slots are written ahead (``ensure_slots``, also run
nightly by beat) so that a booking can lock a row; a day declared off after its slots were written is still left
out when slots are offered (``bookable``).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from records import deadlines

from .models import Counter, CounterService, Slot


def horizon_days() -> int:
    """How many calendar days ahead citizens may book."""
    return getattr(settings, "APPOINTMENTS_HORIZON_DAYS", 14)


def day_slots(counter: Counter, day: datetime.date) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """(start, end) of each slot of ``counter`` on ``day``: whole slots inside each office period."""
    length = datetime.timedelta(minutes=counter.slot_minutes)
    times = []
    for begin, end in deadlines.office_periods(counter.office_periods or None):
        start = datetime.datetime.combine(day, begin)
        stop = datetime.datetime.combine(day, end)
        while start + length <= stop:
            times.append((timezone.make_aware(start), timezone.make_aware(start + length)))
            start += length
    return times


def working_days(start: datetime.date, days: int) -> list[datetime.date]:
    days_off = deadlines.extra_days_off()
    return [
        day
        for day in (start + datetime.timedelta(days=n) for n in range(days))
        if deadlines.is_working_day(day, days_off)
    ]


def ensure_slots(agency, start: datetime.date | None = None, days: int | None = None) -> int:
    """Write the missing slots of ``agency``'s active counters from ``start`` (today) for ``days``; returns how many.

    Idempotent: a slot that exists is left as it is (with its bookings), whatever the counter's settings now say.
    """
    start = start or timezone.localdate()
    days = horizon_days() if days is None else days
    services = list(
        CounterService.objects.filter(counter__agency=agency, counter__is_active=True).select_related("counter")
    )
    if not services:
        return 0
    dates = working_days(start, days)
    if not dates:
        return 0
    first = timezone.make_aware(datetime.datetime.combine(dates[0], datetime.time.min))
    last = timezone.make_aware(datetime.datetime.combine(dates[-1], datetime.time.max))
    existing = set(
        Slot.objects.filter(counter__agency=agency, starts_at__range=(first, last)).values_list(
            "counter_id", "group_id", "starts_at"
        )
    )
    rows = [
        Slot(
            counter=service.counter, group_id=service.group_id, starts_at=begin, ends_at=end, capacity=service.capacity
        )
        for service in services
        for day in dates
        for begin, end in day_slots(service.counter, day)
        if (service.counter_id, service.group_id, begin) not in existing
    ]
    Slot.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def bookable(group, start: datetime.date | None = None, days: int | None = None, now=None) -> list[Slot]:
    """Slots of ``group`` with a place left, from ``start`` (today) for ``days``, not yet begun, on working days only,
    at active counters; in time order."""
    now = now or timezone.now()
    start = start or timezone.localdate(now)
    days = horizon_days() if days is None else days
    ensure_slots(group.agency, start, days)
    allowed = set(working_days(start, days))
    first = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    last = first + datetime.timedelta(days=days)
    slots = (
        Slot.objects.filter(group=group, counter__is_active=True, starts_at__gte=max(first, now), starts_at__lt=last)
        .exclude(booked__gte=F("capacity"))
        .select_related("counter")
        .order_by("starts_at", "counter__number")
    )
    return [slot for slot in slots if timezone.localdate(slot.starts_at) in allowed]


def is_offered_day(day: datetime.date) -> bool:
    """Whether slots may fall on ``day`` (a working day by the deadlines' calendar)."""
    return deadlines.is_working_day(day, deadlines.extra_days_off())
