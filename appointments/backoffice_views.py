"""The agency's side, in the back-office: the day's appointments per counter, checking a citizen in by the QR code
(scanned: its URL opens this page with the code) or the code typed, which gives a queue number, calling the next
citizen at a counter, and marking no-shows (which frees the place).

Staff of the agency only: another agency's page answers 403 (as the back-office's queues do), a booking of another
agency is "not found here". Every act is written in the booking's history with the officer and their address.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.net import client_ip
from identity import services as identity
from identity.decorators import staff_required
from procedures.models import Agency

from . import selectors, services
from .models import Booking, Counter


def _agency(request, code) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    identity.require_role(request.user, agency)
    return agency


def _day_url(agency, code: str = "") -> str:
    url = reverse("appointments_office:day", args=[agency.code])
    return f"{url}?code={code}" if code else url


@require_GET
@staff_required
def day(request, code):
    """Today's appointments per counter; with ``?code=`` (the QR's URL), the booking to check in is shown first."""
    agency = _agency(request, code)
    found = None
    typed = request.GET.get("code", "")
    if typed:
        found = services.find_for_check_in(typed, agency)
        if found is None:
            messages.error(request, _("Không tìm thấy lịch hẹn có mã này tại cơ quan."))
    return render(
        request,
        "appointments/backoffice/day.html",
        {
            "agency": agency,
            "counters": selectors.agency_day(agency),
            "found": found,
            "typed": typed,
            "today": timezone.localdate(),
            "now": timezone.now(),
        },
    )


@require_POST
@staff_required
def check_in(request, code):
    agency = _agency(request, code)
    booking = services.find_for_check_in(request.POST.get("code", ""), agency)
    if booking is None:
        messages.error(request, _("Không tìm thấy lịch hẹn có mã này tại cơ quan."))
        return redirect(_day_url(agency))
    try:
        booking = services.check_in(booking, by=request.user, client_ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_day_url(agency, booking.code))
    messages.success(
        request,
        _("Đã nhận: %(name)s, quầy %(counter)s, số thứ tự %(number)s.")
        % {
            "name": booking.citizen.get_full_name(),
            "counter": booking.slot.counter.number,
            "number": booking.queue_number,
        },
    )
    return redirect(_day_url(agency))


@require_POST
@staff_required
def call_next(request, code, counter):
    agency = _agency(request, code)
    counter = get_object_or_404(Counter, pk=counter, agency=agency)
    booking = services.call_next(counter, by=request.user, client_ip=client_ip(request))
    if booking is None:
        messages.info(request, _("Không còn ai chờ ở quầy %(counter)s.") % {"counter": counter.number})
    else:
        messages.success(
            request,
            _("Mời số %(number)s (%(name)s) đến quầy %(counter)s.")
            % {"number": booking.queue_number, "name": booking.citizen.get_full_name(), "counter": counter.number},
        )
    return redirect(_day_url(agency))


@require_POST
@staff_required
def no_show(request, code, pk):
    agency = _agency(request, code)
    booking = Booking.objects.filter(pk=pk, agency=agency).select_related("agency").first()
    if booking is None:
        raise Http404
    try:
        services.mark_no_show(booking, by=request.user, client_ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã đánh dấu không đến; chỗ đã được trả lại."))
    return redirect(_day_url(agency))
