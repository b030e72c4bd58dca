"""Accounts of the portal: citizens (through VNeID), civil servants and administrators.

The population registry (``identity.registry``) and the simulated VNeID
provider (``identity.vneid``, its own Django app) are external systems in
production; their models live apart and portal accounts never point at them
directly: a citizen ``User`` is linked to the VNeID subject through allauth's
``SocialAccount``.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import AuthEventKind, AuthSource, StaffRole
from .registry.models import EDocument, Household, Person  # noqa: F401  (registered under this app)


class User(AbstractUser):
    class Kind(models.TextChoices):
        CITIZEN = "citizen", _("Công dân")
        STAFF = "staff", _("Cán bộ, công chức")
        ADMIN = "admin", _("Quản trị viên")

    kind = models.CharField(_("loại tài khoản"), max_length=16, choices=Kind.choices, default=Kind.CITIZEN)

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

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
    created_at = models.DateTimeField(auto_now_add=True)

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

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    source = models.CharField(_("nguồn"), max_length=16, choices=AuthSource.choices)
    kind = models.CharField(_("sự kiện"), max_length=32, choices=AuthEventKind.choices)
    # Who, as the source knows them: the ID number on the VNeID side, the username on the portal.
    identifier = models.CharField(_("định danh"), max_length=150, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)
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
