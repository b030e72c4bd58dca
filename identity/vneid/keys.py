"""Signing keys of the simulated VNeID, kept under ``var/`` and never committed.

Layout of the key directory::

    active.pem               the key that signs new ID tokens
    retired/<unix-time>.pem  keys retired at that time; still published in the
                             JWKS until tokens they signed have expired

``install_signing_keys()`` (run by ``VNeIDConfig.ready``) hands them to
django-oauth-toolkit; settings hold no key and import nothing from here.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings


def key_dir() -> Path:
    return Path(settings.VAR_DIR) / "vneid_keys"


def install_signing_keys() -> None:
    """Give django-oauth-toolkit the active key and the retired keys still published in the JWKS.

    They go into the ``OAUTH2_PROVIDER`` setting, where the toolkit reads them, unless a key is
    configured there already. Run once per process at start-up: a rotated key is picked up on restart.
    """
    provider = settings.OAUTH2_PROVIDER
    if provider.get("OIDC_RSA_PRIVATE_KEY"):
        return
    active, inactive = load_signing_keys(key_dir(), keep_seconds=settings.VNEID_ID_TOKEN_LIFETIME)
    provider["OIDC_RSA_PRIVATE_KEY"] = active
    provider["OIDC_RSA_PRIVATE_KEYS_INACTIVE"] = inactive


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    # Atomic, so two processes starting together agree on one key.
    if not path.exists():
        os.replace(tmp, path)
    else:
        tmp.unlink()


def _new_private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def load_signing_keys(key_dir: Path, keep_seconds: int, now: float | None = None) -> tuple[str, list[str]]:
    """Return (active key PEM, retired key PEMs still to publish); create the active key if absent."""
    key_dir = Path(key_dir)
    active = key_dir / "active.pem"
    if not active.exists():
        _write_private(active, _new_private_key_pem())
    now = time.time() if now is None else now
    inactive = []
    retired_dir = key_dir / "retired"
    if retired_dir.is_dir():
        for path in sorted(retired_dir.glob("*.pem")):
            try:
                retired_at = float(path.stem)
            except ValueError:
                continue
            if retired_at + keep_seconds > now:
                inactive.append(path.read_text())
    return active.read_text(), inactive


def rotate(key_dir: Path) -> Path:
    """Retire the active key and create a new one. Processes pick it up when they restart."""
    key_dir = Path(key_dir)
    active = key_dir / "active.pem"
    retired_dir = key_dir / "retired"
    retired_dir.mkdir(parents=True, exist_ok=True)
    if active.exists():
        os.replace(active, retired_dir / f"{int(time.time())}.pem")
    _write_private(active, _new_private_key_pem())
    return active
