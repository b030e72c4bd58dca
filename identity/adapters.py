"""allauth adapters: citizens come only through VNeID, officers only with a password (and TOTP)."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import requests
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.net import client_ip
from common.urls import portal_url

from . import audit, throttling
from .constants import AuthEventKind, AuthSource
from .models import User
from .services import SESSION_VNEID_KEY, VNEID_PROVIDER_ID, adopt_desk_account, check_login_nonce, split_name


class PortalSite:
    """What allauth's e-mails call the site: the portal's name and the host of ``PORTAL_BASE_URL``."""

    name = gettext_lazy("Cổng Dịch vụ công Quốc gia")

    @property
    def domain(self) -> str:
        return urlsplit(settings.PORTAL_BASE_URL).netloc


def vneid_app() -> SocialApp | None:
    return SocialApp.objects.filter(provider_id=VNEID_PROVIDER_ID).first()


def end_session_endpoint(app: SocialApp) -> str:
    """The provider's end-session endpoint, read from its discovery document like any RP would."""
    server_url = app.settings["server_url"].rstrip("/")
    cache_key = f"vneid:end_session:{server_url}"
    endpoint = cache.get(cache_key)
    if endpoint is None:
        try:
            response = requests.get(f"{server_url}/.well-known/openid-configuration", timeout=5)
            response.raise_for_status()
            endpoint = response.json().get("end_session_endpoint") or ""
        except (requests.RequestException, ValueError):
            endpoint = ""
        cache.set(cache_key, endpoint, 300)
    return endpoint


class AccountAdapter(DefaultAccountAdapter):
    # allauth ships no Vietnamese: the messages an officer meets while logging in, in the portal's words.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": gettext_lazy("Tài khoản này đang bị khóa. Hãy liên hệ quản trị viên của cơ quan."),
        "username_password_mismatch": gettext_lazy(
            "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (chú ý chữ hoa, chữ thường)."
        ),
        "invalid_login": gettext_lazy("Đăng nhập không hợp lệ."),
        "incorrect_code": gettext_lazy("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới trên ứng dụng."),
        "incorrect_password": gettext_lazy("Mật khẩu không đúng."),
        "enter_current_password": gettext_lazy("Hãy nhập mật khẩu hiện tại."),
        "too_many_login_attempts": gettext_lazy("Đăng nhập sai quá nhiều lần. Hãy thử lại sau ít phút."),
        "rate_limited": gettext_lazy("Bạn gửi yêu cầu quá nhanh. Hãy đợi một chút rồi thử lại."),
    }

    def is_open_for_signup(self, request):
        # Citizens get an account on their first VNeID login; officers are created by administrators.
        return False

    def get_reset_password_from_key_url(self, key: str) -> str:
        """The link of the password-reset e-mail, on ``PORTAL_BASE_URL``: never on the Host header the
        request came with (a reset asked with ``Host: evil.example`` would mail a link to that site)."""
        return portal_url(super().get_reset_password_from_key_url(key))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth names the site from the request's Host header (django.contrib.sites is not installed).
        super().send_mail(template_prefix, email, {**context, "current_site": PortalSite()})

    def get_client_ip(self, request) -> str:
        """The address the rate limits count per: the one the audit log and the API's throttles see
        (``NUM_PROXIES`` hops back in X-Forwarded-For), not the proxy's."""
        return client_ip(request) or super().get_client_ip(request)

    def pre_authenticate(self, request, **credentials):
        """allauth's failed-login limits (``ACCOUNT_RATE_LIMITS["login_failed"]``), saying how long to wait."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            key = self._get_login_attempts_cache_key(request, **credentials)
            refusal = throttling.refusal(request, "login_failed", key)
            if refusal is None:
                raise
            # A lock-out (too many wrong passwords) leaves a trace, as each wrong password does.
            audit.record(
                request,
                source=AuthSource.PORTAL,
                kind=AuthEventKind.ACCOUNT_LOCKED,
                identifier=credentials.get("username", ""),
                detail=f"password, {refusal.per}, {refusal.wait_seconds}s",
            )
            raise ValidationError(
                _("Đăng nhập sai quá nhiều lần. Hãy thử lại sau %(wait)s.")
                % {"wait": throttling.format_wait(refusal.wait_seconds)},
                code="too_many_login_attempts",
            ) from None

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        username = credentials.get("username", "")
        if user is not None and user.kind == User.Kind.CITIZEN:
            audit.record(
                request,
                source=AuthSource.PORTAL,
                kind=AuthEventKind.LOGIN_FAILED,
                identifier=username,
                detail="citizen password login refused",
            )
            raise ValidationError(_("Công dân đăng nhập bằng tài khoản định danh điện tử VNeID."))
        if user is None:
            audit.record(request, source=AuthSource.PORTAL, kind=AuthEventKind.LOGIN_FAILED, identifier=username)
        return user

    def login(self, request, user):
        super().login(request, user)
        audit.record(
            request,
            source=AuthSource.PORTAL,
            kind=AuthEventKind.LOGIN_SUCCEEDED,
            identifier=user.get_username(),
            user=user,
        )

    def get_login_redirect_url(self, request):
        if getattr(request.user, "is_officer", False):
            return reverse("backoffice:home")
        return super().get_login_redirect_url(request)

    def get_logout_redirect_url(self, request):
        """After a VNeID login, logging out of the portal also ends the VNeID session."""
        # From the request: VNeID sends the browser back only to a post-logout address registered for the
        # portal, so a forged Host cannot take it elsewhere (and the live tests run the portal on their own port).
        home = request.build_absolute_uri(reverse("home"))
        if request.user.is_authenticated:
            audit.record(
                request,
                source=AuthSource.PORTAL,
                kind=AuthEventKind.LOGOUT,
                identifier=request.user.get_username(),
                user=request.user,
            )
        app = vneid_app() if request.session.get(SESSION_VNEID_KEY) else None
        endpoint = end_session_endpoint(app) if app else ""
        if not endpoint:
            return super().get_logout_redirect_url(request)
        return f"{endpoint}?{urlencode({'client_id': app.client_id, 'post_logout_redirect_uri': home})}"


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return sociallogin.account.provider == VNEID_PROVIDER_ID

    def pre_social_login(self, request, sociallogin):
        if sociallogin.account.provider == VNEID_PROVIDER_ID and not check_login_nonce(request, sociallogin):
            audit.record(
                request,
                source=AuthSource.PORTAL,
                kind=AuthEventKind.LOGIN_FAILED,
                identifier=sociallogin.account.uid,
                detail="VNeID nonce mismatch",
            )
            messages.error(request, _("Phiên đăng nhập VNeID không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại."))
            raise ImmediateHttpResponse(redirect("identity:login"))
        # A VNeID identity only ever belongs to a citizen account, and an officer cannot attach one.
        linked = sociallogin.user if sociallogin.is_existing else None
        current = request.user if request.user.is_authenticated else None
        for user in (linked, current):
            if user is not None and user.kind != User.Kind.CITIZEN:
                messages.error(request, _("Tài khoản cán bộ không đăng nhập bằng VNeID."))
                raise ImmediateHttpResponse(redirect("account_login"))
        # Served at a desk before their first portal login: their records are waiting in that account.
        adopt_desk_account(request, sociallogin)

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.username = f"vneid-{sociallogin.account.uid}"
        user.kind = User.Kind.CITIZEN
        user.first_name, user.last_name = split_name(data.get("name") or "")
        return user


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": gettext_lazy("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới trên ứng dụng."),
    }


def user_display(user) -> str:
    """How allauth names the person in its messages: the full name, not an internal username."""
    return user.get_full_name() or user.get_username()
