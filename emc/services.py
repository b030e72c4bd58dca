"""Sending status reports to the national endpoint over HTTP: signed, idempotent by event id, retried by the outbox.

The protocol, as the national side (``national/``, the simulator) implements it on its own:

- ``POST NATIONAL_SYNC_URL`` with the report (``reports.build_report``) as a JSON body (UTF-8);
- header ``X-EMC-Signature``: the hex HMAC-SHA256 of the exact body bytes under the shared secret
  ``NATIONAL_SYNC_SECRET``; header ``Idempotency-Key``: the event id;
- the receiver answers 2xx once the report is stored, or was stored before (the same event id is kept once).

Anything else (a refused connection, a timeout, a 5xx, a 403 for a wrong secret) raises :class:`DeliveryFailed`:
the outbox records the error on the row and runs it again with backoff (``outbox.services.process``), and
``tasks.resend_failed`` brings back the rows it gave up on, so an outage of the national endpoint loses nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json

import requests
from django.conf import settings

from . import reports

SIGNATURE_HEADER = "X-EMC-Signature"
TASK = "emc.tasks.report_status"


class DeliveryFailed(Exception):
    """The national endpoint did not take the report; the outbox row stays pending for its next attempt."""


def enabled() -> bool:
    """Reporting is on when a national endpoint is configured."""
    return bool(getattr(settings, "NATIONAL_SYNC_URL", ""))


def body_of(report: dict) -> bytes:
    """The report's bytes on the wire: compact, keys sorted, so a retry sends (and signs) the same bytes."""
    return json.dumps(report, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def outbox_key(event) -> str:
    return f"emc:event:{event.pk}"


def enqueue_report(record, event) -> None:
    """In the record's transaction: one outbox row carrying the report of ``event``, keyed by the event."""
    from outbox.services import enqueue

    enqueue(TASK, {"report": reports.build_report(record, event)}, outbox_key(event))


def send(report: dict) -> int:
    """POST one report to the national endpoint; returns the HTTP status. Raises :class:`DeliveryFailed`."""
    url = getattr(settings, "NATIONAL_SYNC_URL", "")
    secret = getattr(settings, "NATIONAL_SYNC_SECRET", "")
    if not url or not secret:
        # Switched off (or left without its secret) after the row was written: keep it until it is configured.
        raise DeliveryFailed("NATIONAL_SYNC_URL and NATIONAL_SYNC_SECRET must both be set")
    body = body_of(report)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        SIGNATURE_HEADER: sign(body, secret),
        "Idempotency-Key": str(report["event_id"]),
    }
    timeout = (getattr(settings, "NATIONAL_SYNC_CONNECT_TIMEOUT", 5), getattr(settings, "NATIONAL_SYNC_TIMEOUT", 10))
    try:
        response = requests.post(url, data=body, headers=headers, timeout=timeout)
    except requests.RequestException as error:
        raise DeliveryFailed(f"{type(error).__name__}: {error}") from error
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed(f"HTTP {response.status_code}: {response.text[:200]}")
    return response.status_code
