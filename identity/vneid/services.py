"""What the simulated VNeID does when someone logs in: password, one-time code, sessions.

Wrong passwords and wrong codes count together against guessing, with limits per client address and for
everyone and progressive delays per ID number and client, never a lock (see ``guard``). Every outcome is
written to the audit log.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, get_hasher, make_password
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import audit
from ..constants import AssuranceLevel, AuthEventKind, AuthSource
from . import guard
from .models import OneTimeCode, ProviderSession, VNeIDAccount
from .sms import send_sms

OTP_DIGITS = 6


class LoginRefused(Exception):
    """The message is shown to the person as it is; ``status`` is the HTTP status of the page."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass
class PasswordCheck:
    account: VNeIDAccount


_dummy_hashes: dict[str, str] = {}


def _spend_a_password_check(password: str) -> None:
    """As long as checking a real password: an unknown ID number must not answer faster."""
    algorithm = get_hasher().algorithm
    if algorithm not in _dummy_hashes:
        _dummy_hashes[algorithm] = make_password(secrets.token_urlsafe(16))
    check_password(password, _dummy_hashes[algorithm])


def _failed(request, id_number: str, message: str) -> LoginRefused:
    """A wrong password or code: the same words whether the ID number has an account or not, with the
    wait this client now has for that ID number if it has one."""
    delay = guard.register_failure(request, id_number)
    return LoginRefused(f"{message} {guard.wait_message(delay)}" if delay else message)


def _refuse_if_waiting(request, id_number: str) -> None:
    wait = guard.wait_seconds(request, id_number)
    if wait:
        audit.record(
            request, source=AuthSource.VNEID, kind=AuthEventKind.LOGIN_FAILED, identifier=id_number, detail="delayed"
        )
        raise LoginRefused(guard.wait_message(wait), status=429)


def _throttle(request):
    usage = guard.attempt(request)
    if isinstance(usage, guard.Throttled):
        raise LoginRefused(usage.message, status=429)
    return usage


def check_credentials(request, id_number: str, password: str) -> VNeIDAccount:
    """First factor. Raises ``LoginRefused`` with the message to show.

    No lock: a client that keeps failing for an ID number waits longer each time (``guard``), the owner on
    their own device does not, and the owner is told by SMS (``guard.count_and_alert``).
    """
    _refuse_if_waiting(request, id_number)
    usage = _throttle(request)
    account = VNeIDAccount.objects.select_related("person").filter(person__id_number=id_number).first()
    wrong = _("Số định danh cá nhân hoặc mật khẩu không đúng.")
    if account is None:
        _spend_a_password_check(password)
        audit.record(
            request,
            source=AuthSource.VNEID,
            kind=AuthEventKind.LOGIN_FAILED,
            identifier=id_number,
            detail="unknown account",
        )
        raise _failed(request, id_number, wrong)
    if not account.check_password(password):
        audit.record(request, source=AuthSource.VNEID, kind=AuthEventKind.LOGIN_FAILED, identifier=id_number)
        guard.count_and_alert(account)
        raise _failed(request, id_number, wrong)
    # A success does not count against the address's limits (as allauth does for officers).
    usage.rollback()
    return account


def send_one_time_code(request, account: VNeIDAccount) -> OneTimeCode:
    code = "".join(secrets.choice("0123456789") for _ in range(OTP_DIGITS))
    otp = OneTimeCode.objects.create(
        account=account,
        code_hash=make_password(code),
        expires_at=timezone.now() + timedelta(seconds=settings.VNEID_OTP_TTL_SECONDS),
    )
    minutes = settings.VNEID_OTP_TTL_SECONDS // 60
    send_sms(
        account.person.phone,
        _("VNeID: Ma OTP dang nhap cua ban la %(code)s, hieu luc %(minutes)s phut. Khong cung cap ma cho bat ky ai.")
        % {"code": code, "minutes": minutes},
    )
    audit.record(request, source=AuthSource.VNEID, kind=AuthEventKind.OTP_SENT, identifier=account.person.id_number)
    return otp


def check_one_time_code(request, account: VNeIDAccount, code: str) -> None:
    """Second factor. Raises ``LoginRefused``; a code is good once, and void after
    ``VNEID_OTP_MAX_TRIES`` wrong tries (then the person logs in again for a new one)."""
    id_number = account.person.id_number
    _refuse_if_waiting(request, id_number)
    otp = account.one_time_codes.filter(used_at__isnull=True).order_by("-created_at").first()
    if otp is None or otp.expires_at <= timezone.now():
        raise LoginRefused(_("Mã OTP đã hết hiệu lực. Vui lòng đăng nhập lại để nhận mã mới."))
    usage = _throttle(request)
    if not check_password((code or "").strip(), otp.code_hash):
        audit.record(request, source=AuthSource.VNEID, kind=AuthEventKind.OTP_FAILED, identifier=id_number)
        guard.count_and_alert(account)
        tries_key = f"vneid:otp-tries:{otp.pk}"
        cache.add(tries_key, 0, settings.VNEID_OTP_TTL_SECONDS)
        if cache.incr(tries_key) >= settings.VNEID_OTP_MAX_TRIES:
            OneTimeCode.objects.filter(pk=otp.pk, used_at__isnull=True).update(used_at=timezone.now())
            raise _failed(
                request,
                id_number,
                _("Mã OTP không đúng. Mã này đã bị hủy sau %(count)s lần nhập sai; vui lòng đăng nhập lại.")
                % {"count": settings.VNEID_OTP_MAX_TRIES},
            )
        raise _failed(request, id_number, _("Mã OTP không đúng."))
    updated = OneTimeCode.objects.filter(pk=otp.pk, used_at__isnull=True).update(used_at=timezone.now())
    if not updated:
        raise LoginRefused(_("Mã OTP đã được sử dụng. Vui lòng đăng nhập lại."))
    usage.rollback()


def start_session(request, account: VNeIDAccount, acr: str) -> ProviderSession:
    """After the last factor: the failures of this client are forgotten and this device is the owner's."""
    now = timezone.now()
    VNeIDAccount.objects.filter(pk=account.pk).update(failed_attempts=0, last_login=now)
    guard.clear_failures(request, account.person.id_number)
    guard.remember_device(request, account.person.id_number)
    session = ProviderSession.objects.create(account=account, acr=acr, auth_time=now)
    audit.record(
        request,
        source=AuthSource.VNEID,
        kind=AuthEventKind.LOGIN_SUCCEEDED,
        identifier=account.person.id_number,
        detail=acr,
    )
    return session


def end_session(request, session: ProviderSession | None) -> None:
    if session is None or session.ended_at:
        return
    ProviderSession.objects.filter(pk=session.pk).update(ended_at=timezone.now())
    audit.record(
        request, source=AuthSource.VNEID, kind=AuthEventKind.LOGOUT, identifier=session.account.person.id_number
    )


def requested_acr(acr_values: str | None) -> str:
    """The level an authorization request asks for; LoA1 unless LoA2 is among ``acr_values``."""
    values = (acr_values or "").split()
    return AssuranceLevel.LOA2 if AssuranceLevel.LOA2 in values else AssuranceLevel.LOA1
