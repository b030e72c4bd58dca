from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataAccessConfig(AppConfig):
    name = "dataaccess"
    verbose_name = _("Nhật ký sử dụng dữ liệu cá nhân")
