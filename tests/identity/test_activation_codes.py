"""A new officer enrols a second factor only with a one-time activation code from their head (issue #17 item 4):
the password alone no longer does; the code is stored hashed, used once, expires, and wrong codes are throttled.
A lost second factor is reset by the head after recording how identity was checked, with a new code."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from identity import activation
from identity.constants import StaffEventKind, StaffRole
from identity.models import ActivationCode, StaffEvent, StaffMembership, User
from tests.staff import STAFF_PASSWORD, officer, totp_now, totp_session

pytestmark = pytest.mark.django_db(transaction=True)  # allauth announces a new authenticator on commit
NEW_PASSWORD = "Mat-khau-cua-toi-2026!"
ACTIVATE = "/accounts/2fa/activation/"
TOTP = "/accounts/2fa/totp/activate/"


def new_officer(head, agency, username="tiepnhan.moi"):
    """Added through the head's page; returns the account and the code the page showed once."""
    client = totp_session(Client(), head)
    response = client.post(
        f"/backoffice/staff/{agency.code}/add/",
        {"username": username, "full_name": "Đỗ Thị Hương", "roles": [StaffRole.RECEIVER]},
    )
    page = client.get(response["Location"]).content.decode()
    return User.objects.get(username=username), re.search(r'id="the-code">([A-Z0-9-]+)<', page).group(1)


def enrol(client, next_url="/backoffice/", password=None):
    """On the TOTP page (reached with a spent code): confirm the password if asked (an officer who logged in with
    it; not one who has just chosen it), scan (read the secret) and type the first code."""
    if password:
        client.post("/accounts/reauthenticate/", {"password": password, "next": TOTP})
    page = client.get(f"{TOTP}?next={next_url}")
    assert page.status_code == 200, page.get("Location")
    secret = re.search(r'id="authenticator_secret" value="(\w+)"', page.content.decode()).group(1)
    return client.post(TOTP, {"code": totp_now(secret), "next": next_url}), secret


def test_a_new_officer_activates_with_the_code_chooses_a_password_and_enrols(world):
    user, code = new_officer(world.head_a, world.ward_a)
    client = Client()
    response = client.post(
        ACTIVATE,
        {"username": user.username, "code": code.lower(), "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"].startswith(TOTP)
    response, _secret = enrol(client)
    assert response.status_code == 302 and response["Location"] == "/backoffice/"
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert world.ward_a.name in client.get("/backoffice/").content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert StaffEvent.objects.filter(kind=StaffEventKind.CODE_USED, officer=user, agency=world.ward_a).exists()

    # Used once: the same code opens nothing again.
    again = Client().post(
        ACTIVATE, {"username": user.username, "code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert again.status_code == 200 and "mã kích hoạt không đúng" in again.content.decode()


def test_the_password_alone_no_longer_enrols_an_authenticator(world):
    user = officer("matkhau.lo", world.ward_a, StaffRole.RECEIVER, totp=False)
    client = Client()
    assert client.post("/accounts/login/", {"login": user.username, "password": STAFF_PASSWORD}).status_code == 302
    response = client.get(TOTP)
    assert response.status_code == 302 and response["Location"].startswith(ACTIVATE)
    response = client.post(TOTP, {"code": "123456"})
    assert response.status_code == 302 and response["Location"].startswith(ACTIVATE)
    assert not Authenticator.objects.filter(user=user).exists()
    # Nor does the new officer's door, for an account that has a password: log in first.
    code, _row = activation.issue(user, agency=world.ward_a)
    refused = Client().post(
        ACTIVATE, {"username": user.username, "code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert refused.status_code == 200 and activation.outstanding(user).exists()  # not spent
    user.refresh_from_db()
    assert user.check_password(STAFF_PASSWORD)
    # With the code, the logged-in officer enrols.
    assert client.post(ACTIVATE, {"code": code})["Location"].startswith(TOTP)
    response, _secret = enrol(client, password=STAFF_PASSWORD)
    assert response.status_code == 302 and Authenticator.objects.filter(user=user, type="totp").exists()


def test_an_expired_or_replaced_code_is_refused(world):
    user, code = new_officer(world.head_a, world.ward_a)
    ActivationCode.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(minutes=1))
    data = {"username": user.username, "code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    expired = Client().post(ACTIVATE, data)
    assert expired.status_code == 200 and "đã hết hạn" in expired.content.decode()
    assert not User.objects.get(pk=user.pk).has_usable_password()

    first, _row = activation.issue(user, agency=world.ward_a)
    second, _row = activation.issue(user, agency=world.ward_a)
    assert Client().post(ACTIVATE, {**data, "code": first}).status_code == 200  # revoked by the newer one
    assert Client().post(ACTIVATE, {**data, "code": second}).status_code == 302


def test_wrong_codes_are_refused_then_throttled(world):
    user, code = new_officer(world.head_a, world.ward_a)
    client = Client()
    data = {"username": user.username, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    for attempt in range(5):
        wrong = client.post(ACTIVATE, {**data, "code": f"AAAA-BBBB-CCC{attempt + 2}"})
        assert wrong.status_code == 200 and "mã kích hoạt không đúng" in wrong.content.decode()
    # The sixth try, even with the right code, waits: the code cannot be guessed by trying many.
    throttled = client.post(ACTIVATE, {**data, "code": code}).content.decode()
    assert "Nhập sai mã kích hoạt quá nhiều lần" in throttled and "phút" in throttled
    assert activation.outstanding(user).exists() and "_auth_user_id" not in client.session
    assert StaffEvent.objects.filter(kind=StaffEventKind.CODE_REFUSED, officer=user, agency=world.ward_a).count() == 5


def test_codes_are_kept_only_as_a_keyed_hash():
    user = User.objects.create_user("bimat", kind=User.Kind.STAFF)
    code, row = activation.issue(user)
    plain = code.replace("-", "")
    assert len(plain) == 12 and set(plain) <= set(activation.ALPHABET)
    row.refresh_from_db()
    assert plain not in row.code_hash and len(row.code_hash) == 64
    assert activation.redeem(user, "wrong") is None and activation.redeem(user, code) is not None
    assert activation.redeem(user, code) is None


def test_a_head_resets_a_lost_second_factor_after_checking_identity(world):
    clerk = officer("xuly.a", world.ward_a, StaffRole.PROCESSOR, totp=True, first_name="Thắng", last_name="Bùi Văn")
    old_session = totp_session(Client(), clerk)
    assert old_session.get("/backoffice/").status_code == 200
    head = totp_session(Client(), world.head_a)
    url = f"/backoffice/staff/{world.ward_a.code}/officers/{clerk.pk}/reset/"

    unrecorded = head.post(url, {"checked_by": "in_person_id_card", "note": ""})
    assert unrecorded.status_code == 400 and Authenticator.objects.filter(user=clerk).exists()

    response = head.post(url, {"checked_by": "in_person_id_card", "note": "Đối chiếu CCCD 001092100037 tại phòng"})
    assert response.status_code == 302
    code = re.search(r'id="the-code">([A-Z0-9-]+)<', head.get(response["Location"]).content.decode()).group(1)
    assert not Authenticator.objects.filter(user=clerk).exists()  # the lost phone's TOTP and recovery codes
    assert old_session.get("/backoffice/")["Location"].startswith("/accounts/login/")  # whoever holds it is out
    event = StaffEvent.objects.get(kind=StaffEventKind.SECOND_FACTOR_RESET, officer=clerk)
    assert "CCCD 001092100037" in event.detail and "Gặp trực tiếp" in event.detail and event.actor == world.head_a
    audit = head.get(f"/backoffice/staff/{world.ward_a.code}/audit/").content.decode()
    assert "Đặt lại xác thực hai lớp" in audit and "CCCD 001092100037" in audit

    # The officer logs in with their password, types the new code and enrols the new phone.
    client = Client()
    assert client.post("/accounts/login/", {"login": clerk.username, "password": STAFF_PASSWORD}).status_code == 302
    assert client.get("/backoffice/")["Location"].startswith(TOTP)
    assert client.post(ACTIVATE, {"code": code, "next": "/backoffice/"})["Location"] == "/backoffice/"
    response, _secret = enrol(client, password=STAFF_PASSWORD)
    assert response.status_code == 302 and client.get("/backoffice/").status_code == 200


def test_a_head_cannot_reset_an_officer_who_also_works_where_they_do_not_administer(world):
    shared = officer("xuly.chung", world.ward_a, StaffRole.PROCESSOR, totp=True)
    StaffMembership.objects.create(user=shared, agency=world.ward_b, role=StaffRole.PROCESSOR)
    head = totp_session(Client(), world.head_a)
    response = head.post(
        f"/backoffice/staff/{world.ward_a.code}/officers/{shared.pk}/reset/",
        {"checked_by": "in_person_id_card", "note": "Gặp trực tiếp"},
    )
    assert response.status_code == 403 and Authenticator.objects.filter(user=shared).exists()


def test_the_first_administrator_gets_a_code_from_the_command_line(world):
    admin = User.objects.create_superuser("quantri", "qt@example.vn", STAFF_PASSWORD, kind=User.Kind.ADMIN)
    out = StringIO()
    call_command("issue_activation_code", "quantri", stdout=out)
    code = re.search(r"quantri: ([A-Z0-9-]{14}) ", out.getvalue()).group(1)
    client = Client()
    assert client.post("/accounts/login/", {"login": "quantri", "password": STAFF_PASSWORD}).status_code == 302
    assert client.post(ACTIVATE, {"code": code})["Location"].startswith(TOTP)
    response, _secret = enrol(client, next_url="/admin/", password=STAFF_PASSWORD)
    assert response.status_code == 302 and client.get("/admin/").status_code == 200
    with pytest.raises(CommandError):
        call_command("issue_activation_code", "quantri", stdout=StringIO())  # enrolled: a reset is needed
    assert Authenticator.objects.filter(user=admin).exists()
