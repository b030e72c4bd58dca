"""From a record's change to notifications: who hears of it, with which event, one outbox row each.

Connected to ``records.signals.record_changed`` in ``apps.py``, which is sent
inside the record's transaction right after the event row is written. The
receiver decides who is told (the applicant, and the officers the event concerns:
the one it names, else the roles at the record's agency) and writes one outbox
row per recipient (``outbox.services.enqueue_many``, key
``notifications:event:<event>:user:<user>``) in that same transaction: a
committed change cannot lose its notices to a broker outage or a crash, a
rolled-back one leaves none. After commit the rows are relayed to the
``notifications`` queue, or picked up by the outbox sweep; the worker runs
``tasks.notify_recipient`` for each row, which writes that person's inbox entry
and deliveries (``notify``). The notification's idempotency key stays the record
event's (``record:<record>:<event>``), so nobody is notified twice of one event,
whichever way the row (or an old ``notify_record_event`` message) comes back.

"""

from __future__ import annotations

import logging

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from identity.constants import StaffRole
from records.constants import WorkflowAction as A

from .constants import Event
from .services import adopt_language_at_first_login, notify

logger = logging.getLogger(__name__)

CITIZEN, OFFICER = "citizen", "officer"
# A person the filing names whose knowledge the procedure implies (the other parent, the spouse to be:
# ``records.participants``), told when it is filed.
NAMED = "named"

# What the applicant hears of each action. Actions missing here (start_processing, transfer...) are internal.
CITIZEN_EVENTS = {
    A.SUBMIT: Event.RECORD_SUBMITTED,
    A.RECEIVE: Event.RECORD_RECEIVED,
    A.REFUSE: Event.RECORD_REFUSED,
    A.REQUEST_SUPPLEMENT: Event.SUPPLEMENT_REQUESTED,
    A.APPROVE: Event.RECORD_APPROVED,
    A.REJECT: Event.RECORD_REJECTED,
    A.RETURN_RESULT: Event.RESULT_RETURNED,
    A.REVOKE_RESULT: Event.RESULT_REVOKED,
    A.APOLOGISE: Event.OVERDUE_APOLOGY,
}

# What officers hear of, and which of them: roles at the record's agency, or the officer the event names.
OFFICER_EVENTS = {
    A.SUBMIT: (Event.OFFICER_NEW_RECORD, (StaffRole.RECEIVER,)),
    A.SUPPLEMENT: (Event.OFFICER_NEW_RECORD, (StaffRole.RECEIVER,)),
    A.ACCEPT_TRANSFER: (Event.OFFICER_ASSIGNED, (StaffRole.PROCESSOR,)),
    A.REMINDER: (Event.OFFICER_REMINDER, (StaffRole.PROCESSOR,)),
    A.OVERDUE: (Event.OFFICER_OVERDUE, (StaffRole.PROCESSOR, StaffRole.AGENCY_HEAD)),
    A.REASSIGN: (Event.OFFICER_ASSIGNED, (StaffRole.PROCESSOR,)),
    A.STEP_OVERDUE: (Event.OFFICER_STEP_OVERDUE, (StaffRole.PROCESSOR, StaffRole.AGENCY_HEAD)),
}

# Keys of ``event.data`` that name the officer concerned (``records.signals``: reminder ``officer``,
# reassign ``to``); otherwise the record's assigned officer, otherwise the roles above.
OFFICER_KEYS = {A.REMINDER: ("officer",), A.REASSIGN: ("to",)}


def on_record_changed(sender, *, record, event, action, **kwargs):
    """Inside the record's transaction: one outbox row per person to tell. Errors roll the change back."""
    from outbox.services import enqueue_many

    if action not in CITIZEN_EVENTS and action not in OFFICER_EVENTS:
        return
    enqueue_many(
        (
            "notifications.tasks.notify_recipient",
            {"event_id": event.pk, "user_id": user_id, "audience": audience},
            f"notifications:event:{event.pk}:user:{user_id}",
        )
        for user_id, audience in recipients(record, event, action)
    )


def citizen_cares(record, action: str) -> bool:
    """Whether the applicant is told of ``action``. Approval is news to them only when the result then waits for
    something they must do (a fee: the result's guards); otherwise the result is returned moments later and
    "Đã trả kết quả" is the one notice (and SMS) they get, not two near-identical ones seconds apart."""
    if action not in CITIZEN_EVENTS:
        return False
    if action == A.APPROVE:
        from records.workflow import blocking_reasons

        return bool(blocking_reasons(record, A.RETURN_RESULT))
    return True


def recipients(record, event, action: str) -> list[tuple[int, str]]:
    """``(user id, "citizen" | "officer")`` for each person told of ``event``; each person once."""
    found = {}
    if record.applicant_id and citizen_cares(record, action):
        found[record.applicant_id] = CITIZEN
    if action == A.SUBMIT:
        from records.participants import participant_ids

        for user_id in participant_ids(record):
            found.setdefault(user_id, NAMED)
    if action in OFFICER_EVENTS:
        for user_id in officer_ids(record, event, OFFICER_EVENTS[action][1]):
            if user_id != event.actor_id:  # nobody is told of what they just did themselves
                found.setdefault(user_id, OFFICER)
    return list(found.items())


def notify_recipient(record, event, user, audience: str):
    """Tell ``user`` of ``event`` as the applicant or as an officer. Idempotent (the event's key)."""
    context = record_context(record, event)
    if audience == CITIZEN:
        notice, url = CITIZEN_EVENTS.get(event.action), _url("records:detail", record.pk)
    elif audience == NAMED:
        notice, url = named_notice(record, event, user, context)
    else:
        notice, url = OFFICER_EVENTS.get(event.action, (None,))[0], _backoffice_url(record)
    if notice is None:
        return None
    return notify(
        notice,
        recipient_user=user,
        context=context,
        related=record,
        idempotency_key=f"record:{record.pk}:{event.pk}",
        url=url,
    )


def named_notice(record, event, user, context: dict) -> tuple[Event | None, str]:
    """A person the filing names is told it was filed, as whom, and where to read it (read-only)."""
    from records.participants import participation_of_account

    participant = participation_of_account(user, record)
    if participant is None or event.action != A.SUBMIT:
        return None, ""
    from django.utils import translation

    with translation.override("vi"):
        context["role"] = str(participant.get_role_display())
    with translation.override("en"):
        context["role_en"] = str(participant.get_role_display())
    return Event.NAMED_IN_RECORD, _url("records:named", record.pk)


def notify_record_event(record, event, action: str) -> list:
    """Every recipient of ``event`` at once (``tasks.notify_record_event``: messages queued before the outbox)."""
    from django.contrib.auth import get_user_model

    found = recipients(record, event, action)
    users = get_user_model().objects.in_bulk([user_id for user_id, _audience in found])
    messages = (notify_recipient(record, event, users[pk], audience) for pk, audience in found if pk in users)
    return [message for message in messages if message is not None]


def officers_for(record, event, roles) -> list:
    """The officer the event names, if any; otherwise the active staff holding ``roles`` at the agency."""
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(pk__in=officer_ids(record, event, roles)).order_by("pk"))


def officer_ids(record, event, roles) -> list[int]:
    """The ids of :func:`officers_for`, in one query: what the record's transaction needs."""
    from django.contrib.auth import get_user_model

    named = _named_officer(record, event)
    if named is None and event.action in OFFICER_KEYS:
        named = getattr(record, "assigned_to_id", None)
    if named is not None:
        return list(get_user_model().objects.filter(is_active=True, pk=named).values_list("pk", flat=True))
    return _role_holders(record.agency_id, roles)


def _role_holders(agency_id, roles) -> list[int]:
    """The active users holding one of ``roles`` at the agency, by id: one join, written out in SQL because every
    filing runs it in its transaction (the ORM spent more building it than PostgreSQL answering it)."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from identity.models import StaffMembership

    if not roles:
        return []
    quote = connection.ops.quote_name
    membership, user = StaffMembership._meta, get_user_model()._meta
    member_of = {name: quote(membership.get_field(name).column) for name in ("user", "agency", "role")}
    sql = (
        f"SELECT DISTINCT m.{member_of['user']} FROM {quote(membership.db_table)} m "  # noqa: S608 - names are ours
        f"JOIN {quote(user.db_table)} u ON u.{quote(user.pk.column)} = m.{member_of['user']} "
        f"WHERE m.{member_of['agency']} = %s AND m.{member_of['role']} IN ({', '.join(['%s'] * len(roles))}) "
        f"AND u.{quote(user.get_field('is_active').column)} ORDER BY 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [agency_id, *(str(role) for role in roles)])
        return [user_id for (user_id,) in cursor.fetchall()]


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
        "step_name": data.get("step_name") or "",
        "step_due": data.get("step_due"),
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
