"""Vietnamese formats of official documents: dates, times and amounts in đồng."""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from common import money

register = template.Library()

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_GROUPS = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]


def _as_datetime(value):
    """Context values come back from JSON as ISO strings; accept those and real dates alike."""
    if isinstance(value, str):
        # A date alone stays a date ("2026-03-05" is no midnight: it prints without a time, never "00 giờ").
        value = (parse_datetime(value) if len(value) > 10 else None) or parse_date(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value


def _day_month(value) -> tuple[str, str]:
    # Circular 01/2011 and Decree 30/2020: days below 10 and months 1 and 2 take a leading zero.
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return day, month


@register.filter
def vn_date(value) -> str:
    """``ngày 05 tháng 3 năm 2026``."""
    value = _as_datetime(value)
    if not value:
        return ""
    day, month = _day_month(value)
    return f"ngày {day} tháng {month} năm {value.year}"


@register.filter
def vn_datetime(value) -> str:
    """``14 giờ 30 phút, ngày 05 tháng 3 năm 2026``."""
    value = _as_datetime(value)
    if not value:
        return ""
    if not isinstance(value, datetime.datetime):
        return vn_date(value)
    return f"{value.hour:02d} giờ {value.minute:02d} phút, {vn_date(value)}"


@register.filter
def vnd(value) -> str:
    """``1.250.000 đồng``: documents are in Vietnamese whatever the officer's language."""
    return money.vnd(value, style=money.LONG, language="vi")


def _three_digits(number: int, full: bool) -> str:
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens > 1:
        words += [_DIGITS[tens], "mươi"]
    elif tens == 1:
        words.append("mười")
    elif units and (full or hundreds):
        words.append("lẻ")
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        elif units == 4 and tens > 1:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)


@register.filter
def vnd_words(value) -> str:
    """The amount in words, as receipts print it: ``Một triệu hai trăm năm mươi nghìn đồng``."""
    amount = money.to_dong(value)
    if amount is None:
        return ""
    if amount == 0:
        return "Không đồng"
    groups = []
    while amount:
        amount, group = divmod(amount, 1000)
        groups.append(group)
    words = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        words.append(_three_digits(group, full=index < len(groups) - 1))
        if _GROUPS[index]:
            words.append(_GROUPS[index])
    text = " ".join(words) + " đồng"
    return text[0].upper() + text[1:]
