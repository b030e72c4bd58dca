"""Portal-side identity operations: citizen accounts from VNeID, assurance level, staff roles.

Other apps call these (``require_role`` from the back-office, ``assurance_satisfied``
before filing) instead of reading identity's tables themselves.
"""

from __future__ import annotations

import secrets
import time

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .constants import AssuranceLevel, StaffRole
from .models import StaffMembership, User

VNEID_PROVIDER_ID = "vneid"
SESSION_ACR_KEY = "vneid_acr"
SESSION_VNEID_KEY = "vneid_logged_in"
SESSION_NONCE_KEY = "vneid_nonce"
SESSION_CLAIMS_KEY = "vneid_claims"
SESSION_LOGIN_AT_KEY = "vneid_login_at"  # when this session last logged in with VNeID (epoch seconds)
DESK_USERNAME_PREFIX = "counter-"


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


def citizen_claims(user, session=None) -> dict:
    """What VNeID last said about the citizen (userinfo, falling back to the ID token).

    ``session``: the request's, where the citizen's VNeID login kept the same claims (``remember_vneid_login``),
    read instead of the database. Only claims kept for this very user are taken; logging out (or in as someone
    else) empties the session.
    """
    if session is not None:
        kept = session.get(SESSION_CLAIMS_KEY)
        if isinstance(kept, dict) and kept.get("user") == user.pk and isinstance(kept.get("claims"), dict):
            return dict(kept["claims"])
    account = vneid_account(user)
    if account is None:
        return {}
    return claims_of(account.extra_data)


def claims_of(extra_data: dict | None) -> dict:
    """The claims in a VNeID account's ``extra_data``: userinfo, falling back to the ID token."""
    data = extra_data or {}
    claims = dict(data.get("id_token") or {})
    claims.update(data.get("userinfo") or {})
    return claims


def desk_account(id_number: str, full_name: str) -> User:
    """The account of a citizen served at an agency's desk who has not logged in to the portal yet.

    It cannot log in (no password, no VNeID link); the citizen's first VNeID login adopts it
    (``adopt_desk_account``), so what was filed for them at the desk is in "Hồ sơ của tôi".
    """
    given, family = split_name(full_name)
    user, created = User.objects.get_or_create(
        username=f"{DESK_USERNAME_PREFIX}{id_number}",
        defaults={"kind": User.Kind.CITIZEN, "first_name": given[:150], "last_name": family[:150]},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def adopt_desk_account(request, sociallogin) -> User | None:
    """On a first VNeID login, link the identity to the desk account with the same ID number, if any.

    VNeID vouches for the ID number, and only an unlinked desk account (never a password
    account, never one linked to another identity) is taken over. Returns the account adopted.
    """
    if sociallogin.is_existing or sociallogin.account.provider != VNEID_PROVIDER_ID:
        return None
    data = sociallogin.account.extra_data or {}
    id_number = (data.get("userinfo") or {}).get("id_number") or (data.get("id_token") or {}).get("id_number")
    if not id_number:
        return None
    user = (
        User.objects.filter(username=f"{DESK_USERNAME_PREFIX}{id_number}", kind=User.Kind.CITIZEN)
        .exclude(socialaccount__isnull=False)
        .first()
    )
    if user is None or user.has_usable_password():
        return None
    user.username = f"vneid-{sociallogin.account.uid}"
    sociallogin.connect(request, user)  # saves the user and links the identity; allauth then logs them in
    return user


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
    """Called on each VNeID login: keep the level reached in the portal session, and what VNeID said of the
    citizen (the same claims the account keeps, which this login has just written) for ``citizen_claims``."""
    data = sociallogin.account.extra_data or {}
    acr = (data.get("id_token") or {}).get("acr") or (data.get("userinfo") or {}).get("acr") or ""
    request.session[SESSION_ACR_KEY] = acr
    request.session[SESSION_VNEID_KEY] = True
    request.session[SESSION_CLAIMS_KEY] = {"user": sociallogin.user.pk, "claims": claims_of(data)}
    request.session[SESSION_LOGIN_AT_KEY] = time.time()


def logged_in_within(request, seconds: float) -> float | None:
    """The time of this session's VNeID login if it happened less than ``seconds`` ago, else None."""
    at = request.session.get(SESSION_LOGIN_AT_KEY)
    if isinstance(at, (int, float)) and 0 <= time.time() - at < seconds:
        return at
    return None


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


def staff_roles(user, agency) -> set[str]:
    """The roles ``user`` holds at ``agency`` (none for anyone but an active officer); the agency head holds them
    all. The one rule for "may this officer act for this agency, in this role"."""
    if not getattr(user, "is_authenticated", False) or not user.is_officer or not user.is_active:
        return set()
    held = set(StaffMembership.objects.filter(user=user, agency=agency).values_list("role", flat=True))
    if StaffRole.AGENCY_HEAD in held:
        held |= set(StaffRole.values)
    return held


def has_role(user, agency, role: str | None = None) -> bool:
    """Whether ``user`` may act for ``agency`` (in ``role``, when given; the agency head may act in every role)."""
    held = staff_roles(user, agency)
    return bool(held) if role is None else role in held


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
