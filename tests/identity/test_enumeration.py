"""VNeID's answers do not tell whether an ID number has an account."""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher

from .conftest import make_person

pytestmark = pytest.mark.django_db

LOGIN = "/vneid/login/"
UNKNOWN = "001190999999"


def _error(client, id_number, ip):
    response = client.post(
        LOGIN, {"id_number": id_number, "password": "sai-mat-khau", "next": "/vneid/authorize/"}, REMOTE_ADDR=ip
    )
    found = re.search(r'<p class="vneid-error" role="alert">(.*?)</p>', response.content.decode(), re.S)
    return response.status_code, found.group(1).strip() if found else ""


def test_a_wrong_password_and_an_unknown_id_get_the_same_answer_every_time(client):
    person = make_person(1)
    for attempt in range(6):
        known = _error(client, person.id_number, "10.0.0.1")
        unknown = _error(client, UNKNOWN, "10.0.0.2")
        assert known == unknown, attempt
        assert "Số định danh cá nhân hoặc mật khẩu không đúng." in known[1] or "đợi" in known[1]
        assert "lần thử" not in known[1] and "khóa" not in known[1]


class CountingHasher(MD5PasswordHasher):
    verified = 0

    def verify(self, password, encoded):
        CountingHasher.verified += 1
        return super().verify(password, encoded)


def test_an_unknown_id_costs_a_password_check_like_a_known_one(client, settings):
    """No timing: the hasher runs for an unknown ID number too (it did not: an unusable hash is not checked)."""
    person = make_person(1)
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.verified = 0
    _error(client, person.id_number, "10.0.0.1")
    known = CountingHasher.verified
    CountingHasher.verified = 0
    _error(client, UNKNOWN, "10.0.0.2")
    assert known == CountingHasher.verified == 1
