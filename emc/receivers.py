"""From a record's change to its status report: one outbox row per change, written in the change's transaction.

Connected to ``records.signals.record_changed`` in ``apps.py``. A committed change cannot lose its report to a
broker outage, a crash or the national endpoint being down (the row waits and is retried); a rolled-back change
reports nothing. Nothing is written while no national endpoint is configured (``NATIONAL_SYNC_URL`` empty).
"""

from __future__ import annotations

from . import reports, services


def on_record_changed(sender, *, record, event, action, **kwargs):
    """Inside the record's transaction: the outbox row of the status report, when the event is one to report."""
    if services.enabled() and reports.reportable(event):
        services.enqueue_report(record, event)
