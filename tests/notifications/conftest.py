"""Records filed by a citizen and officers of its agency, to drive real transitions."""

import pytest

from identity.constants import StaffRole
from identity.models import User
from identity.services import grant_role
from records import services as records
from tests.records.conftest import (  # noqa: F401  (fixtures used by these tests)
    catalogue,
    citizen,
    citizen_account,
    family,
    filled_draft,
    login,
    other_citizen,
    sms_outbox,
)


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
    user = User.objects.create_user(
        username=username, kind=User.Kind.STAFF, email=email or f"{username}@coquan.gov.vn", first_name=username
    )
    for role in roles:
        grant_role(user, agency, role)
    return user


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
