"""Items of the citizen's personal data store: signed results with their data, and digitised papers."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from procedures.constants import PaperKind

from .constants import ItemSource


def _copy_path(item, filename):
    # Random names: the original name is kept in the row, never in the storage path.
    return f"datastore/{item.created_at:%Y/%m}/{item.pk}"


class StoreItem(models.Model):
    """One paper kept for a citizen, owned by their ID number.

    A result item holds the result's structured fields and points to the signed result document; a digitised item
    holds the electronic copy of a paper received, its SHA-256, who certified it and when. ``seal`` is an HMAC over
    what the item says (``services.seal_of``): a row changed behind the portal's back no longer verifies. Items are
    never deleted; one replaced by a newer paper (a renewed licence) points to it (``superseded_by``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner_id_number = models.CharField(_("số định danh chủ sở hữu"), max_length=12, db_index=True)
    source = models.CharField(_("nguồn"), max_length=16, choices=ItemSource.choices)
    kind = models.CharField(_("loại giấy tờ"), max_length=32, choices=PaperKind.choices, blank=True)
    title = models.CharField(_("tên giấy tờ"), max_length=500)
    number = models.CharField(_("số"), max_length=64, blank=True)
    fields = models.JSONField(_("dữ liệu"), default=dict, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    valid_until = models.DateField(_("có giá trị đến"), null=True, blank=True)
    issuer = models.ForeignKey(
        "procedures.Agency", verbose_name=_("cơ quan cấp"), null=True, blank=True, on_delete=models.PROTECT
    )
    record = models.ForeignKey(
        "records.Record", verbose_name=_("hồ sơ"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The digitised attachment (one copy per paper received; the copy stays if the attachment is later replaced) or
    # the signed result document.
    attachment = models.OneToOneField(
        "records.Attachment",
        verbose_name=_("tệp đính kèm được số hóa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="store_item",
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản kết quả đã ký số"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    file = models.FileField(_("bản điện tử"), upload_to=_copy_path, blank=True)
    content_type = models.CharField(_("định dạng tệp"), max_length=100, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    certified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người chứng thực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    certified_by_name = models.CharField(_("người chứng thực"), max_length=255, blank=True)
    certified_at = models.DateTimeField(_("thời điểm chứng thực"), null=True, blank=True)
    seal = models.CharField(_("mã niêm phong"), max_length=64, blank=True)
    superseded_by = models.ForeignKey(
        "self", verbose_name=_("được thay bằng"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("thời điểm lưu"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("giấy tờ trong Kho dữ liệu cá nhân")
        verbose_name_plural = _("giấy tờ trong Kho dữ liệu cá nhân")
        constraints = [
            # A record's result is stored once, however often its return is relayed.
            models.UniqueConstraint(
                fields=["record", "kind"], condition=models.Q(source="result"), name="datastore_result_once"
            ),
        ]
        indexes = [models.Index(fields=["owner_id_number", "kind"], name="datastore_owner_kind_idx")]

    def __str__(self):
        return f"{self.title} {self.number}".strip()

    @property
    def is_valid(self) -> bool:
        """Still in force: not replaced and not past its validity period."""
        return self.superseded_by_id is None and (self.valid_until is None or self.valid_until >= timezone.localdate())


class StoreConsent(models.Model):
    """The citizen's consent to keep copies of the papers they hand in (on the store's page or at filing)."""

    id_number = models.CharField(_("số định danh cá nhân"), max_length=12, unique=True)
    digitise = models.BooleanField(_("đồng ý lưu bản số hóa"), default=False)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("đồng ý lưu giấy tờ số hóa")
        verbose_name_plural = _("đồng ý lưu giấy tờ số hóa")

    def __str__(self):
        return f"{self.id_number}: {self.digitise}"
