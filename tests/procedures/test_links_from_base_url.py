"""Links the API hands out are built from PORTAL_BASE_URL, never from the Host header of the request."""

import pytest
from django.test import override_settings

from tests.procedures.factories import published

pytestmark = pytest.mark.django_db


@override_settings(PORTAL_BASE_URL="https://dichvucong.example.gov.vn", ALLOWED_HOSTS=["evil.example", "testserver"])
def test_the_procedure_api_links_to_the_portal_whatever_host_was_asked(client):
    version = published()
    listing = client.get("/api/v1/procedures/", HTTP_HOST="evil.example").json()
    urls = [item["url"] for item in listing.get("results", listing)]
    assert urls == [f"https://dichvucong.example.gov.vn{version.procedure.get_absolute_url()}"]
