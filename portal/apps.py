from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self):
        from django.contrib import admin

        from . import deploy_checks  # noqa: F401  (registers the production checks)

        # The admin is the portal's, not Django's: its name heads every page and the browser's tab.
        admin.site.site_header = _("Cổng Dịch vụ công Quốc gia — Quản trị")
        admin.site.site_title = _("Quản trị Cổng Dịch vụ công Quốc gia")
        admin.site.index_title = _("Quản trị danh mục, dịch vụ và tài khoản")
