"""The gateway's side of the PayGov message protocol (see ``payments.providers.paygov`` for the spec).

Kept apart from the portal's client on purpose: the two sides implement the
same published rules independently, as a real platform and a merchant would.
"""

import hashlib
import hmac
import time
from urllib.parse import quote

from django.conf import settings

MAX_AGE = 300


def merchants() -> dict[str, str]:
    configured = getattr(settings, "PAYGOV_SIM_MERCHANTS", None)
    return configured or {settings.PAYGOV_MERCHANT_ID: settings.PAYGOV_SECRET}


def secret_for(merchant_id: str) -> str | None:
    return merchants().get(merchant_id)


def canonical(params: dict) -> str:
    return "|".join(
        f"{key}={quote(str(params[key]), safe='')}"
        for key in sorted(params)
        if key != "signature" and params[key] is not None
    )


def sign(params: dict, secret: str) -> str:
    return hmac.new(secret.encode(), canonical(params).encode(), hashlib.sha256).hexdigest()


def signed(params: dict, secret: str) -> dict:
    out = {**params, "timestamp": int(time.time())}
    out["signature"] = sign(out, secret)
    return out


def verify(params: dict) -> str | None:
    """The merchant's secret if ``params`` is a fresh message signed by a known merchant, else None."""
    secret = secret_for(str(params.get("merchant_id", "")))
    given = params.get("signature")
    if not secret or not isinstance(given, str):
        return None
    if not hmac.compare_digest(sign(params, secret).encode(), given.encode()):
        return None
    try:
        if abs(time.time() - int(params.get("timestamp"))) > MAX_AGE:
            return None
    except (TypeError, ValueError):
        return None
    return secret
