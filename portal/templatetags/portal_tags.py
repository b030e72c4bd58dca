from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def vnd(amount) -> str:
    """An amount in đồng as people read it: ``135.000 ₫`` in Vietnamese, ``135,000 VND`` in English."""
    if amount in (None, ""):
        return ""
    grouped = f"{int(amount):,}"
    if (get_language() or "vi").startswith("en"):
        return f"{grouped} VND"
    return f"{grouped.replace(',', '.')} ₫"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
