"""Writing the audit logs: logins (``AuthEvent``) and staff administration (``StaffEvent``)."""

from common.net import client_ip

from .models import AuthEvent, StaffEvent


def record(request, *, source: str, kind: str, identifier: str = "", user=None, detail: str = "") -> AuthEvent:
    return AuthEvent.objects.create(
        source=source,
        kind=kind,
        identifier=identifier[:150],
        user=user if getattr(user, "pk", None) else None,
        ip_address=client_ip(request),
        detail=detail[:255],
    )


def record_staff(
    request, *, kind: str, agency=None, actor=None, officer=None, role: str = "", detail: str = ""
) -> StaffEvent:
    """One line of an agency's staff audit list: who did what to which officer (``request`` may be None)."""
    return StaffEvent.objects.create(
        kind=kind,
        agency=agency,
        actor=actor if getattr(actor, "pk", None) else None,
        officer=officer if getattr(officer, "pk", None) else None,
        role=role,
        detail=detail[:500],
        ip_address=client_ip(request),
    )
