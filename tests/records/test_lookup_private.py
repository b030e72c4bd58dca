"""The public lookup keeps the applicant's ID number out of addresses (history, logs, referrers): the page and the
API take it in the request's body; the old GET form of the API answers for a transition period and says so; the
result has a heading and no axe serious or critical violation (issue #15 item 6)."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from records import services
from tests.a11y import assert_no_serious_axe_violations

from .conftest import filled_draft

API = "/api/v1/records/lookup/"


@pytest.fixture
def record(citizen, family, client):
    record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    client.logout()
    return record


def test_the_api_takes_code_and_number_in_a_json_body(record, family):
    client = Client()
    id_number = family["father"].id_number
    typed = {"code": f" {record.code.lower()} ", "id_number": f"{id_number[:3]} {id_number[3:6]}.{id_number[6:]}"}
    answer = client.post(API, typed, content_type="application/json")
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["code"] == record.code and body["state"] == "submitted"
    assert id_number not in str(body) and family["father"].full_name not in str(body)
    assert "Deprecation" not in answer.headers and answer.headers["Cache-Control"] == "no-store"

    other = {"code": record.code, "id_number": family["mother"].id_number}
    assert client.post(API, other, content_type="application/json").status_code == 404
    bad = client.post(API, {"code": record.code, "id_number": "123"}, content_type="application/json")
    assert bad.status_code == 400 and "12 chữ số" in bad.json()["id_number"][0]
    wrong_type = client.post(API, {"code": record.code, "id_number": 1}, content_type="application/json")
    assert wrong_type.status_code == 400 and "id_number" in wrong_type.json()


def test_a_logged_in_browser_posts_to_the_api_without_a_csrf_token(record, family, citizen):
    """The lookup is public: a citizen's session changes nothing and no CSRF token is asked for."""
    from .conftest import login

    client = login(Client(enforce_csrf_checks=True), citizen)
    body = {"code": record.code, "id_number": family["father"].id_number}
    assert client.post(API, body, content_type="application/json").status_code == 200


def test_the_old_get_form_still_answers_and_says_it_is_deprecated(record, family):
    client = Client()
    answer = client.get(API, {"code": record.code, "id_number": family["father"].id_number})
    assert answer.status_code == 200 and answer.json()["code"] == record.code
    assert answer.headers["Deprecation"].startswith("@")
    assert answer.headers["Sunset"].endswith("GMT") and "2027" in answer.headers["Sunset"]
    refused = client.get(API, {"code": record.code, "id_number": family["mother"].id_number})
    assert refused.status_code == 404 and "Sunset" in refused.headers


def test_the_schema_documents_the_post_and_marks_the_get_deprecated(client):
    import yaml

    schema = yaml.safe_load(client.get("/api/schema/").content)
    lookup = schema["paths"]["/api/v1/records/lookup/"]
    assert "requestBody" in lookup["post"]
    assert lookup["get"].get("deprecated") is True


def test_the_page_posts_and_the_result_has_a_heading_not_a_status_list(record, family):
    client = Client()
    form = client.get("/lookup/").content.decode()
    assert re.search(r'<form method="post"', form) and "csrfmiddlewaretoken" in form

    page = client.post("/lookup/", {"code": record.code, "id_number": family["father"].id_number})
    html = page.content.decode()
    assert page.status_code == 200 and "Đã nộp, chờ tiếp nhận" in html
    assert re.search(rf"<h2[^>]*>Kết quả tra cứu hồ sơ {re.escape(record.code)}</h2>", html)
    assert not re.search(r"<dl[^>]*role=", html)
    typed = f'value="{family["father"].id_number}"'  # kept in its field, to correct a mistyped number
    assert family["father"].id_number not in html.replace(typed, "") and family["father"].full_name not in html
    assert "no-store" in page.headers["Cache-Control"]
    missing = client.post("/lookup/", {"code": record.code, "id_number": family["mother"].id_number})
    assert missing.status_code == 404


def test_an_old_link_with_the_number_in_it_looks_nothing_up_and_never_shows_the_number(record, family):
    id_number = family["father"].id_number
    page = Client().get("/lookup/", {"code": record.code, "id_number": id_number}, follow=True)
    assert page.redirect_chain == [(f"/lookup/?code={record.code}", 302)]  # off the address bar
    html = page.content.decode()
    assert page.status_code == 200 and f'value="{record.code}"' in html  # the code fills the form in
    assert id_number not in html and "Đã nộp, chờ tiếp nhận" not in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_lookup_in_chromium_keeps_the_number_out_of_the_address_and_passes_axe(page, live_server, family, citizen):
    record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    cache.clear()
    id_number = family["father"].id_number
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url)))
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"{live_server.url}/lookup/")
        assert_no_serious_axe_violations(page)
        page.get_by_label("Mã hồ sơ").fill(record.code)
        page.get_by_label("Số định danh cá nhân của người nộp").fill(id_number)
        page.get_by_role("button", name="Tra cứu").click()
        heading = page.get_by_role("heading", name=f"Kết quả tra cứu hồ sơ {record.code}")
        heading.wait_for()
        assert page.url == f"{live_server.url}/lookup/"
        assert "Đã nộp, chờ tiếp nhận" in page.locator(".lookup-result").inner_text()
        assert_no_serious_axe_violations(page)

        page.get_by_label("Số định danh cá nhân của người nộp").fill(family["mother"].id_number)
        page.get_by_role("button", name="Tra cứu").click()
        page.get_by_text("Không tìm thấy hồ sơ với mã và số định danh này.").wait_for()
        assert_no_serious_axe_violations(page)
    assert sent and not any(id_number in url for _method, url in sent)
    assert ("POST", f"{live_server.url}/lookup/") in sent
