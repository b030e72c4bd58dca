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
        # Records asks for generated result certificates through this (it never imports documents).
        from records.processing import register_result_issuer

        from . import results

        register_result_issuer(results)
