"""The client's address for audit trails, the same one the rate limits see."""

import ipaddress

from rest_framework.throttling import BaseThrottle


def client_ip(request) -> str | None:
    """The address ``NUM_PROXIES`` hops back in X-Forwarded-For (``REMOTE_ADDR`` when 0, the default, so a forged
    header changes nothing); None without a request or when what is found is not an IP address."""
    if request is None:
        return None
    try:
        return str(ipaddress.ip_address((BaseThrottle().get_ident(request) or "").strip()))
    except ValueError:  # none given (a unix socket, some ASGI servers) or not an address
        return None
