"""The database router: only the public catalogue's and statistics' reads go to a replica, and only when one is
configured. The two-node cluster test (tests/test_cluster.py) shows it against a real streaming standby."""

import pytest
from django.db import connections, transaction
from django.test import RequestFactory
from django.urls import resolve

from identity.models import User
from monitoring.models import AgencyFigure
from portal import replica
from portal.replica import ReplicaReadsMiddleware, ReplicaRouter
from procedures.models import Procedure
from records.models import Record


@pytest.fixture
def with_replica(monkeypatch):
    """As if ``DATABASE_REPLICA_URL`` were set (the router's only question to the settings)."""
    monkeypatch.setattr(replica, "configured", lambda: True)


def _route_during(path: str, models, method: str = "GET") -> dict:
    """Where each model's reads go while the view of ``path`` runs."""
    request = getattr(RequestFactory(), method.lower())(path)
    request.resolver_match = match = resolve(path)
    routes = {}

    def view(request):
        routes.update({model.__name__: ReplicaRouter().db_for_read(model) for model in models})
        return None

    middleware = ReplicaReadsMiddleware(lambda request: view(request))
    middleware.process_view(request, match.func, match.args, match.kwargs)
    middleware(request)
    return routes


MODELS = (Procedure, AgencyFigure, Record, User)


def test_public_pages_read_the_catalogue_and_figures_from_the_replica(with_replica):
    for path in ("/procedures/", "/statistics/", "/api/v1/procedures/", "/api/v1/indicators/", "/"):
        routes = _route_during(path, MODELS)
        assert routes == {"Procedure": "replica", "AgencyFigure": "replica", "Record": "default", "User": "default"}


def test_everything_else_reads_the_primary(with_replica):
    for path, method in (("/my/records/", "GET"), ("/admin/", "GET"), ("/backoffice/", "GET"), ("/", "POST")):
        assert set(_route_during(path, MODELS, method).values()) == {"default"}, path
    # After a public page, the same thread's next request reads the primary again.
    _route_during("/procedures/", MODELS)
    assert ReplicaRouter().db_for_read(Procedure) == "default"


def test_no_replica_configured_changes_nothing():
    assert set(_route_during("/procedures/", MODELS).values()) == {"default"}


@pytest.mark.django_db
def test_reads_inside_a_transaction_stay_on_the_primary(with_replica):
    """What a transaction just wrote is not on the standby yet."""
    with transaction.atomic():
        assert connections["default"].in_atomic_block
        assert set(_route_during("/procedures/", MODELS).values()) == {"default"}


def test_writes_and_migrations_go_to_the_primary(with_replica):
    router = ReplicaRouter()
    assert router.db_for_write(Procedure) == "default"
    assert router.allow_migrate("replica", "procedures") is False
    assert router.allow_migrate("default", "procedures") is True
