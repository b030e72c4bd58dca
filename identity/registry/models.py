"""Tables of the simulated population registry: people, households and the e-document wallet."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.dates import age_on

from ..constants import EDocumentKind, MaritalStatus, Relationship, Sex
from ..validators import id_number_validator, validate_id_number

# A driving licence expiring within this many days is flagged in the wallet.
EXPIRY_WARNING_DAYS = 60


class Household(models.Model):
    code = models.CharField(_("mã hộ"), max_length=20, unique=True)
    head = models.ForeignKey(
        "identity.Person",
        verbose_name=_("chủ hộ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headed_households",
    )
    unit = models.ForeignKey(
        "procedures.AdministrativeUnit",
        verbose_name=_("đơn vị hành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")

    def __str__(self):
        return self.code


class Person(models.Model):
    id_number = models.CharField(
        _("số định danh cá nhân"), max_length=12, unique=True, validators=[id_number_validator]
    )
    full_name = models.CharField(_("họ, chữ đệm và tên"), max_length=150)
    birth_date = models.DateField(_("ngày sinh"))
    sex = models.CharField(_("giới tính"), max_length=8, choices=Sex.choices)
    nationality = models.CharField(_("quốc tịch"), max_length=64, default="Việt Nam")
    ethnicity = models.CharField(_("dân tộc"), max_length=64, default="Kinh")
    place_of_origin = models.CharField(_("quê quán"), max_length=255, blank=True)
    permanent_unit = models.ForeignKey(
        "procedures.AdministrativeUnit",
        verbose_name=_("nơi thường trú (đơn vị)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    permanent_address = models.CharField(_("nơi thường trú (địa chỉ)"), max_length=255, blank=True)
    temporary_unit = models.ForeignKey(
        "procedures.AdministrativeUnit",
        verbose_name=_("nơi tạm trú (đơn vị)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    temporary_address = models.CharField(_("nơi tạm trú (địa chỉ)"), max_length=255, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=15, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    marital_status = models.CharField(
        _("tình trạng hôn nhân"), max_length=16, choices=MaritalStatus.choices, default=MaritalStatus.SINGLE
    )
    household = models.ForeignKey(
        Household,
        verbose_name=_("hộ gia đình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    relationship_to_head = models.CharField(
        _("quan hệ với chủ hộ"), max_length=16, choices=Relationship.choices, blank=True
    )
    father = models.ForeignKey(
        "self", verbose_name=_("cha"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mother = models.ForeignKey(
        "self", verbose_name=_("mẹ"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    spouse = models.ForeignKey(
        "self", verbose_name=_("vợ/chồng"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id_number"]
        verbose_name = _("công dân (CSDL dân cư)")
        verbose_name_plural = _("công dân (CSDL dân cư)")

    def __str__(self):
        return f"{self.full_name} ({self.id_number})"

    def save(self, *args, **kwargs):
        # The registry never holds an inconsistent number, whoever writes the row.
        validate_id_number(self.id_number, birth_date=self.birth_date, sex=self.sex)
        super().save(*args, **kwargs)

    def clean(self):
        try:
            validate_id_number(self.id_number, birth_date=self.birth_date, sex=self.sex)
        except ValidationError as error:
            raise ValidationError({"id_number": error.messages})

    @property
    def age(self) -> int:
        return age_on(self.birth_date, timezone.localdate())

    @property
    def permanent_residence(self) -> str:
        return _join_address(self.permanent_address, self.permanent_unit)

    @property
    def temporary_residence(self) -> str:
        return _join_address(self.temporary_address, self.temporary_unit)


def _join_address(address: str, unit) -> str:
    parts = [address] if address else []
    while unit is not None:
        parts.append(unit.name)
        unit = unit.parent
    return ", ".join(parts)


class EDocument(models.Model):
    """One integrated document in the person's VNeID wallet."""

    person = models.ForeignKey(Person, verbose_name=_("công dân"), on_delete=models.CASCADE, related_name="edocuments")
    kind = models.CharField(_("loại giấy tờ"), max_length=32, choices=EDocumentKind.choices)
    number = models.CharField(_("số"), max_length=32)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    expires_on = models.DateField(_("có giá trị đến"), null=True, blank=True)
    issuer = models.CharField(_("nơi cấp"), max_length=255, blank=True)
    # Kind-specific fields: licence class, vehicle plate and make, insurance place of first care...
    details = models.JSONField(_("thông tin chi tiết"), default=dict, blank=True)

    class Meta:
        ordering = ["person", "kind", "number"]
        constraints = [models.UniqueConstraint(fields=["kind", "number"], name="edocument_unique_kind_number")]
        verbose_name = _("giấy tờ điện tử")
        verbose_name_plural = _("giấy tờ điện tử")

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on < timezone.localdate()

    @property
    def expires_soon(self) -> bool:
        if self.expires_on is None or self.is_expired:
            return False
        return (self.expires_on - timezone.localdate()).days <= EXPIRY_WARNING_DAYS

    def as_claim(self) -> dict:
        return {
            "type": self.kind,
            "number": self.number,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
            "issuer": self.issuer,
            **self.details,
        }
