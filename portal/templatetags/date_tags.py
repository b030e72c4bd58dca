"""Dates as people read them in Vietnam (12/03/1992), including the ISO strings kept in JSON."""

import datetime
import re

from django import template
from django.utils.dateformat import format as format_date

register = template.Library()

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@register.filter(expects_localtime=True)
def dmy(value, fmt="d/m/Y"):
    """A date, or an ISO date string such as ``"1992-03-12"`` (form answers, VNeID claims), as ``12/03/1992``.

    Anything else (empty, free text, numbers) is returned unchanged, so the filter is safe on every
    answer of a form whatever its field type.
    """
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            return value
    if isinstance(value, datetime.date):
        return format_date(value, fmt)
    return value
