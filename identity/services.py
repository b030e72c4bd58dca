"""Portal-side identity operations: citizen accounts from VNeID, assurance level, staff roles.

Other apps call these (``require_role`` from the back-office, ``assurance_satisfied``
before filing) instead of reading identity's tables themselves.
"""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .constants import AssuranceLevel, StaffRole
from .models import StaffMembership, User

VNEID_PROVIDER_ID = "vneid"
SESSION_ACR_KEY = "vneid_acr"
SESSION_VNEID_KEY = "vneid_logged_in"
SESSION_NONCE_KEY = "vneid_nonce"


# --- Citizens ---------------------------------------------------------------


def vneid_account(user):
    """The allauth ``SocialAccount`` linking a citizen to their VNeID subject, or None.

    Kept on the user object for the rest of the request: several parts of one page ask.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_vneid_account"):
        user._vneid_account = user.socialaccount_set.filter(provider=VNEID_PROVIDER_ID).first()
    return user._vneid_account


def citizen_claims(user) -> dict:
    """What VNeID last said about the citizen (userinfo, falling back to the ID token)."""
    account = vneid_account(user)
    if account is None:
        return {}
    data = account.extra_data or {}
    claims = dict(data.get("id_token") or {})
    claims.update(data.get("userinfo") or {})
    return claims


def new_login_nonce(request) -> str:
    """A nonce for the next VNeID authorization request; the ID token must carry it back."""
    nonce = secrets.token_urlsafe(24)
    request.session[SESSION_NONCE_KEY] = nonce
    return nonce


def check_login_nonce(request, sociallogin) -> bool:
    expected = request.session.pop(SESSION_NONCE_KEY, None)
    received = ((sociallogin.account.extra_data or {}).get("id_token") or {}).get("nonce")
    return bool(expected) and secrets.compare_digest(str(received or ""), expected)


def remember_vneid_login(request, sociallogin) -> None:
    """Called on each VNeID login: keep the level reached in the portal session."""
    data = sociallogin.account.extra_data or {}
    acr = (data.get("id_token") or {}).get("acr") or (data.get("userinfo") or {}).get("acr") or ""
    request.session[SESSION_ACR_KEY] = acr
    request.session[SESSION_VNEID_KEY] = True


def session_acr(request) -> str:
    return request.session.get(SESSION_ACR_KEY, "")


def assurance_satisfied(request, level: str = AssuranceLevel.LOA2) -> bool:
    return AssuranceLevel.rank(session_acr(request)) >= AssuranceLevel.rank(level)


def split_name(full_name: str) -> tuple[str, str]:
    """Vietnamese order is family, middle, given: return (given name, family and middle names)."""
    parts = (full_name or "").split()
    if not parts:
        return "", ""
    return parts[-1], " ".join(parts[:-1])


# --- Staff ------------------------------------------------------------------


def memberships(user) -> QuerySet[StaffMembership]:
    return StaffMembership.objects.filter(user=user).select_related("agency").order_by("agency__name", "role")


def has_role(user, agency, role: str | None = None) -> bool:
    """Whether ``user`` may act for ``agency`` (in ``role``, when given; the agency head may act in every role)."""
    if not getattr(user, "is_authenticated", False) or not user.is_officer or not user.is_active:
        return False
    rows = StaffMembership.objects.filter(user=user, agency=agency)
    if role is not None:
        rows = rows.filter(role__in={role, StaffRole.AGENCY_HEAD})
    return rows.exists()


def require_role(user, agency, role: str | None = None) -> None:
    """Raise ``PermissionDenied`` unless ``user`` may act for ``agency`` in ``role``."""
    if not has_role(user, agency, role):
        if role:
            message = _("Bạn không có vai trò %(role)s tại %(agency)s.") % {
                "role": StaffRole(role).label,
                "agency": agency,
            }
        else:
            message = _("Bạn không thuộc %(agency)s.") % {"agency": agency}
        raise PermissionDenied(message)


def grant_role(user: User, agency, role: str) -> StaffMembership:
    if user.kind == User.Kind.CITIZEN:
        raise ValueError("Citizens cannot hold agency roles.")
    membership, _created = StaffMembership.objects.get_or_create(user=user, agency=agency, role=role)
    return membership
