"""Online public services (dịch vụ công trực tuyến) built on procedure versions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from procedures.models import BilingualNameMixin, DocumentComponent, ProcedureVersion

from . import eforms, person_checks
from .constants import FeeTiming, ReplacementSource, ServiceDelivery

HELD_FOR_REVIEW = _(
    "Dịch vụ này tạm ngừng nhận hồ sơ trực tuyến: thủ tục vừa được sửa đổi và cơ quan đang cập nhật tờ khai điện "
    "tử theo quy định mới. Bạn có thể nộp hồ sơ trực tiếp tại cơ quan giải quyết, hoặc quay lại sau ít ngày."
)

ASSURANCE_CHOICES = [("LoA1", _("Mức độ 1")), ("LoA2", _("Mức độ 2"))]


class EFormDefinition(models.Model):
    """What both kinds of service share: the e-form, its prefill and eligibility questions."""

    form_schema = models.JSONField(_("lược đồ biểu mẫu (JSON Schema)"), default=dict)
    form_ui = models.JSONField(_("mô tả giao diện biểu mẫu"), default=dict, blank=True)
    prefill_map = models.JSONField(
        _("điền sẵn từ CSDL dân cư"),
        default=dict,
        blank=True,
        help_text=_('Trường biểu mẫu → đường dẫn dữ liệu, ví dụ {"full_name": "full_name"}.'),
    )
    suggest_map = models.JSONField(
        _("gợi ý từ CSDL dân cư (người nộp sửa được)"),
        default=dict,
        blank=True,
        help_text=_(
            "Trường biểu mẫu → đường dẫn dữ liệu, như “điền sẵn”, cho những gì thường đúng nhưng không chắc "
            'chắn, ví dụ {"other_parent_name": "household.spouse.name"}: điền sẵn nhưng người nộp sửa được.'
        ),
    )
    eligibility = models.JSONField(
        _("câu hỏi điều kiện"),
        default=list,
        blank=True,
        help_text=_('Danh sách {"id", "question": {"vi", "en"}, "expected": true/false, "refusal": {"vi", "en"}}.'),
    )
    required_assurance = models.CharField(
        _("mức độ tài khoản VNeID tối thiểu"), max_length=8, choices=ASSURANCE_CHOICES, default="LoA2"
    )
    named_persons = models.JSONField(
        _("người được nêu tên trong tờ khai"),
        default=list,
        blank=True,
        help_text=_(
            "Những trường của biểu mẫu nêu một người khác người nộp, được đối chiếu với CSDL dân cư (eservices."
            'person_checks), ví dụ [{"role": "other_parent", "id_number": "other_parent_id_number", '
            '"name": "other_parent_name"}]. Cha/mẹ còn lại và vợ/chồng được thông báo và xem được hồ sơ.'
        ),
    )
    # Set when the procedure's new version changes what the e-form must ask (``versioning``): no online filing until
    # an administrator has reviewed the definition against it.
    held_since = models.DateTimeField(_("tạm ngừng nhận hồ sơ từ"), null=True, blank=True, editable=False)
    review_notes = models.JSONField(_("cần rà soát"), default=list, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_held(self) -> bool:
        return self.held_since is not None

    @property
    def filing_hold_message(self) -> str:
        """Why citizens cannot file online now, or "" when they can."""
        return str(HELD_FOR_REVIEW) if self.is_held else ""

    def clean(self):
        super().clean()
        try:
            eforms.check_definition(self.form_schema, self.form_ui or {})
        except ValidationError as error:
            raise ValidationError({"form_schema": error.messages}) from None
        fields = set(self.form_schema.get("properties", {}))
        for name in ("prefill_map", "suggest_map"):
            unknown = set(getattr(self, name) or {}) - fields
            if unknown:
                raise ValidationError(
                    {name: _("Trường không có trong biểu mẫu: %(names)s") % {"names": ", ".join(sorted(unknown))}}
                )
        if both := set(self.prefill_map or {}) & set(self.suggest_map or {}):
            raise ValidationError(
                {
                    "suggest_map": _("Trường đã điền sẵn từ CSDL, không gợi ý thêm: %(names)s")
                    % {"names": ", ".join(sorted(both))}
                }
            )
        try:
            person_checks.check_declaration(self.named_persons or [], fields)
        except ValidationError as error:
            raise ValidationError({"named_persons": error.messages}) from None
        for question in self.eligibility or []:
            if not isinstance(question, dict) or "id" not in question or "question" not in question:
                raise ValidationError({"eligibility": _("Mỗi câu hỏi cần có “id” và “question”.")})

    @property
    def needs_step_up(self) -> bool:
        return self.required_assurance == "LoA2"


class OnlineService(BilingualNameMixin, EFormDefinition):
    version = models.ForeignKey(
        ProcedureVersion, on_delete=models.PROTECT, related_name="online_services", verbose_name=_("phiên bản thủ tục")
    )
    slug = models.SlugField(_("mã dịch vụ"), max_length=80, unique=True)
    name = models.CharField(_("tên dịch vụ"), max_length=500)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    delivery = models.CharField(
        _("mức độ"), max_length=20, choices=ServiceDelivery.choices, default=ServiceDelivery.FULL_ONLINE
    )
    presence_step = models.TextField(
        _("bước cần có mặt"),
        blank=True,
        help_text=_("Với dịch vụ một phần: bước nào cần đến trực tiếp, mang theo gì, đến đâu."),
    )
    form_component = models.ForeignKey(
        DocumentComponent,
        verbose_name=_("tờ khai được thay bằng biểu mẫu điện tử"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Thành phần “tờ khai, đơn đề nghị” mà biểu mẫu điện tử thay thế."),
    )
    fee_timing = models.CharField(
        _("thời điểm nộp phí"), max_length=16, choices=FeeTiming.choices, default=FeeTiming.AT_FILING
    )
    is_active = models.BooleanField(_("đang cung cấp"), default=True)
    # Filings of the service are submitted only with the e-form signed by the citizen's remote signature
    # (documents.citizen_signing registers the guard on submission).
    requires_signed_declaration = models.BooleanField(
        _("Yêu cầu tờ khai ký số"),
        default=False,
        help_text=_("Công dân phải ký số tờ khai bằng chữ ký số từ xa (mã OTP qua SMS) trước khi nộp hồ sơ."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("dịch vụ công trực tuyến")
        verbose_name_plural = _("dịch vụ công trực tuyến")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.form_component_id and self.version_id and self.form_component.version_id != self.version_id:
            raise ValidationError({"form_component": _("Thành phần hồ sơ phải thuộc phiên bản thủ tục của dịch vụ.")})
        if self.delivery == ServiceDelivery.PARTLY_ONLINE and not self.presence_step.strip():
            raise ValidationError({"presence_step": _("Dịch vụ một phần phải nói rõ bước nào cần có mặt.")})

    @property
    def procedure(self):
        return self.version.procedure


class ComponentReplacement(models.Model):
    """Registry or wallet data that replaces a document component, so the citizen attaches nothing."""

    service = models.ForeignKey(
        OnlineService, on_delete=models.CASCADE, related_name="replacements", verbose_name=_("dịch vụ công trực tuyến")
    )
    component = models.ForeignKey(
        DocumentComponent, on_delete=models.PROTECT, related_name="+", verbose_name=_("thành phần hồ sơ")
    )
    source = models.CharField(_("nguồn dữ liệu"), max_length=32, choices=ReplacementSource.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "component"], name="one_replacement_per_component")]
        verbose_name = _("dữ liệu thay thế giấy tờ")
        verbose_name_plural = _("dữ liệu thay thế giấy tờ")

    def __str__(self):
        return f"{self.component} ← {self.get_source_display()}"

    def clean(self):
        if self.component_id and self.service_id and self.component.version_id != self.service.version_id:
            raise ValidationError({"component": _("Thành phần hồ sơ phải thuộc phiên bản thủ tục của dịch vụ.")})


class IntegratedService(BilingualNameMixin, EFormDefinition):
    """Dịch vụ công liên thông: one filing, one record per member service at its own agency."""

    slug = models.SlugField(_("mã dịch vụ"), max_length=80, unique=True)
    name = models.CharField(_("tên dịch vụ liên thông"), max_length=500)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    description_en = models.TextField(_("mô tả tiếng Anh"), blank=True)
    members = models.ManyToManyField(
        OnlineService, through="BundleMember", related_name="bundles", verbose_name=_("các thủ tục liên thông")
    )
    is_active = models.BooleanField(_("đang cung cấp"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("dịch vụ công liên thông")
        verbose_name_plural = _("dịch vụ công liên thông")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:bundle", args=[self.slug])

    @property
    def filing_hold_message(self) -> str:
        """Held itself, or one of its procedures' services is (a filing makes a record of each)."""
        if self.is_held or any(member.is_held for member in self.members.all()):
            return str(HELD_FOR_REVIEW)
        return ""

    @property
    def display_description(self) -> str:
        if (get_language() or "vi").startswith("en") and self.description_en:
            return self.description_en
        return self.description


class BundleMember(models.Model):
    bundle = models.ForeignKey(
        IntegratedService, on_delete=models.CASCADE, related_name="bundle_members", verbose_name=_("dịch vụ liên thông")
    )
    service = models.ForeignKey(
        OnlineService, on_delete=models.PROTECT, related_name="+", verbose_name=_("dịch vụ công trực tuyến")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    moves_with_first = models.BooleanField(
        _("chuyển trạng thái cùng hồ sơ đầu tiên"),
        default=False,
        help_text=_("Hồ sơ này được tiếp nhận/trả kết quả cùng hồ sơ đầu tiên của bộ liên thông."),
    )
    processing_days = models.PositiveSmallIntegerField(
        _("thời hạn giải quyết trong liên thông (ngày làm việc)"),
        null=True,
        blank=True,
        help_text=_(
            "Để trống nếu bằng thời hạn của thủ tục. Các thủ tục liên thông giải quyết nối tiếp nhau: "
            "ngày hẹn trả của thủ tục này tính cả thời hạn của các thủ tục đứng trước."
        ),
    )

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["bundle", "service"], name="bundle_member_once")]
        verbose_name = _("thủ tục trong bộ liên thông")
        verbose_name_plural = _("thủ tục trong bộ liên thông")

    def __str__(self):
        return f"{self.bundle} ← {self.service}"

    @property
    def time_limit(self) -> int:
        """Working days this procedure has within the bundle."""
        if self.processing_days is not None:
            return self.processing_days
        return self.service.version.processing_days or 0


def _connect_catalogue_copies():
    """Filings keep services in each process (``eservices.selectors``): a change of one renews every copy."""
    from django.db.models.signals import post_delete, post_save

    from procedures.selectors import catalogue_changed

    for model in (OnlineService, ComponentReplacement):
        for signal in (post_save, post_delete):
            signal.connect(catalogue_changed, sender=model, dispatch_uid=f"catalogue_changed:{model.__name__}")


_connect_catalogue_copies()
