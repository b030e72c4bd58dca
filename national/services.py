"""What the national receiver does with a report: check it, store it once, keep each record's latest status, and
compute its own figures from what it holds."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from .models import RecordStatus, StatusReport
from .protocol import FINISHED, ONLINE, STATUSES


class BadReport(ValueError):
    """The report is not one the protocol allows (400)."""


def _text(body: dict, name: str, *, required: bool = True) -> str:
    value = body.get(name)
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > 40:
        raise BadReport(f"{name}: a text of at most 40 characters is required")
    return value.strip()


def _moment(body: dict, name: str, *, required: bool = False) -> datetime.datetime | None:
    value = body.get(name)
    if value is None and not required:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None or timezone.is_naive(parsed):
        raise BadReport(f"{name}: an ISO 8601 date and time with its offset is required")
    return parsed


def _day(body: dict, name: str) -> datetime.date | None:
    value = body.get(name)
    if value is None:
        return None
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise BadReport(f"{name}: an ISO date is required")
    return parsed


def parse(body) -> dict:
    """The report's fields, checked; raises :class:`BadReport`."""
    if not isinstance(body, dict):
        raise BadReport("a JSON object is required")
    event_id, status = body.get("event_id"), body.get("status")
    if not isinstance(event_id, int) or isinstance(event_id, bool) or not 0 < event_id < 2**63:
        raise BadReport("event_id: a positive integer is required")
    if not isinstance(status, int) or isinstance(status, bool) or status not in STATUSES:
        raise BadReport("status: a national status code (1-10) is required")
    fields = {
        "event_id": event_id,
        "status": status,
        "record_code": _text(body, "record_code"),
        "agency_code": _text(body, "agency_code"),
        "procedure_code": _text(body, "procedure_code"),
        "channel": _text(body, "channel"),
        "event_at": _moment(body, "event_at", required=True),
        "due_date": _day(body, "due_date"),
        "received_at": _moment(body, "received_at"),
        "finished_at": _moment(body, "finished_at"),
    }
    return fields


def on_time(fields: dict) -> bool | None:
    """Finished on or before the due date, counted by the day where the nation is (its time zone)."""
    if fields["status"] not in FINISHED or fields["finished_at"] is None:
        return None
    due = fields["due_date"]
    return due is not None and timezone.localdate(fields["finished_at"]) <= due


def receive(body) -> tuple[StatusReport, bool]:
    """Store a report once; returns it and whether it is new. A repeat (same event id) changes nothing."""
    fields = parse(body)
    existing = StatusReport.objects.filter(event_id=fields["event_id"]).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            report = StatusReport.objects.create(body=body, **fields)
            _keep_latest(fields)
    except IntegrityError:  # the same report, delivered twice at once: the other copy won
        return StatusReport.objects.get(event_id=fields["event_id"]), False
    return report, True


def _keep_latest(fields: dict) -> None:
    """The record's status becomes this report's unless a later event (by time, then id) was received before."""
    latest = {name: fields[name] for name in ("agency_code", "procedure_code", "status", "channel")}
    latest |= {name: fields[name] for name in ("due_date", "received_at", "finished_at", "event_at", "event_id")}
    latest["on_time"] = on_time(fields)
    code = fields["record_code"]
    RecordStatus.objects.bulk_create([RecordStatus(record_code=code, **latest)], ignore_conflicts=True)
    current = RecordStatus.objects.select_for_update().get(record_code=code)
    if (fields["event_at"], fields["event_id"]) > (current.event_at, current.event_id):
        RecordStatus.objects.filter(pk=current.pk).update(**latest)


# --- Figures -------------------------------------------------------------------------------------------------------


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _totals() -> dict:
    return {"received": 0, "online": 0, "finished": 0, "on_time": 0, "by_status": {}}


def _finish(totals: dict) -> dict:
    totals["online_share"] = _share(totals["online"], totals["received"])
    totals["on_time_share"] = _share(totals["on_time"], totals["finished"])
    totals["by_status"] = dict(sorted(totals["by_status"].items(), key=lambda item: int(item[0])))
    return totals


def figures(agency_code: str | None = None) -> dict:
    """The nation's figures from the records' latest statuses, per agency and overall:

    - ``received``: records received by their agency (a reception time was reported); ``online``: those filed
      online; ``online_share`` = online ÷ received;
    - ``finished``: records decided (status 10 returned or 8 stopped) with a finishing time; ``on_time``: those
      finished on or before their due date; ``on_time_share`` = on time ÷ finished;
    - ``by_status``: records in each status code.

    Shares are rounded to 4 decimal places, ``None`` when nothing is counted under them.
    """
    records = RecordStatus.objects.all()
    if agency_code:
        records = records.filter(agency_code=agency_code)
    received = Q(received_at__isnull=False)
    finished = Q(status__in=FINISHED, finished_at__isnull=False)
    rows = records.values("agency_code", "status").annotate(
        records=Count("pk"),
        received=Count("pk", filter=received),
        online=Count("pk", filter=received & Q(channel=ONLINE)),
        finished=Count("pk", filter=finished),
        on_time=Count("pk", filter=finished & Q(on_time=True)),
    )
    overall, agencies = _totals(), {}
    for row in rows:
        for totals in (overall, agencies.setdefault(row["agency_code"], _totals())):
            for name in ("received", "online", "finished", "on_time"):
                totals[name] += row[name]
            code = str(row["status"])
            totals["by_status"][code] = totals["by_status"].get(code, 0) + row["records"]
    return {"overall": _finish(overall), "agencies": {code: _finish(agencies[code]) for code in sorted(agencies)}}
