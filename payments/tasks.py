"""Celery tasks of payments (queue ``default``). Each is idempotent: safe to run twice."""

from celery import shared_task

from . import services
from .services import PaymentError


@shared_task(name="payments.tasks.check_pending_payments", queue="default")
def check_pending_payments() -> dict:
    """Every few minutes: ask the gateway about payments still pending, expire abandoned ones, retry refunds."""
    return services.check_pending_payments()


@shared_task(name="payments.tasks.refund_record", queue="default", acks_late=True)
def refund_record(record_id: str, reason: str) -> int:
    """Refund the paid fees of a refused, rejected or withdrawn record: the work of one outbox row (``hooks``).

    Run by ``outbox.tasks.run``, which claims the row and marks it done. Idempotent: each payment is
    refunded once (its refund row is committed before the provider is asked, under its reference).
    """
    from records.models import Record

    record = Record.objects.get(pk=record_id)
    return len(services.refund_record(record, reason=reason))


@shared_task(name="payments.tasks.refund_payment", queue="default", acks_late=True)
def refund_payment(payment_id: str, reason: str) -> str:
    """Refund one payment: a duplicate, or one settled for a record already closed (an outbox row of
    ``services``). Idempotent like ``refund_record``."""
    from .models import Payment

    refund = services.refund_payment(Payment.objects.get(pk=payment_id), reason=reason)
    return refund.state if refund else ""


@shared_task(bind=True, name="payments.tasks.start_at_gateway", queue="default", acks_late=True, max_retries=3)
def start_at_gateway(self, payment_id: str, base_url: str) -> bool:
    """Register a payment at the gateway for the payer's waiting page (``views.starting``), out of the request.

    Idempotent: a payment already registered is left as it is. The gateway unreachable: a few quick retries,
    then the waiting page gives up and the payer presses "Thanh toán" again.
    """
    try:
        return bool(services.ensure_started(payment_id, base_url).redirect_url)
    except PaymentError as error:
        raise self.retry(countdown=2 * 2**self.request.retries) from error
