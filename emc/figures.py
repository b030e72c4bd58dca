"""The portal's own figures, computed directly from the records, to hold against what the nation computed from the
status reports it received (the simulated receiver, ``national.figures``; later the ``monitoring`` indicators).

For the records that left the draft, per agency handling them now and overall:

- ``received``: records the agency received (``received_at`` set); ``online``: those of them filed online;
  ``online_share`` = online ÷ received;
- ``finished``: records decided, result returned or rejected (national status 10 or 8), with their finishing time;
  ``on_time``: those finished on or before their due date (the day, in the portal's time zone);
  ``on_time_share`` = on time ÷ finished;
- ``by_status``: records in each national status code (as a string: the figures are JSON).

A share is rounded to 4 decimal places, and is ``None`` when nothing is counted under it.
"""

from __future__ import annotations

from django.db.models import Count, F, Q

from records.constants import NATIONAL_STATUS, Channel, RecordState
from records.models import Record

FINISHED_STATES = (RecordState.RESULT_RETURNED, RecordState.REJECTED)


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def empty() -> dict:
    return {"received": 0, "online": 0, "finished": 0, "on_time": 0, "by_status": {}}


def add(totals: dict, row: dict) -> None:
    for name in ("received", "online", "finished", "on_time"):
        totals[name] += row[name]
    code = str(NATIONAL_STATUS[row["state"]])
    totals["by_status"][code] = totals["by_status"].get(code, 0) + row["records"]


def finish(totals: dict) -> dict:
    totals["online_share"] = share(totals["online"], totals["received"])
    totals["on_time_share"] = share(totals["on_time"], totals["finished"])
    totals["by_status"] = dict(sorted(totals["by_status"].items(), key=lambda item: int(item[0])))
    return totals


def portal_figures(records=None) -> dict:
    """``{"overall": {...}, "agencies": {agency code: {...}}}`` for ``records`` (default: all), one query."""
    records = (Record.objects.all() if records is None else records).exclude(state=RecordState.DRAFT)
    received = Q(received_at__isnull=False)
    finished = Q(state__in=FINISHED_STATES, completed_at__isnull=False)
    rows = records.values("agency__code", "state").annotate(
        records=Count("pk"),
        received=Count("pk", filter=received),
        online=Count("pk", filter=received & Q(channel=Channel.ONLINE)),
        finished=Count("pk", filter=finished),
        # ``__date`` is the day in the current time zone (the portal's): a record returned at 16:00 on its due day
        # is on time, whatever the UTC date.
        on_time=Count("pk", filter=finished & Q(completed_at__date__lte=F("due_date"))),
    )
    overall, agencies = empty(), {}
    for row in rows:
        add(overall, row)
        add(agencies.setdefault(row["agency__code"], empty()), row)
    return {"overall": finish(overall), "agencies": {code: finish(agencies[code]) for code in sorted(agencies)}}
