"""Records processed through the real workflow (the back-office's fixtures), reported to the simulated national
receiver served over real HTTP by the live server."""

import socket

import pytest

from tests.backoffice.conftest import (  # noqa: F401
    _records_rules_only,
    advance,
    agency,
    catalogue,
    citizen,
    family,
    other_agency,
    record,
    staff,
    submitted_record,
)

SECRET = "test-national-sync-secret-7d2e"
REPORTS_PATH = "/national/api/v1/status-reports"


def closed_port() -> int:
    """A local port nothing listens on: connecting to it is refused at once, like an endpoint that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def national(settings, live_server):
    """The portal reports to its own simulated national receiver, over HTTP through the live server."""
    settings.NATIONAL_SYNC_URL = live_server.url + REPORTS_PATH
    settings.NATIONAL_SYNC_SECRET = SECRET
    settings.NATIONAL_SIM_SECRET = ""  # the receiver shares the portal's secret
    settings.NATIONAL_SIM_OUT_OF_SERVICE = False
    settings.NATIONAL_SYNC_TIMEOUT = 15
    return live_server.url
