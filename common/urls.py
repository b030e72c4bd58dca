"""Absolute links to the portal, built from ``PORTAL_BASE_URL`` and never from a request's Host header.

A link that leaves the request (an e-mail, an SMS, a PDF, a QR code, an API answer a client stores, a
redirect after logout) must not point wherever the sender's ``Host:`` said: a reset asked with
``Host: evil.example`` would otherwise mail a link to evil.example.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def portal_url(url: str) -> str:
    """``url`` (a path, or an absolute URL whose host is dropped) on ``PORTAL_BASE_URL``; "" stays ""."""
    if not url:
        return url
    parts = urlsplit(url)
    return settings.PORTAL_BASE_URL + urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
