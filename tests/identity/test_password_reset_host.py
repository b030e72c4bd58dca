"""The staff password-reset e-mail links to PORTAL_BASE_URL, whatever Host the request came with."""

import re

import pytest
from django.core import mail

from tests.staff import officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def permissive_hosts(settings):
    """A deployment whose ALLOWED_HOSTS (or proxy) lets another Host header through."""
    settings.ALLOWED_HOSTS = ["*"]
    settings.PORTAL_BASE_URL = "https://dichvucong.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_the_reset_link_is_built_from_portal_base_url_not_the_host_header(client, permissive_hosts):
    officer("canbo-quen", email="canbo@example.vn")
    response = client.post(
        "/accounts/password/reset/", {"email": "canbo@example.vn"}, HTTP_HOST="evil.example", secure=True
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "evil.example" not in body
    links = re.findall(r"https?://[^\s]+", body)
    assert links and all(link.startswith("https://dichvucong.example/") for link in links), links
    # And the link works on the portal.
    path = links[0].removeprefix("https://dichvucong.example")
    assert client.get(path, follow=True, secure=True).status_code == 200
