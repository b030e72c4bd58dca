"""The local signer: pyHanko with the demo PKI's keys, for development and demonstrations.

Loading and checking an RSA key costs about 50 ms and measuring the signature
size costs a second signing pass, so keys are loaded once per process and agency
and the signature room is reserved up front: a signature then takes ~30 ms.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import os
import threading
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import checks

from common.registry import Plugin

from ..constants import SIGNATURE_BYTES_RESERVED
from .pki import DemoPKI, agency_subject
from .registry import register

if TYPE_CHECKING:
    from procedures.models import Agency

SIGNATURE_FIELD = "Signature1"


def outside_event_loop(function, *args, **kwargs):
    """Call ``function`` where no asyncio loop runs.

    pyHanko's synchronous API wraps ``asyncio.run()``, which refuses to start inside a
    running loop (an ASGI server calling a task eagerly, a test driving a browser): the
    signature then failed with a coroutine never awaited. There it runs in a helper thread.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def _signing_dir():
    return getattr(settings, "DOCUMENT_SIGNING_DIR", settings.VAR_DIR / "signing")


@register("local")
class LocalSigner(Plugin):
    """Signs with the demonstration CA's agency keys under ``DOCUMENT_SIGNING_DIR``: no legal value."""

    is_demo = True

    @classmethod
    def check(cls) -> list[checks.CheckMessage]:
        directory = Path(_signing_dir())
        existing = next((path for path in (directory, *directory.parents) if path.exists()), None)
        if existing is not None and not os.access(existing, os.W_OK):
            return [
                checks.Error(
                    f"DOCUMENT_SIGNING_DIR ({directory}) cannot be written: the local signer keeps its keys there.",
                    id="documents.E001",
                )
            ]
        return []

    def __init__(self, directory=None):
        self.pki = DemoPKI(directory or _signing_dir())
        self._signers: dict[str, tuple[object, object]] = {}
        self._lock = threading.Lock()

    def sign(self, pdf_bytes: bytes, *, agency: Agency, signed_by: str = "") -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers

        metadata = signers.PdfSignatureMetadata(
            field_name=SIGNATURE_FIELD,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            # The agency's certificate signs; the signature names the person who approved, when one did.
            name=f"{signed_by} — {agency.name}" if signed_by else agency.name,
            reason="Phê duyệt và ký số văn bản điện tử" if signed_by else "Ký số văn bản điện tử",
            location=agency.unit.name if agency.unit_id else "Việt Nam",
        )
        writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
        pdf_signer = signers.PdfSigner(metadata, signer=self._signer_for(agency))
        signed = outside_event_loop(pdf_signer.sign_pdf, writer, bytes_reserved=SIGNATURE_BYTES_RESERVED)
        return signed.getvalue()

    def trust_roots(self):
        """The demo CA, for validators (tests, or a verification tool) that should trust it."""
        from pyhanko.keys import load_cert_from_pemder

        return [load_cert_from_pemder(str(self.pki.ca_cert_path))]

    def _signer_for(self, agency: Agency):
        """The agency's pyHanko signer, created lazily (with its certificate if none exists yet)."""
        subject = agency_subject(agency)
        cached = self._signers.get(agency.code)
        if cached and cached[0] == subject:
            return cached[1]
        with self._lock:
            from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
            from pyhanko_certvalidator.registry import SimpleCertificateStore

            credentials, _created = self.pki.ensure_agency_certificate(agency)
            ca_cert = load_cert_from_pemder(str(credentials.ca_cert_path))
            signer = _signer_class()(
                signing_cert=load_cert_from_pemder(str(credentials.cert_path)),
                signing_key=load_private_key_from_pemder(str(credentials.key_path), passphrase=None),
                cert_registry=SimpleCertificateStore.from_certs([ca_cert]),
            )
            self._signers[agency.code] = (subject, signer)
            return signer


@functools.cache
def _signer_class():
    """pyHanko's ``SimpleSigner``, keeping the parsed private key instead of parsing it for every signature.

    ``SimpleSigner.sign_raw`` loads the key from DER on each call, which validates
    the RSA key again: about 100 ms of a ~130 ms signature on a 2-core machine.
    The key is loaded once here; anything but RSA PKCS#1 v1.5 takes pyHanko's path.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.sign import signers
    from pyhanko.sign.general import get_pyca_cryptography_hash

    class KeyOnceSigner(signers.SimpleSigner):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._private_key = serialization.load_der_private_key(self.signing_key.dump(), password=None)

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            if mechanism.signature_algo != "rsassa_pkcs1v15" or not isinstance(self._private_key, RSAPrivateKey):
                return super().sign_raw(data, digest_algorithm)
            return self._private_key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))

    return KeyOnceSigner
