"""Accounts of the portal: citizens (through VNeID), civil servants and administrators."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class Kind(models.TextChoices):
        CITIZEN = "citizen", _("Công dân")
        STAFF = "staff", _("Cán bộ, công chức")
        ADMIN = "admin", _("Quản trị viên")

    kind = models.CharField(_("loại tài khoản"), max_length=16, choices=Kind.choices, default=Kind.CITIZEN)

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")
