"""Reads that may go to a PostgreSQL streaming replica, and the router that sends them there.

A replica is configured with ``DATABASE_REPLICA_URL``; without it nothing here changes anything. Only the pages
everyone reads and nobody writes through — the public catalogue, the statistics and their API — read from it,
and only what they show (catalogue, online services, figures, ratings). A standby lags its primary by a moment,
so everything else reads the primary: sessions and accounts (a citizen just logged in is never shown as logged
out), records (a record just filed is read back at once on any node), the admin (an administrator sees what they
just published), and any read inside a transaction.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import connections

REPLICA = "replica"
# Apps whose rows the public pages show; any other model is read from the primary even on those pages.
REPLICA_APPS = frozenset({"procedures", "services", "monitoring", "feedback"})
# The pages that only read (GET/HEAD) and show no one's personal data: whole URL namespaces, and single views.
REPLICA_NAMESPACES = frozenset({"procedures", "monitoring", "services"})
REPLICA_VIEWS = frozenset(
    {
        "home",
        *(f"api:{name}" for name in ("procedure-list", "procedure-detail", "service-list", "service-detail")),
        *(f"api:{name}" for name in ("indicators", "indicators-ranking")),
    }
)

_reads_on_replica: ContextVar[bool] = ContextVar("reads_on_replica", default=False)


def configured() -> bool:
    return REPLICA in settings.DATABASES


def is_public_read(request) -> bool:
    match = request.resolver_match
    if request.method not in ("GET", "HEAD") or match is None:
        return False
    return match.view_name in REPLICA_VIEWS or match.view_name.partition(":")[0] in REPLICA_NAMESPACES


class ReplicaReadsMiddleware:
    """Marks the public pages' requests so that the router may send their reads to the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            token = getattr(request, "_replica_token", None)
            if token is not None:  # a sync worker's thread serves the next request with the same context
                _reads_on_replica.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if configured() and is_public_read(request):
            request._replica_token = _reads_on_replica.set(True)
        return None


class ReplicaRouter:
    """Writes, migrations and every read not marked above: the primary. Marked reads of the public apps: the
    replica."""

    def db_for_read(self, model, **hints):
        if (
            _reads_on_replica.get()
            and model._meta.app_label in REPLICA_APPS
            and configured()
            and not connections["default"].in_atomic_block
        ):
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
