"""How the simulated VNeID slows down password and OTP guessing without a lock anyone could trigger.

- **Per client address, and for everyone** (password spraying): ``identity.throttling``, the staff
  login's rate-limit mechanism, with the ``vneid_login_failed`` rule of ``ACCOUNT_RATE_LIMITS``.
- **Progressive delays per ID number and client** (guessing one account): after
  ``VNEID_DELAY_FREE_FAILURES`` wrong passwords or codes, each further one makes the next try wait
  ``VNEID_DELAY_BASE_SECONDS``, doubled each time up to ``VNEID_DELAY_MAX_SECONDS``. "Client" is the
  device when it has already logged in to that account (a signed cookie, ``vneid_device``), else its
  address: someone failing elsewhere never delays the owner on their own device, and the account is
  never locked. The delay is answered ("wait N seconds"), never slept in the request.
- **The owner is told**: every ``VNEID_ALERT_AFTER_FAILURES`` failures since their last login (at most
  once an hour), an SMS through VNeID's own outbox (``sms.send_sms``).

Everything is keyed by the ID number as typed, whether or not it has an account, so answers do not
tell who has one. The clock is ``_now`` (tests move it).
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db.models import F
from django.db.models.functions import Least
from django.utils.translation import gettext as _

from common.net import client_ip

from .. import throttling

DEVICE_COOKIE = "vneid_device"
DEVICE_MAX_AGE = 400 * 24 * 3600  # the longest a browser keeps a cookie
_DEVICE_SALT = "identity.vneid.guard.device"
_KNOWN_PER_DEVICE = 5  # accounts remembered per device (a family's shared phone)
RATE_ACTION = "vneid_login_failed"
RATE_KEY_EVERYONE = "*"


def _now() -> float:
    return time.time()


def _digest(value: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


# --- The device cookie ----------------------------------------------------------------------------


def _device(request) -> dict:
    """``{"d": device id, "k": [digests of the ID numbers that logged in from it]}``; a new one if none."""
    if not hasattr(request, "_vneid_device"):
        device = None
        raw = request.COOKIES.get(DEVICE_COOKIE)
        if raw:
            try:
                device = signing.loads(raw, salt=_DEVICE_SALT, max_age=DEVICE_MAX_AGE)
            except signing.BadSignature:
                device = None
        if not isinstance(device, dict) or not isinstance(device.get("d"), str):
            device = {"d": secrets.token_urlsafe(16), "k": [], "new": True}
        request._vneid_device = device
    return request._vneid_device


def _known_device(request, id_number: str) -> bool:
    return _digest(id_number) in _device(request).get("k", [])


def remember_device(request, id_number: str) -> None:
    """After a successful login: this device is the owner's (``set_device_cookie`` writes it)."""
    device = _device(request)
    digest = _digest(id_number)
    device["k"] = [digest, *[k for k in device.get("k", []) if k != digest]][:_KNOWN_PER_DEVICE]
    device["changed"] = True


def set_device_cookie(request, response) -> None:
    from .cookies import cookie_path

    device = _device(request)
    if not (device.get("new") or device.get("changed")):
        return
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps({"d": device["d"], "k": device["k"]}, salt=_DEVICE_SALT),
        max_age=DEVICE_MAX_AGE,
        path=cookie_path(),
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


# --- Progressive delays -----------------------------------------------------------------------------


def _bucket(request, id_number: str) -> str:
    if _known_device(request, id_number):
        where = f"device:{_device(request)['d']}"
    else:
        where = f"ip:{client_ip(request) or '-'}"
    return "vneid:delay:" + _digest(f"{id_number}|{where}")


def wait_seconds(request, id_number: str) -> int:
    """Seconds this client must still wait before trying ``id_number`` again; 0 if it may try now."""
    state = cache.get(_bucket(request, id_number)) or {}
    return max(0, math.ceil(state.get("until", 0) - _now()))


def _delay_after(failures: int) -> int:
    extra = failures - settings.VNEID_DELAY_FREE_FAILURES
    if extra <= 0:
        return 0
    return min(settings.VNEID_DELAY_BASE_SECONDS * 2 ** (extra - 1), settings.VNEID_DELAY_MAX_SECONDS)


def register_failure(request, id_number: str) -> int:
    """One more wrong password or code from this client for ``id_number``; returns the wait it now has."""
    key = _bucket(request, id_number)
    state = cache.get(key) or {}
    failures = state.get("n", 0) + 1
    delay = _delay_after(failures)
    cache.set(key, {"n": failures, "until": _now() + delay}, settings.VNEID_DELAY_RESET_SECONDS)
    return delay


def clear_failures(request, id_number: str) -> None:
    cache.delete(_bucket(request, id_number))


def wait_message(seconds: int) -> str:
    return _("Vui lòng đợi %(wait)s rồi thử lại.") % {"wait": throttling.format_wait(seconds)}


# --- Per client address and for everyone -------------------------------------------------------------


@dataclass(frozen=True)
class Throttled:
    message: str


def attempt(request):
    """Count one login attempt against the address and global limits: a usage to roll back on success,
    or ``Throttled`` with what to tell the person."""
    result = throttling.attempt(request, RATE_ACTION, key=RATE_KEY_EVERYONE)
    if not isinstance(result, throttling.Refusal):
        return result
    wait = throttling.format_wait(result.wait_seconds)
    if result.per == "key":
        return Throttled(
            _("VNeID đang nhận quá nhiều lần đăng nhập sai và tạm ngừng nhận đăng nhập. Vui lòng thử lại sau %(wait)s.")
            % {"wait": wait}
        )
    return Throttled(
        _(
            "Có quá nhiều lần đăng nhập sai từ nơi bạn đang truy cập. Vui lòng thử lại sau %(wait)s. "
            "Tài khoản của bạn không bị khóa."
        )
        % {"wait": wait}
    )


# --- Telling the owner ------------------------------------------------------------------------------


def count_and_alert(account) -> None:
    """Count a failure on the account (any client); every ``VNEID_ALERT_AFTER_FAILURES``, SMS the owner."""
    from .models import VNeIDAccount
    from .sms import send_sms

    VNeIDAccount.objects.filter(pk=account.pk).update(failed_attempts=Least(F("failed_attempts") + 1, 32767))
    failures = VNeIDAccount.objects.values_list("failed_attempts", flat=True).get(pk=account.pk)
    every = settings.VNEID_ALERT_AFTER_FAILURES
    phone = account.person.phone
    # At most one alert an hour per account: failures spread over many addresses must not flood the owner.
    if every and failures % every == 0 and phone and cache.add(f"vneid:alerted:{account.pk}", 1, 3600):
        send_sms(
            phone,
            _(
                "VNeID: Tai khoan cua ban vua co %(count)s lan dang nhap sai mat khau hoac ma OTP. "
                "Tai khoan khong bi khoa. Neu khong phai ban, hay doi mat khau va khong cung cap ma OTP cho ai."
            )
            % {"count": failures},
        )
