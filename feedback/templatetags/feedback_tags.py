"""The rating prompt on the citizen's record page (``templates/feedback/_record_rating.html``)."""

from django import template

from records.constants import RecordState

from ..models import Rating

register = template.Library()


@register.simple_tag
def rating_state(record, user):
    """``None`` when the record cannot be rated (not returned, not the user's); otherwise its rating or ``False``."""
    if record.state != RecordState.RESULT_RETURNED or record.applicant_id != getattr(user, "pk", None):
        return None
    return Rating.objects.filter(record=record).first() or False
