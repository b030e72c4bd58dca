from django import template
from django.forms.forms import NON_FIELD_ERRORS
from django.utils.html import format_html
from django.utils.translation import get_language

from common import money

register = template.Library()


@register.filter
def vietnamese(value):
    """Catalogue text kept in Vietnamese (document names…), marked as such on a page in another language,
    so that a screen reader reads it with Vietnamese pronunciation."""
    if (get_language() or "vi").startswith("vi"):
        return value
    return format_html('<span lang="vi">{}</span>', value)


@register.filter
def vnd(amount) -> str:
    """An amount in đồng as pages write it: ``135.000 đ`` in Vietnamese, ``135,000 VND`` in English."""
    return money.vnd(amount)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag
def error_items(*forms) -> list[tuple[str, str]]:
    """(link, "Label: message") for every error of ``forms``, for an error summary that links each
    error to its field: a radio group's first option, the page's main content for form-wide errors."""
    items = []
    for form in forms:
        if not form:
            continue
        for name, errors in form.errors.items():
            if name == NON_FIELD_ERRORS or name not in form.fields:
                items += [("#main", str(error)) for error in errors]
                continue
            bound = form[name]
            anchor = f"{bound.auto_id}_0" if getattr(bound.field.widget, "use_fieldset", False) else bound.auto_id
            items += [(f"#{anchor}", f"{bound.label}: {error}") for error in errors]
    return items
