"""Writing the authentication audit log (``AuthEvent``)."""

from common.net import client_ip

from .models import AuthEvent


def record(request, *, source: str, kind: str, identifier: str = "", user=None, detail: str = "") -> AuthEvent:
    return AuthEvent.objects.create(
        source=source,
        kind=kind,
        identifier=identifier[:150],
        user=user if getattr(user, "pk", None) else None,
        ip_address=client_ip(request),
        detail=detail[:255],
    )
