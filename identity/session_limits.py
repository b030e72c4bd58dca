"""How long a portal login lasts: an idle limit, an absolute limit, and one session per officer.

Citizens: ``CITIZEN_SESSION_IDLE_SECONDS`` without a request, or ``CITIZEN_SESSION_MAX_SECONDS`` after
logging in, ends the session. Officers and administrators: ``STAFF_SESSION_IDLE_SECONDS`` and
``STAFF_SESSION_MAX_SECONDS``, and a new login ends the officer's older session (one at a time: the
session remembers the login it came from, ``User.last_login``, which the newest login moves on).
An ended session is logged out and the request goes on anonymous, so each page answers as it does for
anyone not logged in (the login page, with a message saying why; the filing page keeps what was typed).
"""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .constants import AuthEventKind, AuthSource

STARTED = "_limits_started"
SEEN = "_limits_seen"
LOGIN = "_limits_login"
# The last-seen time is written at most this often (each write is a session save).
SEEN_RESOLUTION_SECONDS = 60


def _is_staff(user) -> bool:
    return bool(getattr(user, "is_officer", False) or user.is_staff)


def limits(user) -> tuple[int, int]:
    """(idle, absolute) seconds for this user."""
    if _is_staff(user):
        return settings.STAFF_SESSION_IDLE_SECONDS, settings.STAFF_SESSION_MAX_SECONDS
    return settings.CITIZEN_SESSION_IDLE_SECONDS, settings.CITIZEN_SESSION_MAX_SECONDS


def _login_marker(user) -> str:
    return user.last_login.isoformat() if user.last_login else ""


@receiver(user_logged_in, dispatch_uid="identity.session_limits")
def start(sender, request, user, **kwargs):
    """Runs after Django's update_last_login (connected first), so ``user.last_login`` is this login."""
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[STARTED] = now
    request.session[SEEN] = now
    request.session[LOGIN] = _login_marker(user)
    # A fixed end, not a sliding one: the cookie and the stored session go at the absolute limit.
    request.session.set_expiry(timezone.now() + timedelta(seconds=limits(user)[1]))


def ended_because(request) -> str | None:
    """Why this session is over, or None (then it is marked as seen now)."""
    session, user = request.session, request.user
    now = time.time()
    idle, absolute = limits(user)
    started, seen = session.get(STARTED), session.get(SEEN)
    if not isinstance(started, (int, float)) or not isinstance(seen, (int, float)):
        # A session from before these limits: they count from now.
        session[STARTED] = session[SEEN] = now
        session.setdefault(LOGIN, _login_marker(user))
        return None
    if _is_staff(user) and settings.STAFF_ONE_SESSION and session.get(LOGIN) != _login_marker(user):
        return _("Tài khoản của bạn vừa đăng nhập ở nơi khác, nên phiên làm việc này đã kết thúc.")
    if now - started > absolute:
        return _("Phiên làm việc đã quá %(hours)s giờ và đã kết thúc. Vui lòng đăng nhập lại.") % {
            "hours": absolute // 3600
        }
    if now - seen > idle:
        return _("Phiên làm việc đã kết thúc do không hoạt động quá %(minutes)s phút. Vui lòng đăng nhập lại.") % {
            "minutes": idle // 60
        }
    if now - seen >= SEEN_RESOLUTION_SECONDS:
        session[SEEN] = now
    return None


class SessionLimitsMiddleware:
    """After authentication: ends sessions past their limits (``ended_because``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            reason = ended_because(request)
            if reason is not None:
                audit.record(
                    request,
                    source=AuthSource.PORTAL,
                    kind=AuthEventKind.LOGOUT,
                    identifier=user.get_username(),
                    user=user,
                    detail=f"session limit: {reason}"[:255],
                )
                logout(request)
                messages.warning(request, reason)
        return self.get_response(request)
