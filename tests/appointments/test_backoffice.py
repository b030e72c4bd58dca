"""The agency's side of appointments (issue #20): the day per counter, check-in by the QR's URL or the typed code
with a queue number, calling the next citizen, no-shows that free the place; staff of the agency only."""

import pytest
from django.test import Client

from appointments import services, slots
from appointments.constants import BookingAction, BookingState
from appointments.models import Booking, BookingEvent, Slot
from procedures.models import Agency
from tests.staff import officer as staff_officer

from .conftest import arrive_today, citizen_account, officer_of, staff_login


@pytest.fixture
def booked(citizen, partly_record, counters):
    booking = services.book(citizen, slots.bookable(counters[0])[0].pk, record=partly_record)
    arrive_today(booking)
    return booking


def test_check_in_by_the_qr_url_gives_a_queue_number_and_calling_next_calls_it(
    client, citizen, partly_record, family, counters
):
    booked = services.book(citizen, slots.bookable(counters[0])[0].pk, record=partly_record)
    # A second citizen in the same slot, to file the procedure at the counter.
    mother = citizen_account(family["mother"])
    other = services.book(mother, booked.slot_id, procedure=partly_record.procedure_version.procedure)
    arrive_today(booked)
    agency = booked.agency
    officer = officer_of(agency)
    staff = staff_login(Client(), officer)
    qr_target = services.check_in_url(booked)
    assert f"/backoffice/appointments/agencies/{agency.code}/?code={booked.code}" in qr_target
    page = staff.get(qr_target[qr_target.index("/backoffice/") :]).content.decode()
    assert 'id="found-booking"' in page and booked.code in page

    # The first by the QR's URL as a scanner types it, the second by the code typed in lower case with a dash.
    staff.post(f"/backoffice/appointments/agencies/{agency.code}/check-in/", {"code": qr_target})
    typed = f"{other.code[:4].lower()}-{other.code[4:].lower()}"
    staff.post(f"/backoffice/appointments/agencies/{agency.code}/check-in/", {"code": typed})
    booked.refresh_from_db()
    other.refresh_from_db()
    assert (booked.state, booked.queue_number) == (BookingState.CHECKED_IN, 1)
    assert (other.state, other.queue_number) == (BookingState.CHECKED_IN, 2)

    counter = booked.slot.counter
    staff.post(f"/backoffice/appointments/agencies/{agency.code}/counters/{counter.pk}/call-next/")
    booked.refresh_from_db()
    other.refresh_from_db()
    assert booked.state == BookingState.CALLED and other.state == BookingState.CHECKED_IN
    mine = client.get(f"/appointments/{booked.code}/").content.decode()
    assert "Đã gọi" in mine and "số thứ tự 1" in mine
    event = BookingEvent.objects.get(booking=booked, action=BookingAction.CALL)
    assert event.actor == officer and event.client_ip

    day = staff.get(f"/backoffice/appointments/agencies/{agency.code}/").content.decode()
    assert booked.code in day and other.code in day and "Đã gọi" in day


def test_a_no_show_frees_the_place(booked):
    officer = officer_of(booked.agency)
    staff = staff_login(Client(), officer)
    staff.post(f"/backoffice/appointments/agencies/{booked.agency.code}/bookings/{booked.pk}/no-show/")
    booked.refresh_from_db()
    assert booked.state == BookingState.NO_SHOW
    assert Slot.objects.get(pk=booked.slot_id).booked == 0
    assert BookingEvent.objects.get(booking=booked, action=BookingAction.NO_SHOW).actor == officer


def test_a_booking_of_another_day_is_not_checked_in(citizen, partly_record, counters):
    later = slots.bookable(counters[0])[-1]
    booking = services.book(citizen, later.pk, record=partly_record)
    staff = staff_login(Client(), officer_of(booking.agency))
    staff.post(f"/backoffice/appointments/agencies/{booking.agency.code}/check-in/", {"code": booking.code})
    booking.refresh_from_db()
    assert booking.state == BookingState.BOOKED and booking.queue_number is None


def test_only_the_agencys_staff_see_its_day_and_check_its_citizens_in(booked, client):
    elsewhere = Agency.objects.exclude(pk=booked.agency_id).first()
    stranger = staff_login(Client(), staff_officer("canbo.khac", elsewhere, "receiver", password="x"))
    assert stranger.get(f"/backoffice/appointments/agencies/{booked.agency.code}/").status_code == 403
    assert (
        stranger.post(
            f"/backoffice/appointments/agencies/{booked.agency.code}/check-in/", {"code": booked.code}
        ).status_code
        == 403
    )
    # At their own agency, the code of another agency's booking is not found.
    stranger.post(f"/backoffice/appointments/agencies/{elsewhere.code}/check-in/", {"code": booked.code})
    assert client.get(f"/backoffice/appointments/agencies/{booked.agency.code}/").status_code in (302, 403)
    booked.refresh_from_db()
    assert booked.state == BookingState.BOOKED
    assert not Booking.objects.filter(queue_number__isnull=False).exists()
