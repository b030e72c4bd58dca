"""One rate-limit mechanism for every login door: allauth's, the one the staff login already uses.

The rules live in one place, ``ACCOUNT_RATE_LIMITS`` (``login_failed`` for officers, ``vneid_login_failed``
for the simulated VNeID), written as allauth writes them (``"10/m/ip,600/m/key"``). The counters are in the
shared cache and count per client address (``ip``, as ``common.net.client_ip`` sees it: the adapter's
``get_client_ip``) or per key (``key``; VNeID passes one key for everyone: a global limit). What this module
adds is the time to wait, so a refused person is told when to come back.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from allauth.core.internal import ratelimit
from django.core.cache import cache

APP = "allauth.account"


@dataclass(frozen=True)
class Refusal:
    wait_seconds: int
    per: str  # "ip" (this client) or "key" (the key given: one account, or everyone)


def attempt(request, action: str, key: str | None = None):
    """Count one attempt; returns its usage (``.rollback()`` it when the attempt succeeds) or a ``Refusal``."""
    usage = ratelimit.consume(request, app=APP, action=action, key=key)
    if usage is not None:
        return usage
    return refusal(request, action, key) or Refusal(wait_seconds=1, per="ip")


def refusal(request, action: str, key: str | None = None) -> Refusal | None:
    """The longest wait among the rules of ``action`` this client has used up, or None."""
    now = time.time()
    worst = None
    for rate in ratelimit.get_rates(app=APP, action=action):
        if rate.per == "key" and key is None:
            continue
        cache_key = ratelimit.get_cache_key(request, app=APP, action=action, rate=rate, key=key)
        history = [at for at in cache.get(cache_key, []) if at > now - rate.duration]
        if len(history) >= rate.amount:
            # Newest first: the attempt that must expire before one more fits under the limit.
            wait = max(1, math.ceil(history[rate.amount - 1] + rate.duration - now))
            if worst is None or wait > worst.wait_seconds:
                worst = Refusal(wait_seconds=wait, per=rate.per)
    return worst


def format_wait(seconds: int) -> str:
    """ "45 giây", "3 phút": what a person reads."""
    from django.utils.translation import ngettext

    if seconds < 60:
        return ngettext("%(n)s giây", "%(n)s giây", seconds) % {"n": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(n)s phút", "%(n)s phút", minutes) % {"n": minutes}
