"""How payments plugs into the records workflow: guards on actions and the refund of a closed record.

Connected in ``PaymentsConfig.ready``; records never imports payments. The guards
run before an action. ``on_record_changed`` (``records.signals.record_changed``,
inside the record's transaction) writes an outbox row for the refund of a record
refused at receipt, rejected or withdrawn that has a paid fee (key
``payments:refund:event:<event>``), so the refund is committed with the refusal
or not at all. After commit the row is relayed to the ``default`` queue (or
picked up by the outbox sweep) and the worker runs ``tasks.refund_record``,
which is idempotent: one refund per payment, asked of the provider under its
own reference, so a row run twice never pays back twice.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from common import money
from eservices.constants import FeeTiming
from records.constants import WorkflowAction as A

from . import services
from .constants import ExemptionStatus
from .models import Exemption

logger = logging.getLogger(__name__)


def _vnd(amount: int) -> str:
    """``10.000 đồng`` in a Vietnamese sentence, ``VND 10,000`` in an English one."""
    return money.vnd(amount, style=money.LONG)


def _unpaid_reason(record) -> str | None:
    quote = services.fee_for(record)
    if not quote.has_fee:
        return None
    exemption = Exemption.objects.filter(record=record).first()
    if exemption is not None and exemption.status == ExemptionStatus.DECLARED:
        return _("Người nộp đề nghị miễn phí (%(group)s): hãy xác nhận hoặc từ chối đề nghị miễn phí trước.") % {
            "group": exemption.get_group_display()
        }
    if services.is_settled(record):
        return None
    return _("Hồ sơ chưa nộp phí, lệ phí (%(amount)s); người nộp cần thanh toán trực tuyến trước.") % {
        "amount": _vnd(quote.total)
    }


def guard_receive(record) -> str | None:
    """A service whose fee is paid at filing waits in the queue until it is paid (or exempt)."""
    if record.service.fee_timing != FeeTiming.AT_FILING:
        return None
    return _unpaid_reason(record)


def guard_return_result(record) -> str | None:
    """No result leaves the agency before its fee is paid, whenever the service collects it."""
    return _unpaid_reason(record)


# Every action that closes a record (``services.CLOSED_RECORD_STATES``): its paid fee goes back.
REFUND_ACTIONS = {A.REFUSE, A.REJECT, A.WITHDRAW}


def on_record_changed(sender, *, record, event, action, **kwargs):
    """Inside the record's transaction: an outbox row to refund the fee of a refused, rejected or withdrawn record."""
    from outbox.services import enqueue

    if action not in REFUND_ACTIONS:
        return
    from .constants import PaymentState
    from .models import Payment

    if not Payment.objects.filter(record=record, state=PaymentState.PAID).exists():
        return
    reason = _("Hoàn phí: hồ sơ %(code)s — %(action)s") % {"code": record.code, "action": event.get_to_state_display()}
    enqueue(
        "payments.tasks.refund_record",
        {"record_id": str(record.pk), "reason": str(reason)},
        f"payments:refund:event:{event.pk}",
    )
