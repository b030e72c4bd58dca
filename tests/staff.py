"""Officers and administrators as they really log in: password, then the TOTP code."""

import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

STAFF_PASSWORD = "Can-bo-2026!"


def enable_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_now(secret: str) -> str:
    """The current code, taken early enough in its 30-second window to still be valid when the server checks it
    (allauth accepts no neighbouring window): near the window's end, wait for the next one."""
    if 30 - time.time() % 30 < 3:
        time.sleep(30 - time.time() % 30 + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def login_with_totp(client, user, password: str = STAFF_PASSWORD, secret: str | None = None):
    """Log in through /accounts/login/ and the TOTP step; returns the client."""
    secret = secret or enable_totp(user)
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
