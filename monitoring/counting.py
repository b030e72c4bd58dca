"""From records' events to figures: one rule (``record_deltas``) used by the incremental count and by the rebuild.

Each record's events are replayed in order to know, at each event, the agency holding the record (transfers and unit
mergers move it), its due date (set at receipt, moved by a supplement pause), the handling officer and whether it was
marked overdue. An event then adds to the counters of its day, agency, procedure and channel (``constants.COUNTERS``):

- ``receive``: received (+ online, + full-process online, + reused data); the record joins its reception cohort
  (``open_from_cohort``) until it is decided or withdrawn;
- ``refuse``: refused; ``request_supplement``: supplements;
- ``return_result`` and ``reject``: finished, on time when decided on or before the due date in force, else late; the
  working days from reception to decision, less the days paused for a supplement, add to ``working_days``;
  a returned result adds ``results_returned``, ``results_digitised`` when its approval signed an electronic
  document, ``fee_charging`` when a fee was due and ``paid_online`` when it was paid through the payment gateway;
- ``overdue``: the record's cohort counts it in ``overdue_from_cohort`` until it is decided or withdrawn.

What the other tables say (the service's delivery level, the papers replaced, the fee and its payment) is read when
the event is counted: a rebuild after an administrator changed a service's level, or after a refund, reads them anew.

The officer figures take the finishing counters for the officer handling the record when it is decided.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from records.constants import Channel
from records.constants import WorkflowAction as A
from records.deadlines import extra_days_off, working_days_between

from .constants import COUNTERS, Grain
from .models import AgencyFigure, OfficerFigure, PendingEvent, ProcedureFigure

MOVES_AGENCY = {A.TRANSFER, A.TRANSFER_BACK, A.MERGE_UNIT}
FINISHING = {A.RETURN_RESULT, A.REJECT}


@dataclass
class Delta:
    day: datetime.date
    agency_id: int
    procedure_id: int
    channel: str
    officer_id: int | None = None
    counts: Counter = field(default_factory=Counter)


def _day(moment) -> datetime.date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class _Facts:
    """What the record's other tables say, asked once per record (payments, the service's delivery level)."""

    def __init__(self, record):
        self.record = record

    def full_online(self) -> bool:
        from eservices.constants import ServiceDelivery

        return self.record.service.delivery == ServiceDelivery.FULL_ONLINE

    def reused_data(self) -> bool:
        return bool(self.record.replaced_components or self.record.prefilled_fields)

    def fee(self) -> tuple[bool, bool]:
        """(a fee was charged, it was paid online)."""
        from payments.services import fee_for, paid_payment

        paid = paid_payment(self.record) is not None
        return paid or fee_for(self.record).total > 0, paid


def first_holder(events, current: str | None) -> str | None:
    """The code of the agency that held the record before its first move (a transfer or a unit merger names the
    agency it came from), else ``current``: where replaying a record's events starts."""
    move = next((e for e in events if e.action in MOVES_AGENCY and (e.data or {}).get("from_agency")), None)
    return move.data["from_agency"] if move else current


def record_deltas(record, events, agency_ids: dict[str, int], count=None, days_off=None) -> list[Delta]:
    """The deltas of ``record``'s ``events`` (all of them, in order) whose ids are in ``count`` (all when None).

    ``agency_ids`` maps agency codes to ids (transfers name agencies by code); ``days_off`` the declared days off."""
    facts = _Facts(record)
    agency = agency_ids.get(first_holder(events, None), record.agency_id)
    procedure = record.procedure_version.procedure_id
    channel = record.channel
    due = received_day = received_agency = handler = None
    paused = 0
    overdue = decided = signed = False
    deltas = []

    def add(day, where, officer=None, **counts):
        if count is None or event.pk in count:
            deltas.append(Delta(day, where, procedure, channel, officer, Counter(counts)))

    for event in events:
        data = event.data or {}
        day = _day(event.at)
        action = event.action
        if action in MOVES_AGENCY:
            agency = agency_ids.get(data.get("to_agency", ""), agency)
            if action == A.TRANSFER:
                handler = None
        elif action == A.RECEIVE:
            due = _date(data.get("due_date"))
            received_day, received_agency = day, agency
            handler = data.get("assigned_to") or handler
            online = channel == Channel.ONLINE
            add(
                day,
                agency,
                received=1,
                received_online=int(online),
                received_full_online=int(online and facts.full_online()),
                reused_data=int(facts.reused_data()),
                open_from_cohort=1,
            )
        elif action == A.REFUSE:
            add(day, agency, refused=1)
        elif action == A.REQUEST_SUPPLEMENT:
            add(day, agency, supplements=1)
        elif action == A.SUPPLEMENT:
            due = _date(data.get("due_date")) or due
            paused += int(data.get("paused_working_days") or 0)
        elif action in (A.START_PROCESSING, A.ACCEPT_TRANSFER):
            handler = handler or event.actor_id
        elif action == A.REASSIGN:
            handler = data.get("to") or handler
        elif action == A.APPROVE:
            signed = bool(data.get("result"))
        elif action == A.OVERDUE and received_day and not decided and not overdue:
            overdue = True
            add(received_day, received_agency, overdue_from_cohort=1)
        elif action in FINISHING and not decided:
            decided = True
            late = due is not None and day > due
            days = max(0, working_days_between(received_day, day, days_off) - paused) if received_day else 0
            finishing = {"finished": 1, "finished_on_time": int(not late), "finished_late": int(late)}
            finishing["working_days"] = days
            if action == A.RETURN_RESULT:
                charged, paid = facts.fee()
                finishing.update(
                    results_returned=1, results_digitised=int(signed), fee_charging=int(charged), paid_online=int(paid)
                )
            add(day, agency, **finishing)
            if handler:
                add(day, agency, officer=handler, **finishing)
            if received_day:
                add(received_day, received_agency, open_from_cohort=-1, overdue_from_cohort=-int(overdue))
        elif action == A.WITHDRAW and received_day and not decided:
            decided = True
            add(received_day, received_agency, open_from_cohort=-1, overdue_from_cohort=-int(overdue))
    return deltas


# --- Writing the figures ------------------------------------------------------------


def _period_starts(day: datetime.date):
    return ((Grain.DAY, day), (Grain.MONTH, day.replace(day=1)))


def add_up(deltas) -> dict:
    """Deltas summed per figure row: ``{(model, key): Counter}``."""
    rows: dict = defaultdict(Counter)
    for delta in deltas:
        for grain, start in _period_starts(delta.day):
            if delta.officer_id is not None:
                rows[(OfficerFigure, (grain, start, delta.agency_id, delta.officer_id))].update(delta.counts)
                continue
            rows[(AgencyFigure, (grain, start, delta.agency_id))].update(delta.counts)
            key = (grain, start, delta.agency_id, delta.procedure_id, delta.channel)
            rows[(ProcedureFigure, key)].update(delta.counts)
    return rows


KEYS = {
    AgencyFigure: ("grain", "start", "agency_id"),
    ProcedureFigure: ("grain", "start", "agency_id", "procedure_id", "channel"),
    OfficerFigure: ("grain", "start", "agency_id", "officer_id"),
}


def write(rows: dict) -> None:
    """Add the sums to the figure rows (created when missing): one upsert per table, PostgreSQL and SQLite alike."""
    by_model = defaultdict(list)
    for (model, key), counts in rows.items():
        by_model[model].append(tuple(key) + tuple(counts.get(name, 0) for name in COUNTERS))
    for model, values in by_model.items():
        table = connection.ops.quote_name(model._meta.db_table)
        keys = [model._meta.get_field(name.removesuffix("_id")).column for name in KEYS[model]]
        columns = keys + list(COUNTERS)
        placeholders = ", ".join(["%s"] * len(columns))
        updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in COUNTERS)
        # Names come from the models' own metadata; every value is a parameter.
        insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) "  # noqa: S608
        sql = insert + f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
        with connection.cursor() as cursor:
            cursor.executemany(sql, values)


def _agency_ids() -> dict[str, int]:
    from procedures.models import Agency

    return dict(Agency.objects.values_list("code", "id"))


def _records_with_events(record_ids):
    from records.models import Record, RecordEvent

    records = {r.pk: r for r in Record.objects.filter(pk__in=record_ids).select_related("procedure_version", "service")}
    events = defaultdict(list)
    for event in RecordEvent.objects.filter(record_id__in=record_ids).order_by("at", "id"):
        events[event.record_id].append(event)
    return [(records[pk], events[pk]) for pk in record_ids if pk in records]


def count_pending(batch: int = 500) -> int:
    """Count the queued events, a batch at a time, each batch in one transaction; returns how many were counted.

    Two workers never count the same event: a batch takes its queue rows with ``SKIP LOCKED`` (PostgreSQL)."""
    done = 0
    agency_ids, days_off = _agency_ids(), extra_days_off()
    while True:
        with transaction.atomic():
            queued = PendingEvent.objects.order_by("id")
            if connection.features.has_select_for_update_skip_locked:
                queued = queued.select_for_update(skip_locked=True)
            taken = list(queued.select_related("event")[:batch])
            if not taken:
                return done
            wanted = defaultdict(set)
            for row in taken:
                wanted[row.event.record_id].add(row.event_id)
            deltas = []
            for record, events in _records_with_events(list(wanted)):
                deltas += record_deltas(record, events, agency_ids, count=wanted[record.pk], days_off=days_off)
            write(add_up(deltas))
            PendingEvent.objects.filter(pk__in=[row.pk for row in taken]).delete()
            done += len(taken)


def rebuild(batch: int = 2000) -> int:
    """Recompute every figure from the records and their events; returns how many records were replayed."""
    from records.models import Record

    agency_ids, days_off = _agency_ids(), extra_days_off()
    with transaction.atomic():
        for model in (AgencyFigure, ProcedureFigure, OfficerFigure):
            model.objects.all().delete()
        PendingEvent.objects.all().delete()  # everything is counted below
        ids = list(Record.objects.filter(received_at__isnull=False).values_list("pk", flat=True).order_by("pk"))
        ids += list(
            Record.objects.filter(received_at__isnull=True, events__action=A.REFUSE)
            .values_list("pk", flat=True)
            .distinct()
        )
        for start in range(0, len(ids), batch):
            deltas = []
            for record, events in _records_with_events(ids[start : start + batch]):
                deltas += record_deltas(record, events, agency_ids, days_off=days_off)
            write(add_up(deltas))
    return len(ids)
