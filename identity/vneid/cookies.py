"""The provider's own cookies, scoped to ``/vneid/`` and signed: it keeps no state in the portal's session."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .models import ProviderSession

SESSION_COOKIE = "vneid_sid"
PENDING_COOKIE = "vneid_pending"
PENDING_MAX_AGE = 600
_SALT = "identity.vneid.cookies"


def cookie_path() -> str:
    return reverse("oauth2_provider:login").rsplit("login/", 1)[0]


def current_session(request) -> ProviderSession | None:
    if hasattr(request, "_vneid_session"):
        return request._vneid_session
    session = None
    raw = request.COOKIES.get(SESSION_COOKIE)
    if raw:
        try:
            session_id = signing.loads(raw, salt=_SALT + ".sid")
        except signing.BadSignature:
            session_id = None
        if session_id:
            oldest = timezone.now() - timedelta(seconds=settings.VNEID_SESSION_MAX_SECONDS)
            session = (
                ProviderSession.objects.select_related("account__person")
                .filter(pk=session_id, ended_at__isnull=True, auth_time__gt=oldest)
                .first()
            )
    request._vneid_session = session
    return session


def set_session(response, session: ProviderSession) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        signing.dumps(str(session.pk), salt=_SALT + ".sid"),
        path=cookie_path(),
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


def clear_session(response) -> None:
    response.delete_cookie(SESSION_COOKIE, path=cookie_path(), samesite="Lax")


def set_pending(response, account_id, next_url: str) -> None:
    """The person passed the password step and must now enter the code sent by SMS."""
    response.set_cookie(
        PENDING_COOKIE,
        signing.dumps({"account": str(account_id), "next": next_url}, salt=_SALT + ".pending"),
        path=cookie_path(),
        max_age=PENDING_MAX_AGE,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


def get_pending(request) -> dict | None:
    raw = request.COOKIES.get(PENDING_COOKIE)
    if not raw:
        return None
    try:
        return signing.loads(raw, salt=_SALT + ".pending", max_age=PENDING_MAX_AGE)
    except signing.BadSignature:
        return None


def clear_pending(response) -> None:
    response.delete_cookie(PENDING_COOKIE, path=cookie_path(), samesite="Lax")
