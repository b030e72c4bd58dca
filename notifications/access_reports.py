"""Acknowledging a citizen's report of an access to their data (``dataaccess.signals.access_reported``).

Called inside the transaction that stores the report: the inbox entry is written with it, e-mail and SMS leave
once it commits (``notify``). One message per report, whatever retries.
"""

from __future__ import annotations

from .constants import Event
from .services import notify


def on_access_reported(sender, *, report, url: str = "", **kwargs):
    access = report.access
    notify(
        Event.DATA_ACCESS_REPORTED,
        recipient_user=report.reporter,
        context={
            "officer_name": access.officer_name,
            "agency_name": access.agency_name,
            "accessed_at": access.created_at,
            "record_code": access.record_code,
            "kind": access.kind,
        },
        related=report,
        idempotency_key=f"data-access-report:{report.pk}",
        url=url,
    )
