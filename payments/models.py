"""Fees paid for records: payments through a provider, the callbacks that settle them, receipts, refunds.

Card and account data never reach the portal: the payer types them at the
gateway. A payment keeps only its amount, the gateway's transaction id and the
label of the bank or wallet used.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constants import (
    CallbackOutcome,
    ExemptionGroup,
    ExemptionStatus,
    PaymentSource,
    PaymentState,
    RefundState,
)


class Payment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Sent to the gateway as the merchant's order reference; unique for ever.
    reference = models.CharField(_("mã thanh toán"), max_length=32, unique=True)
    # Given by the page that started it: a double click or a retried request gives back the same payment.
    idempotency_key = models.CharField(_("khóa chống trùng"), max_length=64, unique=True)
    record = models.ForeignKey(
        "records.Record", on_delete=models.PROTECT, related_name="payments", verbose_name=_("hồ sơ")
    )
    provider = models.CharField(_("kênh thanh toán"), max_length=32)
    amount = models.PositiveBigIntegerField(_("số tiền (VNĐ)"))
    description = models.CharField(_("nội dung"), max_length=255)
    payer_name = models.CharField(_("người nộp"), max_length=150)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=PaymentState.choices, default=PaymentState.PENDING, db_index=True
    )
    redirect_url = models.URLField(_("địa chỉ trang thanh toán"), max_length=500, blank=True)
    provider_transaction_id = models.CharField(_("mã giao dịch tại cổng thanh toán"), max_length=64, blank=True)
    method = models.CharField(_("ngân hàng, ví"), max_length=64, blank=True)
    settled_by = models.CharField(_("nguồn xác nhận"), max_length=16, choices=PaymentSource.choices, blank=True)
    receipt_number = models.CharField(_("số biên lai"), max_length=32, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    completed_at = models.DateTimeField(_("thời điểm có kết quả"), null=True, blank=True)
    paid_at = models.DateTimeField(_("thời điểm thanh toán"), null=True, blank=True, db_index=True)
    last_checked_at = models.DateTimeField(_("lần hỏi trạng thái gần nhất"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One gateway session open per record at a time; a new attempt starts once it failed or expired.
            models.UniqueConstraint(
                fields=["record"], condition=Q(state=PaymentState.PENDING), name="one_pending_payment_per_record"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]
        indexes = [models.Index(fields=["state", "created_at"], name="payment_state_idx")]
        verbose_name = _("giao dịch thanh toán")
        verbose_name_plural = _("giao dịch thanh toán")

    def __str__(self):
        return f"{self.reference} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("payments:receipt", args=[self.reference])

    @property
    def is_paid(self) -> bool:
        return self.state == PaymentState.PAID

    @property
    def public_status_display(self) -> str:
        """Shown on the public verification page of the e-receipt."""
        return self.get_state_display()


class PaymentEvent(models.Model):
    """Append-only history of a payment's state."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    from_state = models.CharField(max_length=16, choices=PaymentState.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=PaymentState.choices)
    source = models.CharField(max_length=16, blank=True)
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.payment_id} {self.from_state}→{self.to_state}"


class CallbackLog(models.Model):
    """Every callback the gateway (or anyone) sent, accepted or not, as received."""

    received_at = models.DateTimeField(_("nhận lúc"), auto_now_add=True, db_index=True)
    provider = models.CharField(_("kênh thanh toán"), max_length=32)
    reference = models.CharField(_("mã thanh toán"), max_length=64, blank=True, db_index=True)
    payment = models.ForeignKey(
        Payment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="callbacks",
        verbose_name=_("giao dịch thanh toán"),
    )
    remote_addr = models.GenericIPAddressField(_("địa chỉ IP gửi"), null=True, blank=True)
    params = models.JSONField(_("tham số nhận được"), default=dict)
    outcome = models.CharField(_("kết quả xử lý"), max_length=24, choices=CallbackOutcome.choices)
    detail = models.CharField(_("chi tiết"), max_length=255, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("nhật ký callback")
        verbose_name_plural = _("nhật ký callback")

    def __str__(self):
        return f"{self.reference} {self.outcome}"


class Exemption(models.Model):
    """The applicant declares a group exempt from the fee; an officer of the agency confirms or rejects it."""

    record = models.OneToOneField(
        "records.Record", on_delete=models.CASCADE, related_name="fee_exemption", verbose_name=_("hồ sơ")
    )
    group = models.CharField(_("đối tượng miễn phí"), max_length=32, choices=ExemptionGroup.choices)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ExemptionStatus.choices, default=ExemptionStatus.DECLARED
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người khai")
    )
    declared_at = models.DateTimeField(_("khai lúc"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cán bộ quyết định"),
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    note = models.CharField(_("ghi chú của cán bộ"), max_length=500, blank=True)
    # Set when the population registry proves the exemption at filing (``payments.exemptions``): the fee rule that
    # exempts the group, and where the date it rests on comes from. Empty for an exemption the applicant declares.
    rule = models.CharField(_("quy định miễn"), max_length=40, blank=True)
    evidence = models.CharField(_("căn cứ xác định"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("miễn phí, lệ phí")
        verbose_name_plural = _("miễn phí, lệ phí")

    def __str__(self):
        return f"{self.record_id} {self.group} {self.status}"

    @property
    def proven_by_registry(self) -> bool:
        return bool(self.rule)

    @property
    def reason(self) -> str:
        """Why the fee is waived without asking, in the reader's language (empty for a declared exemption)."""
        from .exemptions import reason_for

        return reason_for(self)


class Refund(models.Model):
    """A refund of a paid payment through its provider; one per payment (the whole amount)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    payment = models.OneToOneField(
        Payment, on_delete=models.PROTECT, related_name="refund", verbose_name=_("giao dịch thanh toán")
    )
    reference = models.CharField(_("mã hoàn tiền"), max_length=40, unique=True)
    amount = models.PositiveBigIntegerField(_("số tiền (VNĐ)"))
    reason = models.CharField(_("lý do"), max_length=500)
    state = models.CharField(_("trạng thái"), max_length=16, choices=RefundState.choices, default=RefundState.REQUESTED)
    provider_refund_id = models.CharField(_("mã hoàn tiền tại cổng thanh toán"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi yêu cầu"), default=0)
    error = models.CharField(_("lỗi gần nhất"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    completed_at = models.DateTimeField(_("hoàn tất lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("hoàn tiền")
        verbose_name_plural = _("hoàn tiền")

    def __str__(self):
        return f"{self.reference} {self.state}"


class ReceiptSequence(models.Model):
    """The last e-receipt number of a year; the row is locked to take the next one."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_value = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year} #{self.last_value}"
