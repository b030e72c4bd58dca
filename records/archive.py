"""Closed records are archived, never deleted.

A record that reached a final state (result returned, not resolved, refused, withdrawn) is archived
``RECORD_ARCHIVE_GRACE_DAYS`` after it closed: ``archived_at`` is set and ``retain_until`` says how
long it must be kept (closing + its procedure version's ``retention_years``). Nothing is removed:
the database refuses to delete a filed record, its history, files and results (migration 0007).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import DateTimeField, F
from django.db.models.functions import Coalesce
from django.utils import timezone

from .constants import FINAL_STATES
from .models import Record


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def archive_closed_records(now=None, batch: int = 1000) -> int:
    """Archive the records closed more than the grace period ago; idempotent. Returns how many."""
    now = now or timezone.now()
    grace = datetime.timedelta(days=getattr(settings, "RECORD_ARCHIVE_GRACE_DAYS", 30))
    closed = Coalesce("completed_at", "updated_at", output_field=DateTimeField())
    done = 0
    while True:
        rows = list(
            Record.objects.filter(state__in=FINAL_STATES, archived_at__isnull=True)
            .annotate(closed=closed)
            .filter(closed__lte=now - grace)
            .values_list("pk", "closed", F("procedure_version__retention_years"))[:batch]
        )
        if not rows:
            return done
        for pk, closed_at, years in rows:
            retain_until = add_years(timezone.localdate(closed_at), years or 10)
            done += Record.objects.filter(pk=pk, archived_at__isnull=True).update(
                archived_at=now, retain_until=retain_until
            )
