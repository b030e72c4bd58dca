from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def pct_or_dash(value) -> str:
    """A share or an average with one decimal in the reader's format (``66,7``), or "—" when there is none."""
    if value is None or value == "":
        return "—"
    return number_format(value, 1)


@register.filter
def pct(value) -> str:
    """A share in percent (``66,7%``), or "—" when there was nothing to divide."""
    return "—" if value is None else f"{number_format(value, 1)}%"
