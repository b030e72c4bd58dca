"""Events, channels and delivery states of notifications."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    INBOX = "inbox", _("Hộp thư Thông báo")
    EMAIL = "email", _("Thư điện tử")
    SMS = "sms", _("Tin nhắn SMS")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không thành công")


class Audience(models.TextChoices):
    CITIZEN = "citizen", _("Người dân, doanh nghiệp")
    OFFICER = "officer", _("Cán bộ, công chức")


class Event(models.TextChoices):
    """What happened. Each event has ``templates/notifications/events/<value>.<lang>.txt`` for vi and en.

    The first line of a template is the subject (also the SMS text), then a blank line, then the body.
    """

    RECORD_SUBMITTED = "record_submitted", _("Hồ sơ đã nộp")
    RECORD_RECEIVED = "record_received", _("Hồ sơ được tiếp nhận")
    RECORD_REFUSED = "record_refused", _("Hồ sơ bị từ chối tiếp nhận")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Yêu cầu bổ sung hồ sơ")
    RECORD_APPROVED = "record_approved", _("Hồ sơ được giải quyết, có kết quả")
    RECORD_REJECTED = "record_rejected", _("Hồ sơ không được giải quyết")
    RESULT_RETURNED = "result_returned", _("Đã trả kết quả")
    RESULT_REVOKED = "result_revoked", _("Kết quả đã bị thu hồi")
    OVERDUE_APOLOGY = "overdue_apology", _("Thư xin lỗi, hẹn lại ngày trả kết quả")
    PAYMENT_SUCCEEDED = "payment_succeeded", _("Thanh toán thành công")
    PAYMENT_FAILED = "payment_failed", _("Thanh toán không thành công")
    PAYMENT_REFUNDED = "payment_refunded", _("Hoàn tiền")
    NAMED_IN_RECORD = "named_in_record", _("Bạn được nêu tên trong một hồ sơ")
    DATA_ACCESS_REPORTED = "data_access_reported", _("Đã nhận báo cáo truy cập dữ liệu")
    RATING_INVITED = "rating_invited", _("Mời đánh giá mức độ hài lòng")
    FEEDBACK_ANSWERED = "feedback_answered", _("Phản ánh, kiến nghị đã được trả lời")
    APPOINTMENT_BOOKED = "appointment_booked", _("Đã đặt lịch hẹn")
    APPOINTMENT_REMINDER = "appointment_reminder", _("Nhắc lịch hẹn ngày mai")
    APPOINTMENT_CANCELLED = "appointment_cancelled", _("Lịch hẹn đã hủy")
    OFFICER_NEW_RECORD = "officer_new_record", _("Hồ sơ mới trong hàng chờ")
    OFFICER_REMINDER = "officer_reminder", _("Nhắc việc")
    OFFICER_OVERDUE = "officer_overdue", pgettext_lazy("notification event", "Hồ sơ quá hạn")
    OFFICER_ASSIGNED = "officer_assigned", _("Được giao xử lý hồ sơ")
    OFFICER_STEP_OVERDUE = "officer_step_overdue", _("Bước xử lý quá hạn")

    @property
    def audience(self) -> str:
        return Audience.OFFICER if self.value.startswith("officer_") else Audience.CITIZEN

    @property
    def channels(self) -> tuple[str, ...]:
        """Channels besides the inbox this event may use; the recipient's preferences then choose."""
        if self.audience == Audience.OFFICER or self == Event.RATING_INVITED:
            return (Channel.EMAIL,)  # an invitation to rate is worth no text message
        return (Channel.EMAIL, Channel.SMS)


LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

# SMS are cut here (a few concatenated Unicode segments).
SMS_MAX_LENGTH = 300
