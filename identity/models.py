"""Accounts of the portal: citizens (through VNeID), civil servants and administrators.

The population registry (``identity.registry``) and the simulated VNeID
provider (``identity.vneid``, its own Django app) are external systems in
production; their models live apart and portal accounts never point at them
directly: a citizen ``User`` is linked to the VNeID subject through allauth's
``SocialAccount``.
"""

from allauth.mfa.models import Authenticator as MFAAuthenticator
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .constants import AuthEventKind, AuthSource, StaffEventKind, StaffRole
from .registry.models import EDocument, Household, Person  # noqa: F401  (registered under this app)


class User(AbstractUser):
    class Kind(models.TextChoices):
        CITIZEN = "citizen", _("Công dân")
        STAFF = "staff", _("Cán bộ, công chức")
        ADMIN = "admin", _("Quản trị viên")

    kind = models.CharField(_("loại tài khoản"), max_length=16, choices=Kind.choices, default=Kind.CITIZEN)
    # Changed when an administrator resets the officer's second factor: every session opened before ends
    # (it is part of the session's auth hash, as the password is). Empty: the hash is Django's own.
    session_stamp = models.CharField(_("dấu phiên đăng nhập"), max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def _get_session_auth_hash(self, secret=None):
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        value = self.password + (f"|{self.session_stamp}" if self.session_stamp else "")
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    def get_full_name(self) -> str:
        """Vietnamese order, family and middle names then the given name: "Đỗ Thị Hương".

        ``first_name`` holds the given name and ``last_name`` the family and middle names
        (``identity.services.split_name``); Django's default would say "Hương Đỗ Thị".
        """
        return f"{self.last_name} {self.first_name}".strip()

    def get_short_name(self) -> str:
        """The given name, as people are addressed in Vietnamese ("chị Hương")."""
        return self.first_name

    @property
    def is_citizen(self) -> bool:
        return self.kind == self.Kind.CITIZEN

    @property
    def is_officer(self) -> bool:
        """Civil servants and administrators: the people who may open the back-office."""
        return self.kind in (self.Kind.STAFF, self.Kind.ADMIN)


class StaffMembership(models.Model):
    """A civil servant's role in one agency. One row per (user, agency, role)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cán bộ"), on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        "procedures.Agency", verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=StaffRole.choices)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        ordering = ["agency", "user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="staffmembership_unique_role"),
        ]
        verbose_name = _("vai trò tại cơ quan")
        verbose_name_plural = _("vai trò tại cơ quan")

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.agency}"


class AuthEvent(models.Model):
    """Append-only audit log of logins, failures, locks and logouts, on both sides."""

    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    source = models.CharField(_("nguồn"), max_length=16, choices=AuthSource.choices)
    kind = models.CharField(_("sự kiện"), max_length=32, choices=AuthEventKind.choices)
    # Who, as the source knows them: the ID number on the VNeID side, the username on the portal.
    identifier = models.CharField(_("định danh"), max_length=150, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    detail = models.CharField(_("chi tiết"), max_length=255, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("nhật ký đăng nhập")
        verbose_name_plural = _("nhật ký đăng nhập")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.kind} {self.identifier}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)


class ProvinceAdministrator(models.Model):
    """Someone who manages the staff of every agency in a province (the agencies of the province itself and of its
    communes), as an agency head manages their own. Appointed by the system's administrators in the admin."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quản trị"),
        on_delete=models.CASCADE,
        related_name="administered_provinces",
    )
    province = models.ForeignKey(
        "procedures.AdministrativeUnit",
        verbose_name=_("tỉnh, thành phố"),
        on_delete=models.CASCADE,
        related_name="staff_administrators",
        limit_choices_to={"level": "province"},
    )
    created_at = models.DateTimeField(_("ngày giao"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "province"], name="provinceadministrator_unique"),
        ]
        verbose_name = _("quản trị cán bộ cấp tỉnh")
        verbose_name_plural = _("quản trị cán bộ cấp tỉnh")

    def __str__(self):
        return f"{self.user} — {self.province}"


class ActivationCode(models.Model):
    """The one-time code an officer types before enrolling an authenticator: issued by their head, shown once,
    kept only as a keyed hash, expiring, used once. Issuing a new one for the same officer revokes the older."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activation_codes", verbose_name=_("cán bộ")
    )
    agency = models.ForeignKey(
        "procedures.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cơ quan"),
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người cấp"),
    )
    code_hash = models.CharField(_("mã băm"), max_length=64)
    created_at = models.DateTimeField(_("cấp lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    used_at = models.DateTimeField(_("dùng lúc"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True, help_text=_("Khi cấp mã mới thay mã này."))

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"], name="activationcode_user_idx")]
        verbose_name = _("mã kích hoạt")
        verbose_name_plural = _("mã kích hoạt")

    def __str__(self):
        return f"{self.user} — {self.created_at:%Y-%m-%d %H:%M}"


class StaffEvent(models.Model):
    """Append-only audit list of staff administration: who changed which officer's roles or second factor, at which
    agency, when, from where, and why (the identity check of a reset)."""

    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("sự kiện"), max_length=32, choices=StaffEventKind.choices)
    agency = models.ForeignKey(
        "procedures.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff_events",
        verbose_name=_("cơ quan"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cán bộ"),
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=StaffRole.choices, blank=True)
    detail = models.CharField(_("chi tiết"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["agency", "-created_at"], name="staffevent_agency_idx")]
        verbose_name = _("nhật ký quản lý cán bộ")
        verbose_name_plural = _("nhật ký quản lý cán bộ")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.kind} {self.officer_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)


class Authenticator(MFAAuthenticator):
    """allauth's second factors (TOTP, recovery codes) under a Vietnamese name in the admin.

    allauth's model has no translatable name (Django makes "authenticator" from the class), and naming it would mean
    a migration in allauth's app; this proxy, registered in the admin instead (``portal/admin.py``), needs none.
    """

    class Meta:
        proxy = True
        verbose_name = _("phương thức xác thực hai lớp")
        verbose_name_plural = _("phương thức xác thực hai lớp")
