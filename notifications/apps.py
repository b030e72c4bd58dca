from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Thông báo")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from dataaccess.signals import access_reported
        from records.signals import record_changed

        from . import channels  # noqa: F401  (registers the channels)
        from .access_reports import on_access_reported
        from .receivers import on_logged_in, on_record_changed

        # In the record's transaction: one outbox row per recipient (receivers.py).
        record_changed.connect(on_record_changed, dispatch_uid="notifications.record_changed")
        user_logged_in.connect(on_logged_in, dispatch_uid="notifications.logged_in")
        # A citizen's report of an access to their data they do not recognise: acknowledged in their inbox.
        access_reported.connect(on_access_reported, dispatch_uid="notifications.access_reported")
