"""The REST API fuzzed against its own OpenAPI schema (schemathesis), anonymously and as a logged-in citizen.

For every operation of ``/api/schema/``, generated requests — valid ones and ones the schema says are wrong — must
never get a 5xx; every answer's status must be one the schema documents, with the documented content type and a
body that conforms; and a request the schema says is wrong must be refused with a 4xx (so the schema states the
API's real constraints). The number of examples per operation is bounded (``API_FUZZ_EXAMPLES``, 25 by default)
so `make test` stays quick; raise it for a longer hunt.
"""

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, Phase, settings
from schemathesis import checks

from procedures.models import AdministrativeUnit
from tests.eservices import factories as eservices_factories
from tests.identity import factories as identity_factories

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]


# The schema as the portal serves it; the generated requests are answered in-process (WSGI).
schema = schemathesis.openapi.from_wsgi("/api/schema/", WSGIHandler())


@pytest.fixture
def catalogue(db):
    """The tests' catalogue, and requests answered inside the test's transaction: as Django's test client does,
    a request's end must not close the connection that holds it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield eservices_factories.catalogue()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def citizen_headers(catalogue):
    """A VNeID citizen's session cookie and CSRF token, as a browser or the mobile app sends them."""
    family = identity_factories.family(AdministrativeUnit.objects.get(code="00004"))
    client = Client()
    client.force_login(identity_factories.citizen_account(family["father"]))
    session = client.session
    session.update({"vneid_acr": "LoA2", "vneid_logged_in": True})
    session.save()
    csrf = "f" * 32
    return {"Cookie": f"sessionid={session.session_key}; csrftoken={csrf}", "X-CSRFToken": csrf}


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI fails on a change, not on luck
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@FUZZ_SETTINGS
def test_api_anonymous(case, catalogue):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@FUZZ_SETTINGS
def test_api_as_a_citizen(case, citizen_headers):
    case.call_and_validate(checks=CHECKS, headers=citizen_headers)
