from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VNeIDConfig(AppConfig):
    name = "identity.vneid"
    label = "vneid"
    verbose_name = _("VNeID (mô phỏng)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import keys

        keys.install_signing_keys()
