"""The simulated VNeID keeps its own things: its signing keys (not settings) and its SMS outbox."""

import pytest

from identity.vneid import keys
from identity.vneid.models import OneTimeCode
from identity.vneid.sms import messages
from identity.vneid.sms import send_sms as vneid_send_sms

from .conftest import PASSWORD, make_person
from .helpers import last_otp

LOGIN = "/vneid/login/"
LEVEL2_NEXT = "/vneid/authorize/?client_id=x&acr_values=LoA2"


def test_the_signing_keys_come_from_var_at_start_up_unless_configured(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.OAUTH2_PROVIDER = {key: value for key, value in settings.OAUTH2_PROVIDER.items() if "RSA" not in key}

    keys.install_signing_keys()

    active = (tmp_path / "vneid_keys" / "active.pem").read_text()
    assert settings.OAUTH2_PROVIDER["OIDC_RSA_PRIVATE_KEY"] == active
    assert settings.OAUTH2_PROVIDER["OIDC_RSA_PRIVATE_KEYS_INACTIVE"] == []
    settings.OAUTH2_PROVIDER = {**settings.OAUTH2_PROVIDER, "OIDC_RSA_PRIVATE_KEY": "configured"}
    keys.install_signing_keys()
    assert settings.OAUTH2_PROVIDER["OIDC_RSA_PRIVATE_KEY"] == "configured"


def test_the_running_portal_signs_with_the_key_under_var(settings):
    from oauth2_provider.settings import oauth2_settings

    assert (keys.key_dir() / "active.pem").read_text() == oauth2_settings.OIDC_RSA_PRIVATE_KEY


def test_vneid_sink_appends_json_lines_to_its_own_file(settings, tmp_path):
    settings.VNEID_SMS_FILE_PATH = tmp_path / "vneid" / "sms.log"
    vneid_send_sms("0912345678", "VNeID: Ma OTP 123456")
    assert messages() == [{"at": messages()[0]["at"], "to": "0912345678", "text": "VNeID: Ma OTP 123456"}]


@pytest.mark.django_db
def test_the_level2_code_goes_to_vneids_outbox_not_through_the_portals_sms(client, settings, tmp_path):
    from notifications.sms import MemorySmsBackend

    settings.SMS_BACKEND = "memory"
    MemorySmsBackend.outbox = []
    settings.VNEID_SMS_FILE_PATH = outbox = tmp_path / "vneid-sms.log"
    person = make_person(3)

    response = client.post(LOGIN, {"id_number": person.id_number, "password": PASSWORD, "next": LEVEL2_NEXT})

    assert response.status_code == 302 and "/vneid/login/otp/" in response["Location"]
    assert len(last_otp(outbox, person.phone)) == 6 and OneTimeCode.objects.count() == 1
    assert MemorySmsBackend.outbox == []
