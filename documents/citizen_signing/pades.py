"""PAdES signing where the private key stays at the remote-signing provider.

pyHanko builds the CMS signature and the PDF's signature dictionary; the only thing
it needs from the key is a raw signature over the digest of the signed attributes,
which :class:`CSCSigner` gets from the provider's ``signatures/signHash``.
"""

from __future__ import annotations

import base64
import hashlib
from io import BytesIO

from ..constants import SIGNATURE_BYTES_RESERVED
from ..signing.local import outside_event_loop
from .client import CSCClient, RemoteSigningError

HASH_OIDS = {"sha256": "2.16.840.1.101.3.4.2.1", "sha384": "2.16.840.1.101.3.4.2.2", "sha512": "2.16.840.1.101.3.4.2.3"}
RSA_ENCRYPTION = "1.2.840.113549.1.1.1"
EC_PUBLIC_KEY = "1.2.840.10045.2.1"
ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2"
SIGNATURE_FIELD = "ChuKyCongDan"


def chain_of(info: dict) -> list:
    """The credential's certificates (leaf first) as asn1crypto objects, from ``credentials/info``."""
    from asn1crypto import x509

    try:
        return [x509.Certificate.load(base64.b64decode(item)) for item in info["cert"]["certificates"]]
    except (KeyError, TypeError, ValueError) as error:
        raise RemoteSigningError("Chứng thư số do nhà cung cấp trả về không đọc được.") from error


def is_ecdsa(info: dict) -> bool:
    return EC_PUBLIC_KEY in (info.get("key", {}).get("algo") or []) or ECDSA_WITH_SHA256 in (
        info.get("key", {}).get("algo") or []
    )


def _signer_class():
    from pyhanko.sign import signers

    class CSCSigner(signers.Signer):
        """A pyHanko signer whose raw signatures come from the provider's ``signHash`` under one SAD."""

        def __init__(self, client: CSCClient, credential_id: str, sad: str, info: dict):
            from asn1crypto.algos import SignedDigestAlgorithm
            from pyhanko_certvalidator.registry import SimpleCertificateStore

            chain = chain_of(info)
            self.client, self.credential_id, self.sad = client, credential_id, sad
            self.ecdsa = is_ecdsa(info)
            super().__init__(
                signing_cert=chain[0],
                cert_registry=SimpleCertificateStore.from_certs(chain[1:]),
                signature_mechanism=SignedDigestAlgorithm(
                    {"algorithm": "sha256_ecdsa" if self.ecdsa else "sha256_rsa"}
                ),
                embed_roots=True,
            )

        async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run=False) -> bytes:
            if dry_run:
                return bytes(512)
            digest = hashlib.new(digest_algorithm, data).digest()
            return self.client.sign_hash(
                self.credential_id,
                self.sad,
                digest,
                HASH_OIDS[digest_algorithm],
                ECDSA_WITH_SHA256 if self.ecdsa else RSA_ENCRYPTION,
            )

    return CSCSigner


def sign_pdf(
    pdf_bytes: bytes, *, client: CSCClient, credential_id: str, sad: str, info: dict, name: str, reason: str
) -> bytes:
    """``pdf_bytes`` signed (PAdES baseline B) with the credential, through the provider."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=name,
        reason=reason,
        location="Việt Nam",
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    pdf_signer = signers.PdfSigner(metadata, signer=_signer_class()(client, credential_id, sad, info))
    signed = outside_event_loop(pdf_signer.sign_pdf, writer, bytes_reserved=SIGNATURE_BYTES_RESERVED)
    return signed.getvalue()
