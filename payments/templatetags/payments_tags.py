from django import template

from ..selectors import payment_summary as _summary

register = template.Library()


@register.simple_tag
def payment_summary(record):
    """``{% payment_summary record as pay %}``: what the record owes and how its payment stands."""
    if record is None or getattr(record, "is_draft", False):
        return None
    return _summary(record)


@register.filter
def vnd(value) -> str:
    try:
        return f"{int(value):,}".replace(",", ".") + " đ"
    except (TypeError, ValueError):
        return ""
