from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("Thủ tục hành chính")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .models import AdministrativeUnit, Agency, DocumentComponent, Procedure, ProcedureVersion
        from .selectors import catalogue_changed

        # What filings and search keep in each process (``selectors.ProcessCopies``, ``search.current_index``):
        # read again after any change of these (a procedure: published, retired, its keywords edited).
        for model in (Agency, AdministrativeUnit, Procedure, ProcedureVersion, DocumentComponent):
            for signal in (post_save, post_delete):
                signal.connect(catalogue_changed, sender=model, dispatch_uid=f"catalogue_changed:{model.__name__}")
        m2m_changed.connect(
            catalogue_changed, sender=ProcedureVersion.agencies.through, dispatch_uid="catalogue_changed:agencies"
        )
