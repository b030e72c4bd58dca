"""Who opened a citizen's data, and the citizen's reports of accesses they do not recognise.

Both tables are append-only from the portal: an entry is written once (``services.log_access``) and never
changed or deleted; the admin shows them read-only. An entry keeps the names it showed when it was written
(officer, agency, record code) so that it still says who it was after an account or an agency changes, and
points at the record by id only (a draft may be deleted; its log stays).

``AccessReport`` is the minimal feedback channel for now: a monitoring app can take these rows over later
(each names the access, the agency concerned and the citizen who reported it).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import AccessKind, ReportStatus


class DataAccess(models.Model):
    created_at = models.DateTimeField(_("thời điểm"), db_index=True)
    # The person whose data was opened, by their personal ID number (the same person across portal accounts).
    subject_id_number = models.CharField(_("số định danh của công dân"), max_length=12)
    kind = models.CharField(_("hình thức truy cập"), max_length=32, choices=AccessKind.choices)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    officer_name = models.CharField(_("tên cán bộ"), max_length=300)
    agency = models.ForeignKey(
        "procedures.Agency", verbose_name=_("cơ quan"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency_name = models.CharField(_("tên cơ quan"), max_length=500, blank=True)
    record_id = models.UUIDField(_("mã nội bộ của hồ sơ"), null=True, blank=True)
    record_code = models.CharField(_("mã hồ sơ"), max_length=64, blank=True)
    detail = models.CharField(_("chi tiết"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lượt truy cập dữ liệu")
        verbose_name_plural = _("nhật ký truy cập dữ liệu của công dân")
        indexes = [
            models.Index(fields=["subject_id_number", "-created_at"], name="dataaccess_citizen_idx"),
            models.Index(fields=["officer", "subject_id_number", "-created_at"], name="dataaccess_collapse_idx"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.officer_name} — {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The data access log is append-only.")
        super().save(*args, **kwargs)


class AccessReport(models.Model):
    """A citizen says they do not recognise an access to their data."""

    access = models.OneToOneField(
        DataAccess, verbose_name=_("lượt truy cập"), on_delete=models.PROTECT, related_name="report"
    )
    agency = models.ForeignKey(
        "procedures.Agency", verbose_name=_("cơ quan"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    subject_id_number = models.CharField(_("số định danh của công dân"), max_length=12, db_index=True)
    message = models.TextField(_("nội dung"), blank=True, max_length=2000)
    status = models.CharField(
        _("tình trạng"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.RECEIVED
    )
    created_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("báo cáo truy cập không rõ")
        verbose_name_plural = _("báo cáo truy cập không rõ")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.subject_id_number} — {self.access}"
