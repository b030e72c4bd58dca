"""One-time activation codes: the password alone never enrols an authenticator.

An officer's head (or the province's administrator) issues a code when the account is added or its second factor
is reset; it is shown to them once, kept here only as a keyed hash, expires after ``STAFF_ACTIVATION_CODE_HOURS``
and is spent by its first correct use. Spending it gives this session (for ``GRANT_SECONDS``) the right to enrol
TOTP (``identity.mfa_views``); without that the enrolment page sends the officer to type a code. Issuing a new
code revokes the officer's older ones. Wrong codes are counted by the login rate limits
(``ACCOUNT_RATE_LIMITS["activation_code_failed"]``).
"""

from __future__ import annotations

import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import ActivationCode

# No 0/O, 1/I/L: read aloud or copied from paper without doubt. 12 characters: about 60 bits.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
SESSION_KEY = "identity_activation"
GRANT_SECONDS = 30 * 60
RATE_ACTION = "activation_code_failed"


def lifetime() -> timedelta:
    return timedelta(hours=getattr(settings, "STAFF_ACTIVATION_CODE_HOURS", 72))


def normalize(code: str) -> str:
    """What was typed, as it was issued: capitals, without the dashes and spaces people add."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def display(code: str) -> str:
    """``K7QM3XWP9HTR`` → ``K7QM-3XWP-9HTR``."""
    code = normalize(code)
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _digest(code: str) -> str:
    return salted_hmac("identity.activation.code", normalize(code), algorithm="sha256").hexdigest()


def generate() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def outstanding(user):
    """The user's codes not yet used, revoked or expired (at most one, since a new one revokes the rest)."""
    return ActivationCode.objects.filter(
        user=user, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )


@transaction.atomic
def issue(user, *, agency=None, issued_by=None, code: str | None = None) -> tuple[str, ActivationCode]:
    """A new code for ``user`` (``code``: a given one, for the demo), revoking their older ones. Returns the code
    as it is shown (the only time it exists in clear) and its row."""
    now = timezone.now()
    ActivationCode.objects.filter(user=user, used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    code = normalize(code) if code else generate()
    row = ActivationCode.objects.create(
        user=user, agency=agency, issued_by=issued_by, code_hash=_digest(code), expires_at=now + lifetime()
    )
    return display(code), row


@transaction.atomic
def redeem(user, code: str) -> ActivationCode | None:
    """Spend ``code`` if it is ``user``'s outstanding one; None (and nothing spent) otherwise."""
    digest = _digest(code)
    for row in outstanding(user).select_for_update():
        if constant_time_compare(row.code_hash, digest):
            row.used_at = timezone.now()
            row.save(update_fields=["used_at"])
            return row
    return None


def grant_session(request, user) -> None:
    request.session[SESSION_KEY] = {"user": user.pk, "at": time.time()}


def session_may_enrol(request) -> bool:
    """Whether this session spent an activation code for the logged-in user in the last ``GRANT_SECONDS``."""
    grant = request.session.get(SESSION_KEY)
    return (
        isinstance(grant, dict)
        and grant.get("user") == request.user.pk
        and isinstance(grant.get("at"), (int, float))
        and 0 <= time.time() - grant["at"] < GRANT_SECONDS
    )


def end_grant(request) -> None:
    request.session.pop(SESSION_KEY, None)


def outstanding_for(user_ids):
    """The outstanding codes of several users (a staff list), newest first."""
    return ActivationCode.objects.filter(
        user_id__in=user_ids, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")
