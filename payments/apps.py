from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = pgettext_lazy("app name", "Thanh toán")

    def ready(self):
        from documents.access import register_policy
        from records import signals, workflow
        from records.constants import WorkflowAction

        from . import checks, hooks, policies  # noqa: F401  (checks registers itself)
        from .models import Payment

        workflow.register_guard(WorkflowAction.RECEIVE, hooks.guard_receive)
        workflow.register_guard(WorkflowAction.RETURN_RESULT, hooks.guard_return_result)
        # In the record's transaction: an outbox row for the refund of a refused, rejected or withdrawn record.
        signals.record_changed.connect(hooks.on_record_changed, dispatch_uid="payments-refund-outbox")
        # In the filing's transaction: an exemption the population registry proves (the newborn, the elderly...).
        from . import exemptions

        signals.record_changed.connect(exemptions.on_record_changed, dispatch_uid="payments-registry-exemption")
        register_policy(Payment, policies.can_download_receipt)
        # The receipt slip (Mẫu 01) states the fee as payments reckons it, exemptions included.
        from documents.receivers import register_fee_source

        from .services import fee_for_slip

        register_fee_source(fee_for_slip)
        # A record's e-receipts are listed among its signed documents (its page and the back-office's).
        from documents.services import register_related_subjects
        from records.models import Record

        from .selectors import payment_history, settled_payments

        register_related_subjects(Record, settled_payments)
        # A payment's events are lines of its record's history (the citizen's record page and the back-office's).
        from records.history import register_history_source

        register_history_source(payment_history)
