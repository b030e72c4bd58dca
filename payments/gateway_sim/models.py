"""The simulated gateway's own books: merchants' transactions and refunds."""

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
    transaction_id = models.CharField(max_length=32, unique=True)
    merchant_id = models.CharField(max_length=32)
    reference = models.CharField(max_length=64)
    amount = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3, default="VND")
    description = models.CharField(max_length=255)
    return_url = models.URLField(max_length=500)
    callback_url = models.URLField(max_length=500)
    idempotency_key = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.CREATED)
    method = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    callback_attempts = models.PositiveSmallIntegerField(default=0)
    callback_delivered_at = models.DateTimeField(null=True, blank=True)
    callback_last_error = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["merchant_id", "reference"], name="paygov_reference_once")]

    def __str__(self):
        return f"{self.transaction_id} {self.reference} {self.status}"


class GatewayRefund(models.Model):
    transaction = models.ForeignKey(MerchantTransaction, on_delete=models.PROTECT, related_name="refunds")
    refund_id = models.CharField(max_length=32, unique=True)
    refund_reference = models.CharField(max_length=64, unique=True)
    amount = models.PositiveBigIntegerField()
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.refund_id} {self.amount}"
