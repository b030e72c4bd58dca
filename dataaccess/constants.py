"""What kind of access to a citizen's data is logged, and where a citizen's report of an access stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AccessKind(models.TextChoices):
    RECORD_VIEW = "record_view", _("Xem hồ sơ")
    ATTACHMENT_DOWNLOAD = "attachment_download", _("Mở giấy tờ của hồ sơ")
    REGISTRY_LOOKUP = "registry_lookup", _("Tra cứu Cơ sở dữ liệu quốc gia về dân cư")
    COUNTER_INTAKE = "counter_intake", _("Nhập hồ sơ tại bộ phận một cửa")
    API_READ = "api_read", _("Hệ thống của cơ quan đọc dữ liệu qua API")
    LOGBOOK = "logbook", _("Xem, tải sổ theo dõi hồ sơ của cơ quan")


class ReportStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("access report", "Đã tiếp nhận")
    REVIEWING = "reviewing", _("Đang xem xét")
    CLOSED = "closed", _("Đã trả lời")


# Repeated opens of the same data by the same officer within this many seconds make one entry.
COLLAPSE_SECONDS = 300
