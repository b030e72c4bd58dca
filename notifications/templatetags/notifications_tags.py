"""The header badge's unread count, and date and amount formats of notification texts."""

import datetime

from django import template
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime

from common import money

from .. import services

register = template.Library()

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@register.simple_tag
def unread_notifications(user) -> int:
    return services.unread_count(user)


@register.filter
def subject_in(message, language) -> str:
    """The message's subject in the language the page is read in (as sent if not kept in it)."""
    return message.text_in(language)[0]


@register.filter
def body_in(message, language) -> str:
    return message.text_in(language)[1]


def _as_date(value):
    if isinstance(value, str):
        value = parse_datetime(value) or parse_date(value)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date()
    return value


@register.filter
def event_date(value) -> str:
    """``05/3/2026`` style dates read badly aloud: ``ngày 05 tháng 3 năm 2026`` or ``5 March 2026``."""
    value = _as_date(value)
    if not value:
        return ""
    if (translation.get_language() or "vi").startswith("en"):
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


@register.filter
def event_time(value) -> str:
    """A moment of office time: ``10 giờ 30 ngày 05 tháng 3 năm 2026`` or ``10:30, 5 March 2026``."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if not isinstance(value, datetime.datetime):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    if (translation.get_language() or "vi").startswith("en"):
        return f"{local:%H:%M}, {event_date(local)}"
    return f"{local.hour:02d} giờ {local.minute:02d} {event_date(local)}"


@register.filter
def event_amount(value) -> str:
    """``1.250.000 đồng`` in Vietnamese, ``VND 1,250,000`` in English."""
    return money.vnd(value, style=money.LONG)
