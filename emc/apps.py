from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmcConfig(AppConfig):
    """Reporting upward: each record's status change, in the national status codes, to the national portal and EMC."""

    name = "emc"
    verbose_name = _("Báo cáo lên Cổng Dịch vụ công quốc gia và EMC")

    def ready(self):
        from records.signals import record_changed

        from . import checks  # noqa: F401  (deployment checks)
        from .receivers import on_record_changed

        # In the record's transaction: one outbox row per status change (receivers.py).
        record_changed.connect(on_record_changed, dispatch_uid="emc.record_changed")
