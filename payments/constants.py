"""States, exemption groups and callback outcomes of the payments app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentState(models.TextChoices):
    """pending → paid / failed / cancelled / expired; paid → refunded.

    Failed, cancelled and expired are not the end of the story for the record:
    the citizen starts a new payment (a new reference). A late "success" from
    the gateway for one of them still wins, because the money was taken.
    """

    PENDING = "pending", _("Đang chờ thanh toán")
    PAID = "paid", _("Đã thanh toán")
    FAILED = "failed", _("Thanh toán không thành công")
    CANCELLED = "cancelled", _("Đã hủy thanh toán")
    EXPIRED = "expired", _("Hết hạn thanh toán")
    REFUNDED = "refunded", _("Đã hoàn tiền")


SETTLED_STATES = {PaymentState.PAID, PaymentState.REFUNDED}
# States a gateway answer may still move a payment out of.
OPEN_STATES = {PaymentState.PENDING, PaymentState.FAILED, PaymentState.CANCELLED, PaymentState.EXPIRED}


class ExemptionGroup(models.TextChoices):
    """Groups exempt from fees and charges, as the applicant declares them (the officer confirms)."""

    MERITORIOUS = "meritorious", _("Người có công với cách mạng và thân nhân")
    POOR_HOUSEHOLD = "poor_household", _("Thành viên hộ nghèo, hộ cận nghèo")
    CHILD_UNDER_6 = "child_under_6", _("Trẻ em dưới 6 tuổi")
    CHILD = "child", _("Trẻ em (dưới 16 tuổi)")
    ELDERLY = "elderly", _("Người cao tuổi (từ đủ 60 tuổi)")
    DISABILITY = "disability", _("Người khuyết tật nặng, đặc biệt nặng")
    ETHNIC_MINORITY_HARDSHIP = (
        "ethnic_minority_hardship",
        _("Người dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn"),
    )


class ExemptionStatus(models.TextChoices):
    DECLARED = "declared", _("Chờ cán bộ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận miễn phí")
    REJECTED = "rejected", _("Không được miễn phí")


class RefundState(models.TextChoices):
    REQUESTED = "requested", _("Đang hoàn tiền")
    SUCCEEDED = "succeeded", _("Đã hoàn tiền")
    FAILED = "failed", _("Hoàn tiền không thành công")


class CallbackOutcome(models.TextChoices):
    """What the portal did with one server-to-server callback; every callback is logged with one."""

    ACCEPTED = "accepted", _("Đã ghi nhận")
    DUPLICATE = "duplicate", _("Trùng lặp, không thay đổi")
    CONFLICT = "conflict", _("Mâu thuẫn với trạng thái đã chốt, không thay đổi")
    MALFORMED = "malformed", _("Thiếu hoặc sai định dạng tham số")
    FORGED = "forged", _("Chữ ký không hợp lệ")
    STALE = "stale", _("Quá thời hạn")
    UNKNOWN_REFERENCE = "unknown_reference", _("Không có giao dịch")
    AMOUNT_MISMATCH = "amount_mismatch", _("Sai số tiền")


class PaymentSource(models.TextChoices):
    """How the portal learnt a payment's outcome."""

    CALLBACK = "callback", _("Gateway gọi lại (server-to-server)")
    QUERY = "query", _("Cổng hỏi trạng thái gateway")
