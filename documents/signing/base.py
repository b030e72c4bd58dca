"""The interface every signing backend implements, local or remote."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from procedures.models import Agency


class SigningError(Exception):
    """The backend could not sign; the task retries."""


@runtime_checkable
class Signer(Protocol):
    """Signs a PDF on behalf of an agency and returns the signed PDF (PAdES baseline).

    Implementations must be safe to call from several threads and cheap to call
    repeatedly: ``get_signer()`` keeps one instance per process. ``signed_by`` (given only when someone approved
    the document: a result) names that person in the signature, beside the agency whose certificate signs.
    """

    def sign(self, pdf_bytes: bytes, *, agency: Agency, signed_by: str = "") -> bytes: ...


@dataclass(frozen=True)
class SignatureInfo:
    subject: str
    serial: str


def read_signature_info(pdf_bytes: bytes) -> SignatureInfo:
    """Who signed, read back from the signed PDF itself, whatever backend signed it."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    signatures = PdfFileReader(BytesIO(pdf_bytes), strict=False).embedded_signatures
    if not signatures:
        raise SigningError("The signer returned a PDF without a signature.")
    cert = signatures[-1].signer_cert
    return SignatureInfo(subject=cert.subject.human_friendly, serial=format(cert.serial_number, "X"))
