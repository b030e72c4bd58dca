from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("Thủ tục hành chính")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .models import AdministrativeUnit, Agency, DocumentComponent, ProcedureVersion
        from .selectors import catalogue_changed

        # What filings keep in each process (``selectors.ProcessCopies``): read again after any change of these.
        for model in (Agency, AdministrativeUnit, ProcedureVersion, DocumentComponent):
            for signal in (post_save, post_delete):
                signal.connect(catalogue_changed, sender=model, dispatch_uid=f"catalogue_changed:{model.__name__}")
        m2m_changed.connect(
            catalogue_changed, sender=ProcedureVersion.agencies.through, dispatch_uid="catalogue_changed:agencies"
        )
