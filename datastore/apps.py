from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatastoreConfig(AppConfig):
    """The citizen's personal data store (Kho dữ liệu cá nhân): results and digitised papers that live on.

    It reacts to records (never the other way round): the return of a result and the receipt of a record reach it
    through ``records.signals.record_changed`` and an outbox row each (``receivers.py``), and records offers its
    items in later filings through the store it registers here (``records.reuse.register_store``).
    """

    name = "datastore"
    verbose_name = _("Kho dữ liệu cá nhân")

    def ready(self):
        from records.reuse import register_store
        from records.signals import record_changed

        from . import services
        from .receivers import on_record_changed

        record_changed.connect(on_record_changed, dispatch_uid="datastore.record_changed")
        register_store(services)
