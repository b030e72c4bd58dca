from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Đánh giá, phản ánh, kiến nghị")

    def ready(self):
        from records.signals import record_changed

        from .receivers import on_record_changed

        # A returned result invites its applicant to rate the service, once (an outbox row in the record's transaction).
        record_changed.connect(on_record_changed, dispatch_uid="feedback.record_changed")
