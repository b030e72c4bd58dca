"""Limits on the public record lookup, shared by its page and its API."""

import ipaddress

from rest_framework.throttling import SimpleRateThrottle


class LookupThrottle(SimpleRateThrottle):
    """Guessing ID numbers for a known code (or codes for a known ID number) must be slow.

    Per client, logged in or not, shared by the API and the lookup page. A client is its IPv4
    address or its IPv6 /64 network (one subscriber's allocation, where any address is free to
    take), after DRF's ``get_ident`` (``NUM_PROXIES`` X-Forwarded-For hops, none by default).

    Why a counter: DRF's history list is read, changed and written back, so parallel requests
    overwrite each other's entries and a burst gets far more than the limit through. Here each
    request takes a number with the cache's atomic add-if-absent and increment (Redis SET NX and
    INCR) on a counter for the current fixed window, and only the first ``num_requests`` numbers
    pass: however many arrive at once, at most ``num_requests`` lookups a window are answered
    (up to twice that in 60 seconds straddling two windows, never more on average). Refused
    attempts are counted too, which changes nothing: the window is already spent.
    """

    scope = "record_lookup"
    rate = "30/minute"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.client_network(self.get_ident(request))}

    @staticmethod
    def client_network(ident: str | None) -> str | None:
        """The IPv4 address as is, an IPv6 address as its /64; anything else unchanged."""
        try:
            address = ipaddress.ip_address((ident or "").split("%")[0])
        except ValueError:
            return ident
        if address.version == 6 and address.ipv4_mapped:
            return str(address.ipv4_mapped)
        if address.version == 6:
            return str(ipaddress.IPv6Network((address, 64), strict=False))
        return str(address)

    def allow_request(self, request, view):
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_end = (window + 1) * self.duration
        key = f"{self.get_cache_key(request, view)}_{window}"
        # The key is used only during its window; it outlives it so that it cannot expire between
        # the add and the increment (Django's incr checks that the key exists first).
        self.cache.add(key, 0, 2 * self.duration)
        try:
            taken = self.cache.incr(key)
        except ValueError:  # evicted between the two calls: count this one as the first
            self.cache.add(key, 1, 2 * self.duration)
            taken = 1
        return taken <= self.num_requests

    def wait(self):
        """Seconds until the window ends, when the allowance comes back (the Retry-After)."""
        return self.window_end - self.now
