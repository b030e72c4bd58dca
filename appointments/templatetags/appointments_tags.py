"""Appointments' parts on other apps' pages (the record page, the procedure page), so that those apps need not
import appointments: their templates include ``appointments/_record_booking.html`` and
``appointments/_procedure_booking.html``, which call these tags."""

from django import template

from .. import selectors, services
from ..constants import BookingState

register = template.Library()


@register.simple_tag(takes_context=True)
def record_appointment(context, record) -> dict | None:
    """What the record page shows: the citizen's booking for the record, and whether they may book; None when the
    record has no step in person or the viewer is not its applicant."""
    user = getattr(context.get("request"), "user", None)
    if not getattr(user, "is_authenticated", False) or record.applicant_id != user.pk:
        return None
    booking = selectors.latest_for_record(user, record)
    can_book = services.may_book_record(user, record)
    if booking is None and not can_book:
        return None
    if booking is not None and (
        booking.is_active
        or (booking.state == BookingState.CALLED and booking.purpose == services.purpose_for_record(record))
    ):
        can_book = False  # booked, or this step was already done at the counter (a result to collect is another)
    return {
        "booking": booking,
        "can_book": can_book,
        "has_counters": services.group_for(record.agency, record.procedure_version.sector_id) is not None,
    }


@register.simple_tag(takes_context=True)
def procedure_appointment(context, procedure) -> dict | None:
    """What the procedure page offers a signed-in citizen: booking a counter visit to file it, where agencies take
    appointments; their active booking if they have one."""
    user = getattr(context.get("request"), "user", None)
    if not getattr(user, "is_citizen", False) or not services.procedure_agencies(procedure).exists():
        return None
    return {"booking": selectors.active_for_procedure(user, procedure)}
