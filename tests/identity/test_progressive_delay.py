"""Guessing one citizen's password or code: the guesser waits longer and longer, the owner is never locked
out and is told by SMS. The clock is moved, never slept."""

import json
import re

import pytest
from django.test import Client

from identity.vneid.models import ProviderSession

from .conftest import PASSWORD
from .helpers import last_otp

pytestmark = pytest.mark.django_db

LOGIN = "/vneid/login/"
OTP = "/vneid/login/otp/"
LEVEL2_NEXT = "/vneid/authorize/?client_id=x&acr_values=LoA2"
DEVICE_COOKIE = "vneid_device"


class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    import importlib.util

    clock = Clock()
    if importlib.util.find_spec("identity.vneid.guard"):  # the module that keeps the delays
        monkeypatch.setattr("identity.vneid.guard._now", clock)
    return clock


@pytest.fixture(autouse=True)
def _roomy_address_limits(settings):
    """The address limits are item 11's; here many tries come from one address."""
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "vneid_login_failed": "1000/m/ip,1000/m/key"}


def _login(client, id_number, password, ip="10.0.0.66", next_url="/vneid/authorize/"):
    return client.post(LOGIN, {"id_number": id_number, "password": password, "next": next_url}, REMOTE_ADDR=ip)


def _wait(response):
    found = re.search(r"đợi (\d+) (giây|phút)", response.content.decode())
    return int(found.group(1)) * (60 if found.group(2) == "phút" else 1) if found else 0


def test_each_wrong_password_makes_the_guesser_wait_longer_without_sleeping(client, citizen_person, clock):
    for _attempt in range(3):
        response = _login(client, citizen_person.id_number, "sai")
        assert response.status_code == 400 and _wait(response) == 0
    response = _login(client, citizen_person.id_number, "sai")
    assert _wait(response) == 30
    # Trying again too soon is answered at once, without checking the password, even the right one.
    early = _login(client, citizen_person.id_number, PASSWORD)
    assert early.status_code == 429 and 0 < _wait(early) <= 30
    assert not ProviderSession.objects.exists()
    clock.now += 31
    assert _wait(_login(client, citizen_person.id_number, "sai")) == 60
    clock.now += 61
    assert _wait(_login(client, citizen_person.id_number, "sai")) == 120
    clock.now += 121
    # Once the wait is over, the right password works: there is no lock.
    assert _login(client, citizen_person.id_number, PASSWORD).status_code == 302


def test_the_owner_logs_in_from_their_device_while_someone_elsewhere_fails(client, citizen_person, clock):
    owner = client  # has logged in from this device before
    assert _login(owner, citizen_person.id_number, PASSWORD, ip="10.9.9.9").status_code == 302
    assert DEVICE_COOKIE in owner.cookies

    attacker = Client()
    for _attempt in range(8):
        _login(attacker, citizen_person.id_number, "sai", ip="203.0.113.7")
    assert _login(attacker, citizen_person.id_number, PASSWORD, ip="203.0.113.7").status_code == 429

    # Elsewhere, on their own device: not delayed, not locked.
    assert _login(owner, citizen_person.id_number, PASSWORD, ip="10.9.9.9").status_code == 302
    # Even behind the attacker's very address (a shared NAT), the owner's device is not the attacker's.
    assert _login(owner, citizen_person.id_number, PASSWORD, ip="203.0.113.7").status_code == 302
    # A new device elsewhere is not held up either.
    assert _login(Client(), citizen_person.id_number, PASSWORD, ip="198.51.100.1").status_code == 302


def test_a_forged_device_cookie_is_just_a_new_device(client, citizen_person, clock):
    client.cookies[DEVICE_COOKIE] = "forged"
    for _attempt in range(4):
        response = _login(client, citizen_person.id_number, "sai")
    assert _wait(response) == 30
    client.cookies[DEVICE_COOKIE] = "forged-again"
    assert _login(client, citizen_person.id_number, PASSWORD).status_code == 429


def test_wrong_codes_count_too_and_a_code_is_void_after_three_tries(client, citizen_person, sms_outbox, clock):
    assert _login(client, citizen_person.id_number, PASSWORD, next_url=LEVEL2_NEXT).status_code == 302
    good = last_otp(sms_outbox, citizen_person.phone)
    wrong = "000000" if good != "000000" else "111111"
    for _attempt in range(2):
        assert "Mã OTP không đúng." in client.post(OTP, {"code": wrong}, REMOTE_ADDR="10.0.0.66").content.decode()
    text = client.post(OTP, {"code": wrong}, REMOTE_ADDR="10.0.0.66").content.decode()
    assert "đã bị hủy" in text
    # The good code no longer works: a new login (and code) is needed.
    assert "hết hiệu lực" in client.post(OTP, {"code": good}, REMOTE_ADDR="10.0.0.66").content.decode()
    assert not ProviderSession.objects.exists()
    # Password and code failures add up: the fourth failure of this client brings a delay.
    response = _login(client, citizen_person.id_number, "sai", next_url=LEVEL2_NEXT)
    assert _wait(response) == 30


def test_the_owner_is_told_by_vneids_own_sms_when_the_account_sees_many_failures(
    client, citizen_person, sms_outbox, settings, tmp_path, clock
):
    portal_sms = tmp_path / "portal-sms.log"
    settings.SMS_FILE_PATH = portal_sms  # the portal's notifications: VNeID must not use them
    for n in range(25):
        _login(client, citizen_person.id_number, "sai", ip=f"203.0.113.{n}")
    messages = [json.loads(line) for line in sms_outbox.read_text(encoding="utf-8").splitlines()]
    assert len(messages) == 1  # at 10 failures; not again at 20 within the hour (no flooding the owner)
    assert messages[0]["to"] == citizen_person.phone
    assert "10 lan dang nhap sai" in messages[0]["text"] and "khong bi khoa" in messages[0]["text"]
    assert not portal_sms.exists()
    # And the owner still logs in at once, from anywhere.
    assert _login(client, citizen_person.id_number, PASSWORD, ip="10.2.2.2").status_code == 302
    citizen_person.vneid_account.refresh_from_db()
    assert citizen_person.vneid_account.failed_attempts == 0
