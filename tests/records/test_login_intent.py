"""Logging in from "Đăng nhập bằng VNeID để nộp hồ sơ" carries the citizen into the filing they asked for:
the login returns to the start URL, which opens the draft at once after a fresh login and otherwise asks for one
confirmation (a POST with CSRF), so a link followed later cannot open drafts on a citizen's behalf."""

import re
import time

import pytest

from records.models import Record

from .conftest import citizen_account, login

pytestmark = pytest.mark.django_db


def _login_link(client, path):
    page = client.get(path).content.decode()
    match = re.search(r'href="(/login/\?next=[^"]+)"[^>]*>Đăng nhập bằng VNeID để nộp hồ sơ', page)
    assert match, page
    return match.group(1).replace("&amp;", "&")


def _next_of(link):
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(link).query)["next"][0]


def _fresh_vneid_login(client, user):
    login(client, user)
    session = client.session
    session["vneid_login_at"] = time.time()
    session.save()


def test_login_from_a_service_page_lands_in_the_filing(client, family):
    link = _login_link(client, "/services/cap-doi-giay-phep-lai-xe/")
    next_url = _next_of(link)
    assert next_url == "/services/cap-doi-giay-phep-lai-xe/start/"

    user = citizen_account(family["father"])
    _fresh_vneid_login(client, user)
    response = client.get(next_url)
    assert response.status_code == 302
    assert re.search(r"/my/filings/[0-9a-f-]+/(eligibility|form)/$", response["Location"])
    assert Record.objects.filter(applicant=user, service__slug="cap-doi-giay-phep-lai-xe").count() == 1

    # The same link again (reload, back button) does not open a second draft: it asks.
    again = client.get(next_url)
    assert again.status_code == 200
    assert Record.objects.filter(applicant=user, service__slug="cap-doi-giay-phep-lai-xe").count() == 1


def test_login_from_a_bundle_page_lands_in_the_bundle_filing(client, family):
    from eservices.models import IntegratedService

    bundle = IntegratedService.objects.filter(is_active=True).first()
    link = _login_link(client, bundle.get_absolute_url())
    user = citizen_account(family["father"])
    _fresh_vneid_login(client, user)
    response = client.get(_next_of(link))
    assert response.status_code == 302
    assert re.search(r"/my/filings/[0-9a-f-]+/(eligibility|form)/$", response["Location"])


def test_a_start_link_without_a_fresh_login_asks_before_opening_a_draft(client, family):
    user = citizen_account(family["father"])
    login(client, user)  # logged in long ago: no fresh-login mark
    page = client.get("/services/cap-doi-giay-phep-lai-xe/start/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert "Nộp hồ sơ trực tuyến" in html
    assert not Record.objects.filter(applicant=user).exists()

    old = client.session
    old["vneid_login_at"] = time.time() - 3600
    old.save()
    assert client.get("/services/cap-doi-giay-phep-lai-xe/start/").status_code == 200
    assert not Record.objects.filter(applicant=user).exists()
