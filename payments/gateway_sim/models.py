"""The simulated gateway's own books: merchants' transactions and refunds.

Its labels are plain Vietnamese, like its pages: it stands for another party's system, not the portal's."""

import uuid

from django.db import models


class Status(models.TextChoices):
    CREATED = "created", "Chờ thanh toán"
    SUCCESS = "success", "Thành công"
    FAILED = "failed", "Thất bại"
    CANCELLED = "cancelled", "Đã hủy"
    EXPIRED = "expired", "Hết hạn"
    REFUNDED = "refunded", "Đã hoàn tiền"


class MerchantTransaction(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    transaction_id = models.CharField("mã giao dịch", max_length=32, unique=True)
    merchant_id = models.CharField("mã đơn vị chấp nhận thanh toán", max_length=32)
    reference = models.CharField("mã thanh toán của đơn vị", max_length=64)
    amount = models.PositiveBigIntegerField("số tiền")
    currency = models.CharField("loại tiền", max_length=3, default="VND")
    description = models.CharField("nội dung", max_length=255)
    return_url = models.URLField("địa chỉ trả về", max_length=500)
    callback_url = models.URLField("địa chỉ nhận kết quả", max_length=500)
    idempotency_key = models.CharField("khóa chống trùng", max_length=64, blank=True)
    status = models.CharField("trạng thái", max_length=16, choices=Status.choices, default=Status.CREATED)
    method = models.CharField("ngân hàng, ví", max_length=64, blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    completed_at = models.DateTimeField("hoàn tất lúc", null=True, blank=True, db_index=True)
    callback_attempts = models.PositiveSmallIntegerField("số lần gửi kết quả", default=0)
    callback_delivered_at = models.DateTimeField("gửi kết quả thành công lúc", null=True, blank=True)
    callback_last_error = models.CharField("lỗi gửi kết quả gần nhất", max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["merchant_id", "reference"], name="paygov_reference_once")]
        verbose_name = "giao dịch của đơn vị chấp nhận thanh toán"
        verbose_name_plural = "giao dịch của đơn vị chấp nhận thanh toán"

    def __str__(self):
        return f"{self.transaction_id} {self.reference} {self.status}"


class GatewayRefund(models.Model):
    transaction = models.ForeignKey(
        MerchantTransaction, on_delete=models.PROTECT, related_name="refunds", verbose_name="giao dịch"
    )
    refund_id = models.CharField("mã hoàn tiền", max_length=32, unique=True)
    refund_reference = models.CharField("mã hoàn tiền của đơn vị", max_length=64, unique=True)
    amount = models.PositiveBigIntegerField("số tiền")
    reason = models.CharField("lý do", max_length=500, blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)

    class Meta:
        verbose_name = "hoàn tiền tại cổng thanh toán"
        verbose_name_plural = "hoàn tiền tại cổng thanh toán"

    def __str__(self):
        return f"{self.refund_id} {self.amount}"
