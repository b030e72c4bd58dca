"""Telling the nation where every record stands now: for a portal that starts reporting with records already filed
(``NATIONAL_SYNC_URL`` set on a running deployment), or after reports were lost outside the portal.

Each record that left the draft gets the report of its latest reportable event (``reports.reportable``), under that
event's outbox key: a report already written for it (pending or done) is not written twice, and the receiver stores
an event once whatever is sent again.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery

from outbox.services import enqueue_many
from records.constants import NATIONAL_STATUS, RecordState
from records.models import Record, RecordEvent

from . import reports, services

BATCH = 500


def latest_reportable_events():
    """``RecordEvent`` rows: the latest reportable event of each record that left the draft."""
    reportable = Q(to_state__in=list(NATIONAL_STATUS)) & (
        ~Q(from_state=F("to_state")) | Q(action__in=list(reports.AGENCY_MOVES))
    )
    latest = RecordEvent.objects.filter(reportable, record=OuterRef("pk")).order_by("-at", "-pk").values("pk")[:1]
    ids = Record.objects.exclude(state=RecordState.DRAFT).annotate(event_id=Subquery(latest)).values("event_id")
    return RecordEvent.objects.filter(pk__in=ids)


def report_current_statuses(batch: int = BATCH) -> int:
    """Write the outbox rows (relayed on commit, batch by batch); returns how many events were put forward."""
    if not services.enabled():
        raise services.DeliveryFailed("NATIONAL_SYNC_URL is not set: there is nowhere to report to")
    events = (
        latest_reportable_events()
        .select_related("record__agency", "record__procedure_version__procedure")
        .order_by("pk")
    )
    count, last = 0, 0
    while True:
        chunk = list(events.filter(pk__gt=last)[:batch])
        if not chunk:
            return count
        with transaction.atomic():
            enqueue_many(
                (services.TASK, {"report": reports.build_report(event.record, event)}, services.outbox_key(event))
                for event in chunk
            )
        count += len(chunk)
        last = chunk[-1].pk
