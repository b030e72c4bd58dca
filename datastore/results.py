"""A returned result as data: its structured fields, and what it changes in the registry or the wallet.

What a one-stop desk does: the officer does not retype what the filing and the registry already say. The fields
are taken from the record (its e-form, the wallet document it named) and the registry, the rest set by rule as the
issuing system would: a renewed driving licence keeps its number (the number follows the holder), is issued today
and expires by the class's legal term; a newborn receives a new personal identification number from the province of
the registering agency; a new permanent residence is the address declared, in the registering commune. The signed
result PDF (``documents.results``, signed at approval) stays the legal paper; these fields are what later filings
and the registry read.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field

from django.utils import timezone

from identity.registry import updates
from procedures.constants import PaperKind

# Terms of a driving licence by class (Law on Road Traffic Order and Safety 2024, art. 57; B2 as the former law):
# motorcycle classes (A1, A2, A, A3, A4) have no term.
LICENCE_TERM_YEARS = {"B": 10, "B1": 10, "B2": 10}
LICENCE_TERM_HEAVY_YEARS = 5
LICENCE_NO_TERM = ("A1", "A2", "A", "A3", "A4")


@dataclass
class ResultData:
    """What the store keeps of a result, and who owns it."""

    title: str
    number: str = ""
    issued_on: datetime.date | None = None
    valid_until: datetime.date | None = None
    fields: dict = field(default_factory=dict)


def _years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def licence_expiry(licence_class: str, issued_on: datetime.date) -> datetime.date | None:
    """The expiry of a licence of ``licence_class`` issued on ``issued_on``, by the class's legal term."""
    value = (licence_class or "").strip().upper()
    if value in LICENCE_NO_TERM:
        return None
    return _years_later(issued_on, LICENCE_TERM_YEARS.get(value, LICENCE_TERM_HEAVY_YEARS))


def _wallet_licence(record) -> dict:
    for used in (record.replaced_components or {}).values():
        document = used.get("document") or {}
        if document.get("type") == PaperKind.DRIVING_LICENCE or document.get("kind") == PaperKind.DRIVING_LICENCE:
            return document
    return {}


def driving_licence(record, today: datetime.date) -> ResultData:
    form, used = record.form_data or {}, _wallet_licence(record)
    number = str(form.get("licence_number") or used.get("number") or "").strip()
    licence_class = str(form.get("licence_class") or used.get("class") or "").strip().upper()
    if not number:  # a first licence: the licensing system gives the holder a number
        number = f"{secrets.randbelow(10**12):012d}"
    expires = licence_expiry(licence_class, today)
    issuer = record.agency.name
    updates.replace_driving_licence(
        record.applicant_id_number,
        number=number,
        licence_class=licence_class,
        issued_on=today,
        expires_on=expires,
        issuer=issuer,
        replaces=used.get("number", ""),
    )
    return ResultData(
        title=str(PaperKind.DRIVING_LICENCE.label),
        number=number,
        issued_on=today,
        valid_until=expires,
        fields={
            "class": licence_class,
            "number": number,
            "issued_on": today.isoformat(),
            "expires_on": expires.isoformat() if expires else None,
            "issuer": issuer,
            "holder_name": record.applicant_name,
            "holder_id_number": record.applicant_id_number,
        },
    )


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _province_code(record) -> str:
    """The three digits of the province where the birth is registered (``AdministrativeUnit.code`` is the
    province's two-digit code; the ID number carries it with a leading zero)."""
    unit = record.agency.unit
    while unit is not None and unit.parent_id is not None:
        unit = unit.parent
    code = "".join(ch for ch in (unit.code if unit else "") if ch.isdigit())
    return code.zfill(3)[-3:] if code else "001"


def birth_certificate(record, today: datetime.date) -> ResultData:
    form = record.form_data or {}
    birth_date = _date(form.get("child_birth_date")) or today
    sex = "female" if form.get("child_sex") == "female" else "male"
    parents = [record.applicant_id_number] + [n for n in [str(form.get("other_parent_id_number") or "")] if n]
    child = updates.register_newborn(
        full_name=str(form.get("child_full_name") or record.subject_name or ""),
        birth_date=birth_date,
        sex=sex,
        province_code=_province_code(record),
        parents=parents,
        birth_place=str(form.get("child_birth_place") or ""),
    )
    return ResultData(
        title=str(PaperKind.BIRTH_CERTIFICATE.label),
        number=record.code,
        issued_on=today,
        fields={
            "child_name": child.full_name,
            "child_id_number": child.id_number,
            "birth_date": birth_date.isoformat(),
            "sex": sex,
            "birth_place": str(form.get("child_birth_place") or ""),
            "father": child.father.full_name if child.father else "",
            "mother": child.mother.full_name if child.mother else "",
            "household": child.household.code if child.household else "",
            "registered_by": record.agency.name,
        },
    )


RESIDENCE_FIELDS = ("new_permanent_address", "residence_address", "new_address")


def residence_confirmation(record, today: datetime.date) -> ResultData:
    form = record.form_data or {}
    address = next((str(form[name]) for name in RESIDENCE_FIELDS if form.get(name)), "")
    unit = record.agency.unit
    if address:
        updates.change_permanent_residence(record.applicant_id_number, unit=unit, address=address)
    formatted = ", ".join(part for part in [address, unit.name if unit else ""] if part)
    return ResultData(
        title=str(PaperKind.RESIDENCE_CONFIRMATION.label),
        number=record.code,
        issued_on=today,
        fields={
            "holder_name": record.applicant_name,
            "holder_id_number": record.applicant_id_number,
            "permanent_address": formatted,
            "registered_by": record.agency.name,
        },
    )


def business_registration(record, today: datetime.date) -> ResultData:
    form = record.form_data or {}
    name = str(form.get("enterprise_name") or form.get("business_name") or record.subject_name or "")
    code = str(form.get("enterprise_code") or f"01{secrets.randbelow(10**8):08d}")
    return ResultData(
        title=str(PaperKind.BUSINESS_REGISTRATION.label),
        number=code,
        issued_on=today,
        fields={
            "enterprise_code": code,
            "enterprise_name": name,
            "owner_name": record.applicant_name,
            "owner_id_number": record.applicant_id_number,
            "first_registered_on": today.isoformat(),
            "registered_by": record.agency.name,
        },
    )


BUILDERS = {
    PaperKind.DRIVING_LICENCE: driving_licence,
    PaperKind.BIRTH_CERTIFICATE: birth_certificate,
    PaperKind.RESIDENCE_CONFIRMATION: residence_confirmation,
    PaperKind.BUSINESS_REGISTRATION: business_registration,
}


def result_data(record, kind: str) -> ResultData:
    """The result of ``record`` as data; for a kind the registry holds, the registry and wallet are updated too (in
    the caller's transaction). A result of no known kind keeps its name and the record's code."""
    today = timezone.localdate()
    builder = BUILDERS.get(kind)
    if builder is not None:
        return builder(record, today)
    version = record.procedure_version
    return ResultData(
        title=version.result_name or version.name,
        number=record.code,
        issued_on=today,
        fields={"holder_name": record.subject_name or record.applicant_name},
    )
