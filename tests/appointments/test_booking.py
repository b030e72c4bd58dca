"""Booking, moving and cancelling a slot (issue #20, appointments): from the record page of a partly-online record
and for counter filing of a procedure; the booking by inbox and SMS with its code and QR; the limits."""

import datetime
import re

import holidays
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from appointments import services, slots
from appointments.constants import BookingAction, BookingState
from appointments.models import Booking, Slot
from notifications.models import Message
from records.models import DayOff

from .conftest import arrive_today, counters_for, login, sms_lines


def first_slot(group) -> Slot:
    return slots.bookable(group)[0]


def test_the_record_page_offers_booking_and_a_booking_is_sent_by_inbox_and_sms(
    client, citizen, partly_record, counters, sms_outbox, django_capture_on_commit_callbacks
):
    page = client.get(f"/my/records/{partly_record.pk}/").content.decode()
    assert "Lịch hẹn tại cơ quan" in page and f"/appointments/records/{partly_record.pk}/book/" in page

    form = client.get(f"/appointments/records/{partly_record.pk}/book/").content.decode()
    assert "Mang bản chính giấy tờ" in form
    slot = first_slot(counters[0])
    assert f'value="{slot.pk}"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/appointments/records/{partly_record.pk}/book/", {"slot": slot.pk})
    booking = Booking.objects.get(citizen=citizen)
    assert response.status_code == 302 and response["Location"] == f"/appointments/{booking.code}/"
    assert booking.state == BookingState.BOOKED and booking.record == partly_record
    slot.refresh_from_db()
    assert slot.booked == 1

    message = Message.objects.get(recipient=citizen, event="appointment_booked")
    assert booking.code in message.subject
    texts = [m["text"] for m in sms_lines(sms_outbox)]
    assert len(texts) == 1 and booking.code in texts[0]
    qr_link = re.search(r"https?://\S+/appointments/qr/\w+\.svg", texts[0]).group(0)
    qr = Client().get(qr_link[qr_link.index("/appointments/") :])
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content

    detail = client.get(f"/appointments/{booking.code}/").content.decode()
    assert "<svg" in detail and booking.code in detail and "Đã đặt lịch" in detail
    record_page = client.get(f"/my/records/{partly_record.pk}/").content.decode()
    assert f"/appointments/{booking.code}/" in record_page and "Đã đặt lịch" in record_page
    # Booking again for the same record leads to the booking held.
    again = client.get(f"/appointments/records/{partly_record.pk}/book/")
    assert again.status_code == 302 and again["Location"] == f"/appointments/{booking.code}/"


def test_another_citizen_sees_nothing_of_a_booking(citizen, partly_record, counters, other_citizen):
    booking = services.book(citizen, first_slot(counters[0]).pk, record=partly_record)
    stranger = login(Client(), other_citizen)
    assert stranger.get(f"/appointments/{booking.code}/").status_code == 404
    assert stranger.post(f"/appointments/{booking.code}/cancel/").status_code == 404
    assert stranger.get(f"/appointments/records/{partly_record.pk}/book/").status_code == 404
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied
        services.book(other_citizen, first_slot(counters[0]).pk, record=partly_record)
    booking.refresh_from_db()
    assert booking.state == BookingState.BOOKED


def test_one_active_booking_per_record_and_a_limit_of_active_bookings(citizen, partly_record, counters, settings):
    group = counters[0]
    services.book(citizen, first_slot(group).pk, record=partly_record)
    with pytest.raises(ValidationError, match="đã có lịch hẹn cho hồ sơ này"):
        services.book(citizen, slots.bookable(group)[3].pk, record=partly_record)
    procedure = partly_record.procedure_version.procedure
    settings.APPOINTMENTS_MAX_ACTIVE = 1
    with pytest.raises(ValidationError, match="tối đa 1 lịch hẹn"):
        services.book(citizen, first_slot(group).pk, procedure=procedure)
    settings.APPOINTMENTS_MAX_ACTIVE = 2
    services.book(citizen, first_slot(group).pk, procedure=procedure)
    with pytest.raises(ValidationError, match="đã có lịch hẹn cho thủ tục này"):
        services.book(citizen, first_slot(group).pk, procedure=procedure)
    assert Booking.objects.filter(citizen=citizen, state=BookingState.BOOKED).count() == 2


def test_moving_frees_the_old_place_and_cancelling_frees_the_new_one(client, citizen, partly_record, counters):
    group = counters[0]
    offered = slots.bookable(group)
    booking = services.book(citizen, offered[0].pk, record=partly_record)
    response = client.post(f"/appointments/{booking.code}/move/", {"slot": offered[5].pk})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.slot_id == offered[5].pk
    assert Slot.objects.get(pk=offered[0].pk).booked == 0 and Slot.objects.get(pk=offered[5].pk).booked == 1
    assert Message.objects.filter(recipient=citizen, event="appointment_booked").count() == 2  # booked, moved

    client.post(f"/appointments/{booking.code}/cancel/")
    booking.refresh_from_db()
    assert booking.state == BookingState.CANCELLED
    assert Slot.objects.get(pk=offered[5].pk).booked == 0
    assert Message.objects.filter(recipient=citizen, event="appointment_cancelled").exists()
    assert list(booking.events.values_list("action", flat=True)) == [
        BookingAction.BOOK,
        BookingAction.MOVE,
        BookingAction.CANCEL,
    ]
    # Cancelled, the record may be booked again.
    assert services.book(citizen, offered[1].pk, record=partly_record).state == BookingState.BOOKED


def test_a_full_slot_is_not_offered_and_cannot_be_booked(citizen, partly_record, counters, family):
    from tests.records.conftest import citizen_account

    slot = first_slot(counters[0])
    Slot.objects.filter(pk=slot.pk).update(booked=slot.capacity)
    assert slot.pk not in [s.pk for s in slots.bookable(counters[0])]
    with pytest.raises(ValidationError, match="hết chỗ"):
        services.book(citizen, slot.pk, record=partly_record)
    mother = citizen_account(family["mother"])
    procedure = partly_record.procedure_version.procedure
    with pytest.raises(ValidationError, match="hết chỗ"):
        services.book(mother, slot.pk, procedure=procedure)


def test_a_slot_on_a_public_holiday_or_a_day_off_is_never_offered(partly_record):
    """Two weeks from 30 August 2027 hold National Day (2 September and its second day) and a declared day off;
    no slot is offered on them, nor at the weekend, and a slot written on a holiday by hand cannot be booked."""
    agency = partly_record.agency
    group, made = counters_for(agency, periods="07:00-11:30,13:30-17:00")
    start = datetime.date(2027, 8, 30)
    DayOff.objects.create(date=datetime.date(2027, 9, 6), note="Nghỉ bù")
    before = timezone.make_aware(datetime.datetime(2027, 8, 29, 8, 0))
    offered = slots.bookable(group, start=start, days=14, now=before)
    days = {timezone.localdate(s.starts_at) for s in offered}
    public = {d for d in holidays.country_holidays("VN", years=2027) if start <= d < start + datetime.timedelta(14)}
    assert datetime.date(2027, 9, 2) in public
    assert days and not days & public
    assert datetime.date(2027, 9, 6) not in days
    assert all(d.weekday() < 5 for d in days)
    assert len(days) == 10 - len([d for d in public if d.weekday() < 5]) - 1
    # None was even written for those days; 07:00–11:30 and 13:30–17:00 make 16 half-hour slots at each counter.
    written = Slot.objects.filter(group=group)
    assert not {timezone.localdate(s.starts_at) for s in written} & (public | {datetime.date(2027, 9, 6)})
    first_day = [s for s in offered if timezone.localdate(s.starts_at) == start]
    assert len(first_day) == 16 * len(made)
    assert min(timezone.localtime(s.starts_at).time() for s in first_day) == datetime.time(7, 0)
    assert max(timezone.localtime(s.ends_at).time() for s in first_day) == datetime.time(17, 0)

    holiday = timezone.make_aware(datetime.datetime(2027, 9, 2, 8, 0))
    forced = Slot.objects.create(
        counter=made[0], group=group, starts_at=holiday, ends_at=holiday + datetime.timedelta(minutes=30), capacity=2
    )
    with pytest.raises(ValidationError):
        services._take_place(forced.pk, group, before)


def test_the_day_before_the_citizen_is_reminded_once(
    citizen, partly_record, counters, sms_outbox, django_capture_on_commit_callbacks
):
    booking = services.book(citizen, first_slot(counters[0]).pk, record=partly_record)
    arrive_today(booking)
    tomorrow = timezone.localtime(booking.slot.starts_at) + datetime.timedelta(days=1)
    Slot.objects.filter(pk=booking.slot_id).update(starts_at=tomorrow, ends_at=tomorrow + datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders() == 1
        assert services.send_reminders() == 0
    reminders = [m["text"] for m in sms_lines(sms_outbox) if m["text"].startswith("Nhắc lịch hẹn")]
    assert len(reminders) == 1 and booking.code in reminders[0]
    booking.refresh_from_db()
    assert booking.reminded_at is not None


def test_the_procedure_page_offers_counter_filing_to_a_citizen(client, citizen, partly_record, counters):
    procedure = partly_record.procedure_version.procedure
    page = client.get(f"/procedures/{procedure.code}/").content.decode()
    assert f"/appointments/procedures/{procedure.code}/book/" in page
    assert "Đặt lịch hẹn nộp tại quầy" not in Client().get(f"/procedures/{procedure.code}/").content.decode()
    form = client.get(f"/appointments/procedures/{procedure.code}/book/?agency={partly_record.agency.code}")
    slot = first_slot(counters[0])
    assert f'value="{slot.pk}"' in form.content.decode()
    response = client.post(
        f"/appointments/procedures/{procedure.code}/book/", {"agency": partly_record.agency.code, "slot": slot.pk}
    )
    assert response.status_code == 302
    booking = Booking.objects.get(citizen=citizen, procedure=procedure)
    assert booking.purpose == "counter_filing" and booking.agency == partly_record.agency


def test_the_qr_code_carries_the_agencys_check_in_url_with_the_code(citizen, partly_record, counters):
    from appointments.views import qr_svg

    booking = services.book(citizen, first_slot(counters[0]).pk, record=partly_record)
    served = Client().get(f"/appointments/qr/{booking.code}.svg").content.decode()
    target = services.check_in_url(booking)
    assert target.endswith(f"/backoffice/appointments/agencies/{booking.agency.code}/?code={booking.code}")
    assert served == qr_svg(target, title=booking.code)
    assert services.normalise_code(target) == booking.code
    assert Client().get("/appointments/qr/ZZZZZZZZ.svg").status_code == 404


def test_a_move_to_a_full_slot_or_another_agencys_slot_keeps_the_booking_where_it_was(citizen, partly_record, counters):
    from procedures.models import Agency

    offered = slots.bookable(counters[0])
    booking = services.book(citizen, offered[0].pk, record=partly_record)
    Slot.objects.filter(pk=offered[2].pk).update(booked=offered[2].capacity)
    with pytest.raises(ValidationError, match="hết chỗ"):
        services.move(booking, offered[2].pk, by=citizen)
    elsewhere = Agency.objects.exclude(pk=partly_record.agency_id).first()
    other_group, _made = counters_for(elsewhere)
    with pytest.raises(ValidationError):
        services.move(booking, slots.bookable(other_group)[0].pk, by=citizen)
    booking.refresh_from_db()
    assert booking.slot_id == offered[0].pk and booking.state == BookingState.BOOKED
    assert Slot.objects.get(pk=offered[0].pk).booked == 1
