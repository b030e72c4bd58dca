"""What the fuzzing (tests/test_api_fuzz.py) made the API state and keep: every error an operation can answer is in
the schema, and the schema's constraints are the ones the API enforces."""

import re

import pytest
import yaml
from django.urls import reverse

from records.forms import ID_NUMBER_AS_TYPED


@pytest.fixture
def schema(client):
    return yaml.safe_load(client.get(reverse("schema")).content)


def test_every_operation_documents_its_errors(schema):
    operations = schema["paths"]
    assert set(operations["/api/v1/records/lookup/"]["post"]["responses"]) >= {"200", "400", "404", "415", "429"}
    assert set(operations["/api/v1/records/"]["post"]["responses"]) >= {"201", "400", "403", "409", "415", "422"}
    assert set(operations["/api/v1/procedures/{code}/"]["get"]["responses"]) >= {"200", "404"}
    assert set(operations["/api/v1/procedures/"]["get"]["responses"]) >= {"200", "400", "404"}
    error = operations["/api/v1/procedures/{code}/"]["get"]["responses"]["404"]["content"]["application/json"]
    assert error["schema"]["properties"]["detail"]["type"] == "string"


def test_the_schema_states_the_real_constraints(schema):
    filing = schema["components"]["schemas"]["FilingRequest"]["properties"]
    assert filing["data"]["type"] == filing["eligibility"]["type"] == filing["wallet"]["type"] == "object"
    lookup = schema["components"]["schemas"]["LookupRequest"]["properties"]
    assert lookup["id_number"]["pattern"] == ID_NUMBER_AS_TYPED
    page_size = next(p for p in schema["paths"]["/api/v1/procedures/"]["get"]["parameters"] if p["name"] == "page_size")
    assert (page_size["schema"]["minimum"], page_size["schema"]["maximum"]) == (1, 100)


@pytest.mark.parametrize("typed", ["001092100037", "001 092 100 037", "001.092.100.037", "0010-9210-0037"])
def test_an_id_number_as_people_type_it_matches_the_schema(typed):
    assert re.fullmatch(ID_NUMBER_AS_TYPED, typed)


@pytest.mark.django_db
def test_an_id_number_in_other_digits_is_refused(client):
    """Python's ``\\d`` takes Arabic-Indic or full-width digits for digits; an ID number is 12 ASCII digits."""
    response = client.post(
        reverse("api:record-lookup"),
        {"code": "000.00.21.H56-240312-0001", "id_number": "٠٠١٠٩٢١٠٠٠٣٧"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "12 chữ số" in response.json()["id_number"][0]


@pytest.mark.django_db
@pytest.mark.parametrize("page_size", ["0", "101", "abc", "-1"])
def test_a_wrong_page_size_is_refused_not_replaced(client, page_size):
    response = client.get(reverse("api:procedure-list"), {"page_size": page_size})
    assert response.status_code == 400
    assert "từ 1 đến 100" in response.json()["page_size"][0]
