"""State changes of appointments, each in one function: it checks who may, locks, changes the rows, writes the
booking's history (the audit of officers' acts) and tells the citizen, in one transaction.

Concurrency: a booking locks the slot's row (``select_for_update``) and takes a place only if one is left, so
fifty requests for ten places give ten bookings; the database's check constraint (``booked <= capacity``) and the
partial unique constraints (one active booking per citizen per record or procedure) back the rules. A citizen's own
requests are serialised on their account's row, so the limit of active bookings holds under concurrent requests
too. Locks are always taken in the same order (citizen, then slots by id) so two moves cannot deadlock.
"""

from __future__ import annotations

import datetime
import re
import secrets
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.urls import portal_url
from records.constants import OPEN_STATES, RecordState

from . import slots as slot_calendar
from .constants import ACTIVE_STATES, CODE_ALPHABET, CODE_LENGTH, BookingAction, BookingState, Purpose
from .models import Booking, BookingEvent, Counter, ServiceGroup, Slot

# A record's step that needs presence may be booked while the record is open, and to collect an approved result.
BOOKABLE_RECORD_STATES = set(OPEN_STATES) | {RecordState.APPROVED}


def max_active() -> int:
    """Active bookings a citizen may hold at once (against hoarding slots)."""
    return getattr(settings, "APPOINTMENTS_MAX_ACTIVE", 3)


def max_moves() -> int:
    """Times one booking may be moved (moving back and forth would hold two places in turn)."""
    return getattr(settings, "APPOINTMENTS_MAX_MOVES", 3)


# --- Where and what ---------------------------------------------------------------------


def group_for(agency, sector_id) -> ServiceGroup | None:
    """The agency's service group for a procedure of ``sector_id``: one naming the sector, else a general one."""
    groups = list(
        ServiceGroup.objects.filter(agency=agency, counters__is_active=True).distinct().prefetch_related("sectors")
    )
    for group in groups:
        if any(sector.pk == sector_id for sector in group.sectors.all()):
            return group
    for group in groups:
        if not group.sectors.all():
            return group
    return None


def record_needs_presence(record) -> bool:
    """A partly-online record has a step done in person (bringing originals, receiving the result)."""
    from eservices.constants import ServiceDelivery

    service = record.service
    return service.delivery == ServiceDelivery.PARTLY_ONLINE or bool((service.presence_step or "").strip())


def may_book_record(user, record) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_citizen", False)
        and record.applicant_id == user.pk
        and record.state in BOOKABLE_RECORD_STATES
        and record_needs_presence(record)
    )


def purpose_for_record(record) -> str:
    return Purpose.RECEIVE_RESULT if record.state == RecordState.APPROVED else Purpose.BRING_ORIGINALS


def procedure_agencies(procedure):
    """The agencies implementing ``procedure`` (its current version) that take appointments for its sector."""
    from procedures.models import Agency

    version = procedure.current_version
    if version is None:
        return Agency.objects.none()
    return (
        version.agencies.filter(is_active=True)
        .filter(pk__in=ServiceGroup.objects.filter(counters__is_active=True).values("agency_id"))
        .order_by("name")
    )


# --- Codes -------------------------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _n in range(CODE_LENGTH))


_CROCKFORD = str.maketrans({"I": "1", "L": "1", "O": "0"})


def normalise_code(text: str) -> str:
    """The booking code in what an officer typed or a scanner read: the code itself (any case, with spaces or
    dashes, O for 0) or the URL the QR code carries (``...?code=XXXX``)."""
    text = (text or "").strip()
    if "://" in text or text.startswith("/"):
        query = parse_qs(urlsplit(text).query)
        text = (query.get("code") or [""])[0]
    return re.sub(r"[^0-9A-Z]", "", text.upper()).translate(_CROCKFORD)[:CODE_LENGTH]


def check_in_url(booking: Booking) -> str:
    """What the QR code carries: the agency's appointments page in the back-office, with the code to check in."""
    path = reverse("appointments_office:day", args=[booking.agency.code])
    return portal_url(f"{path}?code={booking.code}")


def qr_url(booking: Booking) -> str:
    return portal_url(reverse("appointments:qr", args=[booking.code]))


# --- Booking ------------------------------------------------------------------------------


def _lock_citizen(user) -> None:
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _log(booking: Booking, action: str, actor=None, client_ip: str | None = None, **data) -> None:
    BookingEvent.objects.create(booking=booking, action=action, actor=actor, client_ip=client_ip, data=data)


def _take_place(slot_id: int, group: ServiceGroup, now) -> Slot:
    slot = Slot.objects.select_for_update(of=("self",)).select_related("counter").filter(pk=slot_id).first()
    if slot is None or slot.group_id != group.pk or not slot.counter.is_active:
        raise ValidationError(_("Khung giờ này không có để đặt."))
    if slot.starts_at <= now or not slot_calendar.is_offered_day(timezone.localdate(slot.starts_at)):
        raise ValidationError(_("Khung giờ này không có để đặt."))
    if slot.booked >= slot.capacity:
        raise ValidationError(_("Khung giờ này vừa hết chỗ. Xin chọn giờ khác."))
    Slot.objects.filter(pk=slot.pk).update(booked=F("booked") + 1)
    slot.booked += 1
    return slot


def _check_limits(citizen, *, record=None, procedure=None, now, exclude=None) -> None:
    mine = Booking.objects.filter(citizen=citizen, state__in=ACTIVE_STATES)
    if exclude is not None:
        mine = mine.exclude(pk=exclude.pk)
    if record is not None and mine.filter(record=record).exists():
        raise ValidationError(_("Bạn đã có lịch hẹn cho hồ sơ này. Hãy đổi hoặc hủy lịch đó."))
    if procedure is not None and mine.filter(procedure=procedure).exists():
        raise ValidationError(_("Bạn đã có lịch hẹn cho thủ tục này. Hãy đổi hoặc hủy lịch đó."))
    if mine.filter(slot__ends_at__gt=now).count() >= max_active():
        raise ValidationError(
            _("Mỗi người chỉ giữ tối đa %(n)s lịch hẹn chưa đến. Hãy hủy lịch không cần trước khi đặt thêm.")
            % {"n": max_active()}
        )


def book(citizen, slot_id: int, *, record=None, procedure=None, client_ip: str | None = None) -> Booking:
    """Book a place in slot ``slot_id`` for ``record`` (a step in person) or ``procedure`` (filing at the counter).

    Raises ``PermissionDenied`` if the citizen may not book for that record, ``ValidationError`` with the reason
    shown to them when the slot is full, gone or not theirs to take, or a limit is reached.
    """
    if not getattr(citizen, "is_citizen", False):
        raise PermissionDenied
    if (record is None) == (procedure is None):
        raise ValueError("Book for a record or for a procedure.")
    if record is not None:
        if not may_book_record(citizen, record):
            raise PermissionDenied
        agency, sector_id, purpose = record.agency, record.procedure_version.sector_id, purpose_for_record(record)
    else:
        version = procedure.current_version
        if version is None or procedure.is_retired:
            raise ValidationError(_("Thủ tục này không còn được thực hiện."))
        sector_id, purpose = version.sector_id, Purpose.COUNTER_FILING
        agency = None
    now = timezone.now()
    with transaction.atomic():
        _lock_citizen(citizen)
        _check_limits(citizen, record=record, procedure=procedure, now=now)
        target = Slot.objects.select_related("group__agency").filter(pk=slot_id).first()
        if target is None:
            raise ValidationError(_("Khung giờ này không có để đặt."))
        if agency is None:
            agency = target.group.agency
            if not version.agencies.filter(pk=agency.pk).exists():
                raise ValidationError(_("Khung giờ này không có để đặt."))
        group = group_for(agency, sector_id)
        if group is None or target.group.agency_id != agency.pk:
            raise ValidationError(_("Khung giờ này không có để đặt."))
        slot = _take_place(slot_id, group, now)
        try:
            with transaction.atomic():
                booking = Booking.objects.create(
                    code=new_code(),
                    citizen=citizen,
                    slot=slot,
                    agency=agency,
                    purpose=purpose,
                    record=record,
                    procedure=procedure,
                )
        except IntegrityError as error:  # the partial unique constraints: already booked for this record/procedure
            raise ValidationError(_("Bạn đã có lịch hẹn cho hồ sơ này. Hãy đổi hoặc hủy lịch đó.")) from error
        _log(booking, BookingAction.BOOK, citizen, client_ip, slot=slot.pk)
        _tell(booking, "booked")
    return booking


def move(booking: Booking, slot_id: int, *, by, client_ip: str | None = None) -> Booking:
    """Move the citizen's booking to another slot of the same service group; the old place is freed."""
    if booking.citizen_id != getattr(by, "pk", None):
        raise PermissionDenied
    now = timezone.now()
    with transaction.atomic():
        _lock_citizen(by)
        booking = Booking.objects.select_for_update(of=("self",)).select_related("slot", "agency").get(pk=booking.pk)
        if booking.state != BookingState.BOOKED:
            raise ValidationError(_("Chỉ đổi được lịch hẹn chưa đến."))
        if booking.events.filter(action=BookingAction.MOVE).count() >= max_moves():
            raise ValidationError(_("Lịch hẹn này đã đổi %(n)s lần. Hãy hủy và đặt lịch mới.") % {"n": max_moves()})
        if slot_id == booking.slot_id:
            return booking
        old_id = booking.slot_id
        # Lock both slots in id order (as every other booking does) before changing either.
        list(Slot.objects.select_for_update().filter(pk__in=[old_id, slot_id]).order_by("pk").values_list("pk"))
        new = _take_place(slot_id, booking.slot.group, now)
        Slot.objects.filter(pk=old_id, booked__gt=0).update(booked=F("booked") - 1)
        booking.slot = new
        booking.reminded_at = None
        booking.save(update_fields=["slot", "reminded_at"])
        _log(booking, BookingAction.MOVE, by, client_ip, from_slot=old_id, slot=new.pk)
        _tell(booking, "moved")
    return booking


def cancel(booking: Booking, *, by, client_ip: str | None = None) -> Booking:
    """The citizen cancels a booking they have not come to yet; the place is freed for someone else."""
    if booking.citizen_id != getattr(by, "pk", None):
        raise PermissionDenied
    with transaction.atomic():
        booking = Booking.objects.select_for_update(of=("self",)).select_related("slot", "agency").get(pk=booking.pk)
        if booking.state != BookingState.BOOKED:
            raise ValidationError(_("Chỉ hủy được lịch hẹn chưa đến."))
        _release(booking, BookingState.CANCELLED)
        _log(booking, BookingAction.CANCEL, by, client_ip)
        _tell(booking, "cancelled")
    return booking


def _release(booking: Booking, state: str) -> None:
    Slot.objects.filter(pk=booking.slot_id, booked__gt=0).update(booked=F("booked") - 1)
    booking.state = state
    booking.save(update_fields=["state"])


# --- At the agency ----------------------------------------------------------------------------


def may_serve(user, agency) -> bool:
    """Staff holding any role at the agency run its counters (check in, call, mark no-shows)."""
    from identity.services import has_role

    return has_role(user, agency)


def find_for_check_in(text: str, agency) -> Booking | None:
    """The booking of ``agency`` named by a typed code or a scanned QR's URL; None if there is none here."""
    code = normalise_code(text)
    if len(code) != CODE_LENGTH:
        return None
    return Booking.objects.select_related("slot__counter", "citizen").filter(code=code, agency=agency).first()


def check_in(booking: Booking, *, by, client_ip: str | None = None) -> Booking:
    """The citizen arrived: a queue number at the booking's counter (one sequence per counter and day)."""
    if not may_serve(by, booking.agency):
        raise PermissionDenied
    today = timezone.localdate()
    with transaction.atomic():
        # The counter's row first (as ``call_next``): it orders the day's numbers, so two check-ins at once get
        # consecutive numbers, never the same one.
        Counter.objects.select_for_update().filter(pk=booking.slot.counter_id).first()
        booking = Booking.objects.select_for_update(of=("self",)).select_related("slot").get(pk=booking.pk)
        if booking.state == BookingState.CHECKED_IN:
            return booking
        if booking.state != BookingState.BOOKED:
            raise ValidationError(
                _("Lịch hẹn này đang ở trạng thái “%(state)s”, không nhận số được.")
                % {"state": booking.get_state_display()}
            )
        if timezone.localdate(booking.slot.starts_at) != today:
            raise ValidationError(
                _("Lịch hẹn này vào ngày %(date)s, không phải hôm nay.")
                % {"date": timezone.localtime(booking.slot.starts_at).strftime("%d/%m/%Y")}
            )
        last = Booking.objects.filter(
            slot__counter_id=booking.slot.counter_id, checked_in_at__date=today, queue_number__isnull=False
        ).aggregate(n=Max("queue_number"))["n"]
        booking.queue_number = (last or 0) + 1
        booking.state = BookingState.CHECKED_IN
        booking.checked_in_at = timezone.now()
        booking.save(update_fields=["queue_number", "state", "checked_in_at"])
        _log(booking, BookingAction.CHECK_IN, by, client_ip, queue_number=booking.queue_number)
    return booking


def call_next(counter: Counter, *, by, client_ip: str | None = None) -> Booking | None:
    """Call the next citizen waiting at ``counter`` today (lowest queue number); None when nobody waits."""
    if not may_serve(by, counter.agency):
        raise PermissionDenied
    today = timezone.localdate()
    with transaction.atomic():
        Counter.objects.select_for_update().filter(pk=counter.pk).first()
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .filter(slot__counter=counter, state=BookingState.CHECKED_IN, checked_in_at__date=today)
            .order_by("queue_number")
            .first()
        )
        if booking is None:
            return None
        booking.state = BookingState.CALLED
        booking.called_at = timezone.now()
        booking.save(update_fields=["state", "called_at"])
        _log(booking, BookingAction.CALL, by, client_ip, queue_number=booking.queue_number)
    return booking


def mark_no_show(booking: Booking, *, by, client_ip: str | None = None) -> Booking:
    """The citizen did not come by the slot's start: the booking is closed and its place freed."""
    if not may_serve(by, booking.agency):
        raise PermissionDenied
    with transaction.atomic():
        booking = Booking.objects.select_for_update(of=("self",)).select_related("slot", "agency").get(pk=booking.pk)
        if booking.state != BookingState.BOOKED:
            raise ValidationError(_("Chỉ đánh dấu không đến cho lịch hẹn chưa đến."))
        if booking.slot.starts_at > timezone.now():
            raise ValidationError(_("Chưa đến giờ hẹn."))
        _release(booking, BookingState.NO_SHOW)
        _log(booking, BookingAction.NO_SHOW, by, client_ip)
        _tell(booking, "no_show")
    return booking


# --- Telling the citizen ------------------------------------------------------------------------


def _tell(booking: Booking, what: str) -> None:
    from notifications.constants import Event
    from notifications.services import notify

    slot = booking.slot
    start = timezone.localtime(slot.starts_at)
    agency = booking.agency
    context = {
        "code": booking.code,
        "citizen_name": booking.citizen.get_full_name() or booking.citizen.get_username(),
        "time": start.strftime("%H:%M"),
        "date": start.strftime("%d/%m/%Y"),
        "counter_number": slot.counter.number,
        "agency_name": agency.name,
        "agency_name_en": agency.name_en or agency.name,
        "purpose": Purpose(booking.purpose).label,
        "record_code": booking.record.code if booking.record_id else "",
        "procedure_name": booking.procedure.name if booking.procedure_id else "",
        "qr_url": qr_url(booking),
        "moved": what == "moved",
        "no_show": what == "no_show",
    }
    event = {
        "booked": Event.APPOINTMENT_BOOKED,
        "moved": Event.APPOINTMENT_BOOKED,
        "reminder": Event.APPOINTMENT_REMINDER,
        "cancelled": Event.APPOINTMENT_CANCELLED,
        "no_show": Event.APPOINTMENT_CANCELLED,
    }[what]
    notify(
        event,
        recipient_user=booking.citizen,
        context=context,
        related=booking,
        # A move is told again (a new slot, a new key); the same change twice is told once.
        idempotency_key=f"appointment:{booking.pk}:{what}:{slot.pk}",
        url=reverse("appointments:detail", args=[booking.code]),
    )


def send_reminders(now=None) -> int:
    """Remind every citizen booked for tomorrow (the calendar day after ``now``), once per booking and slot.

    Run by beat every hour: a booking made late in the evening for tomorrow is still reminded; one made today for
    today is not (it was just confirmed).
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    due = Booking.objects.filter(
        state=BookingState.BOOKED, reminded_at__isnull=True, slot__starts_at__date=tomorrow
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("slot__counter", "agency", "citizen", "record", "procedure")
                .filter(pk=pk, state=BookingState.BOOKED, reminded_at__isnull=True)
                .first()
            )
            if booking is None:
                continue
            booking.reminded_at = now
            booking.save(update_fields=["reminded_at"])
            _log(booking, BookingAction.REMIND)
            _tell(booking, "reminder")
            sent += 1
    return sent
