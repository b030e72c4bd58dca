"""Fixtures of the outbox tests: records filed by a citizen, officers of its agency (those of tests/notifications)."""

from tests.notifications.conftest import (  # noqa: F401  (fixtures used by these tests)
    _documents_settings,
    _no_workflow_guards,
    act,
    catalogue,
    citizen,
    draft,
    family,
    officer,
    sms,
    staff,
)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "reliability: starts its own redis-server and real celery workers, then kills them (tests/outbox)",
    )
