"""Official notifications: the message in a person's inbox, and its delivery on each channel.

A ``Message`` is the inbox entry ("Thông báo"): every notification is one,
whatever the person's preferences. Each channel it goes out on (the inbox
itself, e-mail, SMS) has a ``Delivery`` row: the delivery log, with status,
attempts and last error, from which an administrator resends what failed.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constants import DEFAULT_LANGUAGE, Channel, DeliveryStatus, Event


class Preference(models.Model):
    """How a person wants to be reached beyond the inbox, which always receives."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("tài khoản"),
    )
    email_enabled = models.BooleanField(_("nhận qua thư điện tử"), default=True)
    sms_enabled = models.BooleanField(_("nhận qua tin nhắn SMS"), default=True)
    language = models.CharField(
        _("ngôn ngữ của thông báo"),
        max_length=8,
        choices=[("vi", "Tiếng Việt"), ("en", "English")],
        default=DEFAULT_LANGUAGE,
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("cài đặt thông báo")
        verbose_name_plural = _("cài đặt thông báo")

    def __str__(self):
        return str(self.user)


class Message(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(_("sự kiện"), max_length=32, choices=Event.choices)
    language = models.CharField(_("ngôn ngữ"), max_length=8, default=DEFAULT_LANGUAGE)
    subject = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"))
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    # The same notice in every portal language, {"vi": [subject, body], "en": [...]}: the inbox shows it in the
    # language the person is reading the site in; e-mail and SMS carry ``subject``/``body`` (their settings').
    texts = models.JSONField(_("nội dung theo ngôn ngữ"), default=dict, blank=True)
    # What the notification is about (a record, a payment...), if anything.
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    related = GenericForeignKey("content_type", "object_id")
    # The caller's key: the same key for the same person is the same message, sent once.
    idempotency_key = models.CharField(_("khóa chống trùng"), max_length=200)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "idempotency_key"], name="notification_once_per_key"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox_idx"),
            models.Index(
                fields=["recipient"], condition=models.Q(read_at__isnull=True), name="notification_unread_idx"
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("notifications:detail", args=[self.pk])

    def text_in(self, language: str) -> tuple[str, str]:
        """(subject, body) in ``language`` when kept, else as sent."""
        kept = (self.texts or {}).get((language or "")[:2])
        if isinstance(kept, list) and len(kept) == 2:
            return kept[0], kept[1]
        return self.subject, self.body

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Delivery(models.Model):
    """One message on one channel: the delivery log. ``(message, channel)`` is the idempotency key."""

    message = models.ForeignKey(
        Message, verbose_name=_("thông báo"), on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(_("kênh"), max_length=8, choices=Channel.choices)
    address = models.CharField(_("địa chỉ nhận"), max_length=254, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lượt gửi thông báo")
        verbose_name_plural = _("nhật ký gửi thông báo")
        constraints = [models.UniqueConstraint(fields=["message", "channel"], name="delivery_once_per_channel")]
        indexes = [models.Index(fields=["status", "created_at"], name="delivery_status_idx")]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.address or self.message.recipient}"

    @property
    def idempotency_key(self) -> str:
        return f"{self.message.idempotency_key}:{self.channel}"
