"""The simulated remote-signing provider served over real HTTP (LiveServer), and citizens filing beside it."""

import re

import pytest

from remotesign import sms
from tests.records.conftest import catalogue, citizen, citizen_account, family, filled_draft, login  # noqa: F401

CLIENT_ID = "portal-test"
CLIENT_SECRET = "test-remotesign-secret-71c2"  # noqa: S105


@pytest.fixture(scope="session")
def remotesign_dir(tmp_path_factory):
    """One provider CA for the whole run: RSA keys are slow to make."""
    return tmp_path_factory.mktemp("remotesign")


@pytest.fixture(autouse=True)
def _remotesign_settings(settings, remotesign_dir, tmp_path):
    settings.REMOTESIGN_DIR = remotesign_dir
    settings.REMOTESIGN_TRUST_ROOTS = [str(remotesign_dir / "root.pem")]
    settings.REMOTESIGN_SMS_FILE_PATH = tmp_path / "remotesign" / "sms.log"
    settings.REMOTESIGN_CLIENT_ID = CLIENT_ID
    settings.REMOTESIGN_CLIENT_SECRET = CLIENT_SECRET
    settings.REMOTESIGN_BASE_URL = ""
    settings.REMOTESIGN_TIMEOUT = 30
    settings.REMOTESIGN_OTP_RESEND_SECONDS = 0


@pytest.fixture
def portal(settings, live_server):
    """The portal and the simulated provider on one live server: the portal calls it over HTTP."""
    settings.PORTAL_BASE_URL = live_server.url
    return live_server.url


def last_code(phone: str | None = None) -> str:
    """The one-time code of the provider's last text message (to ``phone``, when given)."""
    texts = [m for m in sms.messages() if phone is None or m["to"] == phone]
    assert texts, "the provider sent no text message"
    return re.search(r"\b(\d{6})\b", texts[-1]["text"]).group(1)
