from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Theo dõi, đánh giá chất lượng phục vụ")

    def ready(self):
        from records.signals import record_changed

        from .receivers import on_record_changed

        record_changed.connect(on_record_changed, dispatch_uid="monitoring.count_event")
