"""Client of a PayGov-like national payment platform, over HTTP only.

The protocol (the same for the simulated gateway under ``/paygov/`` and a real
one): every message carries ``merchant_id`` and a ``timestamp`` (Unix seconds)
and is signed with HMAC-SHA256 over its canonical form, the fields other than
``signature`` sorted by name and joined as ``name=value`` with ``|`` (values
percent-encoded so neither ``|`` nor ``=`` can shift a boundary). Answers of
the merchant API are signed the same way; the daily statement CSV is signed as
a whole in the ``X-PayGov-Signature`` header.

Settings: ``PAYGOV_BASE_URL`` (default ``PORTAL_BASE_URL/paygov``),
``PAYGOV_MERCHANT_ID``, ``PAYGOV_SECRET``, ``PAYGOV_CALLBACK_MAX_AGE`` (seconds),
``PAYGOV_TIMEOUT`` (seconds).
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import hmac
import io
import logging
import time
from urllib.parse import quote

import requests
from django.conf import settings
from django.core import checks
from django.utils.dateparse import parse_datetime

from ..constants import CallbackOutcome, PaymentState
from .base import (
    CallbackRejected,
    PaymentProvider,
    ProviderError,
    RefundResult,
    StartResult,
    StatementLine,
    StatusResult,
)
from .registry import register

logger = logging.getLogger(__name__)

# Gateway statuses → the portal's payment states.
STATES = {
    "created": PaymentState.PENDING,
    "success": PaymentState.PAID,
    "failed": PaymentState.FAILED,
    "cancelled": PaymentState.CANCELLED,
    "expired": PaymentState.EXPIRED,
    "refunded": PaymentState.REFUNDED,
}
CALLBACK_FIELDS = ("merchant_id", "reference", "transaction_id", "amount", "status", "timestamp", "signature")


def canonical(params: dict) -> str:
    return "|".join(
        f"{key}={quote(str(params[key]), safe='')}"
        for key in sorted(params)
        if key != "signature" and params[key] is not None
    )


def sign(params: dict, secret: str) -> str:
    return hmac.new(secret.encode(), canonical(params).encode(), hashlib.sha256).hexdigest()


def signature_valid(params: dict, secret: str) -> bool:
    given = params.get("signature")
    if not isinstance(given, str):
        return False
    return hmac.compare_digest(sign(params, secret).encode(), given.encode())


def _base_url() -> str:
    return (getattr(settings, "PAYGOV_BASE_URL", "") or f"{settings.PORTAL_BASE_URL}/paygov").rstrip("/")


@register("paygov")
class PayGovProvider(PaymentProvider):
    label = "PayGov"

    @classmethod
    def check(cls) -> list[checks.CheckMessage]:
        """Without a secret nothing can be signed; without an address and with the simulator off, nothing answers."""
        messages = []
        if not getattr(settings, "PAYGOV_SECRET", ""):
            messages.append(
                checks.Error("PAYGOV_SECRET is empty: payments to PayGov cannot be signed.", id="payments.E001")
            )
        if not getattr(settings, "PAYGOV_BASE_URL", "") and not getattr(settings, "PAYGOV_SIMULATOR", False):
            messages.append(
                checks.Warning(
                    "PAYGOV_BASE_URL is empty and the simulated gateway is off: payments would go to "
                    f"{_base_url()}, where nothing answers.",
                    hint="Set PAYGOV_BASE_URL to the national payment platform.",
                    id="payments.W002",
                )
            )
        return messages

    def __init__(self):
        self.merchant_id = settings.PAYGOV_MERCHANT_ID
        self.secret = settings.PAYGOV_SECRET
        self.timeout = getattr(settings, "PAYGOV_TIMEOUT", 10)
        self.max_age = getattr(settings, "PAYGOV_CALLBACK_MAX_AGE", 300)

    # --- merchant API -------------------------------------------------------

    def _call(self, path: str, fields: dict) -> dict:
        body = {**fields, "merchant_id": self.merchant_id, "timestamp": int(time.time())}
        body["signature"] = sign(body, self.secret)
        url = f"{_base_url()}{path}"
        try:
            response = requests.post(url, json=body, timeout=self.timeout)
        except requests.RequestException as error:
            logger.warning("PayGov %s unreachable: %s", path, error)
            raise ProviderError(str(error)) from error
        try:
            answer = response.json()
        except ValueError:
            raise ProviderError(f"PayGov {path}: HTTP {response.status_code}, not JSON") from None
        if not signature_valid(answer, self.secret):
            raise ProviderError(f"PayGov {path}: answer not signed by the gateway (HTTP {response.status_code})")
        if response.status_code >= 400:
            raise ProviderError(f"PayGov {path}: {answer.get('error', response.status_code)}")
        return answer

    def start(self, payment, *, return_url: str, callback_url: str) -> StartResult:
        answer = self._call(
            "/api/v1/payments",
            {
                "reference": payment.reference,
                "amount": payment.amount,
                "currency": "VND",
                "description": payment.description,
                "return_url": return_url,
                "callback_url": callback_url,
                "idempotency_key": payment.idempotency_key,
            },
        )
        if answer.get("reference") != payment.reference or not answer.get("pay_url"):
            raise ProviderError("PayGov answered for another payment")
        return StartResult(redirect_url=answer["pay_url"], transaction_id=answer.get("transaction_id", ""))

    def query(self, payment) -> StatusResult:
        answer = self._call("/api/v1/payments/query", {"reference": payment.reference})
        if answer.get("reference") != payment.reference:
            raise ProviderError("PayGov answered for another payment")
        return self._status(answer)

    def refund(self, payment, *, reference: str, amount: int, reason: str) -> RefundResult:
        answer = self._call(
            "/api/v1/refunds",
            {"reference": payment.reference, "refund_reference": reference, "amount": amount, "reason": reason},
        )
        return RefundResult(
            refund_id=answer.get("refund_id", ""),
            succeeded=answer.get("status") == "success",
            detail=answer.get("error", ""),
        )

    def statement(self, day: datetime.date) -> list[StatementLine]:
        params = {"merchant_id": self.merchant_id, "timestamp": int(time.time())}
        params["signature"] = sign(params, self.secret)
        url = f"{_base_url()}/api/v1/statements/{day.isoformat()}.csv"
        try:
            response = requests.get(url, params=params, timeout=self.timeout)
        except requests.RequestException as error:
            raise ProviderError(str(error)) from error
        if response.status_code != 200:
            raise ProviderError(f"PayGov statement: HTTP {response.status_code}")
        expected = hmac.new(self.secret.encode(), response.content, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, response.headers.get("X-PayGov-Signature", "")):
            raise ProviderError("PayGov statement: bad signature")
        lines = []
        for row in csv.DictReader(io.StringIO(response.content.decode("utf-8"))):
            lines.append(
                StatementLine(
                    transaction_id=row["transaction_id"],
                    reference=row["reference"],
                    amount=int(row["amount"]),
                    state=STATES.get(row["status"], row["status"]),
                    completed_at=parse_datetime(row.get("completed_at") or ""),
                )
            )
        return lines

    # --- callbacks ----------------------------------------------------------

    def verify_callback(self, params: dict) -> StatusResult:
        missing = [name for name in CALLBACK_FIELDS if not params.get(name)]
        if missing:
            raise CallbackRejected(CallbackOutcome.MALFORMED, f"missing {', '.join(missing)}")
        # The signature first: nothing else in a forged message is worth looking at.
        if not signature_valid(params, self.secret):
            raise CallbackRejected(CallbackOutcome.FORGED, "signature does not match")
        if not hmac.compare_digest(str(params["merchant_id"]).encode(), self.merchant_id.encode()):
            raise CallbackRejected(CallbackOutcome.FORGED, "another merchant")
        try:
            sent_at = int(params["timestamp"])
            int(params["amount"])
        except (TypeError, ValueError):
            raise CallbackRejected(CallbackOutcome.MALFORMED, "timestamp or amount is not a number") from None
        age = time.time() - sent_at
        if age > self.max_age or age < -60:  # a minute of clock skew the other way
            raise CallbackRejected(CallbackOutcome.STALE, f"sent {int(age)} s ago")
        if params["status"] not in ("success", "failed", "cancelled"):
            raise CallbackRejected(CallbackOutcome.MALFORMED, f"status {params['status']!r}")
        return self._status(params)

    @staticmethod
    def _status(data: dict) -> StatusResult:
        amount = data.get("amount")
        return StatusResult(
            reference=data.get("reference", ""),
            state=STATES.get(data.get("status", ""), ""),
            amount=int(amount) if amount not in (None, "") else None,
            transaction_id=data.get("transaction_id") or "",
            method=data.get("method") or "",
            completed_at=parse_datetime(data.get("completed_at") or ""),
        )
