"""The provider's certificate authority: a root, an issuing CA under it, and one certificate per credential.

Keys and certificates live under ``settings.REMOTESIGN_DIR`` (``var/remotesign`` by
default), never in the repository; everything is created on first use. The portal
trusts the root (``REMOTESIGN_TRUST_ROOTS``) and builds the chain leaf → issuing
CA → root when it validates a citizen's signature. A licensed provider's CA chains
up to the national root CA; this one has no legal value.
"""

from __future__ import annotations

import datetime
import fcntl
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT_NAME = "Root CA thử nghiệm - Ký số từ xa"
ISSUING_NAME = "CA cấp chứng thư - Ký số từ xa (mô phỏng)"
ORGANISATION = "Nhà cung cấp ký số từ xa mô phỏng"
ROOT_YEARS = 20
ISSUING_YEARS = 10
SUBSCRIBER_YEARS = 2


def directory() -> Path:
    from django.conf import settings

    configured = getattr(settings, "REMOTESIGN_DIR", None)
    return Path(configured or Path(settings.VAR_DIR) / "remotesign")


def _fit(text: str, limit: int = 64) -> str:
    return text.encode()[:limit].decode(errors="ignore")


def _name(common_name: str, *extra) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, _fit(common_name)),
            *extra,
        ]
    )


def _key_usage(*, sign_certs: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not sign_certs,
        content_commitment=not sign_certs,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=sign_certs,
        crl_sign=sign_certs,
        encipher_only=False,
        decipher_only=False,
    )


class ProviderPKI:
    def __init__(self, path: Path | None = None):
        self.path = Path(path or directory())

    # --- the CA ------------------------------------------------------------

    @property
    def root_path(self) -> Path:
        return self.path / "root.pem"

    @property
    def issuing_path(self) -> Path:
        return self.path / "issuing.pem"

    def root(self) -> x509.Certificate:
        self.ensure_ca()
        return x509.load_pem_x509_certificate(self.root_path.read_bytes())

    def issuing(self) -> x509.Certificate:
        self.ensure_ca()
        return x509.load_pem_x509_certificate(self.issuing_path.read_bytes())

    def ensure_ca(self) -> None:
        if self.root_path.exists() and self.issuing_path.exists():
            return
        with self._locked():
            if self.root_path.exists() and self.issuing_path.exists():
                return
            now = datetime.datetime.now(datetime.UTC)
            root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            root_name = _name(ROOT_NAME)
            root = (
                x509.CertificateBuilder()
                .subject_name(root_name)
                .issuer_name(root_name)
                .public_key(root_key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=365 * ROOT_YEARS))
                .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
                .add_extension(_key_usage(sign_certs=True), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
                .sign(root_key, hashes.SHA256())
            )
            issuing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            issuing = (
                x509.CertificateBuilder()
                .subject_name(_name(ISSUING_NAME))
                .issuer_name(root_name)
                .public_key(issuing_key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=365 * ISSUING_YEARS))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(_key_usage(sign_certs=True), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(issuing_key.public_key()), critical=False)
                .add_extension(
                    x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
                )
                .sign(root_key, hashes.SHA256())
            )
            # The root's key signs the issuing CA once; it is kept offline in a real CA, here beside the rest.
            _write(self.path / "root.key", _pem_key(root_key))
            _write(self.path / "issuing.key", _pem_key(issuing_key))
            _write(self.issuing_path, issuing.public_bytes(serialization.Encoding.PEM), mode=0o644)
            _write(self.root_path, root.public_bytes(serialization.Encoding.PEM), mode=0o644)

    # --- subscribers' keys -----------------------------------------------------

    def key_path(self, credential_id: str) -> Path:
        return self.path / "keys" / f"{re.sub(r'[^A-Za-z0-9-]', '_', credential_id)}.key"

    def issue(self, credential_id: str, *, name: str, user_id: str, algorithm: str) -> x509.Certificate:
        """A new key for the credential and its certificate: CN = the subscriber's name, serialNumber = their ID
        number (as Vietnamese personal certificates carry the CCCD number)."""
        self.ensure_ca()
        key = ec.generate_private_key(ec.SECP256R1()) if algorithm == "ecdsa" else rsa.generate_private_key(65537, 2048)
        issuing = self.issuing()
        issuing_key = serialization.load_pem_private_key((self.path / "issuing.key").read_bytes(), password=None)
        now = datetime.datetime.now(datetime.UTC)
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                x509.NameAttribute(NameOID.COMMON_NAME, _fit(name)),
                x509.NameAttribute(NameOID.SERIAL_NUMBER, f"CCCD:{user_id}"),
            ]
        )
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuing.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(min(now + datetime.timedelta(days=365 * SUBSCRIBER_YEARS), issuing.not_valid_after_utc))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(sign_certs=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuing.public_key()), critical=False)
            .sign(issuing_key, hashes.SHA256())
        )
        path = self.key_path(credential_id)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write(path, _pem_key(key))
        return cert

    def private_key(self, credential_id: str):
        return serialization.load_pem_private_key(self.key_path(credential_id).read_bytes(), password=None)

    @contextmanager
    def _locked(self):
        self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(self.path / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _pem_key(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Atomically, so a reader never sees half a key."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
