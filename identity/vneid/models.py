"""Accounts, sessions, one-time codes and OAuth tokens of the simulated VNeID provider."""

import uuid

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oauth2_provider.models import (
    AbstractAccessToken,
    AbstractGrant,
    AbstractIDToken,
    AbstractRefreshToken,
    Application,
)

from ..constants import AssuranceLevel


class VNeIDAccount(models.Model):
    """A person's electronic identity account. Its UUID is the OIDC subject (``sub``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.OneToOneField(
        "identity.Person", verbose_name=_("công dân"), on_delete=models.CASCADE, related_name="vneid_account"
    )
    password = models.CharField(_("mật khẩu"), max_length=128)
    level = models.CharField(
        _("mức độ tài khoản"), max_length=8, choices=AssuranceLevel.choices, default=AssuranceLevel.LOA2
    )
    # Wrong passwords and codes from any client since the last login: the owner is told by SMS (guard).
    failed_attempts = models.PositiveSmallIntegerField(_("số lần nhập sai liên tiếp"), default=0)
    last_login = models.DateTimeField(_("lần đăng nhập cuối"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    # django-oauth-toolkit treats the owner of a grant like a Django user.
    is_authenticated = True
    is_anonymous = False
    is_active = True

    class Meta:
        verbose_name = _("tài khoản định danh điện tử")
        verbose_name_plural = _("tài khoản định danh điện tử")

    def __str__(self):
        return self.person.id_number

    @property
    def subject(self) -> str:
        return str(self.id)

    def get_username(self) -> str:
        return self.person.id_number

    def set_password(self, raw_password: str) -> None:
        self.password = make_password(raw_password)

    def check_password(self, raw_password: str) -> bool:
        return check_password(raw_password, self.password)


class ProviderSession(models.Model):
    """The provider's own login session, referenced by a signed cookie scoped to ``/vneid/``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account = models.ForeignKey(
        VNeIDAccount, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="sessions"
    )
    acr = models.CharField(_("mức xác thực (acr)"), max_length=8, choices=AssuranceLevel.choices)
    auth_time = models.DateTimeField(_("xác thực lúc"), default=timezone.now)
    ended_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phiên đăng nhập VNeID")
        verbose_name_plural = _("phiên đăng nhập VNeID")

    def __str__(self):
        return f"{self.account_id} {self.acr} {self.auth_time:%Y-%m-%d %H:%M}"


class OneTimeCode(models.Model):
    """A code sent by SMS for level-2 login. Only its hash is kept."""

    account = models.ForeignKey(
        VNeIDAccount, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="one_time_codes"
    )
    code_hash = models.CharField(_("băm của mã"), max_length=128)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    used_at = models.DateTimeField(_("dùng lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mã dùng một lần (OTP)")
        verbose_name_plural = _("mã dùng một lần (OTP)")

    def __str__(self):
        return f"OTP {self.account_id} {self.created_at:%Y-%m-%d %H:%M}"


# Swapped django-oauth-toolkit models: the resource owner is a VNeID account.
# ``acr`` and ``auth_time`` travel from the login session to the ID token.


class Grant(AbstractGrant):
    user = models.ForeignKey(VNeIDAccount, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="+")
    acr = models.CharField(_("mức xác thực (acr)"), max_length=8, blank=True)
    auth_time = models.DateTimeField(_("xác thực lúc"), null=True, blank=True)

    class Meta(AbstractGrant.Meta):
        verbose_name = _("mã cấp quyền")
        verbose_name_plural = _("mã cấp quyền")


class AccessToken(AbstractAccessToken):
    user = models.ForeignKey(
        VNeIDAccount, verbose_name=_("tài khoản"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    acr = models.CharField(_("mức xác thực (acr)"), max_length=8, blank=True)

    class Meta(AbstractAccessToken.Meta):
        verbose_name = _("mã truy cập (access token)")
        verbose_name_plural = _("mã truy cập (access token)")


class RefreshToken(AbstractRefreshToken):
    user = models.ForeignKey(VNeIDAccount, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="+")

    class Meta(AbstractRefreshToken.Meta):
        verbose_name = _("mã làm mới (refresh token)")
        verbose_name_plural = _("mã làm mới (refresh token)")


class IDToken(AbstractIDToken):
    user = models.ForeignKey(
        VNeIDAccount, verbose_name=_("tài khoản"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta(AbstractIDToken.Meta):
        verbose_name = _("mã định danh (ID token)")
        verbose_name_plural = _("mã định danh (ID token)")


class RedeemedCode(models.Model):
    """An authorization code already exchanged, kept (as a hash) to revoke its tokens if it comes again."""

    code_hash = models.CharField(_("băm của mã"), max_length=64)
    application = models.ForeignKey(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL, verbose_name=_("ứng dụng"), on_delete=models.CASCADE
    )
    access_token = models.ForeignKey(
        AccessToken,
        verbose_name=_("mã truy cập"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    token_family = models.UUIDField(_("họ mã"), null=True, blank=True)
    redeemed_at = models.DateTimeField(_("đổi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("mã cấp quyền đã đổi")
        verbose_name_plural = _("mã cấp quyền đã đổi")
        constraints = [models.UniqueConstraint(fields=["code_hash", "application"], name="vneid_redeemed_code_once")]
        indexes = [models.Index(fields=["redeemed_at"], name="vneid_redeemed_code_at")]

    def __str__(self):
        return f"{self.application_id} {self.redeemed_at:%Y-%m-%d %H:%M}"


class ClientApplication(Application):
    """Django OAuth Toolkit's applications (the services that log people in through VNeID) under a Vietnamese name in
    the admin: the library's model has no translatable name, and naming it would mean a migration in its app; this
    proxy, registered in the admin instead (``portal/admin.py``), needs none."""

    class Meta:
        proxy = True
        verbose_name = _("ứng dụng kết nối")
        verbose_name_plural = _("ứng dụng kết nối")
