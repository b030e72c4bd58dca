"""A citizen's record (hồ sơ): what was filed, under which procedure version, and its history."""

import uuid

from django.conf import settings
from django.db import IntegrityError, models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    NATIONAL_STATUS,
    OPEN_STATES,
    ApplicantRole,
    Channel,
    ParticipantRole,
    RecordState,
    Relationship,
)


class RecordGroup(models.Model):
    """The records created together by one integrated-service filing (dịch vụ công liên thông)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bundle = models.ForeignKey("services.IntegratedService", on_delete=models.PROTECT, related_name="+")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="record_groups")
    form_data = models.JSONField(default=dict, blank=True)
    prefilled_fields = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bộ hồ sơ liên thông")
        verbose_name_plural = _("bộ hồ sơ liên thông")

    def __str__(self):
        return f"{self.bundle} ({str(self.pk)[:8]})"


class FiledRecordDeletion(IntegrityError):
    """A filed record (or its history, files or results) was asked to be deleted: they are kept for ever."""


class RecordQuerySet(models.QuerySet):
    def delete(self):
        """Drafts only: a filed record is evidence and stays (the database refuses too, ``0007``)."""
        if self.exclude(state=RecordState.DRAFT).exists():
            raise FiledRecordDeletion(
                "Filed records are never deleted; closed records are archived after their retention period starts."
            )
        return super().delete()


class Record(models.Model):
    # Public identifier in URLs; the human-readable code exists once the record is submitted.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.CharField(_("mã hồ sơ"), max_length=40, unique=True, null=True, blank=True)
    service = models.ForeignKey("services.OnlineService", on_delete=models.PROTECT, related_name="records")
    procedure_version = models.ForeignKey(
        "procedures.ProcedureVersion",
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("phiên bản thủ tục"),
    )
    agency = models.ForeignKey(
        "procedures.Agency", on_delete=models.PROTECT, related_name="records", verbose_name=_("cơ quan giải quyết")
    )
    group = models.ForeignKey(RecordGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="records")
    state = models.CharField(
        _("trạng thái"), max_length=24, choices=RecordState.choices, default=RecordState.DRAFT, db_index=True
    )
    channel = models.CharField(_("kênh nộp"), max_length=16, choices=Channel.choices, default=Channel.ONLINE)

    # Who filed (the logged-in account) and for whom.
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="records")
    applicant_role = models.CharField(
        _("tư cách người nộp"), max_length=16, choices=ApplicantRole.choices, default=ApplicantRole.SELF
    )
    applicant_id_number = models.CharField(_("số định danh người nộp"), max_length=12, db_index=True)
    applicant_name = models.CharField(_("họ tên người nộp"), max_length=150)
    subject_name = models.CharField(_("người/tổ chức được giải quyết"), max_length=255, blank=True)
    subject_id_number = models.CharField(_("số định danh/mã số thuế"), max_length=20, blank=True)
    relationship = models.CharField(
        _("quan hệ với người được giải quyết"), max_length=24, choices=Relationship.choices, blank=True
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Cán bộ nhập hồ sơ tại quầy, nếu có."),
    )

    eligibility_answers = models.JSONField(default=dict, blank=True)
    form_data = models.JSONField(_("dữ liệu biểu mẫu"), default=dict, blank=True)
    prefilled_fields = models.JSONField(_("trường điền sẵn từ CSDL dân cư"), default=list, blank=True)
    replaced_components = models.JSONField(
        _("giấy tờ được thay bằng dữ liệu"),
        default=dict,
        blank=True,
        help_text=_("ID thành phần hồ sơ → nguồn dữ liệu và giấy tờ điện tử đã dùng."),
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("ngày nộp"), null=True, blank=True)
    received_at = models.DateTimeField(_("ngày tiếp nhận"), null=True, blank=True)
    expected_result_date = models.DateField(_("ngày hẹn trả kết quả"), null=True, blank=True)
    due_date = models.DateField(_("hạn giải quyết"), null=True, blank=True, db_index=True)
    completed_at = models.DateTimeField(_("ngày hoàn thành"), null=True, blank=True)

    # Back-office: who handles it, the clock stopped while waiting for a supplement, lateness.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_records",
        verbose_name=_("cán bộ xử lý"),
    )
    supplement_requested_at = models.DateTimeField(_("ngày yêu cầu bổ sung"), null=True, blank=True)
    paused_working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc tạm dừng"),
        default=0,
        help_text=_("Ngày làm việc chờ công dân bổ sung; không tính vào thời hạn giải quyết."),
    )
    new_appointment_date = models.DateField(
        _("ngày hẹn lại (phiếu xin lỗi)"), null=True, blank=True, help_text=_("Theo phiếu xin lỗi gần nhất.")
    )
    overdue_since = models.DateField(_("quá hạn từ ngày"), null=True, blank=True)
    reminded_for = models.DateField(_("đã nhắc hạn cho ngày"), null=True, blank=True)
    # Where the record stands in its procedure's internal process (``records.steps``), when it has one.
    process_step = models.ForeignKey(
        "procedures.ProcessStep",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("bước xử lý hiện tại"),
    )
    step_due_at = models.DateTimeField(_("hạn của bước hiện tại"), null=True, blank=True)
    step_overdue_since = models.DateTimeField(_("bước hiện tại quá hạn từ"), null=True, blank=True)

    # The client's Idempotency-Key of the API request that filed it: a retried request files nothing twice.
    idempotency_key = models.CharField(max_length=64, blank=True, default="", editable=False)
    # A draft's version, one up on every save of its form step: a save from a tab that loaded an older version is
    # refused (two tabs on one draft never overwrite each other). draft_changes: [[version, [what that save
    # changed: e-form field names, "applicant:<field>", "agency"]], ...] for the latest saves, to say what changed.
    draft_version = models.PositiveIntegerField(default=1, editable=False)
    draft_changes = models.JSONField(default=list, blank=True, editable=False)
    # Kept from a refused filing-API request: the citizen's next refused request for the service continues it.
    kept_from_api = models.BooleanField(default=False, editable=False)
    # Closed records are archived (never deleted) some time after closing, kept until ``retain_until``
    # (closing + the procedure version's retention period): ``records.archive``.
    archived_at = models.DateTimeField(_("ngày lưu trữ"), null=True, blank=True, editable=False)
    retain_until = models.DateField(_("lưu trữ đến ngày"), null=True, blank=True, editable=False)
    # What the back-office queue searches: code, names, ID numbers and phone, folded (lower case, no diacritics),
    # kept by ``save`` (``search_words``); a trigram index on PostgreSQL (migration 0009).
    search_text = models.TextField(default="", blank=True, editable=False)

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="record_one_filing_per_idempotency_key",
            )
        ]
        indexes = [
            models.Index(fields=["agency", "state", "-submitted_at"], name="record_queue_idx"),
            models.Index(fields=["agency", "-submitted_at"], name="record_agency_recent_idx"),
            models.Index(fields=["agency", "state", "due_date"], name="record_queue_due_idx"),
            models.Index(fields=["agency", "assigned_to", "state"], name="record_assigned_idx"),
            models.Index(fields=["applicant", "-created_at"], name="record_applicant_idx"),
        ]
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")

    def __str__(self):
        return self.code or f"{_('Bản nháp')} {str(self.pk)[:8]}"

    def save(self, *args, **kwargs):
        self.search_text = self.search_words()
        fields = kwargs.get("update_fields")
        if fields is not None and "search_text" not in fields:
            kwargs["update_fields"] = [*fields, "search_text"]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("records:detail", args=[self.pk])

    def search_words(self) -> str:
        """The folded text the queue's search looks in: "nguyen van an" finds "Nguyễn Văn An"."""
        from procedures.text import fold

        phone = (self.form_data or {}).get("phone") if isinstance(self.form_data, dict) else ""
        parts = [
            self.code,
            self.applicant_name,
            self.applicant_id_number,
            self.subject_name,
            self.subject_id_number,
            "".join(ch for ch in str(phone or "") if ch.isdigit()),
        ]
        return fold(" ".join(p for p in parts if p))

    def delete(self, *args, **kwargs):
        if self.state != RecordState.DRAFT:
            raise FiledRecordDeletion(f"Record {self.code} is filed: filed records are never deleted.")
        return super().delete(*args, **kwargs)

    @property
    def national_status(self) -> int | None:
        return NATIONAL_STATUS.get(self.state)

    @property
    def public_status_display(self) -> str:
        return self.get_state_display()

    @property
    def is_draft(self) -> bool:
        return self.state == RecordState.DRAFT

    @property
    def definition(self):
        """What carries the form and its rules: the integrated service it was filed with, or its own service."""
        return self.group.bundle if self.group_id else self.service

    @property
    def is_open(self) -> bool:
        """Filed and not finished: an appointment date still means something."""
        return self.state in OPEN_STATES

    @property
    def appointment_date(self):
        """The date promised to the citizen: the apology's new date, else the due date, else the filing estimate."""
        return self.new_appointment_date or self.due_date or self.expected_result_date

    def is_overdue(self, today=None) -> bool:
        """Past its due date and still being handled (the clock is stopped while a supplement is awaited)."""
        from django.utils import timezone

        from .constants import RUNNING_CLOCK_STATES

        today = today or timezone.localdate()
        return self.due_date is not None and self.state in RUNNING_CLOCK_STATES and self.due_date < today

    def step_is_overdue(self, now=None) -> bool:
        """The current step of the internal process is past its due time while the clock runs."""
        from django.utils import timezone

        from .constants import RUNNING_CLOCK_STATES

        now = now or timezone.now()
        return self.step_due_at is not None and self.state in RUNNING_CLOCK_STATES and self.step_due_at < now

    def needs_apology(self, today=None) -> bool:
        """Late, and no apology letter promises a date from today on."""
        from django.utils import timezone

        today = today or timezone.localdate()
        if self.due_date is None or self.due_date >= today:
            return False
        return self.new_appointment_date is None or self.new_appointment_date < today

    @property
    def current_result(self):
        return self.results.order_by("-uploaded_at", "-id").first()


class RecordParticipant(models.Model):
    """A person the filing names whose knowledge the procedure implies (the child's other parent, the spouse to be),
    written when the record is filed (``records.participants``).

    They are told of the filing and may read the record in "Hồ sơ của tôi", read-only: not its files, payments or
    documents, and no action on it. Found by their ID number (what VNeID vouches for at their login) or their
    account, when they had one at filing time."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(_("vai trò"), max_length=16, choices=ParticipantRole.choices)
    id_number = models.CharField(_("số định danh cá nhân"), max_length=12, db_index=True)
    name = models.CharField(_("họ tên"), max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["record", "id_number"], name="record_participant_once")]
        verbose_name = _("người được nêu tên trong hồ sơ")
        verbose_name_plural = _("người được nêu tên trong hồ sơ")

    def __str__(self):
        return f"{self.record} — {self.get_role_display()}"


class RecordEvent(models.Model):
    """Append-only history: who moved the record, from where to where, why, when and from which address."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="events")
    # The transition's own moment (``transitions._change`` passes it), so that what it computed from it — a step's
    # due time, the clock — reads the same as the event's time.
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("vai trò"), max_length=24, blank=True)
    action = models.CharField(_("thao tác"), max_length=32)
    from_state = models.CharField(max_length=24, choices=RecordState.choices, blank=True)
    to_state = models.CharField(max_length=24, choices=RecordState.choices, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("lịch sử xử lý")
        verbose_name_plural = _("lịch sử xử lý")

    def __str__(self):
        return f"{self.record} {self.action} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Record events are append-only.")
        super().save(*args, **kwargs)

    @property
    def action_label(self) -> str:
        """What happened, as the workflow names it ("Tiếp nhận hồ sơ"), not the action code."""
        from .constants import WorkflowAction

        return str(WorkflowAction(self.action).label) if self.action in WorkflowAction.values else self.action

    @property
    def role_label(self) -> str:
        from identity.constants import StaffRole

        from .constants import ActorRole

        labels = {ActorRole.CITIZEN: _("Công dân"), ActorRole.SYSTEM: _("Hệ thống"), **dict(StaffRole.choices)}
        return str(labels.get(self.role, self.role))


def attachment_path(instance, filename):
    # Random names: the original name is kept in the row, never in the storage path.
    return f"records/{instance.record_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="attachments")
    component = models.ForeignKey(
        "procedures.DocumentComponent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["component__order", "uploaded_at"]
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.original_name


def result_path(instance, filename):
    return f"records/{instance.record_id}/results/{uuid.uuid4().hex}"


class ResultDocument(models.Model):
    """The result of a record, digitised and stored with it; the latest one is what the citizen downloads.

    Either a file the officer uploaded (a scan of the signed paper result) or a
    result certificate generated and signed by ``documents`` (``document_id``).
    Rows are never changed; a corrected result is a new row.
    """

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="results")
    file = models.FileField(upload_to=result_path, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=64, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    document_id = models.UUIDField(
        null=True, blank=True, help_text=_("Văn bản do hệ thống phát hành và ký số (ứng dụng documents).")
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("kết quả giải quyết")
        verbose_name_plural = _("kết quả giải quyết")

    def __str__(self):
        return self.original_name or str(self.document_id)

    @property
    def is_generated(self) -> bool:
        return self.document_id is not None


class CodeSequence(models.Model):
    """The last record number issued by an agency on a day; rows are locked to take the next one."""

    agency = models.ForeignKey("procedures.Agency", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="one_sequence_per_agency_day")]

    def __str__(self):
        return f"{self.agency_id} {self.day} #{self.last_value}"


class DayOff(models.Model):
    """A day off declared by an administrator on top of weekends and public holidays."""

    date = models.DateField(_("ngày nghỉ"), unique=True)
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ bổ sung")
        verbose_name_plural = _("ngày nghỉ bổ sung")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.note}"


class CounterVisit(models.Model):
    """A visit to the one-stop desk that ended without a record: the officer asked for the papers to be completed on
    the spot (Mẫu 02), so nothing was received or filed. It is what that slip is about (``documents``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agency = models.ForeignKey("procedures.Agency", on_delete=models.PROTECT, related_name="+")
    procedure_version = models.ForeignKey("procedures.ProcedureVersion", on_delete=models.PROTECT, related_name="+")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    applicant_name = models.CharField(_("họ tên người nộp"), max_length=150)
    applicant_id_number = models.CharField(_("số định danh người nộp"), max_length=12, db_index=True)
    items = models.JSONField(_("nội dung cần bổ sung, hoàn thiện"), default=list)
    reason = models.TextField(_("lý do"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lượt hướng dẫn tại quầy")
        verbose_name_plural = _("lượt hướng dẫn tại quầy")

    def __str__(self):
        return f"{self.applicant_name} {self.created_at:%d/%m/%Y %H:%M}"
