"""Issue #21: a Content-Security-Policy with no inline script or style on every page, Permissions-Policy, and
``Cache-Control: no-store`` on the pages that show personal data."""

import uuid

import pytest
from django.test import Client

from eservices.models import OnlineService
from procedures.models import Procedure
from tests.production.inline import inline_code
from tests.records.conftest import filled_draft
from tests.staff import STAFF_PASSWORD, login_with_totp, totp_session

pytestmark = pytest.mark.django_db


def policy_of(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    assert header, f"{response.request['PATH_INFO']}: no Content-Security-Policy header"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_clean(client, url, *, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    policy = policy_of(response)
    assert policy["script-src"] == ["'self'"], (url, policy)
    assert policy["style-src"] == ["'self'"], (url, policy)
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert response.headers["Permissions-Policy"].startswith("accelerometer=()")
    if "text/html" in response.headers.get("Content-Type", ""):
        found = inline_code(response.content.decode())
        assert found == [], f"{url}: {found}"
    return response


def test_public_pages_carry_the_policy_and_no_inline_code(record):
    client = Client()  # anonymous (the record's fixture logged its citizen in on pytest's client)
    procedure = Procedure.objects.exclude(current_version=None).first()
    service = OnlineService.objects.first()
    for url in [
        "/",
        "/procedures/",
        procedure.get_absolute_url(),
        f"/services/{service.slug}/",
        "/statistics/",
        "/statistics/methodology/",
        "/assistant/",
        "/lookup/",
        "/feedback/",
        f"/feedback/agencies/{record.agency.code}/qr/",
        "/accounts/login/",
        "/login/",
        "/api/docs/",
        "/api/docs/?script=",
    ]:
        assert_clean(client, url)
    # The verify page of an unknown document (a mistyped QR code) says so, with a 404.
    assert_clean(client, f"/verify/{uuid.uuid4()}/", status=404)
    # Anonymous public pages keep their own caching (no personal data on them).
    assert "no-store" not in client.get("/procedures/").headers.get("Cache-Control", "")
    assert_clean(client, "/this-page-does-not-exist/", status=404)


def test_citizen_pages_carry_the_policy_no_inline_code_and_are_never_stored(client, citizen, family, record):
    draft = filled_draft(citizen, family["father"])
    for url in [
        "/my-account/",
        "/my-account/data-access/",
        "/notifications/",
        "/my/records/",
        f"/my/records/{record.pk}/",
        f"/my/filings/{draft.pk}/form/",
        f"/my/filings/{draft.pk}/review/",
    ]:
        response = client.get(url)
        if response.status_code == 302:  # a step that does not apply to this service sends on to the next one
            continue
        response = assert_clean(client, url)
        cache_control = response.headers["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control, (url, cache_control)


def test_back_office_pages_carry_the_policy_no_inline_code_and_are_never_stored(record, staff):
    officer = totp_session(Client(), staff["head"])
    code = record.agency.code
    for url in [
        "/backoffice/",
        f"/backoffice/agencies/{code}/",
        f"/backoffice/agencies/{code}/workload/",
        f"/backoffice/records/{record.pk}/",
        f"/backoffice/staff/{code}/",
        f"/backoffice/staff/{code}/audit/",
        f"/backoffice/agencies/{code}/statistics/",
    ]:
        response = assert_clean(officer, url)
        assert "no-store" in response.headers["Cache-Control"], url


def test_admin_pages_carry_the_policy_and_no_inline_code(record, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", STAFF_PASSWORD, kind="admin")
    admin_client = login_with_totp(Client(), admin)
    service = OnlineService.objects.first()
    for url in [
        "/admin/",
        "/admin/identity/authevent/",
        "/admin/identity/user/",
        "/admin/identity/user/add/",
        f"/admin/services/onlineservice/{service.pk}/change/",
        "/admin/records/record/",
        f"/admin/records/record/{record.pk}/change/",
    ]:
        response = assert_clean(admin_client, url)
        assert "no-store" in response.headers["Cache-Control"], url


def test_every_response_names_its_request_and_a_proxys_id_is_kept(client):
    response = client.get("/", HTTP_X_REQUEST_ID="edge-7f3a9c2e41")
    assert response.headers["X-Request-ID"] == "edge-7f3a9c2e41"
    # Something that is not a plain token (here a line break trying to forge a log line) is replaced.
    response = client.get("/", HTTP_X_REQUEST_ID="x\nlevel=ERROR")
    assert len(response.headers["X-Request-ID"]) == 32


def test_the_portal_sets_no_cookie_a_script_could_read_or_send_cross_site(client, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    response = client.post("/accounts/login/", {"login": "nobody", "password": STAFF_PASSWORD})
    assert response.cookies, "the login page sets its cookies"
    for name, morsel in response.cookies.items():
        assert morsel["httponly"], name
        assert morsel["samesite"] == "Lax", name
        assert morsel["secure"], name
