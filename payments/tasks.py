"""Celery tasks of payments (queue ``default``). Each is idempotent: safe to run twice."""

from celery import shared_task

from . import services


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
