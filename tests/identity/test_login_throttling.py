"""Password spraying at VNeID: one client trying one password on many ID numbers is stopped, and so is
everyone together, with the time to wait; by the same mechanism and rule table as the staff login."""

import re

import pytest

from tests.staff import STAFF_PASSWORD, officer

from .conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db

LOGIN = "/vneid/login/"


def _login(client, id_number, password, ip="10.0.0.1"):
    return client.post(
        LOGIN, {"id_number": id_number, "password": password, "next": "/vneid/authorize/"}, REMOTE_ADDR=ip
    )


def _wait_seconds(text):
    found = re.search(r"thử lại sau (\d+) (giây|phút)", text)
    assert found, text
    return int(found.group(1)) * (60 if found.group(2) == "phút" else 1)


def test_spraying_one_password_from_one_client_is_stopped_with_the_time_to_wait(client):
    people = [make_person(serial) for serial in range(1, 13)]
    answers = [_login(client, person.id_number, "Mat-khau-pho-bien-1") for person in people]
    assert [a.status_code for a in answers[:10]] == [400] * 10
    refused = answers[10].content.decode()
    assert answers[10].status_code == 429
    assert "quá nhiều lần đăng nhập sai từ nơi bạn đang truy cập" in refused
    assert 0 < _wait_seconds(refused) <= 60
    # While refused, not even the right password is checked from this client...
    assert _login(client, people[11].id_number, PASSWORD).status_code == 429
    # ...but the same person elsewhere logs in at once: the limit is this client's, not the account's.
    assert _login(client, people[11].id_number, PASSWORD, ip="10.0.0.2").status_code == 302


def test_a_good_login_does_not_use_up_the_clients_allowance(client):
    person = make_person(1)
    for _attempt in range(15):
        response = _login(client, person.id_number, PASSWORD)
        assert response.status_code == 302


def test_everyone_together_is_limited_too(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "vneid_login_failed": "100/m/ip,5/m/key"}
    for n in range(5):
        assert _login(client, f"00119000000{n}", "sai", ip=f"10.1.0.{n}").status_code == 400
    response = _login(client, "001190000009", "sai", ip="10.1.0.99")
    text = response.content.decode()
    assert response.status_code == 429
    assert "VNeID đang nhận quá nhiều lần đăng nhập sai" in text
    assert 0 < _wait_seconds(text) <= 60


def test_the_staff_login_says_how_long_to_wait_too(client):
    officer("canbo1")
    for _attempt in range(5):
        client.post("/accounts/login/", {"login": "canbo1", "password": "sai-mat-khau"})
    text = client.post("/accounts/login/", {"login": "canbo1", "password": STAFF_PASSWORD}).content.decode()
    assert "Đăng nhập sai quá nhiều lần" in text
    assert 0 < _wait_seconds(text) <= 5 * 60
