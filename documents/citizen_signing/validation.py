"""Validating a citizen's signed PDF: the signature intact, covering the whole file, and its certificate
chaining up to a provider root the portal trusts (``REMOTESIGN_TRUST_ROOTS``)."""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ..signing.local import outside_event_loop

logger = logging.getLogger(__name__)


@dataclass
class Validation:
    valid: bool
    reason: str = ""
    signer_name: str = ""
    signer_id_number: str = ""
    signed_at: datetime.datetime | None = None
    fingerprint: str = ""
    serial: str = ""
    issuer: str = ""


def trust_roots() -> list:
    roots = []
    for path in settings.REMOTESIGN_TRUST_ROOTS:
        if Path(path).exists():
            roots.append(_load_root(str(path), Path(path).stat().st_mtime))
        else:
            logger.warning("REMOTESIGN_TRUST_ROOTS names %s, which does not exist", path)
    return roots


@cache
def _load_root(path: str, mtime: float):
    from pyhanko.keys import load_cert_from_pemder

    return load_cert_from_pemder(path)


def _subject_value(cert, key: str) -> str:
    value = cert.subject.native.get(key, "")
    return value[0] if isinstance(value, list) else str(value or "")


def validate(pdf_bytes: bytes) -> Validation:
    """What the last signature of ``pdf_bytes`` says, and whether it holds."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        signatures = PdfFileReader(BytesIO(pdf_bytes), strict=False).embedded_signatures
    except Exception:  # noqa: BLE001 -- a damaged file is an invalid signature, whatever pyHanko raises
        return Validation(False, _("Tài liệu bị hỏng hoặc đã bị thay đổi."))
    if not signatures:
        return Validation(False, _("Tài liệu không có chữ ký số."))
    embedded = signatures[-1]
    cert = embedded.signer_cert
    found = Validation(
        False,
        signer_name=_subject_value(cert, "common_name"),
        signer_id_number=_subject_value(cert, "serial_number").removeprefix("CCCD:"),
        fingerprint=hashlib.sha256(cert.dump()).hexdigest(),
        serial=format(cert.serial_number, "X"),
        # The issuing CA as people name it (its common name), not X.509's field labels.
        issuer=(cert.issuer.native.get("common_name") or cert.issuer.human_friendly)[:500],
    )
    context = ValidationContext(trust_roots=trust_roots(), allow_fetching=False, revocation_mode="soft-fail")
    try:
        status = outside_event_loop(validate_pdf_signature, embedded, context)
    except (SignatureValidationError, ValueError) as error:
        logger.info("Citizen signature did not validate: %s", error)
        found.reason = _("Chữ ký không hợp lệ (tài liệu đã bị thay đổi).")
        return found
    found.signed_at = status.signer_reported_dt or timezone.now()
    if not status.intact or not status.valid:
        found.reason = _("Chữ ký không hợp lệ (tài liệu đã bị thay đổi).")
    elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        found.reason = _("Chữ ký không hợp lệ (tài liệu đã bị thay đổi sau khi ký).")
    elif not status.trusted:
        found.reason = _("Chữ ký không hợp lệ (chứng thư số không do tổ chức được tin cậy cấp).")
    else:
        found.valid = True
    return found
