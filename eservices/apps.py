from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EServicesConfig(AppConfig):
    """Online public services (dịch vụ công trực tuyến) on top of procedures.

    The package is ``eservices`` so that it no longer collides with every app's ``services.py``; its label
    stays ``services``, which keeps its tables (``services_*``), migration history and permissions unchanged.
    """

    name = "eservices"
    label = "services"
    verbose_name = _("Dịch vụ công trực tuyến")

    def ready(self):
        from . import versioning

        versioning.connect()
