"""Amounts of money in đồng, written one way everywhere in the portal.

Amounts are whole đồng (VND has no minor unit in use). Vietnamese groups
thousands with a dot, English with a comma. Two ways of naming the currency:

- ``short``, on pages (fee tables, payment summaries): ``135.000 đ`` / ``135,000 VND``;
- ``long``, in sentences (messages, notifications, official documents):
  ``1.250.000 đồng`` / ``VND 1,250,000``.

The language is the active one unless given: official documents are in
Vietnamese whatever the officer's language, so they pass ``language="vi"``.
Every app's ``vnd`` template filter is a one-line wrapper of :func:`vnd`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import get_language

SHORT = "short"
LONG = "long"


def to_dong(value) -> int | None:
    """Whole đồng from an int, a Decimal or a numeric string (JSON contexts give strings); None if not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(Decimal(str(value).strip()))
    except (InvalidOperation, ValueError, TypeError, OverflowError):
        return None


def _english(language: str | None) -> bool:
    return (language or get_language() or "vi").startswith("en")


def grouped(amount: int, *, language: str | None = None) -> str:
    """``1.250.000`` in Vietnamese, ``1,250,000`` in English."""
    text = f"{amount:,}"
    return text if _english(language) else text.replace(",", ".")


def vnd(value, *, style: str = SHORT, language: str | None = None) -> str:
    """``value`` in đồng as people read it (see the module's docstring); ``""`` when it is not an amount."""
    amount = to_dong(value)
    if amount is None:
        return ""
    number = grouped(amount, language=language)
    if _english(language):
        return f"VND {number}" if style == LONG else f"{number} VND"
    return f"{number} đồng" if style == LONG else f"{number} đ"
