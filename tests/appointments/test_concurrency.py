"""No double booking under concurrent requests (issue #20): fifty citizens booking ten places at the same instant,
each in its own thread and database connection against PostgreSQL, get exactly ten bookings."""

import pytest
from django.core.exceptions import ValidationError

from appointments import services, slots
from appointments.models import Booking, CounterService, Slot
from identity.models import User
from tests.threads import all_at_once


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_bookings_for_ten_places_give_exactly_ten(partly_record):
    from .conftest import counters_for

    agency = partly_record.agency
    group, made = counters_for(agency)
    CounterService.objects.filter(counter__in=made).update(capacity=10)
    Slot.objects.all().delete()
    slot = slots.bookable(group)[0]
    assert slot.capacity == 10
    procedure = partly_record.procedure_version.procedure
    citizens = [
        User.objects.create_user(username=f"congdan{n:02}", kind=User.Kind.CITIZEN, first_name=f"Dân {n}")
        for n in range(50)
    ]

    def take(citizen):
        return services.book(citizen, slot.pk, procedure=procedure)

    results, errors = all_at_once(take, [(c,) for c in citizens])
    assert len(results) == 10, errors[:3]
    assert len(errors) == 40 and all(isinstance(e, ValidationError) for e in errors), errors[:3]
    assert all("hết chỗ" in " ".join(e.messages) for e in errors)
    slot.refresh_from_db()
    assert slot.booked == 10
    assert Booking.objects.filter(slot=slot).count() == 10
    assert len(set(Booking.objects.values_list("citizen", flat=True))) == 10


@pytest.mark.django_db(transaction=True)
def test_one_citizen_booking_from_many_tabs_at_once_holds_one_booking_per_record(partly_record, citizen):
    from .conftest import counters_for

    group, _made = counters_for(partly_record.agency, capacity=5)
    offered = slots.bookable(group)[:8]
    results, errors = all_at_once(lambda s: services.book(citizen, s.pk, record=partly_record), [(s,) for s in offered])
    assert len(results) == 1 and len(errors) == 7
    assert Booking.objects.filter(citizen=citizen).count() == 1
    assert sum(Slot.objects.filter(group=group).values_list("booked", flat=True)) == 1
