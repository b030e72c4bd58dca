"""The personal data store's operations: keep a returned result, digitise the papers received, offer and verify.

Registered as records' store (``records.reuse.register_store``): ``choices``, ``item`` and ``verification`` are what
a filing and the officer's record page ask of it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from procedures.constants import PaperKind

from . import results
from .constants import ItemSource
from .models import StoreConsent, StoreItem

logger = logging.getLogger(__name__)

RESULT_KINDS = ("result_certificate", "result_document")


# --- Seal -----------------------------------------------------------------------------


def seal_of(item: StoreItem) -> str:
    """An HMAC over what the item says (owner, kind, number, fields, dates, copy's hash, certifier, document)."""
    payload = json.dumps(
        [
            item.owner_id_number,
            item.source,
            item.kind,
            item.number,
            item.fields,
            item.issued_on.isoformat() if item.issued_on else None,
            item.valid_until.isoformat() if item.valid_until else None,
            item.sha256,
            item.certified_by_name,
            item.certified_at.isoformat() if item.certified_at else None,
            str(item.document_id or ""),
        ],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return salted_hmac("datastore.seal", payload, algorithm="sha256").hexdigest()


def _sealed(item: StoreItem) -> StoreItem:
    item.seal = seal_of(item)
    item.save()
    return item


# --- Results --------------------------------------------------------------------------


def signed_result(record):
    """The record's signed result document (the approver's), newest first, or None."""
    from django.contrib.contenttypes.models import ContentType

    from documents.models import Document

    return (
        Document.objects.filter(
            content_type=ContentType.objects.get_for_model(record),
            object_id=str(record.pk),
            kind__in=RESULT_KINDS,
            revoked_at__isnull=True,
        )
        .exclude(context__has_key="draft")
        .order_by("-created_at")
        .first()
    )


def store_result(record) -> StoreItem:
    """Keep ``record``'s returned result in its applicant's store, with its fields and signed document, and apply
    what it changes to the registry or wallet, all in one transaction. Once per record: a second call returns the
    item kept the first time and changes nothing."""
    kind = record.procedure_version.procedure.result_type
    with transaction.atomic():
        existing = StoreItem.objects.filter(record=record, source=ItemSource.RESULT).first()
        if existing is not None:
            return existing
        data = results.result_data(record, kind)
        document = signed_result(record)
        now = timezone.now()
        item = StoreItem(
            owner_id_number=record.applicant_id_number,
            source=ItemSource.RESULT,
            kind=kind,
            title=data.title,
            number=data.number,
            fields=data.fields,
            issued_on=data.issued_on,
            valid_until=data.valid_until,
            issuer=record.agency,
            record=record,
            document=document,
            sha256=document.sha256 if document is not None else "",
            certified_by_name=(document.signed_by if document is not None else "") or record.agency.name,
            certified_at=now,
        )
        if kind:  # the older paper of the same kind and number is replaced by this one
            older = StoreItem.objects.filter(
                owner_id_number=item.owner_id_number, kind=kind, superseded_by__isnull=True
            ).exclude(number="")
            older = list(older.filter(number=data.number)) if kind == PaperKind.DRIVING_LICENCE else []
        else:
            older = []
        try:
            with transaction.atomic():
                _sealed(item)
        except IntegrityError:  # a concurrent run kept it first
            return StoreItem.objects.get(record=record, source=ItemSource.RESULT)
        StoreItem.objects.filter(pk__in=[o.pk for o in older]).update(superseded_by=item)
    logger.info("Stored the result of %s in the data store (%s)", record.code, kind or "document")
    return item


# --- Digitisation ---------------------------------------------------------------------


def consents(id_number: str) -> bool:
    return StoreConsent.objects.filter(id_number=id_number, digitise=True).exists()


def set_consent(id_number: str, digitise: bool) -> StoreConsent:
    consent, _created = StoreConsent.objects.update_or_create(id_number=id_number, defaults={"digitise": digitise})
    return consent


def _name(user) -> str:
    return ((user.get_full_name() or user.username).strip()) if user is not None else ""


def digitise_record(record, *, certifier, at=None) -> list[StoreItem]:
    """Keep an electronic copy of each paper of ``record`` not yet digitised, in its applicant's store, if the
    applicant consents: the copy, its SHA-256 (checked against the one taken at upload), who certified it (the
    officer who received the record) and when; a paper whose component has a legal validity period keeps it."""
    if not consents(record.applicant_id_number):
        return []
    at = at or timezone.now()
    kept = []
    for attachment in record.attachments.select_related("component").filter(store_item__isnull=True):
        with attachment.file.open("rb") as handle:
            content = handle.read()
        digest = hashlib.sha256(content).hexdigest()
        if attachment.sha256 and not hmac.compare_digest(digest, attachment.sha256):
            logger.error("Attachment %s of %s changed since upload: not digitised", attachment.pk, record.code)
            continue
        component = attachment.component
        months = component.validity_months if component is not None else None
        item = StoreItem(
            owner_id_number=record.applicant_id_number,
            source=ItemSource.DIGITISED,
            kind=(component.paper_type if component is not None else "") or "",
            title=component.name if component is not None else attachment.original_name,
            number="",
            fields={"original_name": attachment.original_name, "record_code": record.code},
            issued_on=timezone.localdate(at),
            valid_until=(timezone.localdate(at) + timedelta(days=round(months * 30.44))) if months else None,
            issuer=record.agency,
            record=record,
            attachment=attachment,
            content_type=attachment.content_type,
            sha256=digest,
            certified_by=certifier,
            certified_by_name=_name(certifier),
            certified_at=at,
        )
        with transaction.atomic():
            item.file.save(f"{attachment.pk}", ContentFile(content), save=False)
            kept.append(_sealed(item))
    return kept


# --- Offer and verify (records.reuse) ---------------------------------------------------


def valid_items(id_number: str):
    today = timezone.localdate()
    return (
        StoreItem.objects.filter(owner_id_number=id_number, superseded_by__isnull=True)
        .exclude(valid_until__lt=today)
        .select_related("issuer")
    )


def origin(item: StoreItem) -> str:
    if item.source == ItemSource.RESULT:
        return _("Kết quả hồ sơ %(code)s do %(agency)s cấp") % {
            "code": item.record.code if item.record_id else "",
            "agency": item.issuer.name if item.issuer_id else "",
        }
    return _("Bản số hóa do %(name)s chứng thực ngày %(date)s") % {
        "name": item.certified_by_name or "—",
        "date": timezone.localtime(item.certified_at).strftime("%d/%m/%Y") if item.certified_at else "—",
    }


def as_choice(item: StoreItem) -> dict:
    return {
        "id": str(item.pk),
        "kind": item.kind,
        "title": item.title,
        "number": item.number,
        "class": (item.fields or {}).get("class", ""),
        "valid_until": item.valid_until.isoformat() if item.valid_until else None,
        "origin": origin(item),
        "sha256": item.sha256,
    }


def choices(id_number: str, kinds: set[str]) -> list[dict]:
    return [as_choice(i) for i in valid_items(id_number).filter(kind__in=kinds).select_related("record")]


def item(id_number: str, item_id: str) -> dict | None:
    try:
        item_id = uuid.UUID(str(item_id))
    except ValueError:
        return None
    found = valid_items(id_number).select_related("record").filter(pk=item_id).first()
    return as_choice(found) if found is not None else None


def signature_valid(item: StoreItem) -> bool:
    """Whether the item still says what was sealed, and its signed document or copy is intact: a result's PDF is
    the one the agency issued (its hash) and carries a signature; a digitised copy hashes as when certified."""
    if not item.seal or not hmac.compare_digest(item.seal, seal_of(item)):
        return False
    if item.source == ItemSource.RESULT:
        document = item.document
        if document is None:
            return True  # a result with no signed document: the seal alone vouches for its data
        if not document.is_issued or not document.file:
            return False
        from documents.services import matches_issued_pdf
        from documents.signing.base import read_signature_info

        try:
            if not matches_issued_pdf(document, document.file):
                return False
            with document.file.open("rb") as handle:
                read_signature_info(handle.read())
        except Exception:
            logger.exception("Could not verify the signed result %s", document.pk)
            return False
        return True
    if not item.file:
        return False
    digest = hashlib.sha256()
    with item.file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return hmac.compare_digest(digest.hexdigest(), item.sha256)


def verification(document: dict) -> dict:
    try:
        pk = uuid.UUID(str(document.get("id")))
    except ValueError:
        pk = None
    found = StoreItem.objects.select_related("record", "issuer", "document").filter(pk=pk).first() if pk else None
    if found is None:
        return {"valid": False, "origin": _("Kho dữ liệu cá nhân"), "detail": _("không tìm thấy giấy tờ")}
    valid = signature_valid(found)
    return {
        "valid": valid,
        "origin": origin(found),
        "detail": _("chữ ký hợp lệ") if valid else _("chữ ký không hợp lệ"),
    }
