import time

import pytest

from identity.constants import StaffRole
from payments.providers import paygov
from records import services as records_services
from tests.records.conftest import catalogue, citizen, citizen_account, family, filled_draft, login  # noqa: F401
from tests.staff import officer as staff_officer
from tests.staff import totp_session

SECRET = "test-paygov-secret-3f1c9a"
MERCHANT = "DVCQG"


@pytest.fixture(autouse=True)
def _payments_settings(settings):
    settings.PAYGOV_SECRET = SECRET
    settings.PAYGOV_MERCHANT_ID = MERCHANT
    settings.PAYGOV_SIM_MERCHANTS = None
    settings.PAYGOV_BASE_URL = ""
    settings.PAYGOV_TIMEOUT = 15
    settings.PAYGOV_SIM_CALLBACK_TIMEOUT = 15


@pytest.fixture
def portal(settings, live_server):
    """The portal and its simulated gateway served over real HTTP; the gateway calls back there."""
    settings.PORTAL_BASE_URL = live_server.url
    return live_server.url


def filed_record(user, person, slug="dang-ky-thuong-tru"):
    return records_services.submit(filled_draft(user, person, slug), actor=user)


@pytest.fixture
def record(citizen, family):  # noqa: F811
    return filed_record(citizen, family["father"])


def officer(record, username="canbo", role=StaffRole.AGENCY_HEAD):
    """An officer of the record's agency."""
    return staff_officer(username, record.agency, role, password="x")


def staff_login(client, user):
    """An officer's session after password and TOTP (the login itself is tested in identity)."""
    return totp_session(client, user)


def callback_params(payment, *, status="success", amount=None, secret=SECRET, timestamp=None, **extra):
    params = {
        "merchant_id": MERCHANT,
        "reference": payment.reference,
        "transaction_id": "PG2603120000000001",
        "amount": payment.amount if amount is None else amount,
        "status": status,
        "method": "Vietcombank",
        "completed_at": "",
        "timestamp": int(time.time()) if timestamp is None else timestamp,
        **extra,
    }
    params["signature"] = paygov.sign(params, secret)
    return {k: str(v) for k, v in params.items()}
