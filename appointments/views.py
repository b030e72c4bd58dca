"""The citizen's side: book a slot for a record's step in person or for filing a procedure at the counter, see the
booking with its QR code, move or cancel it. Another citizen's booking is a 404."""

from __future__ import annotations

import io
from itertools import groupby

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.net import client_ip
from identity.decorators import citizen_required
from procedures.models import Procedure
from records.views.access import step_up_for

from . import selectors, services, slots
from .constants import CODE_LENGTH, BookingState, Purpose
from .models import Booking


def _record(request, pk):
    from records.models import Record

    record = get_object_or_404(Record.objects.select_related("service", "agency", "procedure_version"), pk=pk)
    if record.applicant_id != request.user.pk:
        raise Http404
    return record


def _days(slot_list):
    """Times grouped by local day, for the picker: one choice per time, the counter with the most places left
    (``free_here`` tells the places at every counter at that time), so that a phone shows one list of times."""
    days = []
    for day, items in groupby(slot_list, key=lambda s: timezone.localdate(s.starts_at)):
        times = []
        for _start, same in groupby(items, key=lambda s: s.starts_at):
            same = list(same)
            best = max(same, key=lambda s: (s.free, -s.counter.number))
            best.free_here = sum(s.free for s in same)
            times.append(best)
        days.append((day, times))
    return days


def _slot_id(request) -> int | None:
    try:
        return int(request.POST.get("slot", ""))
    except ValueError:
        return None


def _book_or_pick(request, group, context: dict, **target):
    """A POST books the slot chosen for ``target`` (``record=`` or ``procedure=``) and shows the booking; else, or
    when the booking is refused (the refusal said above), the picker of the group's bookable times."""
    if request.method == "POST" and group is not None:
        try:
            booking = services.book(request.user, _slot_id(request), client_ip=client_ip(request), **target)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã đặt lịch hẹn. Mã check-in và mã QR đã được gửi đến bạn."))
            return redirect("appointments:detail", booking.code)
    days = _days(slots.bookable(group)) if group else []
    return render(request, "appointments/book.html", {**context, "group": group, "days": days})


@require_http_methods(["GET", "POST"])
@citizen_required
def book_for_record(request, pk):
    record = _record(request, pk)
    if not services.may_book_record(request.user, record):
        raise Http404
    if stepping_up := step_up_for(request, record):
        return stepping_up  # the page names the record's code and service: at the level its filing asked, as its page
    if existing := selectors.active_for_record(request.user, record):
        return redirect("appointments:detail", existing.code)
    group = services.group_for(record.agency, record.procedure_version.sector_id)
    context = {"record": record, "agency": record.agency, "purpose": services.purpose_for_record(record)}
    return _book_or_pick(request, group, context, record=record)


@require_http_methods(["GET", "POST"])
@citizen_required
def book_for_procedure(request, code):
    procedure = get_object_or_404(Procedure.objects.select_related("current_version"), code=code)
    if procedure.current_version is None or procedure.is_retired:
        raise Http404
    if existing := selectors.active_for_procedure(request.user, procedure):
        return redirect("appointments:detail", existing.code)
    agencies = list(services.procedure_agencies(procedure))
    agency = None
    if wanted := request.GET.get("agency") or request.POST.get("agency"):
        agency = next((a for a in agencies if a.code == wanted), None)
    elif len(agencies) == 1:
        agency = agencies[0]
    group = services.group_for(agency, procedure.current_version.sector_id) if agency else None
    context = {"procedure": procedure, "agencies": agencies, "agency": agency, "purpose": Purpose.COUNTER_FILING}
    return _book_or_pick(request, group, context, procedure=procedure)


@require_GET
@citizen_required
def mine(request):
    return render(request, "appointments/mine.html", {"bookings": selectors.my_bookings(request.user)[:100]})


def _mine(request, code) -> Booking:
    booking = selectors.my_booking(request.user, code)
    if booking is None:
        raise Http404
    return booking


@require_GET
@citizen_required
def detail(request, code):
    booking = _mine(request, code)
    return render(
        request,
        "appointments/detail.html",
        {"booking": booking, "qr": qr_svg(services.check_in_url(booking)), "now": timezone.now()},
    )


@require_http_methods(["GET", "POST"])
@citizen_required
def move(request, code):
    booking = _mine(request, code)
    if booking.state != BookingState.BOOKED:
        raise Http404
    if request.method == "POST":
        try:
            services.move(booking, _slot_id(request), by=request.user, client_ip=client_ip(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã đổi lịch hẹn."))
            return redirect("appointments:detail", booking.code)
    offered = [s for s in slots.bookable(booking.slot.group) if s.pk != booking.slot_id]
    return render(
        request,
        "appointments/book.html",
        {
            "booking": booking,
            "record": booking.record,
            "procedure": booking.procedure,
            "agency": booking.agency,
            "group": booking.slot.group,
            "purpose": booking.purpose,
            "days": _days(offered),
        },
    )


@require_POST
@citizen_required
def cancel(request, code):
    booking = _mine(request, code)
    try:
        services.cancel(booking, by=request.user, client_ip=client_ip(request))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Đã hủy lịch hẹn."))
    return redirect("appointments:detail", booking.code)


@require_GET
def qr(request, code):
    """The QR code of a booking, the link in its SMS. It carries only the check-in URL with the code (which whoever
    has the link knows already); checking in needs an officer of the agency."""
    if len(code) != CODE_LENGTH:
        raise Http404
    booking = get_object_or_404(Booking.objects.select_related("agency"), code=code)
    response = HttpResponse(qr_svg(services.check_in_url(booking), title=booking.code), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def qr_svg(url: str, *, title: str = "") -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=5, border=2, title=title or None)
    return buffer.getvalue().decode()
