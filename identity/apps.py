from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    name = "identity"
    verbose_name = _("Định danh và tài khoản")

    def ready(self):
        from allauth.account.decorators import secure_admin_login
        from django.contrib import admin

        from . import session_limits, signals  # noqa: F401

        # The admin site logs in through allauth, so administrators pass the TOTP step too.
        admin.site.login = secure_admin_login(admin.site.login)
