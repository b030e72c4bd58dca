"""Who may open a view: citizens (through VNeID), officers (password + TOTP), and at which assurance level."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from . import audit
from .constants import AssuranceLevel, AuthEventKind, AuthSource
from .services import assurance_satisfied


def _redirect(url_name: str, request) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")


def _deny(request, message: str):
    audit.record(
        request,
        source=AuthSource.PORTAL,
        kind=AuthEventKind.ACCESS_DENIED,
        identifier=request.user.get_username(),
        user=request.user,
        detail=request.path,
    )
    raise PermissionDenied(message)


def citizen_required(view_func):
    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return _redirect("identity:login", request)
        if not request.user.is_citizen:
            _deny(request, _("Trang này dành cho công dân đăng nhập bằng VNeID."))
        return view_func(request, *args, **kwargs)

    return wrapper


def mfa_completed(request) -> bool:
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def staff_required(view_func):
    """Civil servants and administrators who logged in with password and TOTP."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return _redirect("account_login", request)
        if not user.is_officer:
            _deny(request, _("Trang này chỉ dành cho cán bộ, công chức."))
        if (response := require_second_factor(request)) is not None:
            return response
        return view_func(request, *args, **kwargs)

    return wrapper


def require_second_factor(request):
    """None when this session passed TOTP; otherwise where to send the officer to do so."""
    if mfa_completed(request):
        return None
    if not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists():
        messages.info(request, _("Cán bộ phải bật xác thực hai lớp (ứng dụng tạo mã TOTP) trước khi làm việc."))
        return _redirect("mfa_activate_totp", request)
    # Has TOTP but this session has not used it (just enrolled, or an older session): ask for a code.
    return _redirect("mfa_reauthenticate", request)


class SecondFactorMiddleware:
    """Officers and administrators use the portal only in sessions that passed TOTP.

    Not just the back-office and the admin: a file download, a document or a receipt
    opened by an officer is guarded the same way. Logging in (``/accounts/``: password,
    TOTP, enrolment, logout) and static files stay open to finish the login.
    """

    OPEN_PATHS = ("/accounts/", "/admin/login/", "/admin/logout/", "/static/", "/i18n/", "/healthz", "/favicon.ico")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and (user.is_officer or user.is_staff)
            and not request.path.startswith(self.OPEN_PATHS)
        ):
            response = require_second_factor(request)
            if response is not None:
                return response
        return self.get_response(request)


def assurance_required(level: str = AssuranceLevel.LOA2):
    """A citizen whose VNeID session is below ``level`` is sent to step up first."""

    def decorator(view_func):
        @wraps(view_func)
        @citizen_required
        def wrapper(request, *args, **kwargs):
            if not assurance_satisfied(request, level):
                return _redirect("identity:step_up", request)
            return view_func(request, *args, **kwargs)

        return wrapper

    return decorator


class CitizenRequiredMixin:
    @method_decorator(citizen_required)
    def dispatch(self, *args, **kwargs):
        return super().dispatch(*args, **kwargs)


class StaffRequiredMixin:
    @method_decorator(staff_required)
    def dispatch(self, *args, **kwargs):
        return super().dispatch(*args, **kwargs)


class IdentityProviderUnavailableMiddleware:
    """VNeID (or the population registry behind it) not answering is a 503 with advice, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        import requests
        from django.shortcuts import render

        if request.path.startswith("/accounts/oidc/") and isinstance(exception, requests.RequestException):
            audit.record(
                request,
                source=AuthSource.PORTAL,
                kind=AuthEventKind.LOGIN_FAILED,
                identifier="",
                user=None,
                detail=f"VNeID unreachable: {type(exception).__name__}",
            )
            return render(request, "identity/vneid_unavailable.html", status=503)
        return None
