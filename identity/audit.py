"""Writing the authentication audit log (``AuthEvent``)."""

from .models import AuthEvent


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(request, *, source: str, kind: str, identifier: str = "", user=None, detail: str = "") -> AuthEvent:
    return AuthEvent.objects.create(
        source=source,
        kind=kind,
        identifier=identifier[:150],
        user=user if getattr(user, "pk", None) else None,
        ip_address=client_ip(request),
        detail=detail[:255],
    )
