"""Signing a filing remotely, and what the workflow and the back-office ask about it.

``send_code`` has the provider text a one-time code to the citizen; ``sign`` trades the
code for the provider's authorisation (SAD) and signs the declaration of each record of
the filing and the PDF papers chosen, validating each signed PDF before it is kept.
``guard_submit`` refuses to submit a declaration unsigned (or changed since it was
signed) for a service that requires a signed one.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import CitizenSignature
from .client import CSCClient, RemoteSigningError
from .declaration import form_digest, render_declaration
from .pades import sign_pdf
from .validation import validate

logger = logging.getLogger(__name__)

PDF = "application/pdf"


def _credential(client: CSCClient, record) -> str:
    """The applicant's credential at the provider; with the simulated provider, enrolled on first use with the
    phone the population registry holds (a real provider enrols its subscribers itself)."""
    from identity.models import Person

    credentials = client.credentials(record.applicant_id_number)
    if not credentials and settings.REMOTESIGN_SIMULATOR:
        person = Person.objects.filter(id_number=record.applicant_id_number).first()
        if person is None or not person.phone:
            raise RemoteSigningError(
                _("Không tìm thấy số điện thoại của bạn trong Cơ sở dữ liệu quốc gia về dân cư để nhận mã OTP.")
            )
        credentials = client.enrol(record.applicant_id_number, person.full_name, person.phone)
    if not credentials:
        raise RemoteSigningError(
            _("Bạn chưa có chứng thư ký số từ xa. Hãy đăng ký với nhà cung cấp dịch vụ ký số từ xa rồi thử lại.")
        )
    return credentials[0]


def send_code(records) -> str:
    """Ask the provider to text a one-time code to the applicant; the masked phone it was sent to."""
    client = CSCClient()
    answer = client.send_otp(_credential(client, records[0]))
    return str(answer.get("phone", ""))


def signable_attachments(records) -> list:
    return [a for record in records for a in record.attachments.all() if a.content_type == PDF]


def sign(records, user, otp: str, attachment_ids=()) -> list[CitizenSignature]:
    """Sign the declaration of each record and the chosen PDF attachments with the code the citizen typed."""
    chosen = {str(pk) for pk in attachment_ids}
    targets = [(record, None) for record in records]
    targets += [(a.record, a) for a in signable_attachments(records) if str(a.pk) in chosen]
    client = CSCClient()
    credential_id = _credential(client, records[0])
    sad = client.authorize(credential_id, otp, len(targets))
    info = client.credential_info(credential_id)
    signed = []
    for record, attachment in targets:
        if attachment is None:
            source, digest = render_declaration(record), form_digest(record)
            reason = _("Ký tờ khai %(service)s") % {"service": record.service.name}
        else:
            with attachment.file.open("rb") as handle:
                source = handle.read()
            digest = attachment.sha256
            reason = _("Ký giấy tờ %(name)s") % {"name": attachment.original_name}
        pdf = sign_pdf(
            source,
            client=client,
            credential_id=credential_id,
            sad=sad,
            info=info,
            name=record.applicant_name,
            reason=reason[:200],
        )
        signed.append(_keep(record, attachment, pdf, digest, credential_id, user))
    return signed


def _check(record, pdf: bytes):
    """The signed PDF validated, and its signer checked to be the record's applicant."""
    found = validate(pdf)
    if found.valid and found.signer_id_number != record.applicant_id_number:
        found.valid = False
        found.reason = _("Chữ ký không hợp lệ (người ký không phải người nộp hồ sơ).")
    return found


def _keep(record, attachment, pdf: bytes, digest: str, credential_id: str, user) -> CitizenSignature:
    found = _check(record, pdf)
    now = timezone.now()
    signature = CitizenSignature(
        record=record,
        attachment=attachment,
        target=CitizenSignature.Target.ATTACHMENT if attachment else CitizenSignature.Target.DECLARATION,
        sha256=hashlib.sha256(pdf).hexdigest(),
        content_digest=digest,
        signer_name=found.signer_name[:255],
        signer_id_number=found.signer_id_number[:12],
        certificate_fingerprint=found.fingerprint,
        certificate_serial=found.serial[:64],
        certificate_issuer=found.issuer,
        credential_id=credential_id[:64],
        signed_at=found.signed_at or now,
        status=CitizenSignature.Status.VALID if found.valid else CitizenSignature.Status.INVALID,
        status_reason=found.reason[:500],
        validated_at=now,
        signed_by=user,
    )
    signature.file.save(f"{signature.pk}.pdf", ContentFile(pdf), save=False)
    with transaction.atomic():
        signature.save()
    return signature


def latest_declaration(record) -> CitizenSignature | None:
    return (
        CitizenSignature.objects.filter(record_id=record.pk, target=CitizenSignature.Target.DECLARATION)
        .order_by("-created_at")
        .first()
    )


def declaration_signed(record) -> bool:
    """A valid signature over the declaration as it stands now (a form edited after signing is unsigned)."""
    latest = latest_declaration(record)
    return latest is not None and latest.is_valid and latest.content_digest == form_digest(record)


def guard_submit(record) -> str | None:
    """records' SUBMIT guard: a service requiring a signed declaration is filed online only with one (at the desk
    the citizen signs the paper declaration in front of the officer)."""
    from records.constants import Channel

    if record.channel != Channel.ONLINE or not getattr(record.service, "requires_signed_declaration", False):
        return None
    if declaration_signed(record):
        return None
    return _(
        "Dịch vụ “%(service)s” yêu cầu tờ khai có chữ ký số của người nộp. Ở bước “Kiểm tra và nộp”, bấm "
        "“Ký số tờ khai”, nhập mã OTP gửi tới điện thoại của bạn, rồi nộp lại hồ sơ."
    ) % {"service": record.service.name}


def revalidate(signature: CitizenSignature) -> CitizenSignature:
    """Validate the kept PDF again (and the declaration against the record's data), recording any change."""
    try:
        with signature.file.open("rb") as handle:
            pdf = handle.read()
    except OSError:
        logger.exception("Signed PDF %s is missing", signature.file.name)
        pdf = b""
    found = _check(signature.record, pdf)
    if found.valid and hashlib.sha256(pdf).hexdigest() != signature.sha256:
        found.valid, found.reason = False, _("Chữ ký không hợp lệ (tài liệu đã bị thay đổi).")
    if (
        found.valid
        and signature.target == CitizenSignature.Target.DECLARATION
        and signature.content_digest != form_digest(signature.record)
    ):
        found.valid, found.reason = False, _("Chữ ký không hợp lệ (tờ khai đã bị sửa sau khi ký).")
    status = CitizenSignature.Status.VALID if found.valid else CitizenSignature.Status.INVALID
    signature.status, signature.status_reason, signature.validated_at = status, found.reason[:500], timezone.now()
    CitizenSignature.objects.filter(pk=signature.pk).update(
        status=signature.status, status_reason=signature.status_reason, validated_at=signature.validated_at
    )
    return signature


def signatures_for_officer(record) -> list[CitizenSignature]:
    """The latest signature of each signed document of the record, validated again now."""
    latest = {}
    for signature in record.citizen_signatures.select_related("attachment", "record").order_by("-created_at"):
        latest.setdefault((signature.target, signature.attachment_id), signature)
    return [revalidate(signature) for signature in latest.values()]
