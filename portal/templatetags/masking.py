"""Personal numbers shown shortened where an officer does not need them whole: the back-office lists show an ID
number as ``0010******45`` and a phone as ``091*****78``; the record's own page (where the officer works on it,
and the opening is written in the citizen's data-access log) shows them whole. Logs use the same rule
(``portal.jsonlog.mask``)."""

from django import template

register = template.Library()


@register.filter
def mask_id(value) -> str:
    """A 12-digit ID number keeps its first 4 and last 2 digits; another identifier (a passport) its last 2."""
    text = str(value or "").strip()
    if not text:
        return ""
    if len(text) == 12 and text.isdigit():
        return f"{text[:4]}******{text[-2:]}"
    return "*" * max(len(text) - 2, 1) + text[-2:] if len(text) > 2 else "**"


@register.filter
def mask_phone(value) -> str:
    """A phone number keeps its first 3 and last 2 digits."""
    text = str(value or "").strip()
    if len(text) < 6:
        return "*" * len(text)
    return f"{text[:3]}{'*' * (len(text) - 5)}{text[-2:]}"
