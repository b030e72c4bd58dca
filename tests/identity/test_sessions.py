"""How long a portal login lasts: idle and absolute limits for citizens and officers, one session per officer.

Time is moved by writing the session's own timestamps back, never by sleeping."""

import time

import pytest
from django.test import Client

from tests.staff import login_with_totp, officer, totp_session

from .factories import UserFactory

pytestmark = pytest.mark.django_db

# Where identity.session_limits keeps a session's login and last request times.
STARTED, SEEN = "_limits_started", "_limits_seen"


def _age(client, *, idle=0, since_login=0):
    session = client.session
    session[SEEN] = session.get(SEEN, time.time()) - idle
    session[STARTED] = session.get(STARTED, time.time()) - since_login
    session.save()


def _logged_in(client):
    client.get("/")
    return "_auth_user_id" in client.session


@pytest.fixture
def citizen(client):
    client.force_login(UserFactory(), backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_a_citizen_idle_for_more_than_20_minutes_is_logged_out(citizen):
    _age(citizen, idle=19 * 60)
    assert _logged_in(citizen)
    _age(citizen, idle=21 * 60)
    page = citizen.get("/", follow=True).content.decode()
    assert "_auth_user_id" not in citizen.session
    assert "không hoạt động quá 20 phút" in page
    assert citizen.get("/my-account/")["Location"].startswith("/login/")


def test_an_active_citizen_is_still_logged_out_after_8_hours(citizen):
    for _hour in range(7):
        _age(citizen, idle=10 * 60, since_login=3600)
        assert _logged_in(citizen)
    _age(citizen, idle=5 * 60, since_login=3600 + 60)
    assert not _logged_in(citizen)


def test_the_session_cookie_ends_with_the_absolute_limit(citizen, settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert 0 < citizen.session.get_expiry_age() <= settings.CITIZEN_SESSION_MAX_SECONDS


def test_an_officer_idle_for_more_than_15_minutes_is_logged_out(client):
    user = officer("canbo-phien", totp=True)
    totp_session(client, user)
    _age(client, idle=14 * 60)
    assert _logged_in(client)
    _age(client, idle=16 * 60)
    assert not _logged_in(client)


def test_an_officers_new_login_ends_the_older_session(client):
    user = officer("canbo-mot-phien", totp=True)
    first = login_with_totp(client, user)
    assert first.get("/backoffice/").status_code == 200
    # The same officer logs in on another computer (password and TOTP; one TOTP code serves once, so
    # this second login is the session such a login leaves).
    second = Client()
    totp_session(second, user)
    assert second.get("/backoffice/").status_code == 200
    page = first.get("/backoffice/", follow=True).content.decode()
    assert "đăng nhập ở nơi khác" in page
    assert "_auth_user_id" not in first.session
    assert second.get("/backoffice/").status_code == 200


def test_a_citizen_may_be_logged_in_on_two_devices(client):
    user = UserFactory()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    other = Client()
    other.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert _logged_in(client) and _logged_in(other)
