"""Records filed by a citizen and officers of its agency, to drive real transitions."""

import pytest

from identity.constants import StaffRole
from records import services as records
from tests.records.conftest import (  # noqa: F401  (fixtures used by these tests)
    catalogue,
    citizen,
    citizen_account,
    family,
    filled_draft,
    login,
    other_citizen,
)
from tests.staff import officer as staff_officer


@pytest.fixture(autouse=True)
def _no_workflow_guards(monkeypatch):
    """Fees and their guards are the payments app's to test; these tests follow a record whose fee is settled."""
    from records import workflow

    monkeypatch.setattr(workflow, "GUARDS", {})


@pytest.fixture(autouse=True)
def _documents_settings(settings):
    settings.PORTAL_BASE_URL = "https://dichvucong.example.gov.vn"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def sms(settings):
    from notifications.sms import MemorySmsBackend

    settings.SMS_BACKEND = "notifications.sms.MemorySmsBackend"
    MemorySmsBackend.outbox = []
    return MemorySmsBackend.outbox


def officer(username, agency, *roles, email=None):
    """An officer with no password (these tests open sessions directly) and an agency address."""
    return staff_officer(
        username, agency, *roles, password=None, email=email or f"{username}@coquan.gov.vn", first_name=username
    )


@pytest.fixture
def draft(citizen, family):  # noqa: F811  (the imported fixtures)
    return filled_draft(citizen, family["father"])


@pytest.fixture
def staff(draft):
    agency = draft.agency
    return {
        "receiver": officer("tiepnhan", agency, StaffRole.RECEIVER),
        "processor": officer("xuly", agency, StaffRole.PROCESSOR),
        "approver": officer("lanhdao", agency, StaffRole.APPROVER),
    }


def act(record, action, who, role, **kwargs):
    return records.transition(record, action, actor=who, role=role, **kwargs)
