"""How often a client may ask the assistant: the record lookup's counter (``records.throttles``), per client address.
``ASSISTANT_RATE`` (default 30 a minute) is a setting, so a deployment behind one shared address can raise it."""

from django.conf import settings

from records.throttles import LookupThrottle


class AssistantThrottle(LookupThrottle):
    scope = "assistant"
    rate = None  # read from the settings at each use

    def get_rate(self):
        return getattr(settings, "ASSISTANT_RATE", "30/minute")
