"""What the national side keeps: every status report once, and each record's latest status."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .protocol import STATUSES


class StatusReport(models.Model):
    """One status report as received; the event id makes a repeat a no-op."""

    event_id = models.BigIntegerField(_("mã sự kiện"), unique=True)
    record_code = models.CharField(_("mã hồ sơ"), max_length=40, db_index=True)
    agency_code = models.CharField(_("mã cơ quan"), max_length=40)
    procedure_code = models.CharField(_("mã thủ tục"), max_length=40)
    status = models.PositiveSmallIntegerField(_("trạng thái"), choices=sorted(STATUSES.items()))
    channel = models.CharField(_("kênh nộp"), max_length=16)
    event_at = models.DateTimeField(_("thời điểm"))
    due_date = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    received_at = models.DateTimeField(_("ngày tiếp nhận"), null=True, blank=True)
    finished_at = models.DateTimeField(_("ngày hoàn thành"), null=True, blank=True)
    body = models.JSONField(_("nội dung nhận được"))
    arrived_at = models.DateTimeField(_("nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo trạng thái hồ sơ")
        verbose_name_plural = _("báo cáo trạng thái hồ sơ")

    def __str__(self):
        return f"{self.record_code} → {self.status}"


class RecordStatus(models.Model):
    """A record as the nation knows it: from its latest report by event time (reports may arrive out of order)."""

    record_code = models.CharField(_("mã hồ sơ"), max_length=40, unique=True)
    agency_code = models.CharField(_("mã cơ quan"), max_length=40, db_index=True)
    procedure_code = models.CharField(_("mã thủ tục"), max_length=40)
    status = models.PositiveSmallIntegerField(_("trạng thái"), choices=sorted(STATUSES.items()))
    channel = models.CharField(_("kênh nộp"), max_length=16)
    due_date = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    received_at = models.DateTimeField(_("ngày tiếp nhận"), null=True, blank=True)
    finished_at = models.DateTimeField(_("ngày hoàn thành"), null=True, blank=True)
    # Finished on or before the due date (the day where the nation is): set when the record is finished.
    on_time = models.BooleanField(_("đúng hạn"), null=True, blank=True)
    event_at = models.DateTimeField(_("thời điểm"))
    event_id = models.BigIntegerField(_("mã sự kiện"))

    class Meta:
        verbose_name = _("hồ sơ theo dõi")
        verbose_name_plural = _("hồ sơ theo dõi")

    def __str__(self):
        return f"{self.record_code} ({self.status})"
