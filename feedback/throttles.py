"""Limits on sending feedback and on looking it up by code: the record lookup's counter (``records.throttles``),
per client address (an IPv6 /64 as one), logged in or not. The rates are settings, so a deployment behind one
shared address (a commune's office) can raise them."""

from django.conf import settings

from records.throttles import LookupThrottle


class FeedbackThrottle(LookupThrottle):
    """Feedback sent: ``FEEDBACK_SEND_RATE``, by default 5 an hour per client."""

    scope = "feedback_send"
    rate = None  # read from the settings at each use (get_rate)

    def get_rate(self):
        return getattr(settings, "FEEDBACK_SEND_RATE", "5/hour")


class FeedbackStatusThrottle(LookupThrottle):
    """Follow-up codes looked up: ``FEEDBACK_STATUS_RATE``, by default 30 a minute per client."""

    scope = "feedback_status"
    rate = None

    def get_rate(self):
        return getattr(settings, "FEEDBACK_STATUS_RATE", "30/minute")
