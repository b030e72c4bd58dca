"""A citizen's rating of how their record was handled, and feedback or petitions (phản ánh, kiến nghị) to an agency.

One rating per record, by its applicant, once the result is returned: the database holds it to that
(``rating_one_per_record``). Feedback is public: anyone may send it, to an agency, about a procedure or one of
their own records; the agency answers within ``ANSWER_WORKING_DAYS`` working days and may publish the answer.
Every change to a feedback is a ``FeedbackEvent`` (who, when, from where), never an edit of history.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    SATISFIED_AT_LEAST,
    ComplaintHandling,
    Count,
    FeedbackAction,
    FeedbackChannel,
    FeedbackKind,
    FeedbackState,
    FeedbackSubject,
    Satisfaction,
    TimeAgainstLimit,
)


def _satisfaction(label):
    return models.PositiveSmallIntegerField(label, choices=Satisfaction.choices)


class Rating(models.Model):
    """How the applicant judged the handling of one returned record, criterion by criterion."""

    record = models.ForeignKey(
        "records.Record", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="ratings"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người đánh giá"), on_delete=models.PROTECT, related_name="+"
    )
    # The agency that returned the result and the procedure, copied so the indicators group without joins.
    agency = models.ForeignKey(
        "procedures.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="ratings"
    )
    procedure = models.ForeignKey(
        "procedures.Procedure", verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="+"
    )
    time_against_limit = models.CharField(
        _("Thời gian giải quyết so với ngày hẹn"), max_length=8, choices=TimeAgainstLimit.choices
    )
    trips = models.PositiveSmallIntegerField(_("Số lần phải đến để hoàn thiện hồ sơ"), choices=Count.choices)
    agencies_contacted = models.PositiveSmallIntegerField(_("Số nơi phải liên hệ"), choices=Count.choices)
    reception = _satisfaction(_("Việc tiếp nhận hồ sơ"))
    publicity = _satisfaction(_("Công khai, đầy đủ thông tin về thủ tục"))
    staff_attitude = _satisfaction(_("Thái độ của cán bộ"))
    complaint_handling = models.CharField(
        _("Việc giải quyết phản ánh, kiến nghị"), max_length=16, choices=ComplaintHandling.choices
    )
    online_tracking = _satisfaction(_("Theo dõi tiến độ hồ sơ trực tuyến"))
    ease_of_use = _satisfaction(_("Sự dễ dàng khi thực hiện"))
    overall = _satisfaction(_("Mức độ hài lòng chung"))
    comment = models.TextField(_("Góp ý thêm"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("thời điểm đánh giá"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("đánh giá mức độ hài lòng")
        verbose_name_plural = _("đánh giá mức độ hài lòng")
        constraints = [models.UniqueConstraint(fields=["record"], name="rating_one_per_record")]
        indexes = [models.Index(fields=["agency", "created_at"], name="rating_agency_idx")]

    def __str__(self):
        return f"{self.record} — {self.overall}/5"

    @property
    def is_satisfied(self) -> bool:
        return self.overall >= SATISFIED_AT_LEAST


class Feedback(models.Model):
    """A feedback or petition to an agency, followed by its sender with ``code``, answered by the agency."""

    code = models.CharField(_("mã tra cứu"), max_length=16, unique=True, editable=False)
    kind = models.CharField(_("loại"), max_length=12, choices=FeedbackKind.choices, default=FeedbackKind.REFLECTION)
    subject = models.CharField(_("về"), max_length=12, choices=FeedbackSubject.choices, default=FeedbackSubject.AGENCY)
    agency = models.ForeignKey(
        "procedures.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="feedback"
    )
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    record = models.ForeignKey(
        "records.Record",
        verbose_name=_("hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("tiêu đề"), max_length=200)
    content = models.TextField(_("nội dung"), max_length=5000)
    # The sender: anonymous, or a logged-in account; name and contact only if they give them.
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản người gửi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sender_name = models.CharField(_("họ tên người gửi"), max_length=150, blank=True)
    sender_contact = models.CharField(_("số điện thoại hoặc thư điện tử"), max_length=254, blank=True)
    channel = models.CharField(_("kênh"), max_length=8, choices=FeedbackChannel.choices, default=FeedbackChannel.WEB)
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=FeedbackState.choices, default=FeedbackState.RECEIVED
    )
    received_at = models.DateTimeField(_("ngày tiếp nhận"), default=timezone.now, db_index=True)
    due_date = models.DateField(_("hạn trả lời"))
    answer = models.TextField(_("nội dung trả lời"), blank=True, max_length=5000)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ trả lời"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published = models.BooleanField(_("công khai trả lời"), default=False)
    published_at = models.DateTimeField(_("ngày công khai"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state=FeedbackState.ANSWERED) | models.Q(answered_at__isnull=False),
                name="feedback_answered_has_date",
            ),
            models.CheckConstraint(
                condition=models.Q(published=False) | models.Q(state=FeedbackState.ANSWERED),
                name="feedback_published_only_answered",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "state", "due_date"], name="feedback_agency_queue_idx"),
            models.Index(fields=["-published_at"], condition=models.Q(published=True), name="feedback_published_idx"),
        ]

    def __str__(self):
        return f"{self.display_code} — {self.title}"

    @property
    def display_code(self) -> str:
        """The code as printed and read aloud: three groups of four."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    def is_overdue(self, today=None) -> bool:
        """Unanswered past its due date."""
        return self.state == FeedbackState.RECEIVED and self.due_date < (today or timezone.localdate())

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        return timezone.localdate(self.answered_at) <= self.due_date


class FeedbackEvent(models.Model):
    """Append-only history of a feedback: received, answered, published, unpublished."""

    feedback = models.ForeignKey(
        Feedback, verbose_name=_("phản ánh, kiến nghị"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("thao tác"), max_length=12, choices=FeedbackAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    client_ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("lịch sử phản ánh, kiến nghị")
        verbose_name_plural = _("lịch sử phản ánh, kiến nghị")

    def __str__(self):
        return f"{self.feedback.display_code} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Feedback events are append-only.")
        super().save(*args, **kwargs)
