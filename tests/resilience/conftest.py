"""Fixtures of the resilience tests: a citizen with a filed record and the payment settings (tests/payments)."""

from tests.payments.conftest import _payments_settings  # noqa: F401  (autouse: the gateway's test secret)
from tests.records.conftest import catalogue, citizen, family  # noqa: F401  (fixtures used by these tests)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "outage: starts its own redis-server, PostgreSQL cluster, gunicorn and Celery worker, then stops and "
        "restarts them (tests/resilience)",
    )
