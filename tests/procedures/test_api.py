"""The public catalogue API and its answers to bad input."""

import pytest

from . import factories

pytestmark = pytest.mark.django_db


def test_procedure_detail_has_every_field(client):
    version = factories.published("1.001193", "Đăng ký khai sinh", fee=8_000)
    body = client.get("/api/v1/procedures/1.001193/").json()
    assert body["code"] == "1.001193"
    assert body["retired"] is False
    current = body["current_version"]
    assert current["number"] == version.number
    assert current["name"] == "Đăng ký khai sinh"
    assert current["sector"] == {"code": "ho-tich", "name": "Hộ tịch"}
    assert current["levels"] == ["commune"]
    assert current["processing_days"] == 3
    assert current["methods"] == ["direct", "online"]
    assert current["delivery_level"] == "full_online"
    assert current["fees"][0]["amount"] == 8_000
    assert current["components"][0]["name"] == "Tờ khai số 1"
    assert current["legal_bases"][0]["number"] == "60/2014/QH13"
    assert current["agencies"][0]["code"] == "000.00.01.H01"


def test_unknown_code_is_a_json_404(client):
    response = client.get("/api/v1/procedures/9.999999/")
    assert response.status_code == 404
    assert "9.999999" in response.json()["detail"]


def test_query_over_200_characters_is_refused(client):
    response = client.get("/api/v1/procedures/", {"q": "a" * 201})
    assert response.status_code == 400
    assert "200" in response.json()["q"][0]


@pytest.mark.parametrize(
    ("param", "value"),
    [("level", "district"), ("delivery", "level4"), ("sector", "khong-co"), ("agency", "X"), ("unit", "99999")],
)
def test_unknown_filter_values_are_refused_with_a_message(client, param, value):
    factories.published()
    response = client.get("/api/v1/procedures/", {param: value})
    assert response.status_code == 400
    assert value in response.json()[param][0]


@pytest.mark.parametrize("page", ["999", "0", "abc"])
def test_page_out_of_range_is_a_404_with_a_message(client, page):
    factories.published()
    response = client.get("/api/v1/procedures/", {"page": page})
    assert response.status_code == 404
    assert "1" in response.json()["detail"]


def test_openapi_schema_documents_the_catalogue(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json() if response["Content-Type"].startswith("application/json") else None
    if schema is None:
        import yaml

        schema = yaml.safe_load(response.content)
    assert "/api/v1/procedures/" in schema["paths"]
    assert "/api/v1/procedures/{code}/" in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/v1/procedures/"]["get"]["parameters"]}
    assert {"q", "sector", "level", "agency", "unit", "delivery", "page"} <= names
    # An app learns what to send (e-form, eligibility answers, documents), then files.
    assert {"/api/v1/services/", "/api/v1/services/{slug}/"} <= set(schema["paths"])
    # The filing API documents every answer an app must handle.
    assert {"201", "400", "409", "422"} <= set(schema["paths"]["/api/v1/records/"]["post"]["responses"])


def test_api_docs_are_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "swagger-ui" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
    asset = client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert asset.status_code == 200
