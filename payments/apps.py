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
        # In the record's transaction: an outbox row for the refund of a refused or rejected record.
        signals.record_changed.connect(hooks.on_record_changed, dispatch_uid="payments-refund-outbox")
        register_policy(Payment, policies.can_download_receipt)
        # The receipt slip (Mẫu 01) states the fee as payments reckons it, exemptions included.
        from documents.receivers import register_fee_source

        from .services import fee_for_slip

        register_fee_source(fee_for_slip)
