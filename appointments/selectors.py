"""Reads of appointments, without side effects: a citizen's bookings, an agency's day per counter."""

from __future__ import annotations

import datetime
from itertools import groupby

from django.utils import timezone

from .constants import ACTIVE_STATES
from .models import Booking, Counter

_BOOKING_RELATED = ("slot__counter", "agency", "record", "procedure")


def my_bookings(user):
    return Booking.objects.filter(citizen=user).select_related(*_BOOKING_RELATED).order_by("-slot__starts_at")


def my_booking(user, code: str) -> Booking | None:
    """The citizen's own booking by code; None for anyone else's (the page answers 404)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Booking.objects.select_related(*_BOOKING_RELATED, "slot__group").filter(citizen=user, code=code).first()


def active_for_record(user, record) -> Booking | None:
    return (
        Booking.objects.select_related("slot__counter", "agency")
        .filter(citizen=user, record=record, state__in=ACTIVE_STATES)
        .first()
    )


def latest_for_record(user, record) -> Booking | None:
    """The citizen's active booking for the record, else the last one (called, cancelled, no-show)."""
    found = active_for_record(user, record)
    if found:
        return found
    return (
        Booking.objects.select_related("slot__counter", "agency")
        .filter(citizen=user, record=record)
        .order_by("-created_at")
        .first()
    )


def active_for_procedure(user, procedure) -> Booking | None:
    return (
        Booking.objects.select_related("slot__counter", "agency")
        .filter(citizen=user, procedure=procedure, state__in=ACTIVE_STATES)
        .first()
    )


def agency_day(agency, day: datetime.date | None = None) -> list[tuple[Counter, list[Booking]]]:
    """Each counter of ``agency`` with its bookings of ``day`` (today), in slot then queue order."""
    day = day or timezone.localdate()
    counters = list(Counter.objects.filter(agency=agency).order_by("number"))
    bookings = (
        Booking.objects.filter(agency=agency, slot__starts_at__date=day)
        .exclude(state="cancelled")
        .select_related("slot", "citizen", "record", "procedure")
        .order_by("slot__counter_id", "slot__starts_at", "queue_number", "created_at")
    )
    by_counter = {key: list(items) for key, items in groupby(bookings, key=lambda b: b.slot.counter_id)}
    return [(counter, by_counter.get(counter.pk, [])) for counter in counters]
