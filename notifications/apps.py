from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Thông báo")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from records.signals import record_changed

        from . import channels  # noqa: F401  (registers the channels)
        from .receivers import on_logged_in, on_record_changed

        # In the record's transaction: one outbox row per recipient (receivers.py).
        record_changed.connect(on_record_changed, dispatch_uid="notifications.record_changed")
        user_logged_in.connect(on_logged_in, dispatch_uid="notifications.logged_in")
