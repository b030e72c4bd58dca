"""Issued documents: what was printed, by whom, for what, and the signed PDF itself."""

import re
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constants import DocumentKind, DocumentStatus
from .storage import get_document_storage


def _pdf_path(document, filename):
    # Deterministic, so re-running the task overwrites rather than piles up files.
    return f"{document.created_at:%Y/%m}/{document.pk}.pdf"


# The common name in a printed subject, up to the next "<Label>: " (names may hold commas).
SUBJECT_COMMON_NAME = re.compile(r"Common Name: (.+?)(?=[,;] [A-Z][A-Za-z/ ]*: |$)")


class Document(models.Model):
    """One issued document. Its UUID is public: the QR code and the verify page carry it.

    Rows are never re-issued: once ``issued``, the PDF, its hash and the context stay
    as they are. A correction is a new document (a new idempotency key).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("loại văn bản"), max_length=32, choices=DocumentKind.choices)
    agency = models.ForeignKey(
        "procedures.Agency", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="documents"
    )
    # What the document is about (a record, a payment...). The id is text so any primary key type fits.
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    idempotency_key = models.CharField(_("khóa chống trùng"), max_length=128)
    context = models.JSONField(_("nội dung in"), default=dict, encoder=DjangoJSONEncoder)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    file = models.FileField(_("tệp PDF"), storage=get_document_storage, upload_to=_pdf_path, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    signer_subject = models.CharField(_("chủ thể chứng thư ký"), max_length=500, blank=True)
    signer_serial = models.CharField(_("số hiệu chứng thư ký"), max_length=64, blank=True)
    issued_at = models.DateTimeField(_("thời điểm phát hành"), null=True, blank=True)
    error = models.TextField(_("lỗi gần nhất"), blank=True)
    # The number the agency's register gave it (``registers.take_number``), for the kinds it numbers.
    register_year = models.PositiveSmallIntegerField(_("năm đăng ký số"), null=True, blank=True)
    register_number = models.PositiveIntegerField(_("số trong sổ"), null=True, blank=True)
    signed_by = models.CharField(_("người ký"), max_length=255, blank=True)
    revoked_at = models.DateTimeField(_("thời điểm thu hồi"), null=True, blank=True)
    revoked_reason = models.TextField(_("lý do thu hồi"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("văn bản điện tử")
        verbose_name_plural = _("văn bản điện tử")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "idempotency_key"], name="document_once_per_key"
            ),
            models.UniqueConstraint(
                fields=["agency", "kind", "register_year", "register_number"],
                condition=models.Q(register_number__isnull=False),
                name="document_register_number_once",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="document_subject_idx"),
            models.Index(fields=["status", "created_at"], name="document_status_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self):
        return reverse("documents:verify", args=[self.pk])

    @property
    def number(self) -> str:
        """The printed number ("Số"): the caller's, or one derived from the public id."""
        return self.context.get("number") or self.pk.hex[:8].upper()

    @property
    def signer_name(self) -> str:
        """Who signed, as a reader names them: the certificate's common name, not X.509's field labels.

        ``signer_subject`` is the subject as pyHanko prints it ("Serial Number: …, Common Name: …, …").
        """
        found = SUBJECT_COMMON_NAME.search(self.signer_subject)
        return found.group(1) if found else self.signer_subject

    @property
    def is_issued(self) -> bool:
        """Issued and still valid: a revoked document is not."""
        return self.status == DocumentStatus.ISSUED and self.revoked_at is None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_draft(self) -> bool:
        return self.status == DocumentStatus.DRAFT


class DocumentRegister(models.Model):
    """An agency's register of outgoing documents (sổ đăng ký văn bản đi): the last number given, per year and kind.

    Its row is locked while a number is taken (``registers.take_number``) until the transaction that issues the
    document commits, so numbers are unique and a rolled-back issue gives its number back: no gaps.
    """

    agency = models.ForeignKey("procedures.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại văn bản"), max_length=32, choices=DocumentKind.choices)
    last_number = models.PositiveIntegerField(_("số cuối cùng đã cấp"), default=0)

    class Meta:
        verbose_name = _("sổ đăng ký văn bản")
        verbose_name_plural = _("sổ đăng ký văn bản")
        constraints = [models.UniqueConstraint(fields=["agency", "year", "kind"], name="document_register_once")]

    def __str__(self):
        return f"{self.agency_id} {self.year} {self.kind}: {self.last_number}"


def _citizen_signature_path(signature, filename):
    return f"citizen-signatures/{signature.signed_at:%Y/%m}/{signature.pk}.pdf"


class CitizenSignature(models.Model):
    """A citizen's remote signature (ký số từ xa) on their filing's e-form or on a PDF paper they attached.

    The signed PDF (PAdES) is kept; what was read from it when it was validated is kept beside it, and the
    back-office validates it again when an officer opens the record. ``content_digest`` is what was signed: the
    e-form's data (``citizen_signing.declaration.form_digest``) or the attachment's SHA-256, so a form changed
    after signing is seen as unsigned. Rows are never changed but for the validation; signing again adds one.
    """

    class Target(models.TextChoices):
        DECLARATION = "declaration", _("Tờ khai")
        ATTACHMENT = "attachment", _("Giấy tờ đính kèm")

    class Status(models.TextChoices):
        VALID = "valid", _("Chữ ký hợp lệ")
        INVALID = "invalid", _("Chữ ký không hợp lệ")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    record = models.ForeignKey(
        "records.Record", verbose_name=_("hồ sơ"), on_delete=models.CASCADE, related_name="citizen_signatures"
    )
    attachment = models.ForeignKey(
        "records.Attachment",
        verbose_name=_("tệp đính kèm"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="citizen_signatures",
    )
    target = models.CharField(_("tài liệu được ký"), max_length=16, choices=Target.choices)
    file = models.FileField(_("tệp PDF đã ký"), storage=get_document_storage, upload_to=_citizen_signature_path)
    sha256 = models.CharField(_("SHA-256 của tệp đã ký"), max_length=64)
    content_digest = models.CharField(_("dấu vết nội dung được ký"), max_length=64)
    signer_name = models.CharField(_("người ký"), max_length=255)
    signer_id_number = models.CharField(_("số định danh người ký"), max_length=12, blank=True)
    certificate_fingerprint = models.CharField(_("dấu vân tay chứng thư (SHA-256)"), max_length=64)
    certificate_serial = models.CharField(_("số hiệu chứng thư"), max_length=64)
    certificate_issuer = models.CharField(_("tổ chức cấp chứng thư"), max_length=500)
    credential_id = models.CharField(_("mã chứng thư tại nhà cung cấp"), max_length=64)
    signed_at = models.DateTimeField(_("thời điểm ký"))
    status = models.CharField(_("kết quả kiểm tra"), max_length=8, choices=Status.choices)
    status_reason = models.CharField(_("lý do"), max_length=500, blank=True)
    validated_at = models.DateTimeField(_("thời điểm kiểm tra"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản ký"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("chữ ký số của công dân")
        verbose_name_plural = _("chữ ký số của công dân")
        indexes = [models.Index(fields=["record", "target", "-created_at"], name="citizen_signature_record_idx")]

    def __str__(self):
        return f"{self.get_target_display()} — {self.signer_name}"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    @property
    def masked_id_number(self) -> str:
        """The ID number as the back-office shows it: the last four digits only."""
        number = self.signer_id_number
        return f"{'•' * (len(number) - 4)}{number[-4:]}" if len(number) > 4 else number
