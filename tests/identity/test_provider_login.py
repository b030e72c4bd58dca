"""The simulated VNeID's own login: ID number and password (level 1), SMS code (level 2), lockout."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from identity.constants import AssuranceLevel
from identity.vneid import keys
from identity.vneid.models import OneTimeCode, ProviderSession

from .conftest import PASSWORD, make_person
from .helpers import last_otp

pytestmark = pytest.mark.django_db

LOGIN = "/vneid/login/"
OTP = "/vneid/login/otp/"
LEVEL2_NEXT = "/vneid/authorize/?client_id=x&acr_values=LoA2"


def _login(client, id_number, password, next_url="/vneid/authorize/?client_id=x"):
    return client.post(LOGIN, {"id_number": id_number, "password": password, "next": next_url})


def test_level1_login_starts_a_provider_session_in_its_own_cookie(client, citizen_person):
    response = _login(client, citizen_person.id_number, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/vneid/authorize/?client_id=x"
    cookie = response.cookies["vneid_sid"]
    assert cookie["path"] == "/vneid/" and cookie["httponly"]
    session = ProviderSession.objects.get()
    assert session.acr == AssuranceLevel.LOA1
    # The provider session is not a portal login.
    assert "_auth_user_id" not in client.session


def test_an_invalid_id_number_is_refused_naming_the_wrong_part(client, citizen_person):
    response = _login(client, "003190000001", PASSWORD)
    assert response.status_code == 200
    assert "Ba chữ số đầu 003" in response.content.decode()
    response = _login(client, "00119000", PASSWORD)
    assert "12 chữ số" in response.content.decode()


def test_unknown_person_and_wrong_password_get_the_same_message(client, citizen_person):
    unknown = _login(client, "001190999999", PASSWORD).content.decode()
    assert "Số định danh cá nhân hoặc mật khẩu không đúng." in unknown
    wrong = _login(client, citizen_person.id_number, "sai").content.decode()
    assert "Số định danh cá nhân hoặc mật khẩu không đúng." in wrong
    assert "lần thử" not in wrong  # no count-down that only known ID numbers would get (test_enumeration)


def test_level2_sends_a_code_by_sms_and_accepts_it_once(client, citizen_person, sms_outbox):
    response = _login(client, citizen_person.id_number, PASSWORD, LEVEL2_NEXT)
    assert response.status_code == 302 and response["Location"] == OTP
    assert not ProviderSession.objects.exists()
    page = client.get(OTP).content.decode()
    assert citizen_person.phone[-3:] in page
    code = last_otp(sms_outbox, citizen_person.phone)
    assert OneTimeCode.objects.get().code_hash != code  # only the hash is stored
    response = client.post(OTP, {"code": code})
    assert response.status_code == 302 and response["Location"] == LEVEL2_NEXT
    assert ProviderSession.objects.get().acr == AssuranceLevel.LOA2
    # The same code cannot be used twice.
    _login(client, citizen_person.id_number, PASSWORD, LEVEL2_NEXT)
    OneTimeCode.objects.all().delete()
    assert "hết hiệu lực" in client.post(OTP, {"code": code}).content.decode()


def test_an_expired_code_is_refused(client, citizen_person, sms_outbox):
    _login(client, citizen_person.id_number, PASSWORD, LEVEL2_NEXT)
    OneTimeCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    text = client.post(OTP, {"code": last_otp(sms_outbox, citizen_person.phone)}).content.decode()
    assert "hết hiệu lực" in text


def test_a_level1_account_cannot_reach_level2(client, sms_outbox):
    person = make_person(9, level=AssuranceLevel.LOA1)
    text = _login(client, person.id_number, PASSWORD, LEVEL2_NEXT).content.decode()
    assert "mức độ 2" in text
    assert not sms_outbox.exists()


def test_next_must_stay_on_the_provider(client, citizen_person):
    response = _login(client, citizen_person.id_number, PASSWORD, "https://evil.example/")
    assert response["Location"] == reverse("oauth2_provider:done")


def test_key_rotation_keeps_the_old_key_published_until_tokens_expire(tmp_path):
    active, inactive = keys.load_signing_keys(tmp_path, keep_seconds=3600)
    assert "PRIVATE KEY" in active and inactive == []
    keys.rotate(tmp_path)
    new_active, inactive = keys.load_signing_keys(tmp_path, keep_seconds=3600)
    assert new_active != active and inactive == [active]
    # Once the old tokens have expired, the old key leaves the JWKS.
    _, inactive = keys.load_signing_keys(tmp_path, keep_seconds=3600, now=timezone.now().timestamp() + 3601)
    assert inactive == []


def test_jwks_lists_active_and_retired_keys(client, settings, tmp_path):
    old, _ = keys.load_signing_keys(tmp_path, keep_seconds=3600)
    keys.rotate(tmp_path)
    new, inactive = keys.load_signing_keys(tmp_path, keep_seconds=3600)
    settings.OAUTH2_PROVIDER = {
        **settings.OAUTH2_PROVIDER,
        "OIDC_RSA_PRIVATE_KEY": new,
        "OIDC_RSA_PRIVATE_KEYS_INACTIVE": inactive,
    }
    data = client.get("/vneid/.well-known/jwks.json").json()
    assert len(data["keys"]) == 2 and len({key["kid"] for key in data["keys"]}) == 2


def test_the_consent_page_in_english_names_the_portal_and_each_claim_once(client, citizen_person, settings):
    from urllib.parse import urlencode

    from identity.vneid.clients import callback_path, register_portal_client

    register_portal_client("http://testserver")
    query = urlencode(
        {
            "client_id": settings.VNEID_CLIENT_ID,
            "response_type": "code",
            "redirect_uri": f"http://testserver{callback_path()}",
            "scope": "openid profile idnumber phone",
            "state": "s",
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method": "S256",
        }
    )
    authorize = f"/vneid/authorize/?{query}"
    assert _login(client, citizen_person.id_number, PASSWORD, next_url=authorize).status_code == 302
    client.cookies["django_language"] = "en"
    page = client.get(authorize).content.decode()
    assert "National Public Service Portal is requesting your information" in page
    assert page.count("Phone number") == 1 and page.count("Personal identification number") == 1
