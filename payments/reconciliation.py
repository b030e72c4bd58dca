"""Daily reconciliation: the gateway's statement against the portal's payments, every mismatch named."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .constants import PaymentState
from .models import Payment
from .providers.registry import get_provider


@dataclass(frozen=True)
class Mismatch:
    kind: str  # missing_in_portal, missing_at_gateway, amount, state, transaction_id
    reference: str
    detail: str

    def __str__(self):
        return f"{self.kind}\t{self.reference}\t{self.detail}"


def reconcile(day: datetime.date, provider_name: str | None = None) -> tuple[int, list[Mismatch]]:
    """Compare the statement of ``day`` with the portal's payments settled that day (local time)."""
    provider = get_provider(provider_name)
    lines = {line.reference: line for line in provider.statement(day)}
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
    ours = {
        p.reference: p
        for p in Payment.objects.filter(
            provider=provider.name,
            paid_at__gte=start,
            paid_at__lt=start + datetime.timedelta(days=1),
            state__in=[PaymentState.PAID, PaymentState.REFUNDED],
        )
    }
    mismatches = []
    for reference, line in sorted(lines.items()):
        payment = ours.get(reference) or Payment.objects.filter(reference=reference, provider=provider.name).first()
        if payment is None:
            mismatches.append(Mismatch("missing_in_portal", reference, f"gateway {line.state} {line.amount}"))
            continue
        if payment.amount != line.amount:
            mismatches.append(Mismatch("amount", reference, f"portal {payment.amount} ≠ gateway {line.amount}"))
        if payment.state != line.state:
            mismatches.append(Mismatch("state", reference, f"portal {payment.state} ≠ gateway {line.state}"))
        if payment.provider_transaction_id and payment.provider_transaction_id != line.transaction_id:
            mismatches.append(
                Mismatch(
                    "transaction_id", reference, f"portal {payment.provider_transaction_id} ≠ {line.transaction_id}"
                )
            )
    for reference, payment in sorted(ours.items()):
        if reference not in lines:
            mismatches.append(Mismatch("missing_at_gateway", reference, f"portal {payment.state} {payment.amount}"))
    return len(lines), mismatches
