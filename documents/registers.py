"""Numbers and symbols (số, ký hiệu) of issued documents, from the agency's register, per year and kind.

A number is taken in the transaction that creates the document: the register row stays locked until it commits, so
concurrent approvals queue here one after another, and a transaction that rolls back gives its number back. The
numbers of a register are therefore unique and gapless, as records' codes are (``records.codes``).
"""

from __future__ import annotations

import unicodedata

from django.db import connection, transaction

from .constants import REGISTERED_KINDS
from .models import DocumentRegister

# How official documents abbreviate the issuing body's kind (Nghị định 30/2020/NĐ-CP, Phụ lục III).
AGENCY_ABBREVIATIONS = (
    ("ủy ban nhân dân", "UBND"),
    ("uỷ ban nhân dân", "UBND"),
    ("công an", "CA"),
    ("sở tài chính", "STC"),
    ("sở tư pháp", "STP"),
    ("sở", "S"),
)


def take_number(agency, kind: str, year: int) -> int:
    """The next number of ``agency``'s register of ``kind`` for ``year``; must run inside the issuing transaction."""
    assert transaction.get_connection().in_atomic_block, "take_number must run inside the issuing transaction"
    table = DocumentRegister._meta.db_table
    with connection.cursor() as cursor:
        # One statement: create the year's row or take the next number, locking the row either way.
        cursor.execute(
            f"INSERT INTO {table} (agency_id, year, kind, last_number) VALUES (%s, %s, %s, 1) "  # noqa: S608 - ours
            f"ON CONFLICT (agency_id, year, kind) DO UPDATE SET last_number = {table}.last_number + 1 "
            "RETURNING last_number",
            [agency.pk, year, str(kind)],
        )
        return cursor.fetchone()[0]


def agency_abbreviation(agency) -> str:
    name = agency.name.casefold()
    for prefix, abbreviation in AGENCY_ABBREVIATIONS:
        if name.startswith(prefix):
            return abbreviation
    initials = "".join(word[0] for word in agency.name.split() if word[:1].isupper())
    plain = unicodedata.normalize("NFD", initials.replace("Đ", "D"))
    return "".join(c for c in plain if c.isascii()) or agency.code.upper()


def symbol(agency, kind: str, number: int) -> str:
    """ "15/GCN-UBND": the number, the kind's abbreviation and the agency's."""
    return f"{number}/{REGISTERED_KINDS[kind]}-{agency_abbreviation(agency)}"
