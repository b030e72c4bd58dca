from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản điện tử")

    def ready(self):
        from records.models import Record
        from records.signals import record_changed

        from . import signals  # noqa: F401
        from .access import register_policy
        from .receivers import on_record_changed, record_policy

        # In the record's transaction: an outbox row for the slip the event calls for (receivers.py).
        record_changed.connect(on_record_changed, dispatch_uid="documents.record_changed")
        register_policy(Record, record_policy)
        # A desk visit that ended with a Mẫu 02 and no record (records.counter.ask_completion_at_counter).
        from records.models import CounterVisit
        from records.signals import counter_completion_requested

        from .receivers import counter_visit_policy, on_counter_completion_requested

        counter_completion_requested.connect(on_counter_completion_requested, dispatch_uid="documents.counter_visit")
        register_policy(CounterVisit, counter_visit_policy)
        # Records asks for generated result certificates through this (it never imports documents).
        from records.processing import register_result_issuer

        from . import results

        register_result_issuer(results)
        # Only a signed result can be revoked (the approver's "revoke_result").
        from records.constants import WorkflowAction
        from records.workflow import register_guard

        register_guard(WorkflowAction.REVOKE_RESULT, results.revocation_guard)
        # A service requiring a signed declaration is filed only with the citizen's remote signature on it.
        from .citizen_signing.services import guard_submit

        register_guard(WorkflowAction.SUBMIT, guard_submit)
