"""Read-only views of what a record owes and how its payment stands, for pages and templates."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from eservices.constants import FeeTiming
from records.constants import Channel

from .constants import SETTLED_STATES, ExemptionGroup, ExemptionStatus, PaymentState, RefundState
from .fees import FeeQuote, calculate_fee
from .models import Exemption, Payment, PaymentEvent, Refund
from .services import CLOSED_RECORD_STATES


@dataclass
class PaymentSummary:
    record: object
    quote: FeeQuote
    counter_quote: FeeQuote
    exemption: Exemption | None
    payments: list
    refund: Refund | None

    @property
    def has_fee(self) -> bool:
        return self.quote.has_fee

    @property
    def paid(self) -> Payment | None:
        return next((p for p in self.payments if p.state == PaymentState.PAID), None)

    @property
    def refunded(self) -> Payment | None:
        return next((p for p in self.payments if p.state == PaymentState.REFUNDED), None)

    @property
    def latest(self) -> Payment | None:
        return self.payments[0] if self.payments else None

    @property
    def settled_payment(self) -> Payment | None:
        return self.paid or self.refunded

    @property
    def exemption_pending(self) -> bool:
        return self.exemption is not None and self.exemption.status == ExemptionStatus.DECLARED

    @property
    def exempt(self) -> bool:
        return self.exemption is not None and self.exemption.status == ExemptionStatus.CONFIRMED

    @property
    def due(self) -> int:
        return 0 if self.settled_payment else self.quote.total

    @property
    def open_record(self) -> bool:
        return self.record.state not in CLOSED_RECORD_STATES

    @property
    def can_pay(self) -> bool:
        return self.open_record and self.has_fee and self.due > 0 and not self.exemption_pending

    @property
    def can_declare_exemption(self) -> bool:
        pending = self.latest is not None and self.latest.state == PaymentState.PENDING
        return self.can_pay and self.exemption is None and not pending

    @property
    def retry(self) -> bool:
        return self.latest is not None and self.latest.state in (
            PaymentState.FAILED,
            PaymentState.CANCELLED,
            PaymentState.EXPIRED,
        )

    @property
    def state(self) -> str:
        """A machine-readable state for CSS classes and tests."""
        if not self.has_fee:
            return "no_fee"
        if self.refunded and not self.paid:
            return "refunded"
        if self.paid and not self.paid.receipt_number and not self.open_record:
            return "refunding"  # settled at the gateway after the record was closed: it goes back
        if self.paid:
            return "paid"
        if self.exempt:
            return "exempt"
        if self.exemption_pending:
            return "exemption_pending"
        if self.latest is not None and self.latest.state == PaymentState.PENDING:
            return "pending"
        if not self.open_record:
            return "not_due"  # withdrawn, rejected or refused before anything was paid
        if self.retry:
            return self.latest.state
        return "unpaid"

    @property
    def label(self) -> str:
        return {
            "no_fee": _("Không thu phí"),
            "refunded": _("Đã hoàn phí"),
            "refunding": _("Đang hoàn lại: hồ sơ đã dừng giải quyết trước khi thanh toán được xác nhận"),
            "paid": _("Đã thanh toán"),
            "exempt": _("Được miễn phí"),
            "exemption_pending": _("Chờ xác nhận miễn phí"),
            "pending": _("Đang chờ kết quả thanh toán"),
            "failed": _("Thanh toán không thành công"),
            "cancelled": _("Đã hủy thanh toán"),
            "expired": _("Hết hạn thanh toán"),
            "unpaid": _("Chưa thanh toán"),
            "not_due": _("Không phải nộp: hồ sơ đã dừng giải quyết"),
        }[self.state]

    @property
    def timing_label(self) -> str:
        return FeeTiming(self.record.service.fee_timing).label

    @property
    def pays_before_processing(self) -> bool:
        return self.record.service.fee_timing == FeeTiming.AT_FILING

    @property
    def idempotency_key(self) -> str:
        """Fresh for each rendering of the button: a double click sends the same key twice."""
        return uuid.uuid4().hex

    @property
    def exemption_groups(self):
        return ExemptionGroup.choices

    @property
    def refund_done(self) -> bool:
        return self.refund is not None and self.refund.state == RefundState.SUCCEEDED


@dataclass
class FeePreview:
    """What a draft will cost once filed online, and when it is paid: shown before the citizen submits."""

    quote: FeeQuote
    timing_label: str
    pays_before_processing: bool
    exemption_reason: str = ""  # the fee rule the registry proves exempts the filing (``exemptions``)


def fee_preview(record) -> FeePreview:
    from procedures.models import Fee

    from .exemptions import preview_reason

    fees = Fee.objects.filter(version_id=record.procedure_version_id).order_by("id")
    timing = record.service.fee_timing
    reason = preview_reason(record)
    return FeePreview(
        quote=calculate_fee(fees, online=record.channel == Channel.ONLINE, exempt=bool(reason)),
        timing_label=FeeTiming(timing).label,
        pays_before_processing=timing == FeeTiming.AT_FILING,
        exemption_reason=reason,
    )


def payment_history(record) -> list:
    """The payments' events of ``record`` as lines of its history (``records.history``): started, succeeded,
    failed, cancelled, expired, refunded, with the amount, the payment's reference and the e-receipt's number."""
    from common import money
    from records.constants import ActorRole
    from records.history import HistoryEntry

    labels = {
        PaymentState.PENDING: _("Bắt đầu thanh toán trực tuyến"),
        PaymentState.PAID: _("Thanh toán thành công"),
        PaymentState.FAILED: _("Thanh toán không thành công"),
        PaymentState.CANCELLED: _("Đã hủy thanh toán"),
        PaymentState.EXPIRED: _("Hết hạn thanh toán"),
        PaymentState.REFUNDED: _("Đã hoàn tiền"),
    }
    entries = []
    events = PaymentEvent.objects.filter(payment__record=record).select_related("payment__created_by")
    for event in events.order_by("at", "id"):
        payment = event.payment
        to_label = labels.get(event.to_state, event.get_to_state_display())
        details = [money.vnd(payment.amount), _("mã thanh toán %(reference)s") % {"reference": payment.reference}]
        if event.to_state == PaymentState.PAID:
            if payment.receipt_number:
                details.append(_("biên lai điện tử %(number)s") % {"number": payment.receipt_number})
            else:
                to_label = _("Đã nhận tiền sau khi hồ sơ dừng giải quyết: hoàn lại cho người nộp")
        if event.note:
            details.append(event.note)
        started = event.to_state == PaymentState.PENDING
        entries.append(
            HistoryEntry(
                at=event.at,
                action_label=_("Thanh toán phí, lệ phí"),
                to_label=to_label,
                from_label=event.get_from_state_display() if event.from_state else "",
                reason="; ".join(str(detail) for detail in details),
                actor=payment.created_by if started else None,
                role=ActorRole.CITIZEN if started else "",
                role_label=_("Công dân") if started else "",
            )
        )
    return entries


def settled_payments(record) -> list[Payment]:
    """The payments of ``record`` that were paid (refunded since or not): the subjects of its e-receipts."""
    return list(Payment.objects.filter(record=record, state__in=SETTLED_STATES).select_related("record__agency"))


def payment_summary(record) -> PaymentSummary:
    return payment_summaries([record])[record.pk]


def payment_summaries(records) -> dict:
    """Summaries of many records in four queries whatever their number (record pk → summary)."""
    from procedures.models import Fee

    records = list(records)
    ids = [r.pk for r in records]
    fees = defaultdict(list)
    for fee in Fee.objects.filter(version_id__in={r.procedure_version_id for r in records}).order_by("id"):
        fees[fee.version_id].append(fee)
    exemptions = {e.record_id: e for e in Exemption.objects.filter(record_id__in=ids)}
    payments = defaultdict(list)
    for payment in Payment.objects.filter(record_id__in=ids).order_by("-created_at"):
        payments[payment.record_id].append(payment)
    refunds = {}
    for refund in Refund.objects.filter(payment__record_id__in=ids).select_related("payment").order_by("-created_at"):
        refunds.setdefault(refund.payment.record_id, refund)
    summaries = {}
    for record in records:
        exemption = exemptions.get(record.pk)
        exempt = exemption is not None and exemption.status == ExemptionStatus.CONFIRMED
        version_fees = fees[record.procedure_version_id]
        summaries[record.pk] = PaymentSummary(
            record=record,
            quote=calculate_fee(version_fees, online=record.channel == Channel.ONLINE, exempt=exempt),
            counter_quote=calculate_fee(version_fees, online=False),
            exemption=exemption,
            payments=payments[record.pk],
            refund=refunds.get(record.pk),
        )
    return summaries
