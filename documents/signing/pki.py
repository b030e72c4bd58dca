"""A demonstration certificate authority and one signing certificate per agency.

Everything lives under ``settings.DOCUMENT_SIGNING_DIR`` (``var/signing`` by
default), never in the repository. ``manage.py init_signing`` and the local
signer share :meth:`DemoPKI.ensure_agency_certificate`, so a certificate missing
when a document is signed is created on the spot. Certificates made here have no
legal value: production agencies hold certificates from a licensed CA, behind a
remote signing service.
"""

from __future__ import annotations

import datetime
import fcntl
import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

if TYPE_CHECKING:
    from procedures.models import Agency

KEY_SIZE = 2048
CA_YEARS = 20
AGENCY_YEARS = 5
CA_COMMON_NAME = "CA thử nghiệm - Cổng Dịch vụ công"
CA_ORGANISATION = "Trình diễn, không có giá trị pháp lý"


@dataclass(frozen=True)
class AgencyCredentials:
    key_path: Path
    cert_path: Path
    ca_cert_path: Path


def agency_subject(agency: Agency) -> x509.Name:
    """The agency is named by its name (CN, O) and identified by its code (serialNumber)."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, _fit(agency.name)),
            x509.NameAttribute(NameOID.COMMON_NAME, _fit(agency.name)),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, _fit(agency.code)),
        ]
    )


def _fit(text: str, limit: int = 64) -> str:
    """X.509 caps these attributes at 64 (counted by the library in UTF-8 bytes): cut on a character."""
    return text.encode()[:limit].decode(errors="ignore")


class DemoPKI:
    def __init__(self, directory: Path | str):
        self.directory = Path(directory)
        self.ca_key_path = self.directory / "ca.key"
        self.ca_cert_path = self.directory / "ca.pem"

    # --- reading ---------------------------------------------------------

    def ca_certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.ca_cert_path.read_bytes())

    def paths(self, agency: Agency) -> AgencyCredentials:
        stem = re.sub(r"[^A-Za-z0-9._-]", "_", agency.code)
        folder = self.directory / "agencies"
        return AgencyCredentials(folder / f"{stem}.key", folder / f"{stem}.pem", self.ca_cert_path)

    def has_certificate(self, agency: Agency) -> bool:
        """True when the agency's certificate exists and still names it (it may have been renamed)."""
        credentials = self.paths(agency)
        if not (credentials.key_path.exists() and credentials.cert_path.exists()):
            return False
        cert = x509.load_pem_x509_certificate(credentials.cert_path.read_bytes())
        return cert.subject == agency_subject(agency)

    # --- creating --------------------------------------------------------

    def ensure_ca(self) -> bool:
        """Create the CA if missing; True when created."""
        with self._locked():
            return self._ensure_ca()

    def ensure_agency_certificate(self, agency: Agency) -> tuple[AgencyCredentials, bool]:
        """The agency's key and certificate, created (or renewed after a rename) if needed."""
        credentials = self.paths(agency)
        if self.has_certificate(agency):
            return credentials, False
        with self._locked():
            self._ensure_ca()
            if self.has_certificate(agency):  # another process made it while we waited
                return credentials, False
            ca_key = serialization.load_pem_private_key(self.ca_key_path.read_bytes(), password=None)
            ca_cert = self.ca_certificate()
            key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
            now = datetime.datetime.now(datetime.UTC)
            cert = (
                x509.CertificateBuilder()
                .subject_name(agency_subject(agency))
                .issuer_name(ca_cert.subject)
                .public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(min(now + datetime.timedelta(days=365 * AGENCY_YEARS), ca_cert.not_valid_after_utc))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(
                    x509.KeyUsage(
                        digital_signature=True,
                        content_commitment=True,
                        key_encipherment=False,
                        data_encipherment=False,
                        key_agreement=False,
                        key_cert_sign=False,
                        crl_sign=False,
                        encipher_only=False,
                        decipher_only=False,
                    ),
                    critical=True,
                )
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False)
                .sign(ca_key, hashes.SHA256())
            )
            credentials.key_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_private(credentials.key_path, _pem_key(key))
            _write_private(credentials.cert_path, cert.public_bytes(serialization.Encoding.PEM), mode=0o644)
            return credentials, True

    def _ensure_ca(self) -> bool:
        if self.ca_key_path.exists() and self.ca_cert_path.exists():
            return False
        key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, CA_ORGANISATION),
                x509.NameAttribute(NameOID.COMMON_NAME, CA_COMMON_NAME),
            ]
        )
        now = datetime.datetime.now(datetime.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=365 * CA_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256())
        )
        _write_private(self.ca_key_path, _pem_key(key))
        _write_private(self.ca_cert_path, cert.public_bytes(serialization.Encoding.PEM), mode=0o644)
        return True

    @contextmanager
    def _locked(self):
        """One creator at a time across processes (web and Celery workers may race)."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(self.directory / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _pem_key(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _write_private(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write atomically, so a reader never sees half a key."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
