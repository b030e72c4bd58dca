"""The scales of a rating and the kinds and states of feedback: what a citizen chooses from, with its wording.

A rating asks the criteria the one-stop evaluation of a procedure's handling uses (Circular 01/2018/TT-VPCP,
Decision 766/QĐ-TTg): the time against the legal limit, how many times the person had to come and how many
places they had to go to, then the reception, the publicity of the procedure, the staff's attitude, the handling
of complaints, online progress tracking, ease of use and overall satisfaction. Each has its own scale below;
the five-level scale is one satisfaction scale (1 very dissatisfied … 5 very satisfied) for every criterion that
is a matter of satisfaction.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# "Satisfied": an overall rating of 4 (satisfied) or 5 (very satisfied) on the five-level scale.
SATISFIED_AT_LEAST = 4
# Working days an agency has to answer a feedback or petition, from the day it was received.
ANSWER_WORKING_DAYS = 10


class Satisfaction(models.IntegerChoices):
    """The five-level scale of every criterion that is a matter of satisfaction."""

    VERY_DISSATISFIED = 1, _("1 — Rất không hài lòng")
    DISSATISFIED = 2, _("2 — Không hài lòng")
    NEUTRAL = 3, _("3 — Bình thường")
    SATISFIED = 4, _("4 — Hài lòng")
    VERY_SATISFIED = 5, _("5 — Rất hài lòng")


class TimeAgainstLimit(models.TextChoices):
    EARLY = "early", _("Sớm hơn ngày hẹn")
    ON_TIME = "on_time", _("Đúng ngày hẹn")
    LATE = "late", _("Muộn hơn ngày hẹn")


class Count(models.IntegerChoices):
    """How many times (trips to complete the papers) or places (agencies contacted)."""

    ONE = 1, _("Một lần / một nơi")
    TWO = 2, _("Hai lần / hai nơi")
    THREE_OR_MORE = 3, _("Từ ba lần / ba nơi trở lên")


class ComplaintHandling(models.TextChoices):
    NONE = "none", _("Tôi không có phản ánh, kiến nghị nào")
    WELL = "well", _("Được tiếp nhận và trả lời thỏa đáng, đúng hạn")
    POORLY = "poorly", _("Được trả lời nhưng chậm hoặc chưa thỏa đáng")
    NOT_ANSWERED = "not_answered", _("Không được trả lời")


class FeedbackKind(models.TextChoices):
    REFLECTION = "reflection", _("Phản ánh (về hành vi, thái độ, việc giải quyết thủ tục)")
    PETITION = "petition", _("Kiến nghị (đề xuất sửa đổi quy định, thủ tục)")


class FeedbackSubject(models.TextChoices):
    AGENCY = "agency", _("Cơ quan")
    PROCEDURE = "procedure", _("Thủ tục hành chính")
    RECORD = "record", _("Hồ sơ")


class FeedbackState(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận, đang xử lý")
    ANSWERED = "answered", _("Đã trả lời")


class FeedbackChannel(models.TextChoices):
    WEB = "web", _("Cổng Dịch vụ công")
    QR = "qr", _("Mã QR tại quầy")


class FeedbackAction(models.TextChoices):
    RECEIVE = "receive", _("Tiếp nhận phản ánh, kiến nghị")
    ANSWER = "answer", _("Trả lời")
    PUBLISH = "publish", _("Công khai trả lời")
    UNPUBLISH = "unpublish", _("Thôi công khai trả lời")
