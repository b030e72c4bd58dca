"""What the simulated gateway does: open a transaction, let the payer decide, call the merchant back."""

from __future__ import annotations

import csv
import datetime
import io
import logging
import secrets

import requests
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import protocol
from .models import GatewayRefund, MerchantTransaction, Status

logger = logging.getLogger(__name__)

BANKS = [
    ("VCB", "Vietcombank"),
    ("BIDV", "BIDV"),
    ("CTG", "VietinBank"),
    ("AGRIBANK", "Agribank"),
    ("TCB", "Techcombank"),
    ("MOMO", "Ví MoMo"),
    ("VNPTMONEY", "VNPT Money"),
    ("VIETTELMONEY", "Viettel Money"),
]
BANK_NAMES = dict(BANKS)


def ttl() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "PAYGOV_SIM_TTL", 30 * 60))


class GatewayError(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _new_id(prefix: str) -> str:
    return f"{prefix}{timezone.now():%y%m%d}{secrets.randbelow(10**10):010d}"


def create(merchant_id: str, data: dict) -> MerchantTransaction:
    try:
        amount = int(data["amount"])
        reference = str(data["reference"])[:64]
        return_url, callback_url = str(data["return_url"]), str(data["callback_url"])
    except (KeyError, TypeError, ValueError):
        raise GatewayError("missing or invalid fields") from None
    if amount <= 0 or data.get("currency", "VND") != "VND":
        raise GatewayError("invalid amount or currency")
    existing = MerchantTransaction.objects.filter(merchant_id=merchant_id, reference=reference).first()
    if existing is None:
        try:
            with transaction.atomic():
                existing = MerchantTransaction.objects.create(
                    transaction_id=_new_id("PG"),
                    merchant_id=merchant_id,
                    reference=reference,
                    amount=amount,
                    description=str(data.get("description", ""))[:255],
                    return_url=return_url,
                    callback_url=callback_url,
                    idempotency_key=str(data.get("idempotency_key", ""))[:64],
                )
        except IntegrityError:
            existing = MerchantTransaction.objects.get(merchant_id=merchant_id, reference=reference)
    if existing.amount != amount:
        raise GatewayError("reference already used with another amount", status=409)
    return existing


def expire_if_due(txn: MerchantTransaction) -> MerchantTransaction:
    if txn.status == Status.CREATED and txn.created_at < timezone.now() - ttl():
        MerchantTransaction.objects.filter(pk=txn.pk, status=Status.CREATED).update(status=Status.EXPIRED)
        txn.refresh_from_db()
    return txn


def complete(transaction_id: str, *, outcome: str, method: str) -> MerchantTransaction:
    """The payer chose success, failure or cancel at the checkout page."""
    status = {"success": Status.SUCCESS, "failure": Status.FAILED, "cancel": Status.CANCELLED}.get(outcome)
    if status is None:
        raise GatewayError("unknown outcome")
    if status == Status.SUCCESS and method not in BANK_NAMES:
        raise GatewayError("Hãy chọn ngân hàng hoặc ví điện tử.")
    with transaction.atomic():
        txn = MerchantTransaction.objects.select_for_update().get(transaction_id=transaction_id)
        txn = expire_if_due(txn)
        if txn.status != Status.CREATED:
            return txn
        txn.status = status
        txn.method = BANK_NAMES.get(method, "")
        txn.completed_at = timezone.now()
        txn.save()
        if getattr(settings, "PAYGOV_SIM_SEND_CALLBACKS", True):
            from .tasks import deliver_callback

            txn_id = txn.transaction_id
            transaction.on_commit(lambda: deliver_callback.delay(txn_id), robust=True)
    return txn


def callback_params(txn: MerchantTransaction) -> dict:
    secret = protocol.secret_for(txn.merchant_id)
    return protocol.signed(
        {
            "merchant_id": txn.merchant_id,
            "reference": txn.reference,
            "transaction_id": txn.transaction_id,
            "amount": txn.amount,
            "status": txn.status if txn.status != Status.REFUNDED else Status.SUCCESS,
            "method": txn.method,
            "completed_at": txn.completed_at.isoformat() if txn.completed_at else "",
        },
        secret,
    )


def deliver_callback(transaction_id: str) -> bool:
    """POST the signed result to the merchant's callback URL once; True when it answered 2xx."""
    txn = MerchantTransaction.objects.get(transaction_id=transaction_id)
    if txn.callback_delivered_at or txn.status in (Status.CREATED, Status.EXPIRED):
        return True
    MerchantTransaction.objects.filter(pk=txn.pk).update(callback_attempts=txn.callback_attempts + 1)
    timeout = getattr(settings, "PAYGOV_SIM_CALLBACK_TIMEOUT", 10)
    try:
        response = requests.post(txn.callback_url, data=callback_params(txn), timeout=timeout)
        ok = 200 <= response.status_code < 300
        error = "" if ok else f"HTTP {response.status_code}"
    except requests.RequestException as exc:
        ok, error = False, f"{type(exc).__name__}: {exc}"[:255]
    if ok:
        MerchantTransaction.objects.filter(pk=txn.pk).update(
            callback_delivered_at=timezone.now(), callback_last_error=""
        )
    else:
        logger.warning("PayGov callback for %s not delivered: %s", txn.reference, error)
        MerchantTransaction.objects.filter(pk=txn.pk).update(callback_last_error=error)
    return ok


def return_url(txn: MerchantTransaction) -> str:
    params = protocol.signed(
        {"reference": txn.reference, "status": txn.status, "merchant_id": txn.merchant_id},
        protocol.secret_for(txn.merchant_id),
    )
    separator = "&" if "?" in txn.return_url else "?"
    return (
        txn.return_url + separator + "&".join(f"{k}={requests.utils.quote(str(v), safe='')}" for k, v in params.items())
    )


def status_of(merchant_id: str, reference: str) -> dict:
    txn = MerchantTransaction.objects.filter(merchant_id=merchant_id, reference=reference).first()
    if txn is None:
        return {"reference": reference, "status": "not_found"}
    txn = expire_if_due(txn)
    return {
        "reference": txn.reference,
        "transaction_id": txn.transaction_id,
        "amount": txn.amount,
        "status": txn.status,
        "method": txn.method,
        "completed_at": txn.completed_at.isoformat() if txn.completed_at else "",
    }


def refund(merchant_id: str, data: dict) -> GatewayRefund:
    refund_reference = str(data.get("refund_reference", ""))[:64]
    if not refund_reference:
        raise GatewayError("refund_reference is required")
    with transaction.atomic():
        done = GatewayRefund.objects.filter(refund_reference=refund_reference).select_related("transaction").first()
        if done is not None:
            if done.transaction.merchant_id != merchant_id:
                raise GatewayError("unknown refund", status=404)
            return done
        txn = (
            MerchantTransaction.objects.select_for_update()
            .filter(merchant_id=merchant_id, reference=str(data.get("reference", "")))
            .first()
        )
        if txn is None:
            raise GatewayError("unknown reference", status=404)
        try:
            amount = int(data.get("amount"))
        except (TypeError, ValueError):
            raise GatewayError("invalid amount") from None
        if txn.status != Status.SUCCESS or not 0 < amount <= txn.amount:
            raise GatewayError("transaction cannot be refunded", status=409)
        txn.status = Status.REFUNDED
        txn.save(update_fields=["status"])
        return GatewayRefund.objects.create(
            transaction=txn,
            refund_id=_new_id("RF"),
            refund_reference=refund_reference,
            amount=amount,
            reason=str(data.get("reason", ""))[:500],
        )


def statement_csv(merchant_id: str, day: datetime.date) -> bytes:
    """Transactions of ``day`` (local time) that moved money: paid, and paid then refunded."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
    rows = MerchantTransaction.objects.filter(
        merchant_id=merchant_id,
        status__in=[Status.SUCCESS, Status.REFUNDED],
        completed_at__gte=start,
        completed_at__lt=start + datetime.timedelta(days=1),
    ).order_by("completed_at", "transaction_id")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["transaction_id", "reference", "amount", "status", "completed_at", "method"])
    for txn in rows:
        writer.writerow(
            [txn.transaction_id, txn.reference, txn.amount, txn.status, txn.completed_at.isoformat(), txn.method]
        )
    return out.getvalue().encode("utf-8")


def redeliver_callbacks(max_attempts: int = 8) -> int:
    pending = MerchantTransaction.objects.filter(
        callback_delivered_at__isnull=True,
        status__in=[Status.SUCCESS, Status.FAILED, Status.CANCELLED],
        callback_attempts__lt=max_attempts,
    )
    return sum(deliver_callback(txn.transaction_id) for txn in pending[:200])
