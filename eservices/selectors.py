"""Read-only lookups of online services for the filing path."""

from __future__ import annotations

from procedures.selectors import ProcessCopies

from .models import OnlineService

_ACTIVE_SERVICES = ProcessCopies()


def active_service(slug: str) -> OnlineService | None:
    """The active online service ``slug`` with its procedure version and its replacements (``replacements.all()``
    asks nothing more), or None.

    Kept in this process while nothing in the catalogue changes (``procedures.selectors.ProcessCopies``: editing
    the service or its replacements, or its version, renews every process's copy); only a service whose version is
    published is kept, a draft version being read every time. Each call returns its own copy of the service,
    whose version and replacements are shared: read them, never change them.
    """
    return _ACTIVE_SERVICES.get(slug, lambda: _read(slug), keep=lambda service: service.version.is_published)


def _read(slug: str) -> OnlineService | None:
    return (
        OnlineService.objects.select_related("version")
        .prefetch_related("replacements")
        .filter(slug=slug, is_active=True)
        .first()
    )
