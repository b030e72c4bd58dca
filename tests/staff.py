"""Officers and administrators: their accounts, and their logins as they really happen (password, then the
TOTP code) or as a session that passed both."""

import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

STAFF_PASSWORD = "Can-bo-2026!"


def officer(username, agency=None, *roles, password=STAFF_PASSWORD, totp=False, **fields):
    """A staff account holding ``roles`` at ``agency``. With ``totp``, its TOTP is set up and the secret kept in
    ``user.totp_secret`` for ``login_with_totp``. ``fields``: more User fields (``kind``, ``email``...)."""
    from identity.models import User
    from identity.services import grant_role

    fields.setdefault("kind", User.Kind.STAFF)
    user = User.objects.create_user(username=username, password=password, **fields)
    for role in roles:
        grant_role(user, agency, role)
    if totp:
        enable_totp(user)
    return user


def enable_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    user.totp_secret = secret
    return secret


def totp_now(secret: str) -> str:
    """The current code, taken early enough in its 30-second window to still be valid when the server checks it
    (allauth accepts no neighbouring window): near the window's end, wait for the next one."""
    if 30 - time.time() % 30 < 3:
        time.sleep(30 - time.time() % 30 + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def login_with_totp(client, user, password: str = STAFF_PASSWORD, secret: str | None = None):
    """Log in through /accounts/login/ and the TOTP step (set up now unless ``officer(totp=True)`` did);
    whoever was logged in on ``client`` is logged out first. Returns the client."""
    secret = secret or getattr(user, "totp_secret", None) or enable_totp(user)
    client.logout()
    response = client.post("/accounts/login/", {"login": user.username, "password": password})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/authenticate/"), response
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_now(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def totp_session(client, user):
    """An officer's session that passed password and TOTP, without driving the login pages."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "username": user.username},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client
