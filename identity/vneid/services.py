"""What the simulated VNeID does when someone logs in: password, one-time code, lockout, sessions.

Wrong passwords and wrong codes count together; the fifth in a row locks the
account for ``VNEID_LOCK_MINUTES``. Every outcome is written to the audit log.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import audit
from ..constants import AssuranceLevel, AuthEventKind, AuthSource
from .models import OneTimeCode, ProviderSession, VNeIDAccount
from .sms import send_sms

OTP_DIGITS = 6


class LoginRefused(Exception):
    """The message is shown to the person as it is."""


@dataclass
class PasswordCheck:
    account: VNeIDAccount


def _lock_message(account: VNeIDAccount) -> str:
    until = timezone.localtime(account.locked_until)
    return _(
        "Tài khoản đã bị tạm khóa do nhập sai mật khẩu hoặc mã OTP %(count)s lần liên tiếp. "
        "Vui lòng thử lại sau %(minutes)s phút (sau %(time)s)."
    ) % {
        "count": settings.VNEID_LOCK_AFTER_FAILURES,
        "minutes": settings.VNEID_LOCK_MINUTES,
        "time": time_format(until, "H:i"),
    }


def _register_failure(request, account: VNeIDAccount, kind: str, message: str) -> str:
    """Count one failure under a row lock; lock the account at the limit. Returns the message to show."""
    with transaction.atomic():
        account = VNeIDAccount.objects.select_for_update().get(pk=account.pk)
        account.failed_attempts += 1
        locked = account.failed_attempts >= settings.VNEID_LOCK_AFTER_FAILURES
        if locked:
            account.locked_until = timezone.now() + timedelta(minutes=settings.VNEID_LOCK_MINUTES)
            account.failed_attempts = 0
        account.save(update_fields=["failed_attempts", "locked_until"])
    identifier = account.person.id_number
    audit.record(request, source=AuthSource.VNEID, kind=kind, identifier=identifier, detail=message)
    if locked:
        audit.record(request, source=AuthSource.VNEID, kind=AuthEventKind.ACCOUNT_LOCKED, identifier=identifier)
        return _lock_message(account)
    left = settings.VNEID_LOCK_AFTER_FAILURES - account.failed_attempts
    return (
        message
        + " "
        + ngettext(
            "Còn %(left)s lần thử trước khi tài khoản bị tạm khóa.",
            "Còn %(left)s lần thử trước khi tài khoản bị tạm khóa.",
            left,
        )
        % {"left": left}
    )


def check_credentials(request, id_number: str, password: str) -> VNeIDAccount:
    """First factor. Raises ``LoginRefused`` with the message to show."""
    account = VNeIDAccount.objects.select_related("person").filter(person__id_number=id_number).first()
    wrong = _("Số định danh cá nhân hoặc mật khẩu không đúng.")
    if account is None:
        # Same cost and message as a wrong password: do not reveal who has an account.
        check_password(password, make_password(None))
        audit.record(
            request,
            source=AuthSource.VNEID,
            kind=AuthEventKind.LOGIN_FAILED,
            identifier=id_number,
            detail="unknown account",
        )
        raise LoginRefused(wrong)
    if account.is_locked():
        audit.record(
            request, source=AuthSource.VNEID, kind=AuthEventKind.LOGIN_FAILED, identifier=id_number, detail="locked"
        )
        raise LoginRefused(_lock_message(account))
    if not account.check_password(password):
        raise LoginRefused(_register_failure(request, account, AuthEventKind.LOGIN_FAILED, wrong))
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
    """Second factor. Raises ``LoginRefused``; a code is good once."""
    account.refresh_from_db(fields=["failed_attempts", "locked_until"])
    if account.is_locked():
        raise LoginRefused(_lock_message(account))
    otp = account.one_time_codes.filter(used_at__isnull=True).order_by("-created_at").first()
    if otp is None or otp.expires_at <= timezone.now():
        raise LoginRefused(_("Mã OTP đã hết hiệu lực. Vui lòng đăng nhập lại để nhận mã mới."))
    if not check_password((code or "").strip(), otp.code_hash):
        raise LoginRefused(_register_failure(request, account, AuthEventKind.OTP_FAILED, _("Mã OTP không đúng.")))
    updated = OneTimeCode.objects.filter(pk=otp.pk, used_at__isnull=True).update(used_at=timezone.now())
    if not updated:
        raise LoginRefused(_("Mã OTP đã được sử dụng. Vui lòng đăng nhập lại."))


def start_session(request, account: VNeIDAccount, acr: str) -> ProviderSession:
    now = timezone.now()
    VNeIDAccount.objects.filter(pk=account.pk).update(failed_attempts=0, last_login=now)
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
