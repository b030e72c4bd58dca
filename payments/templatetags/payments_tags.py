from django import template

from common import money

from ..selectors import fee_preview as _fee_preview
from ..selectors import payment_summaries as _summaries
from ..selectors import payment_summary as _summary

register = template.Library()


@register.simple_tag
def payment_summary(record):
    """``{% payment_summary record as pay %}``: what the record owes and how its payment stands."""
    if record is None or getattr(record, "is_draft", False):
        return None
    return _summary(record)


@register.simple_tag
def fee_preview(record):
    """``{% fee_preview record as fee %}``: on a draft, what filing it will cost and when that is paid."""
    return _fee_preview(record)


@register.simple_tag
def payment_summaries(records):
    """``{% payment_summaries page as states %}``: every listed record's summary at once (no query per row)."""
    return _summaries([r for r in records if not getattr(r, "is_draft", False)])


@register.filter
def summary_of(summaries, record):
    return (summaries or {}).get(record.pk)


@register.filter
def vnd(amount) -> str:
    """``135.000 đ`` / ``135,000 VND``, as every page writes amounts (payments pages load only this library)."""
    return money.vnd(amount)
