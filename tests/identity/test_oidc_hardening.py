"""The simulated VNeID refuses what RFC 9700 and OpenID Connect say it must, over real HTTP (LiveServer).

PKCE ``plain``, skipped consent, ``prompt=none``, refresh tokens, access tokens in the query string,
replayed codes, cookies without ``Secure`` and logging out from another site's link.
"""

import re
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from authlib.common.security import generate_token

from identity.vneid.models import ProviderSession

from . import test_oidc_live as live
from .conftest import PASSWORD
from .helpers import follow, hidden_fields, post_form

# The live provider's fixtures and helpers, shared with test_oidc_live.
RP_REDIRECT, RP_SECRET = live.RP_REDIRECT, live.RP_SECRET
_authorize, _token_request = live._authorize, live._token_request
issuer, discovery, rp_client = live.issuer, live.discovery, live.rp_client

pytestmark = pytest.mark.django_db(transaction=True)


def _code_of(location):
    return parse_qs(urlparse(location).query)["code"][0]


def _authorize_params(**extra):
    params = {
        "response_type": "code",
        "client_id": "test-rp",
        "redirect_uri": RP_REDIRECT,
        "scope": "openid idnumber",
        "state": "st",
    }
    params.update(extra)
    return params


def test_pkce_plain_is_refused_as_discovery_says(discovery, rp_client):
    assert discovery["code_challenge_methods_supported"] == ["S256"]
    verifier = generate_token(48)
    for extra in ({"code_challenge": verifier, "code_challenge_method": "plain"}, {"code_challenge": verifier}):
        url = f"{discovery['authorization_endpoint']}?{urlencode(_authorize_params(**extra))}"
        response = requests.get(url, allow_redirects=False, timeout=10)
        # Refused back to the client, never sent on to the login page.
        assert response.status_code == 302, response.text[:500]
        location = response.headers["Location"]
        assert location.startswith(RP_REDIRECT), location
        assert parse_qs(urlparse(location).query)["error"] == ["invalid_request"]


def test_approval_prompt_auto_still_asks_the_citizen(discovery, rp_client, citizen_person, sms_outbox):
    browser = requests.Session()
    oauth, location, verifier, _nonce = _authorize(browser, discovery, citizen_person, sms_outbox, acr="LoA1")
    oauth.fetch_token(discovery["token_endpoint"], authorization_response=location, code_verifier=verifier)

    # Same browser, a valid token exists: approval_prompt=auto must not hand out a code without consent.
    url, _state = oauth.create_authorization_url(
        discovery["authorization_endpoint"], code_verifier=generate_token(48), nonce="n2", approval_prompt="auto"
    )
    response = browser.get(url, allow_redirects=False)
    assert response.status_code == 200
    assert "Số định danh cá nhân" in response.text and 'name="allow"' in response.text


def test_prompt_none_answers_the_client_not_500(discovery, rp_client, citizen_person, sms_outbox):
    challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    params = _authorize_params(prompt="none", code_challenge=challenge, code_challenge_method="S256")
    url = f"{discovery['authorization_endpoint']}?{urlencode(params)}"
    # Nobody logged in at VNeID: login_required, back to the client with its state.
    response = requests.get(url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text[:500]
    query = parse_qs(urlparse(response.headers["Location"]).query)
    assert response.headers["Location"].startswith(RP_REDIRECT)
    assert query["error"] == ["login_required"] and query["state"] == ["st"]

    # Logged in: VNeID always asks for consent, so a silent request answers consent_required.
    browser = requests.Session()
    _authorize(browser, discovery, citizen_person, sms_outbox, acr="LoA1")
    response = browser.get(url, allow_redirects=False)
    assert response.status_code == 302, response.text[:500]
    query = parse_qs(urlparse(response.headers["Location"]).query)
    assert query["error"] == ["consent_required"] and query["state"] == ["st"]


def test_a_refresh_token_gives_a_new_access_token(discovery, rp_client, citizen_person, sms_outbox):
    browser = requests.Session()
    oauth, location, verifier, _nonce = _authorize(browser, discovery, citizen_person, sms_outbox)
    token = oauth.fetch_token(discovery["token_endpoint"], authorization_response=location, code_verifier=verifier)
    assert token.get("refresh_token")
    response = requests.post(
        discovery["token_endpoint"],
        data={"grant_type": "refresh_token", "refresh_token": token["refresh_token"]},
        auth=("test-rp", RP_SECRET),
        timeout=10,
    )
    assert response.status_code == 200, response.text[:1000]
    fresh = response.json()
    assert fresh["access_token"] != token["access_token"]
    userinfo = requests.get(
        discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {fresh['access_token']}"}, timeout=10
    )
    assert userinfo.status_code == 200
    assert userinfo.json()["id_number"] == citizen_person.id_number
    assert userinfo.json()["acr"] == "LoA2"  # the level of the login, carried over

    # The old refresh token was rotated: using it again is refused (and revokes the family).
    again = requests.post(
        discovery["token_endpoint"],
        data={"grant_type": "refresh_token", "refresh_token": token["refresh_token"]},
        auth=("test-rp", RP_SECRET),
        timeout=10,
    )
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_userinfo_refuses_an_access_token_in_the_query_string(discovery, rp_client, citizen_person, sms_outbox):
    browser = requests.Session()
    oauth, location, verifier, _nonce = _authorize(browser, discovery, citizen_person, sms_outbox, acr="LoA1")
    token = oauth.fetch_token(discovery["token_endpoint"], authorization_response=location, code_verifier=verifier)
    in_query = requests.get(discovery["userinfo_endpoint"], params={"access_token": token["access_token"]}, timeout=10)
    assert in_query.status_code in (400, 401)
    assert "id_number" not in in_query.text
    in_header = requests.get(
        discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {token['access_token']}"}, timeout=10
    )
    assert in_header.status_code == 200


def test_a_replayed_code_revokes_the_tokens_it_gave(discovery, rp_client, citizen_person, sms_outbox):
    browser = requests.Session()
    _oauth, location, verifier, _nonce = _authorize(browser, discovery, citizen_person, sms_outbox, acr="LoA1")
    code = _code_of(location)
    first = _token_request(discovery, code, verifier)
    assert first.status_code == 200
    tokens = first.json()
    replay = _token_request(discovery, code, verifier)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"

    # RFC 6749 §4.1.2: the code was stolen, so what it gave is no longer good.
    userinfo = requests.get(
        discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {tokens['access_token']}"}, timeout=10
    )
    assert userinfo.status_code == 401
    refreshed = requests.post(
        discovery["token_endpoint"],
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=("test-rp", RP_SECRET),
        timeout=10,
    )
    assert refreshed.status_code == 400


def test_vneid_cookies_are_secure_on_https(client, settings, citizen_person, sms_outbox):
    settings.SESSION_COOKIE_SECURE = True
    response = client.post(
        "/vneid/login/",
        {"id_number": citizen_person.id_number, "password": PASSWORD, "next": "/vneid/authorize/?acr_values=LoA2"},
    )
    assert response.status_code == 302
    assert response.cookies["vneid_pending"]["secure"]
    response = client.post(
        "/vneid/login/", {"id_number": citizen_person.id_number, "password": PASSWORD, "next": "/vneid/authorize/"}
    )
    assert response.cookies["vneid_sid"]["secure"]
    assert response.cookies["vneid_sid"]["httponly"]


def _logged_in_browser(live_server, citizen_person):
    browser = requests.Session()
    page = browser.get(f"{live_server.url}/vneid/login/")
    response = post_form(browser, page.url, page.text, {"id_number": citizen_person.id_number, "password": PASSWORD})
    assert response.status_code == 302
    assert ProviderSession.objects.filter(ended_at__isnull=True).count() == 1
    return browser


def test_logout_from_another_sites_link_asks_first(live_server, rp_client, citizen_person):
    """``<img src="https://vneid/logout/">`` on any site must not end the citizen's session."""
    browser = _logged_in_browser(live_server, citizen_person)
    page = browser.get(
        f"{live_server.url}/vneid/logout/",
        params={"client_id": "test-rp", "post_logout_redirect_uri": "http://rp.example/"},
        allow_redirects=False,
    )
    assert page.status_code == 200
    assert ProviderSession.objects.filter(ended_at__isnull=True).count() == 1
    assert "csrfmiddlewaretoken" in hidden_fields(page.text)
    # A POST without the page's CSRF token (another site's form) is refused too.
    forged = requests.post(
        f"{live_server.url}/vneid/logout/",
        data={"client_id": "test-rp", "confirm": "1"},
        cookies=browser.cookies.get_dict(),
        allow_redirects=False,
        timeout=10,
    )
    assert forged.status_code == 403
    assert ProviderSession.objects.filter(ended_at__isnull=True).count() == 1

    # The citizen confirms on the page: logged out, back to the registered address.
    action = re.search(r'<form[^>]*action="([^"]*logout[^"]*)"', page.text).group(1)
    response = post_form(browser, page.url, page.text, {}, action=action)
    assert response.status_code == 302 and response.headers["Location"] == "http://rp.example/"
    assert not ProviderSession.objects.filter(ended_at__isnull=True).exists()


def test_logout_with_the_id_token_of_this_session_needs_no_question(discovery, rp_client, citizen_person, sms_outbox):
    """The relying party proves it is the one the citizen used by sending its ID token (RP-Initiated Logout)."""
    browser = requests.Session()
    oauth, location, verifier, _nonce = _authorize(browser, discovery, citizen_person, sms_outbox, acr="LoA1")
    token = oauth.fetch_token(discovery["token_endpoint"], authorization_response=location, code_verifier=verifier)
    response = browser.get(
        discovery["end_session_endpoint"],
        params={"id_token_hint": token["id_token"], "post_logout_redirect_uri": "http://rp.example/"},
        allow_redirects=False,
    )
    assert response.status_code == 302 and response.headers["Location"] == "http://rp.example/"
    assert not ProviderSession.objects.filter(ended_at__isnull=True).exists()


def test_the_portal_logout_asks_at_vneid_then_comes_home(live_server, citizen_person, sms_outbox):
    """The portal does not keep the ID token, so VNeID asks once before ending its session."""
    from identity.vneid.clients import register_portal_client

    from .helpers import portal_login

    register_portal_client(live_server.url, f"{live_server.url}/vneid")
    base = live_server.url
    browser = requests.Session()
    portal_login(browser, base, citizen_person, PASSWORD, sms_outbox)
    page = browser.get(f"{base}/my-account/")
    response = post_form(browser, page.url, page.text, {}, action="/accounts/logout/")
    confirm, url = follow(browser, response, base)
    assert urlparse(url).path == "/vneid/logout/" and "Đăng xuất khỏi VNeID?" in confirm.text
    assert ProviderSession.objects.filter(ended_at__isnull=True).exists()
    response = post_form(browser, url, confirm.text, {}, action="/vneid/logout/")
    final, url = follow(browser, response, base)
    assert urlparse(url).path == "/", url
    assert not ProviderSession.objects.filter(ended_at__isnull=True).exists()
