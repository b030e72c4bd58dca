"""From a record's transition to notifications: who hears of it, with which event.

Connected to ``records.signals.record_transitioned`` in ``apps.py``. The signal
is sent after the record's transaction commits; the receiver only hands the
event's id to the notifications worker (``tasks.notify_record_event``), so a
filing or an officer's action does not wait while the inbox entries of every
receiver at the agency are written. The worker calls ``notify`` for each
recipient; the idempotency key is the record event's, so the same event never
notifies twice, however often the task runs. If the broker cannot take the task,
the notices are written in the request instead: slower, nothing lost.
"""

from __future__ import annotations

import logging

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from identity.constants import StaffRole

from .constants import Event
from .services import adopt_language_at_first_login, notify

logger = logging.getLogger(__name__)

# What the applicant hears of each action. Actions missing here (start_processing, transfer...) are internal.
CITIZEN_EVENTS = {
    "submit": Event.RECORD_SUBMITTED,
    "receive": Event.RECORD_RECEIVED,
    "refuse": Event.RECORD_REFUSED,
    "request_supplement": Event.SUPPLEMENT_REQUESTED,
    "approve": Event.RECORD_APPROVED,
    "reject": Event.RECORD_REJECTED,
    "return_result": Event.RESULT_RETURNED,
    "apologise": Event.OVERDUE_APOLOGY,
}

# What officers hear of, and which of them: roles at the record's agency, or the officer the event names.
OFFICER_EVENTS = {
    "submit": (Event.OFFICER_NEW_RECORD, (StaffRole.RECEIVER,)),
    "supplement": (Event.OFFICER_NEW_RECORD, (StaffRole.RECEIVER,)),
    "accept_transfer": (Event.OFFICER_ASSIGNED, (StaffRole.PROCESSOR,)),
    "reminder": (Event.OFFICER_REMINDER, (StaffRole.PROCESSOR,)),
    "overdue": (Event.OFFICER_OVERDUE, (StaffRole.PROCESSOR, StaffRole.AGENCY_HEAD)),
    "reassign": (Event.OFFICER_ASSIGNED, (StaffRole.PROCESSOR,)),
}

# Keys of ``event.data`` that name the officer concerned (``records.signals``: reminder ``officer``,
# reassign ``to``); otherwise the record's assigned officer, otherwise the roles above.
OFFICER_KEYS = {"reminder": ("officer",), "reassign": ("to",)}


def on_record_transitioned(sender, *, record, event, action, **kwargs):
    """Never raises: a notification problem must not break the officer's action (it is logged)."""
    if action not in CITIZEN_EVENTS and action not in OFFICER_EVENTS:
        return
    from kombu.exceptions import OperationalError

    from .tasks import notify_record_event as notify_later

    try:
        try:
            notify_later.delay(event.pk)
        except OperationalError:
            logger.warning("Broker unavailable: notifying record event %s (%s) in the request", event.pk, action)
            notify_record_event(record, event, action)
    except Exception:
        logger.exception("Could not notify record event %s (%s) of record %s", event.pk, action, record.pk)


def notify_record_event(record, event, action: str) -> list:
    messages = []
    context = record_context(record, event)
    citizen_event = CITIZEN_EVENTS.get(action)
    if citizen_event and record.applicant_id:
        messages.append(
            notify(
                citizen_event,
                recipient_user=record.applicant,
                context=context,
                related=record,
                idempotency_key=f"record:{record.pk}:{event.pk}",
                url=_url("records:detail", record.pk),
            )
        )
    officer = OFFICER_EVENTS.get(action)
    if officer:
        officer_event, roles = officer
        for user in officers_for(record, event, roles):
            if user.pk == event.actor_id:
                continue  # nobody is told of what they just did themselves
            messages.append(
                notify(
                    officer_event,
                    recipient_user=user,
                    context=context,
                    related=record,
                    idempotency_key=f"record:{record.pk}:{event.pk}",
                    url=_backoffice_url(record),
                )
            )
    return messages


def officers_for(record, event, roles) -> list:
    """The officer the event names, if any; otherwise the active staff holding ``roles`` at the agency."""
    from django.contrib.auth import get_user_model

    from identity.models import StaffMembership

    User = get_user_model()
    named = _named_officer(record, event)
    if named is None and event.action in OFFICER_KEYS:
        named = getattr(record, "assigned_to_id", None)
    if named is not None:
        user = User.objects.filter(pk=named, is_active=True).first()
        return [user] if user else []
    user_ids = StaffMembership.objects.filter(agency_id=record.agency_id, role__in=roles).values("user_id")
    return list(User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk"))


def _named_officer(record, event):
    data = event.data or {}
    for key in OFFICER_KEYS.get(event.action, ()):
        value = data.get(key)
        if isinstance(value, dict):
            value = value.get("id")
        if value:
            return value
    return None


def record_context(record, event) -> dict:
    """What every record template may print. No more personal data than the name and the code."""
    data = event.data or {}
    version, agency = record.procedure_version, record.agency
    return {
        "record_code": record.code or "",
        "procedure_name": version.name,
        "procedure_name_en": version.name_en or version.name,
        "agency_name": agency.name,
        "agency_name_en": getattr(agency, "name_en", "") or agency.name,
        "applicant_name": record.applicant_name,
        # The state the event led to: the worker may run after the record has moved on.
        "state": event.get_to_state_display() if event.to_state else record.get_state_display(),
        "reason": event.reason,
        "event_at": event.at,
        "submitted_at": record.submitted_at,
        "due_date": data.get("previous_appointment")
        or data.get("due_date")
        or record.due_date
        or record.expected_result_date,
        "new_appointment": data.get("new_appointment"),
        "items": data.get("items") or [],
        "remind_note": data.get("note") or "",
    }


def _url(name, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _backoffice_url(record) -> str:
    for name, args in (("backoffice:record", [record.pk]), ("identity:backoffice", [])):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return ""


def on_logged_in(sender, request, user, **kwargs):
    if request is not None:
        adopt_language_at_first_login(user, (get_language() or "vi")[:2])
