"""The simulated VNeID as a real OpenID Connect provider, over real HTTP (LiveServer).

An independent client library (authlib) plays the relying party: it verifies
the ID token's RS256 signature against the published JWKS, PKCE and the nonce.
Then the portal itself logs a citizen in through allauth, over HTTP.
"""

import re
import warnings
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from django.utils import timezone
from oauth2_provider.models import get_application_model

from identity.constants import AuthEventKind
from identity.models import AuthEvent, User
from identity.vneid.clients import register_portal_client
from identity.vneid.models import Grant, ProviderSession
from tests.records.conftest import catalogue  # noqa: F401

from .conftest import PASSWORD
from .helpers import follow, form_action, portal_login, post_form, vneid_login

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from authlib.jose import JsonWebKey, jwt
    from authlib.oidc.core import CodeIDToken

pytestmark = pytest.mark.django_db(transaction=True)

RP_REDIRECT = "http://rp.example/callback"
RP_SECRET = "rp-secret-for-tests-0123456789"


@pytest.fixture
def issuer(live_server):
    return f"{live_server.url}/vneid"


@pytest.fixture
def discovery(issuer):
    response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10)
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def rp_client(db):
    Application = get_application_model()
    return Application.objects.create(
        name="Ứng dụng thử nghiệm",
        client_id="test-rp",
        client_secret=RP_SECRET,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=RP_REDIRECT,
        post_logout_redirect_uris="http://rp.example/",
        algorithm=Application.RS256_ALGORITHM,
    )


def _oauth(scope="openid profile idnumber edocuments"):
    return OAuth2Session(
        "test-rp",
        RP_SECRET,
        scope=scope,
        redirect_uri=RP_REDIRECT,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_basic",
    )


def _authorize(browser, discovery, person, outbox, *, acr="LoA2", extra=None):
    """Run login and consent in ``browser``; return (oauth client, code redirect URL, verifier, nonce)."""
    oauth = _oauth()
    verifier, nonce = generate_token(48), generate_token(20)
    url, _state = oauth.create_authorization_url(
        discovery["authorization_endpoint"], code_verifier=verifier, nonce=nonce, acr_values=acr, **(extra or {})
    )
    base = discovery["issuer"]
    response = browser.get(url, allow_redirects=False)
    assert response.status_code == 302 and "/vneid/login/" in response.headers["Location"]
    response = vneid_login(browser, response, base, person.id_number, PASSWORD, outbox, person.phone)
    consent, consent_url = follow(browser, response, base)
    assert consent.status_code == 200
    assert "Số định danh cá nhân" in consent.text  # the consent screen lists the claims asked for
    response = post_form(browser, consent_url, consent.text, {"allow": "on"})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(RP_REDIRECT)
    return oauth, location, verifier, nonce


def _verify_id_token(id_token, discovery, nonce, access_token):
    jwks = requests.get(discovery["jwks_uri"], timeout=10).json()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = jwt.decode(
            id_token,
            JsonWebKey.import_key_set(jwks),
            claims_cls=CodeIDToken,
            claims_options={"iss": {"essential": True, "value": discovery["issuer"]}},
            claims_params={"nonce": nonce, "client_id": "test-rp", "access_token": access_token},
        )
        claims.validate(leeway=5)
    assert claims.header["alg"] == "RS256"
    assert claims.header["kid"] in {key["kid"] for key in jwks["keys"]}
    return claims


def test_discovery_document(discovery, issuer):
    assert discovery["issuer"] == issuer
    for key in (
        "authorization_endpoint",
        "token_endpoint",
        "userinfo_endpoint",
        "jwks_uri",
        "end_session_endpoint",
        "revocation_endpoint",
    ):
        assert discovery[key].startswith(issuer)
    assert discovery["code_challenge_methods_supported"] == ["S256"]
    assert "RS256" in discovery["id_token_signing_alg_values_supported"]
    assert set(discovery["acr_values_supported"]) == {"LoA1", "LoA2"}
    assert {"id_number", "acr", "edocuments"} <= set(discovery["claims_supported"])
    jwks = requests.get(discovery["jwks_uri"], timeout=10).json()
    assert jwks["keys"] and all(key["kty"] == "RSA" and "d" not in key for key in jwks["keys"])


def test_code_flow_level2_with_authlib(discovery, rp_client, citizen_person, sms_outbox):
    browser = requests.Session()
    oauth, location, verifier, nonce = _authorize(browser, discovery, citizen_person, sms_outbox)
    token = oauth.fetch_token(discovery["token_endpoint"], authorization_response=location, code_verifier=verifier)

    claims = _verify_id_token(token["id_token"], discovery, nonce, token["access_token"])
    account = citizen_person.vneid_account
    assert claims["sub"] == str(account.pk) and claims["sub"] != citizen_person.id_number
    assert claims["acr"] == "LoA2"
    assert claims["id_number"] == citizen_person.id_number
    assert claims["name"] == citizen_person.full_name
    assert claims["aud"] == "test-rp" and claims["nonce"] == nonce

    userinfo = oauth.get(discovery["userinfo_endpoint"]).json()
    assert userinfo["sub"] == claims["sub"]
    assert userinfo["birthdate"] == citizen_person.birth_date.isoformat()
    assert userinfo["gender"] == "male"
    assert userinfo["acr"] == "LoA2"
    assert userinfo["edocuments"][0]["type"] == "driving_licence"
    assert "phone_number" not in userinfo  # not in the scopes asked for

    # Revocation (RFC 7009): the access token stops working.
    revoked = requests.post(
        discovery["revocation_endpoint"], data={"token": token["access_token"]}, auth=("test-rp", RP_SECRET), timeout=10
    )
    assert revoked.status_code == 200
    assert oauth.get(discovery["userinfo_endpoint"]).status_code == 401

    # End-session ends the provider's session and returns to the registered URI.
    response = browser.get(
        discovery["end_session_endpoint"],
        params={"id_token_hint": token["id_token"], "post_logout_redirect_uri": "http://rp.example/", "state": "s1"},
        allow_redirects=False,
    )
    assert response.status_code == 302 and response.headers["Location"] == "http://rp.example/?state=s1"
    assert not ProviderSession.objects.filter(account=account, ended_at__isnull=True).exists()


def test_level1_login_has_acr_loa1_and_step_up_asks_again(discovery, rp_client, citizen_person, sms_outbox):
    browser = requests.Session()
    oauth, location, verifier, nonce = _authorize(browser, discovery, citizen_person, sms_outbox, acr="LoA1")
    token = oauth.fetch_token(discovery["token_endpoint"], authorization_response=location, code_verifier=verifier)
    assert _verify_id_token(token["id_token"], discovery, nonce, token["access_token"])["acr"] == "LoA1"
    assert not sms_outbox.exists()

    # Same browser, the relying party now asks for LoA2: the provider asks to log in again, with a code.
    oauth2 = _oauth()
    url, _ = oauth2.create_authorization_url(
        discovery["authorization_endpoint"], code_verifier=generate_token(48), nonce="n2", acr_values="LoA2"
    )
    response = browser.get(url, allow_redirects=False)
    assert response.status_code == 302 and "/vneid/login/" in response.headers["Location"]


def _code(browser, discovery, person, outbox):
    return _authorize(browser, discovery, person, outbox, acr="LoA1")


def _token_request(discovery, code, verifier=None, secret=RP_SECRET):
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": RP_REDIRECT}
    if verifier is not None:
        data["code_verifier"] = verifier
    return requests.post(discovery["token_endpoint"], data=data, auth=("test-rp", secret), timeout=10)


def test_unknown_redirect_uri_is_refused_without_redirect(discovery, rp_client):
    params = {
        "response_type": "code",
        "client_id": "test-rp",
        "redirect_uri": "http://evil.example/callback",
        "scope": "openid",
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256",
    }
    response = requests.get(f"{discovery['authorization_endpoint']}?{urlencode(params)}", allow_redirects=False)
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert "invalid_request" in response.text or "redirect" in response.text.lower()


def test_unknown_client_is_refused_without_redirect(discovery, rp_client):
    params = {"response_type": "code", "client_id": "nobody", "redirect_uri": RP_REDIRECT, "scope": "openid"}
    response = requests.get(f"{discovery['authorization_endpoint']}?{urlencode(params)}", allow_redirects=False)
    assert response.status_code == 400 and "Location" not in response.headers


def test_authorization_without_pkce_is_refused(discovery, rp_client):
    params = {
        "response_type": "code",
        "client_id": "test-rp",
        "redirect_uri": RP_REDIRECT,
        "scope": "openid",
        "state": "st",
    }
    browser = requests.Session()
    response = browser.get(f"{discovery['authorization_endpoint']}?{urlencode(params)}", allow_redirects=False)
    # A valid client and redirect URI: the error goes back to the client (RFC 6749 §4.1.2.1).
    assert response.status_code == 302
    query = parse_qs(urlparse(response.headers["Location"]).query)
    assert response.headers["Location"].startswith(RP_REDIRECT)
    assert query["error"] == ["invalid_request"] and query["state"] == ["st"]


def test_missing_code_verifier_is_refused(discovery, rp_client, citizen_person, sms_outbox):
    _oauth_client, location, _verifier, _nonce = _code(requests.Session(), discovery, citizen_person, sms_outbox)
    code = parse_qs(urlparse(location).query)["code"][0]
    response = _token_request(discovery, code)
    assert response.status_code == 400
    assert response.json()["error"] in {"invalid_request", "invalid_grant"}


def test_wrong_code_verifier_is_refused(discovery, rp_client, citizen_person, sms_outbox):
    _oauth_client, location, _verifier, _nonce = _code(requests.Session(), discovery, citizen_person, sms_outbox)
    code = parse_qs(urlparse(location).query)["code"][0]
    response = _token_request(discovery, code, verifier=generate_token(48))
    assert response.status_code == 400 and response.json()["error"] == "invalid_grant"


def test_reused_code_is_refused(discovery, rp_client, citizen_person, sms_outbox):
    _oauth_client, location, verifier, _nonce = _code(requests.Session(), discovery, citizen_person, sms_outbox)
    code = parse_qs(urlparse(location).query)["code"][0]
    assert _token_request(discovery, code, verifier).status_code == 200
    again = _token_request(discovery, code, verifier)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_expired_code_is_refused(discovery, rp_client, citizen_person, sms_outbox):
    _oauth_client, location, verifier, _nonce = _code(requests.Session(), discovery, citizen_person, sms_outbox)
    code = parse_qs(urlparse(location).query)["code"][0]
    Grant.objects.filter(code=code).update(expires=timezone.now() - timedelta(seconds=1))
    response = _token_request(discovery, code, verifier)
    assert response.status_code == 400 and response.json()["error"] == "invalid_grant"


def test_wrong_client_secret_is_refused(discovery, rp_client, citizen_person, sms_outbox):
    _oauth_client, location, verifier, _nonce = _code(requests.Session(), discovery, citizen_person, sms_outbox)
    code = parse_qs(urlparse(location).query)["code"][0]
    response = _token_request(discovery, code, verifier, secret="wrong")
    assert response.status_code == 401 and response.json()["error"] == "invalid_client"


# --- The portal as the client -------------------------------------------------------------------


@pytest.fixture
def portal_client(live_server, issuer):
    application, social_app = register_portal_client(live_server.url, issuer)
    return application, social_app


def _portal_login(browser, base, person, outbox):
    return portal_login(browser, base, person, PASSWORD, outbox)


def _login_action(page):
    return form_action(page, "vneid-login")


def test_portal_login_through_vneid_over_http(live_server, portal_client, citizen_person, sms_outbox):
    base = live_server.url
    browser = requests.Session()
    final, url = _portal_login(browser, base, citizen_person, sms_outbox)
    assert url.endswith("/my-account/"), url
    assert citizen_person.id_number in final.text and citizen_person.full_name in final.text

    account = SocialAccount.objects.get(provider="vneid")
    assert account.uid == str(citizen_person.vneid_account.pk)
    user = account.user
    assert user.kind == User.Kind.CITIZEN and not user.has_usable_password()
    assert AuthEvent.objects.filter(kind=AuthEventKind.LOGIN_SUCCEEDED, user=user).exists()

    # Logging out of the portal ends the VNeID session too.
    page = browser.get(f"{base}/my-account/")
    response = post_form(browser, page.url, page.text, {}, action="/accounts/logout/")
    assert response.status_code == 302 and "/vneid/logout/" in response.headers["Location"]
    # VNeID asks before ending its own session (the request carries no ID token of it).
    confirm, url = follow(browser, response, base)
    response = post_form(browser, url, confirm.text, {}, action="/vneid/logout/")
    final, url = follow(browser, response, base)
    assert urlparse(url).path == "/"
    assert not ProviderSession.objects.filter(ended_at__isnull=True).exists()
    assert browser.get(f"{base}/my-account/", allow_redirects=False).status_code == 302

    # The next login finds the same account.
    final, url = _portal_login(requests.Session(), base, citizen_person, sms_outbox)
    assert url.endswith("/my-account/")
    assert User.objects.filter(kind=User.Kind.CITIZEN).count() == 1


def test_portal_step_up_to_level2(live_server, portal_client, citizen_person, sms_outbox):
    base = live_server.url
    browser = requests.Session()
    final, _url = _portal_login(browser, base, citizen_person, sms_outbox)
    assert "010101010101" not in final.text  # wallet needs level 2
    step_up = browser.get(f"{base}/my-account/step-up/?next=/my-account/")
    action = form_action(step_up.text, "vneid-step-up")
    response = post_form(browser, step_up.url, step_up.text, {}, action=action)
    assert "acr_values=LoA2" in response.headers["Location"]
    # The VNeID session is level 1: the provider asks again, this time with a code by SMS.
    response = browser.get(response.headers["Location"], allow_redirects=False)
    response = vneid_login(
        browser, response, base, citizen_person.id_number, PASSWORD, sms_outbox, citizen_person.phone
    )
    consent, consent_url = follow(browser, response, base)
    response = post_form(browser, consent_url, consent.text, {"allow": "on"})
    final, url = follow(browser, response, base)
    assert url.endswith("/my-account/")
    assert "010101010101" in final.text
    assert "Mức độ 2" in final.text


@pytest.mark.usefixtures("catalogue")
def test_a_level_2_service_asks_vneid_for_level_2_at_the_first_login(
    live_server, portal_client, citizen_person, sms_outbox
):
    """Not a level-1 login then a step-up with a second password and consent: one login, with its SMS code."""
    base = live_server.url
    browser = requests.Session()
    service_page = browser.get(f"{base}/services/cap-doi-giay-phep-lai-xe/")
    login_link = re.search(r'href="(/login/\?[^"]+)"', service_page.text).group(1).replace("&amp;", "&")
    page = browser.get(base + login_link)
    assert "yêu cầu tài khoản định danh điện tử mức độ 2" in page.text
    response = post_form(browser, page.url, page.text, {}, action=_login_action(page.text))
    assert "acr_values=LoA2" in response.headers["Location"]
    response = vneid_login(
        browser, response, base, citizen_person.id_number, PASSWORD, sms_outbox, citizen_person.phone
    )
    consent, consent_url = follow(browser, response, base)
    response = post_form(browser, consent_url, consent.text, {"allow": "on"})
    final, url = follow(browser, response, base)

    # Back from the login, the filing has started by itself (its first step), without pressing the button again.
    assert re.fullmatch(r"/my/filings/[0-9a-f-]+/eligibility/", urlparse(url).path), url
    assert sms_outbox.read_text(encoding="utf-8").count("\n") == 1  # one code, one login
    assert "Mức độ 2" in browser.get(f"{base}/my-account/").text


def test_portal_refuses_a_callback_with_a_wrong_nonce(live_server, portal_client, citizen_person, sms_outbox):
    base = live_server.url
    browser = requests.Session()
    page = browser.get(f"{base}/login/")
    action = _login_action(page.text)
    response = post_form(browser, page.url, page.text, {}, action=action)
    # Tamper with the nonce the portal sent.
    location = response.headers["Location"]
    query = parse_qs(urlparse(location).query)
    query["nonce"] = ["forged"]
    tampered = location.split("?")[0] + "?" + urlencode({k: v[0] for k, v in query.items()})
    response = browser.get(tampered, allow_redirects=False)
    response = vneid_login(
        browser, response, base, citizen_person.id_number, PASSWORD, sms_outbox, citizen_person.phone
    )
    consent, consent_url = follow(browser, response, base)
    response = post_form(browser, consent_url, consent.text, {"allow": "on"})
    final, url = follow(browser, response, base)
    assert not SocialAccount.objects.exists()
    assert "/my-account/" not in url
    assert AuthEvent.objects.filter(detail="VNeID nonce mismatch").exists()
