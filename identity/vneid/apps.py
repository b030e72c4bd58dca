from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VNeIDConfig(AppConfig):
    name = "identity.vneid"
    label = "vneid"
    verbose_name = _("VNeID (mô phỏng)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings

        from . import keys

        # In production the key comes from configuration only (VNEID_SIGNING_KEY, put into OAUTH2_PROVIDER by
        # the settings; portal.deploy_checks refuses to start without it): nothing is generated under var/.
        if getattr(settings, "VNEID_SIMULATOR", True) and not getattr(settings, "PRODUCTION", False):
            keys.install_signing_keys()
