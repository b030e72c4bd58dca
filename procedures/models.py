"""The catalogue of administrative procedures (thủ tục hành chính).

A ``Procedure`` is the stable identity (its code); its content lives in
``ProcedureVersion`` rows. Published versions are immutable, so a record filed
under a version can always show what the citizen was asked for. The procedure
row keeps a pointer to its current version plus folded search text, so the
public search reads one table.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .constants import (
    AgencyLevel,
    ApplicantType,
    DeliveryLevel,
    ImplementationMethod,
    PaperKind,
    UnitLevel,
    VersionStatus,
)
from .fields import ChoiceSetField
from .naming import miswritten_unit

procedure_code_validator = RegexValidator(
    r"^[1-3]\.\d{6}$",
    _(
        "Mã thủ tục gồm chữ số 1, 2 hoặc 3, một dấu chấm rồi đúng sáu chữ số, không có dấu cách, ví dụ 1.001234 "
        "hoặc 2.000345. Hãy nhập lại mã như trên Cơ sở dữ liệu quốc gia về thủ tục hành chính."
    ),
)


class BilingualNameMixin:
    """``display_name`` picks the English name when the page is in English and one exists."""

    @property
    def display_name(self) -> str:
        if (get_language() or "vi").startswith("en") and getattr(self, "name_en", ""):
            return self.name_en
        return self.name


class ImmutableVersionError(ValidationError):
    pass


class AdministrativeUnit(BilingualNameMixin, models.Model):
    code = models.CharField(_("mã"), max_length=10, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    level = models.CharField(_("cấp"), max_length=16, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text=_("Đơn vị hành chính tiếp nhận sau khi sắp xếp, sáp nhập."),
    )
    retired_on = models.DateField(_("ngày chấm dứt hoạt động"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def is_active(self) -> bool:
        return self.retired_on is None

    def clean(self):
        active_commune = self.level == UnitLevel.COMMUNE and self.retired_on is None
        if active_commune and self.parent and self.parent.level != UnitLevel.PROVINCE:
            raise ValidationError({"parent": _("Xã, phường thuộc trực tiếp tỉnh, thành phố (chính quyền hai cấp).")})
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("Một đơn vị không thể kế thừa chính nó.")})


class Sector(BilingualNameMixin, models.Model):
    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self):
        return self.name


class Agency(BilingualNameMixin, models.Model):
    code = models.CharField(_("mã cơ quan"), max_length=32, unique=True)
    name = models.CharField(_("tên cơ quan"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    level = models.CharField(_("cấp"), max_length=16, choices=AgencyLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("đơn vị hành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    # Not ``parent`` (where a record may be transferred): the body printed above the agency's name at the head of
    # every document it issues. A city's police report to the Ministry of Public Security, not to the city.
    governing_body = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan chủ quản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="governed_agencies",
        help_text=_(
            "In phía trên tên cơ quan ở đầu mọi văn bản cơ quan ban hành (Nghị định 30/2020/NĐ-CP): Bộ Công an "
            "cho công an tỉnh, công an tỉnh cho công an xã, Ủy ban nhân dân tỉnh cho các sở và cho Ủy ban nhân dân "
            "xã. Để trống nếu cơ quan không có cơ quan chủ quản (bộ, Ủy ban nhân dân tỉnh)."
        ),
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    online_cutoff = models.TimeField(
        _("giờ chốt nhận hồ sơ trực tuyến"),
        null=True,
        blank=True,
        help_text=_(
            "Hồ sơ nộp trực tuyến sau giờ này (hoặc vào ngày nghỉ) được tính từ ngày làm việc tiếp theo. "
            "Để trống: hết giờ hành chính."
        ),
    )

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")

    def __str__(self):
        return self.name

    def clean(self):
        if self.level != AgencyLevel.CENTRAL and not self.unit_id:
            raise ValidationError({"unit": _("Cơ quan cấp tỉnh, cấp xã phải gắn với một đơn vị hành chính.")})
        errors = {}
        if self.unit_id and (expected := miswritten_unit(self.name or "", self.unit.name)):
            errors["name"] = _(
                "Trong tên cơ quan, viết “%(expected)s” (tên loại đơn vị hành chính viết thường, "
                "Nghị định 30/2020/NĐ-CP), ví dụ “Công an %(expected)s”."
            ) % {"expected": expected}
        if self.governing_body_id and self._governs_itself():
            errors["governing_body"] = _(
                "Cơ quan chủ quản không thể là chính cơ quan này hoặc một cơ quan do nó chủ quản; hãy chọn cơ quan "
                "cấp trên."
            )
        if errors:
            raise ValidationError(errors)

    def _governs_itself(self) -> bool:
        seen, body = set(), self.governing_body
        while body is not None and body.pk not in seen:
            if body.pk == self.pk:
                return True
            seen.add(body.pk)
            body = body.governing_body
        return False


class Procedure(models.Model):
    code = models.CharField(_("mã thủ tục"), max_length=10, unique=True, validators=[procedure_code_validator])
    current_version = models.OneToOneField(
        "ProcedureVersion",
        verbose_name=_("phiên bản hiện hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    # Copied from the current version when it changes, for listing and search.
    name = models.CharField(_("tên thủ tục"), max_length=500, blank=True, editable=False)
    search_name = models.CharField(max_length=500, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    # Words people search this procedure by, besides its name (``procedures.search``); edited in the admin.
    search_keywords = models.TextField(
        _("từ khóa tìm kiếm"),
        blank=True,
        help_text=_(
            "Những cách người dân gọi thủ tục này, cách nhau bằng dấu phẩy, ví dụ: sổ đỏ, sổ hồng, làm lại sổ. "
            "Tìm kiếm trên cổng tìm thấy thủ tục theo các từ này như theo tên thủ tục."
        ),
    )
    # Folded English name and keywords: matched almost as the name.
    search_aliases = models.TextField(blank=True, editable=False)
    retired_at = models.DateTimeField(_("ngày bãi bỏ"), null=True, blank=True, editable=False)
    retirement_note = models.TextField(_("lý do bãi bỏ"), blank=True)
    # What the procedure's result is, as data (``datastore.results``): empty for a result that is only a document.
    result_type = models.CharField(
        _("loại kết quả"),
        max_length=32,
        choices=PaperKind.choices,
        blank=True,
        help_text=_(
            "Kết quả có dữ liệu có cấu trúc (ví dụ giấy phép lái xe: hạng, số, ngày cấp, ngày hết hạn) được ghi vào "
            "Kho dữ liệu cá nhân của công dân khi trả kết quả, và cập nhật CSDL dân cư hoặc ví VNeID nếu thủ tục làm "
            "thay đổi chúng. Để trống nếu kết quả chỉ là văn bản."
        ),
    )
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self):
        return f"{self.code} {self.name}".strip()

    def get_absolute_url(self):
        return reverse("procedures:detail", args=[self.code])

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class ProcedureVersion(BilingualNameMixin, models.Model):
    """One edition of a procedure's content. Published editions never change."""

    procedure = models.ForeignKey(
        Procedure, on_delete=models.CASCADE, related_name="versions", verbose_name=_("thủ tục")
    )
    number = models.PositiveIntegerField(_("phiên bản số"), editable=False)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT, editable=False
    )
    effective_from = models.DateField(
        _("ngày có hiệu lực"), null=True, blank=True, help_text=_("Để trống: có hiệu lực ngay khi công bố.")
    )
    published_at = models.DateTimeField(_("ngày công bố"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        "identity.User",
        verbose_name=_("người công bố"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    # Set when a newer version comes into force (``services.activate_current_version``): the day this one ceased.
    superseded_on = models.DateField(_("hết hiệu lực từ ngày"), null=True, blank=True, editable=False)

    name = models.CharField(_("tên thủ tục"), max_length=500)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="versions", verbose_name=_("lĩnh vực"))
    levels = ChoiceSetField(_("cấp thực hiện"), choices=AgencyLevel.choices)
    agencies = models.ManyToManyField(
        Agency, blank=True, related_name="procedure_versions", verbose_name=_("cơ quan thực hiện")
    )
    applicant_types = ChoiceSetField(_("đối tượng thực hiện"), choices=ApplicantType.choices)
    processing_days = models.PositiveSmallIntegerField(
        _("thời hạn giải quyết (ngày làm việc)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    processing_note = models.TextField(_("ghi chú thời hạn"), blank=True)
    retention_years = models.PositiveSmallIntegerField(
        _("thời hạn lưu trữ hồ sơ (năm)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Hồ sơ đã giải quyết xong được lưu trữ, không bao giờ bị xóa, ít nhất chừng này năm kể từ ngày "
            "kết thúc (theo quy định về thời hạn lưu trữ hồ sơ thủ tục hành chính, thường 5–20 năm)."
        ),
    )
    description = models.TextField(_("trình tự thực hiện"), blank=True)
    requirements = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    methods = ChoiceSetField(_("cách thức thực hiện"), choices=ImplementationMethod.choices)
    delivery_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=20,
        choices=DeliveryLevel.choices,
        default=DeliveryLevel.INFORMATION_ONLY,
    )
    result_name = models.CharField(_("kết quả thực hiện"), max_length=500, blank=True)
    result_name_en = models.CharField(_("kết quả (tiếng Anh)"), max_length=500, blank=True)
    result_template = models.FileField(_("mẫu kết quả"), upload_to="procedures/results/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["procedure", "-number"]
        constraints = [models.UniqueConstraint(fields=["procedure", "number"], name="unique_procedure_version_number")]
        indexes = [models.Index(fields=["status", "effective_from"])]
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = _("phiên bản thủ tục")

    def __str__(self):
        return f"{self.procedure.code} v{self.number} — {self.name}"

    def save(self, *args, **kwargs):
        if self.pk and ProcedureVersion.objects.filter(pk=self.pk, status=VersionStatus.PUBLISHED).exists():
            raise ImmutableVersionError(_("Phiên bản đã công bố không được sửa; hãy tạo bản nháp mới."))
        if not self.number:
            last = ProcedureVersion.objects.filter(procedure=self.procedure).aggregate(n=models.Max("number"))["n"]
            self.number = (last or 0) + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("procedures:detail", args=[self.procedure.code]) + f"?version={self.number}"

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED

    @property
    def display_result_name(self) -> str:
        if (get_language() or "vi").startswith("en") and self.result_name_en:
            return self.result_name_en
        return self.result_name

    def is_effective(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.is_published and (self.effective_from is None or self.effective_from <= on)

    @property
    def standing(self) -> str:
        """Where the version stands, with its date, as administrators and the public read it: a draft, in force
        since, in force from a later date, or no longer in force since the day a newer version replaced it."""
        if not self.is_published:
            return str(VersionStatus.DRAFT.label)
        if self.superseded_on:
            return _("Hết hiệu lực từ %(date)s") % {"date": self.superseded_on.strftime("%d/%m/%Y")}
        if self.effective_from and self.effective_from > timezone.localdate():
            return _("Đã công bố, có hiệu lực từ %(date)s") % {"date": self.effective_from.strftime("%d/%m/%Y")}
        if self.effective_from:
            return _("Đang có hiệu lực từ %(date)s") % {"date": self.effective_from.strftime("%d/%m/%Y")}
        return str(VersionStatus.PUBLISHED.label)


class VersionChild(models.Model):
    """Rows that belong to a version share its immutability once published."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.version.is_published:
            raise ImmutableVersionError(_("Phiên bản đã công bố không được sửa; hãy tạo bản nháp mới."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.version.is_published:
            raise ImmutableVersionError(_("Phiên bản đã công bố không được sửa; hãy tạo bản nháp mới."))
        return super().delete(*args, **kwargs)


class Fee(VersionChild):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="fees")
    name = models.CharField(_("tên phí, lệ phí"), max_length=300)
    amount = models.PositiveIntegerField(_("mức thu (VNĐ)"))
    online_amount = models.PositiveIntegerField(
        _("mức thu khi nộp trực tuyến (VNĐ)"), null=True, blank=True, help_text=_("Để trống nếu không có mức riêng.")
    )
    online_discount_percent = models.PositiveSmallIntegerField(
        _("giảm khi nộp trực tuyến (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("phí, lệ phí")
        verbose_name_plural = _("phí, lệ phí")

    def __str__(self):
        return self.name

    def clean(self):
        if self.online_amount is not None and self.online_discount_percent is not None:
            raise ValidationError(_("Chỉ nhập mức thu trực tuyến hoặc tỷ lệ giảm, không nhập cả hai."))
        if self.online_amount is not None and self.online_amount > self.amount:
            raise ValidationError({"online_amount": _("Mức thu trực tuyến không được cao hơn mức thu trực tiếp.")})

    @property
    def amount_online(self) -> int:
        """What a citizen filing online pays, in VND."""
        if self.online_amount is not None:
            return self.online_amount
        if self.online_discount_percent:
            return self.amount * (100 - self.online_discount_percent) // 100
        return self.amount


class DocumentComponent(VersionChild):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="components")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    original_count = models.PositiveSmallIntegerField(_("số bản chính"), default=1)
    copy_count = models.PositiveSmallIntegerField(_("số bản sao"), default=0)
    mandatory = models.BooleanField(_("bắt buộc"), default=True)
    template_name = models.CharField(_("tên mẫu đơn, tờ khai"), max_length=300, blank=True)
    template_file = models.FileField(_("tệp mẫu"), upload_to="procedures/forms/", blank=True)
    replaceable_by_registry = models.BooleanField(
        _("thay thế bằng dữ liệu dân cư"),
        default=False,
        help_text=_("Dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư có thể thay cho giấy tờ này."),
    )
    # The kind of paper: a valid item of that kind in the citizen's data store is offered instead of an upload.
    paper_type = models.CharField(
        _("loại giấy tờ"),
        max_length=32,
        choices=PaperKind.choices,
        blank=True,
        help_text=_("Giấy tờ cùng loại còn hiệu lực trong Kho dữ liệu cá nhân được đề xuất thay cho việc tải lên."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("thời hạn giá trị (tháng)"),
        null=True,
        blank=True,
        help_text=_("Giấy tờ có thời hạn theo quy định: bản số hóa giữ thời hạn này. Để trống nếu không có thời hạn."),
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")

    def __str__(self):
        return self.name


class LegalBasis(VersionChild):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="legal_bases")
    number = models.CharField(_("số ký hiệu"), max_length=100)
    title = models.CharField(_("trích yếu"), max_length=500)
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)

    class Meta:
        ordering = ["issued_on", "id"]
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")

    def __str__(self):
        return f"{self.number} {self.title}"


class StepKind(models.TextChoices):
    """What a step of the internal process is; the back-office moves a record through them."""

    RECEIVE = "receive", _("Tiếp nhận, chuyển hồ sơ")
    PROCESS = "process", _("Xử lý tại phòng chuyên môn")
    CONSULT = "consult", _("Phối hợp với đơn vị khác")
    LEADER = "leader", _("Trình lãnh đạo xem xét")
    SIGN = "sign", _("Ký duyệt kết quả")
    RETURN = "return", _("Trả kết quả")


# A working day, in the working hours the steps are given in.
HOURS_PER_WORKING_DAY = 8


class InternalProcess(ProcedureVersion):
    """A version as its internal process (quy trình nội bộ) is edited: the steps after reception. A province approves
    it apart from the procedure itself, so it may be set on a published version."""

    class Meta:
        proxy = True
        verbose_name = _("quy trình nội bộ")
        verbose_name_plural = _("quy trình nội bộ")


class ProcessStep(models.Model):
    """One step of a procedure's internal process after reception, for every agency or for one that differs.

    The working time of an agency's steps adds up to the procedure's legal time limit (``process.check_step_times``).
    """

    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="process_steps")
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan"),
        help_text=_("Để trống: quy trình chung; chọn cơ quan khi quy trình ở đó khác."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    kind = models.CharField(_("loại bước"), max_length=16, choices=StepKind.choices)
    name = models.CharField(_("nội dung công việc"), max_length=300)
    unit = models.CharField(_("đơn vị, bộ phận thực hiện"), max_length=200, blank=True)
    working_hours = models.PositiveSmallIntegerField(
        _("thời gian thực hiện (giờ làm việc)"), validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["version", "agency", "order", "id"]
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("các bước xử lý")
        constraints = [
            models.UniqueConstraint(fields=["version", "agency", "order"], name="process_step_order_once"),
        ]

    def __str__(self):
        return f"{self.order}. {self.name}"
