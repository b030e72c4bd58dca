"""Operations on payments. Views and other apps call these; nothing else changes a payment.

The gateway's callback is the truth about a payment; the browser coming back
only shows the current state (asking the gateway first if the callback has not
arrived). Every change goes through ``apply_status``, which locks the payment
row, so replayed and concurrent callbacks settle a payment exactly once.
"""

from __future__ import annotations

import datetime
import logging
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from records.constants import Channel, RecordState

from .constants import (
    OPEN_STATES,
    CallbackOutcome,
    ExemptionGroup,
    ExemptionStatus,
    PaymentSource,
    PaymentState,
    RefundState,
)
from .fees import FeeQuote, calculate_fee
from .models import CallbackLog, Exemption, Payment, PaymentEvent, ReceiptSequence, Refund
from .providers.base import CallbackRejected, ProviderError, StatusResult
from .providers.registry import get_provider

logger = logging.getLogger(__name__)

# A record in one of these states owes nothing any more (and is not paid for).
CLOSED_RECORD_STATES = {RecordState.DRAFT, RecordState.REFUSED, RecordState.REJECTED, RecordState.WITHDRAWN}


class PaymentError(ValidationError):
    """Paying is not possible now; the message says why, for the citizen."""


# --- What is owed -------------------------------------------------------------


def confirmed_exemption(record) -> Exemption | None:
    exemption = Exemption.objects.filter(record=record).first()
    return exemption if exemption and exemption.status == ExemptionStatus.CONFIRMED else None


def fee_for(record) -> FeeQuote:
    """The fee of ``record``: online or counter rates by its channel, nothing if an exemption was confirmed."""
    return calculate_fee(
        record.procedure_version.fees.all(),
        online=record.channel == Channel.ONLINE,
        exempt=confirmed_exemption(record) is not None,
    )


def fee_for_slip(record) -> dict:
    """What the receipt slip (Mẫu 01) states as the fee: the one rule of ``fee_for``, and why it is nothing.

    The documents app asks this and nothing else of payments. ``fee`` is what the record owes in đồng
    (0 once an officer confirmed an exemption); ``fee_exemption`` names the group the applicant declared
    exempt, in Vietnamese as official documents are written, whatever the officer's language;
    ``fee_exemption_pending`` says it still awaits the officer (the fee then stands);
    ``fee_exemption_reason`` says which rule waived it when the population registry proved it
    (``exemptions``). A rejected exemption is not mentioned.
    """
    exemption = Exemption.objects.filter(record=record).exclude(status=ExemptionStatus.REJECTED).first()
    with translation.override("vi"):
        group = str(exemption.get_group_display()) if exemption else ""
        reason = exemption.reason if exemption else ""
    return {
        "fee": fee_for(record).total,
        "fee_exemption": group,
        "fee_exemption_pending": bool(exemption) and exemption.status == ExemptionStatus.DECLARED,
        "fee_exemption_reason": reason,
    }


def paid_payment(record) -> Payment | None:
    return Payment.objects.filter(record=record, state=PaymentState.PAID).order_by("paid_at").first()


def is_settled(record) -> bool:
    """Nothing stands in the way on the fee's account: no fee, exempt, or paid."""
    return fee_for(record).total == 0 or Payment.objects.filter(record=record, state=PaymentState.PAID).exists()


# --- Starting a payment ---------------------------------------------------------


def new_reference() -> str:
    # Date for the people reading statements, randomness for uniqueness and unguessability.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return f"DVC{timezone.localdate():%y%m%d}" + "".join(secrets.choice(alphabet) for _ in range(10))


def gateway_calls_deferred() -> bool:
    """Whether a citizen's request leaves its calls to the gateway to a worker (``start_at_gateway``).

    So it does whenever tasks run in workers: a web worker never waits on a server-to-server call. With the
    simulated gateway on its default address (this portal itself), waiting deadlocked the web tier: every sync
    worker held a "Thanh toán" request waiting for its call to the gateway, which no free worker could answer
    (2 workers, 4 presses at once: 236 of 242 calls timed out). With tasks run in-process (no broker: the
    development server, the tests), the call is made in the request, as before.
    """
    from celery import current_app

    return not current_app.conf.task_always_eager


def start_payment(
    record, *, actor, idempotency_key: str, base_url: str, provider_name: str | None = None, defer: bool = False
) -> Payment:
    """Create (or give back) the payment of ``record`` and register it at the gateway.

    ``idempotency_key`` comes from the page the citizen pressed "Thanh toán" on: pressing
    twice, or a retried request, gives back the same payment. ``base_url`` is the portal's
    public URL the gateway calls back and returns the payer to. With ``defer`` the gateway is not
    called here: a task registers the payment after commit (``redirect_url`` is empty until then).
    """
    start = _defer_start if defer else _ensure_started
    if record.applicant_id != actor.pk:
        raise PermissionDenied(_("Bạn không phải người nộp hồ sơ này."))
    key = (idempotency_key or "").strip()[:64]
    if not key:
        raise PaymentError(_("Yêu cầu thanh toán không hợp lệ; hãy tải lại trang."))
    existing = Payment.objects.filter(idempotency_key=key).first()
    if existing is not None:
        if existing.record_id != record.pk:
            raise PaymentError(_("Yêu cầu thanh toán không hợp lệ; hãy tải lại trang."))
        return start(existing, base_url)
    _check_payable(record)

    pending = Payment.objects.filter(record=record, state=PaymentState.PENDING).first()
    if pending is not None and defer:
        return start(pending, base_url)  # its gateway session, or the task opening one; the gateway knows if paid
    if pending is not None:
        pending = refresh_from_gateway(pending)
        if pending.state == PaymentState.PENDING and pending.redirect_url:
            return pending  # the gateway session already open: go back to it
        _check_payable(record)

    quote = fee_for(record)
    provider = get_provider(provider_name)
    try:
        with transaction.atomic():
            payment = Payment.objects.create(
                reference=new_reference(),
                idempotency_key=key,
                record=record,
                provider=provider.name,
                amount=quote.total,
                description=_description(record),
                payer_name=record.applicant_name,
                created_by=actor,
            )
            PaymentEvent.objects.create(payment=payment, to_state=PaymentState.PENDING, source="portal")
    except IntegrityError:
        # Another request created one a moment ago (same key, or the record's one pending payment).
        payment = (
            Payment.objects.filter(idempotency_key=key).first()
            or Payment.objects.filter(record=record, state=PaymentState.PENDING).first()
        )
        if payment is None:
            raise
    return start(payment, base_url)


def _check_payable(record) -> None:
    if record.state in CLOSED_RECORD_STATES:
        raise PaymentError(
            _("Hồ sơ ở trạng thái “%(state)s” không cần nộp phí.") % {"state": record.get_state_display()}
        )
    if Payment.objects.filter(record=record, state=PaymentState.PAID).exists():
        raise PaymentError(_("Hồ sơ này đã được thanh toán."))
    exemption = Exemption.objects.filter(record=record).first()
    if exemption and exemption.status == ExemptionStatus.DECLARED:
        raise PaymentError(_("Đề nghị miễn phí của bạn đang chờ cán bộ xác nhận."))
    if fee_for(record).total == 0:
        raise PaymentError(_("Hồ sơ này không phải nộp phí."))


def _description(record) -> str:
    """Kept with the payment and printed on the official e-receipt: in Vietnamese, whatever the payer reads."""
    with translation.override(settings.LANGUAGE_CODE):
        return (_("Phí, lệ phí hồ sơ %(code)s") % {"code": record.code or ""})[:255]


def _defer_start(payment: Payment, base_url: str) -> Payment:
    if not payment.redirect_url and payment.state == PaymentState.PENDING:
        from .tasks import start_at_gateway

        payment_id = str(payment.pk)
        # A broker away: logged (robust), and the waiting page tells the payer to press again later.
        transaction.on_commit(lambda: start_at_gateway.delay(payment_id, base_url), robust=True)
    return payment


def ensure_started(payment_id, base_url: str) -> Payment:
    """Register a pending payment at the gateway unless it already is (the work of ``start_at_gateway``)."""
    return _ensure_started(Payment.objects.get(pk=payment_id), base_url)


def _ensure_started(payment: Payment, base_url: str) -> Payment:
    if payment.redirect_url or payment.state != PaymentState.PENDING:
        return payment
    base = base_url.rstrip("/")
    provider = get_provider(payment.provider)
    try:
        started = provider.start(
            payment,
            return_url=base + reverse("payments:return", args=[payment.reference]),
            callback_url=base + reverse("payments:callback", args=[payment.provider]),
        )
    except ProviderError as error:
        logger.warning("Could not start payment %s: %s", payment.reference, error)
        # The gateway may still have registered it: keep it pending, the poller asks later.
        raise PaymentError(_("Chưa kết nối được cổng thanh toán. Vui lòng thử lại sau ít phút.")) from error
    Payment.objects.filter(pk=payment.pk).update(
        redirect_url=started.redirect_url, provider_transaction_id=started.transaction_id, updated_at=timezone.now()
    )
    payment.redirect_url, payment.provider_transaction_id = started.redirect_url, started.transaction_id
    return payment


# --- Learning the outcome ---------------------------------------------------------


def handle_callback(provider_name: str, params: dict, *, remote_addr: str | None = None) -> tuple[str, Payment | None]:
    """Verify and apply one server-to-server callback; log it whatever happens."""
    params = {str(k): str(v) for k, v in params.items()}
    reference = params.get("reference", "")[:64]
    payment = None
    detail = ""
    try:
        provider = get_provider(provider_name)
        status = provider.verify_callback(params)
        payment = Payment.objects.filter(reference=status.reference, provider=provider.name).first()
        if payment is None:
            raise CallbackRejected(CallbackOutcome.UNKNOWN_REFERENCE)
        outcome = apply_status(payment.pk, status, source=PaymentSource.CALLBACK)
    except CallbackRejected as rejected:
        outcome, detail = rejected.outcome, rejected.detail
    except LookupError:
        outcome, detail = CallbackOutcome.MALFORMED, f"unknown provider {provider_name!r}"
    if outcome not in (CallbackOutcome.ACCEPTED, CallbackOutcome.DUPLICATE):
        logger.warning("Callback %s for %r rejected: %s %s", provider_name, reference, outcome, detail)
    CallbackLog.objects.create(
        provider=provider_name[:32],
        reference=reference,
        payment=payment,
        remote_addr=remote_addr,
        params={k: v[:500] for k, v in list(params.items())[:30]},
        outcome=outcome,
        detail=detail[:255],
    )
    return outcome, payment


def apply_status(payment_id, status: StatusResult, *, source: str) -> str:
    """Move a payment to what the gateway says, once. Returns a ``CallbackOutcome``."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().select_related("record").get(pk=payment_id)
        if status.amount is not None and status.amount != payment.amount:
            raise CallbackRejected(CallbackOutcome.AMOUNT_MISMATCH, f"{status.amount} ≠ {payment.amount}")
        target = status.state
        if target == payment.state or target in ("", PaymentState.PENDING):
            return CallbackOutcome.DUPLICATE
        if target == PaymentState.PAID and payment.state in OPEN_STATES:
            # The record's row is locked with the payment's (select_related under FOR UPDATE), so a withdrawal
            # committed a moment ago is seen here, and one still to come sees this payment paid and refunds it.
            if payment.record.state in CLOSED_RECORD_STATES:
                _take_back(payment, status, source)
            else:
                _mark_paid(payment, status, source)
            return CallbackOutcome.ACCEPTED
        if target in (PaymentState.FAILED, PaymentState.CANCELLED, PaymentState.EXPIRED):
            if payment.state != PaymentState.PENDING:
                return CallbackOutcome.CONFLICT
            _set_state(payment, target, source, completed_at=status.completed_at or timezone.now())
            return CallbackOutcome.ACCEPTED
        if target == PaymentState.REFUNDED and payment.state == PaymentState.PAID:
            _set_state(payment, target, source)
            return CallbackOutcome.ACCEPTED
        return CallbackOutcome.CONFLICT


def _set_state(payment: Payment, target: str, source: str, note: str = "", *, notify: bool = True, **fields) -> None:
    PaymentEvent.objects.create(
        payment=payment, from_state=payment.state, to_state=target, source=source, note=note[:255]
    )
    payment.state = target
    for name, value in fields.items():
        setattr(payment, name, value)
    payment.save()
    if notify:
        _notify_payer(payment, note)


PAYER_EVENTS = {
    PaymentState.PAID: "payment_succeeded",
    PaymentState.FAILED: "payment_failed",
    PaymentState.REFUNDED: "payment_refunded",
}


def _notify_payer(payment: Payment, reason: str = "") -> None:
    """Tell the applicant, on their channels, that a payment succeeded, failed or was refunded."""
    from notifications.services import notify

    event = PAYER_EVENTS.get(payment.state)
    if event is None:
        return
    record = payment.record
    notify(
        event,
        recipient_user=record.applicant,
        context={
            "payer_name": payment.payer_name or record.applicant_name,
            "amount": payment.amount,
            "record_code": record.code,
            "description": payment.description,
            "transaction_id": payment.provider_transaction_id or payment.reference,
            "reason": reason,
        },
        related=payment,
        idempotency_key=f"payment:{payment.pk}:{payment.state}",
        url=record.get_absolute_url(),
    )


def _mark_paid(payment: Payment, status: StatusResult, source: str) -> None:
    paid_at = status.completed_at or timezone.now()
    duplicate = Payment.objects.filter(record_id=payment.record_id, state=PaymentState.PAID).exists()
    _set_state(
        payment,
        PaymentState.PAID,
        source,
        paid_at=paid_at,
        completed_at=paid_at,
        provider_transaction_id=status.transaction_id or payment.provider_transaction_id,
        method=status.method[:64],
        settled_by=source,
        receipt_number=_next_receipt_number(timezone.localdate(paid_at).year),
    )
    _request_receipt(payment)
    if duplicate:
        # The record was already paid (two tabs, two payments): give this one back.
        _enqueue_refund(payment, _("Thanh toán trùng cho cùng một hồ sơ"))


def closed_record_refund_reason(record) -> str:
    return _("Hồ sơ %(code)s đã dừng giải quyết (%(state)s) trước khi khoản thanh toán được xác nhận") % {
        "code": record.code or "",
        "state": record.get_state_display().lower(),
    }


def _take_back(payment: Payment, status: StatusResult, source: str) -> None:
    """The gateway took money for a record that no longer owes it: withdrawn, refused or rejected while the
    citizen was at the gateway. The payment is recorded as paid (the money was taken) with no e-receipt and no
    "thanh toán thành công", and its refund is written to the outbox in this transaction; the citizen is told
    when the refund is made (``payment_refunded``, with this reason)."""
    paid_at = status.completed_at or timezone.now()
    reason = closed_record_refund_reason(payment.record)
    _set_state(
        payment,
        PaymentState.PAID,
        source,
        note=reason,
        notify=False,
        paid_at=paid_at,
        completed_at=paid_at,
        provider_transaction_id=status.transaction_id or payment.provider_transaction_id,
        method=status.method[:64],
        settled_by=source,
    )
    _enqueue_refund(payment, reason)


def is_being_refunded(payment: Payment) -> bool:
    """Paid for a record that was closed meanwhile: its refund is on its way (``_take_back``)."""
    return payment.state == PaymentState.PAID and payment.record.state in CLOSED_RECORD_STATES


def _next_receipt_number(year: int) -> str:
    ReceiptSequence.objects.get_or_create(year=year)
    sequence = ReceiptSequence.objects.select_for_update().get(year=year)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return f"BL{year}-{sequence.last_value:07d}"


def receipt_context(payment: Payment) -> dict:
    record = payment.record
    return {
        "number": payment.receipt_number,
        "receipt_series": f"BL{timezone.localdate(payment.paid_at).year}",
        "record_code": record.code,
        "payer_name": payment.payer_name,
        "description": f"{payment.description} — {record.procedure_version.name}"[:500],
        "amount": payment.amount,
        "payment_method": f"{get_provider(payment.provider).label} — {payment.method}".strip(" —"),
        "transaction_id": payment.provider_transaction_id or payment.reference,
        "paid_at": payment.paid_at.isoformat(),
    }


def _request_receipt(payment: Payment) -> None:
    """Ask the documents app for the signed e-receipt; it renders after this transaction commits."""
    from documents.constants import DocumentKind
    from documents.services import request_document

    request_document(
        DocumentKind.PAYMENT_RECEIPT,
        agency=payment.record.agency,
        subject=payment,
        context=receipt_context(payment),
        idempotency_key=f"receipt-{payment.reference}",
    )


def receipt_document(payment: Payment):
    from django.contrib.contenttypes.models import ContentType

    from documents.constants import DocumentKind
    from documents.models import Document

    return Document.objects.filter(
        kind=DocumentKind.PAYMENT_RECEIPT,
        content_type=ContentType.objects.get_for_model(Payment),
        object_id=str(payment.pk),
    ).first()


def refresh_from_gateway(payment: Payment) -> Payment:
    """Ask the gateway about a payment the callback has not settled yet, and apply the answer."""
    if payment.state not in OPEN_STATES:
        return payment
    try:
        status = get_provider(payment.provider).query(payment)
    except ProviderError as error:
        logger.info("Status of %s unknown for now: %s", payment.reference, error)
        return payment
    Payment.objects.filter(pk=payment.pk).update(last_checked_at=timezone.now())
    try:
        apply_status(payment.pk, status, source=PaymentSource.QUERY)
    except CallbackRejected as rejected:
        logger.error("Gateway status of %s not applied: %s %s", payment.reference, rejected.outcome, rejected.detail)
    return Payment.objects.get(pk=payment.pk)


def check_pending_payments(*, older_than_seconds: int = 60, expire_after_seconds: int = 30 * 60) -> dict:
    """Ask the gateway about payments left pending; expire those it never heard of in time."""
    now = timezone.now()
    counts = {"checked": 0, "changed": 0, "expired": 0}
    pending = Payment.objects.filter(
        state=PaymentState.PENDING, created_at__lte=now - datetime.timedelta(seconds=older_than_seconds)
    )
    for payment in pending.order_by("created_at")[:500]:
        counts["checked"] += 1
        updated = refresh_from_gateway(payment)
        if updated.state != PaymentState.PENDING:
            counts["changed"] += 1
        elif updated.created_at <= now - datetime.timedelta(seconds=expire_after_seconds):
            expired = StatusResult(updated.reference, PaymentState.EXPIRED)
            counts["expired"] += apply_status(updated.pk, expired, source="poller") == CallbackOutcome.ACCEPTED
    for refund in Refund.objects.filter(state=RefundState.REQUESTED, attempts__lt=10)[:100]:
        _attempt_refund(refund.pk)
    return counts


# --- Exemptions --------------------------------------------------------------------


def declare_exemption(record, *, actor, group: str) -> Exemption:
    if record.applicant_id != actor.pk:
        raise PermissionDenied(_("Bạn không phải người nộp hồ sơ này."))
    if group not in ExemptionGroup.values:
        raise PaymentError(_("Hãy chọn đối tượng được miễn phí."))
    if record.state in CLOSED_RECORD_STATES or is_settled(record):
        raise PaymentError(_("Hồ sơ này không còn khoản phí nào để miễn."))
    with transaction.atomic():
        exemption = Exemption.objects.select_for_update().filter(record=record).first()
        if exemption is not None and exemption.status != ExemptionStatus.DECLARED:
            raise PaymentError(
                _("Đề nghị miễn phí đã được cán bộ xem xét: %(status)s.") % {"status": exemption.get_status_display()}
            )
        if Payment.objects.filter(record=record, state=PaymentState.PENDING).exists():
            raise PaymentError(_("Bạn đang có một giao dịch thanh toán chưa kết thúc cho hồ sơ này."))
        exemption, _created = Exemption.objects.update_or_create(
            record=record, defaults={"group": group, "declared_by": actor, "status": ExemptionStatus.DECLARED}
        )
    return exemption


def decide_exemption(record, *, actor, confirm: bool, note: str = "") -> Exemption:
    from identity.constants import StaffRole
    from identity.services import require_role

    require_role(actor, record.agency, StaffRole.RECEIVER)
    with transaction.atomic():
        exemption = Exemption.objects.select_for_update().filter(record=record).first()
        if exemption is None:
            raise PaymentError(_("Người nộp không đề nghị miễn phí."))
        if exemption.status != ExemptionStatus.DECLARED:
            raise PaymentError(_("Đề nghị miễn phí đã được xem xét."))
        if not confirm and not note.strip():
            raise PaymentError(_("Hãy ghi rõ lý do không miễn phí."))
        exemption.status = ExemptionStatus.CONFIRMED if confirm else ExemptionStatus.REJECTED
        exemption.decided_by = actor
        exemption.decided_at = timezone.now()
        exemption.note = note[:500]
        exemption.save()
    return exemption


# --- Refunds -----------------------------------------------------------------------


def refund_record(record, *, reason: str) -> list[Refund]:
    """Refund every paid payment of a record that was refused, rejected or withdrawn."""
    refunds = []
    for payment in Payment.objects.filter(record=record, state=PaymentState.PAID):
        refund = refund_payment(payment, reason=reason)
        if refund is not None:
            refunds.append(refund)
    return refunds


def refund_payment(payment: Payment, *, reason: str) -> Refund | None:
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if locked.state != PaymentState.PAID:
            return Refund.objects.filter(payment=locked).first()
        refund, _created = Refund.objects.get_or_create(
            payment=locked,
            defaults={
                "reference": f"RF{uuid.uuid4().hex[:16].upper()}",
                "amount": locked.amount,
                "reason": reason[:500],
            },
        )
    return _attempt_refund(refund.pk)


def _attempt_refund(refund_id) -> Refund:
    """Ask the provider once; idempotent on the refund reference, so a retry never pays twice."""
    with transaction.atomic():
        refund = Refund.objects.select_for_update().select_related("payment").get(pk=refund_id)
        if refund.state != RefundState.REQUESTED:
            return refund
        refund.attempts += 1
        try:
            result = get_provider(refund.payment.provider).refund(
                refund.payment, reference=refund.reference, amount=refund.amount, reason=refund.reason
            )
        except ProviderError as error:
            refund.error = str(error)[:500]
            refund.save()
            logger.warning("Refund %s to retry: %s", refund.reference, error)
            return refund
        refund.provider_refund_id = result.refund_id
        refund.error = result.detail[:500]
        if result.succeeded:
            refund.state = RefundState.SUCCEEDED
            refund.completed_at = timezone.now()
            payment = Payment.objects.select_for_update().get(pk=refund.payment_id)
            if payment.state == PaymentState.PAID:
                _set_state(payment, PaymentState.REFUNDED, "refund", note=refund.reason)
        elif refund.attempts >= 10:
            refund.state = RefundState.FAILED
        refund.save()
    return refund


def _enqueue_refund(payment: Payment, reason: str) -> None:
    """An outbox row, in the current transaction, for the refund of one payment (``tasks.refund_payment``):
    committed with the payment's state or not at all, relayed after commit or by the outbox sweep."""
    from outbox.services import enqueue

    enqueue(
        "payments.tasks.refund_payment",
        {"payment_id": str(payment.pk), "reason": str(reason)},
        f"payments:refund:payment:{payment.pk}",
    )
