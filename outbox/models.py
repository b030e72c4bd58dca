"""One row per side effect to run: written in the transaction of the change, done exactly once."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EntryStatus(models.TextChoices):
    PENDING = "pending", _("Chờ thực hiện")
    DONE = "done", _("Đã thực hiện")
    FAILED = "failed", _("Thất bại, đã dừng thử lại")


class Entry(models.Model):
    """A side effect of a committed change: which task does it, with which arguments, and how it went.

    ``key`` is unique: enqueuing the same effect twice (a repeated signal, a retried request) writes
    one row. ``due_at`` is when the sweep may hand the row to the broker (again): a lease after each
    dispatch or claim, a backoff after a failure. ``claimed_until`` keeps other runs off a row while
    one worker runs it; a worker killed mid-run leaves a claim that simply expires.
    """

    key = models.CharField(_("khoá"), max_length=255, unique=True)
    task = models.CharField(_("tác vụ"), max_length=200)
    kwargs = models.JSONField(_("tham số"), default=dict, encoder=DjangoJSONEncoder)
    queue = models.CharField(_("hàng đợi"), max_length=50)
    status = models.CharField(_("trạng thái"), max_length=10, choices=EntryStatus.choices, default=EntryStatus.PENDING)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    due_at = models.DateTimeField(_("gửi lại từ"), default=timezone.now)
    dispatches = models.PositiveIntegerField(_("số lần gửi cho hàng đợi"), default=0)
    claimed_until = models.DateTimeField(_("đang chạy đến"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("số lần chạy"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    done_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("tác vụ chờ gửi")
        verbose_name_plural = _("tác vụ chờ gửi")
        indexes = [
            # The sweep reads pending rows by due time; done rows (nearly all) stay out of the index.
            models.Index(fields=["due_at"], condition=models.Q(status="pending"), name="outbox_entry_pending_due"),
            models.Index(fields=["done_at"], condition=models.Q(status="done"), name="outbox_entry_done_at"),
        ]

    def __str__(self) -> str:
        return self.key
