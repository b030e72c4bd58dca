"""Limits on the public record lookup, shared by its page and its API."""

from rest_framework.throttling import SimpleRateThrottle


class LookupThrottle(SimpleRateThrottle):
    """Guessing ID numbers for a known code (or codes for a known ID number) must be slow.

    Per client address, logged in or not, shared by the API and the lookup page.
    """

    scope = "record_lookup"
    rate = "30/minute"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
