from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Guards of the audit logs (no models of its own): see the module docstring of ``audit.guards``."""

    name = "audit"
    verbose_name = _("Nhật ký kiểm toán")
