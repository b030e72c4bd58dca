"""Staff with TOTP, submitted records in any state, for the back-office tests."""

import pytest

from identity.constants import StaffRole
from records import services
from records.constants import WorkflowAction as A
from records.models import Record, ResultDocument
from tests.records import files
from tests.records.conftest import catalogue, citizen, citizen_account, family, login, other_citizen  # noqa: F401
from tests.staff import STAFF_PASSWORD, login_with_totp, officer, totp_now

# The back-office tests log in the way officers do: password, then TOTP (set up by make_officer).
staff_login = login_with_totp


@pytest.fixture(autouse=True)
def _records_rules_only(monkeypatch):
    """These tests check records' own rules; guards other apps register (fees...) are tested by those apps."""
    from records import workflow

    monkeypatch.setattr(workflow, "GUARDS", {})


def make_officer(username, agency, *roles, totp=True):
    return officer(username, agency, *roles, totp=totp, first_name=username.title())


def submitted_record(user, person, slug="dang-ky-thuong-tru"):
    from tests.records.test_records import filled_draft

    return services.submit(filled_draft(user, person, slug), actor=user)


@pytest.fixture
def record(citizen, family):
    return submitted_record(citizen, family["father"])


@pytest.fixture
def agency(record):
    return record.agency


@pytest.fixture
def other_agency(record):
    """Another agency, one the record may be transferred to (its procedure's other agencies, or the parent)."""
    return services.transfer_targets(record).order_by("code").first()


@pytest.fixture
def staff(agency, other_agency):
    return {
        "receiver": make_officer("tiepnhan", agency, StaffRole.RECEIVER),
        "processor": make_officer("xuly", agency, StaffRole.PROCESSOR),
        "approver": make_officer("pheduyet", agency, StaffRole.APPROVER),
        "head": make_officer("thutruong", agency, StaffRole.AGENCY_HEAD),
        "outsider": make_officer("noikhac", other_agency, *StaffRole.values),
    }


def add_result(record, by):
    return services.attach_result(record, files.pdf("ket-qua.pdf"), actor=by)


def advance(record, staff, to):
    """Take a submitted record through the real workflow to state ``to``."""
    path = {
        "received": [A.RECEIVE],
        "in_processing": [A.RECEIVE, A.START_PROCESSING],
        "supplement_requested": [A.RECEIVE, A.START_PROCESSING, A.REQUEST_SUPPLEMENT],
        "approved": [A.RECEIVE, A.START_PROCESSING, "result", A.APPROVE],
        "result_returned": [A.RECEIVE, A.START_PROCESSING, "result", A.APPROVE, A.RETURN_RESULT],
        "rejected": [A.RECEIVE, A.START_PROCESSING, A.REJECT],
        "refused": [A.REFUSE],
    }[to]
    by = {
        A.RECEIVE: "receiver",
        A.REFUSE: "receiver",
        A.START_PROCESSING: "processor",
        A.REQUEST_SUPPLEMENT: "processor",
        "result": "processor",
        A.APPROVE: "approver",
        A.REJECT: "approver",
        A.RETURN_RESULT: "receiver",
    }
    for action in path:
        if action == "result":
            add_result(record, staff["processor"])
            continue
        services.act(record, action, actor=staff[by[action]], reason="Lý do kiểm thử")
    return Record.objects.get(pk=record.pk)


__all__ = [
    "STAFF_PASSWORD",
    "ResultDocument",
    "catalogue",
    "citizen",
    "citizen_account",
    "family",
    "login",
    "other_citizen",
    "totp_now",
]
