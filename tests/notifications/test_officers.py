"""Who among the officers hears of a record's event: the active holders of the roles at the record's agency, each
once, in id order (one query, in the record's transaction)."""

from types import SimpleNamespace

import pytest

from identity.constants import StaffRole
from identity.services import grant_role
from notifications.receivers import officer_ids
from records.constants import WorkflowAction as A
from tests.procedures import factories as procedures

from .conftest import officer

pytestmark = pytest.mark.django_db


def test_the_active_holders_of_the_roles_at_the_agency_each_once_in_id_order(django_assert_num_queries):
    agency = procedures.agency()
    elsewhere = procedures.agency("000.00.02.H01", "Công an thành phố Hà Nội")
    processor = officer("xuly", agency, StaffRole.PROCESSOR)
    head = officer("truong", agency, StaffRole.AGENCY_HEAD)
    grant_role(head, agency, StaffRole.PROCESSOR)  # two of the roles: told once
    officer("tiepnhan", agency, StaffRole.RECEIVER)  # another role
    officer("xuly-khac", elsewhere, StaffRole.PROCESSOR)  # another agency
    gone = officer("nghiviec", agency, StaffRole.PROCESSOR)
    gone.is_active = False
    gone.save()

    record, event = SimpleNamespace(agency_id=agency.pk), SimpleNamespace(action=A.OVERDUE, data={}, actor_id=None)
    with django_assert_num_queries(1):
        found = officer_ids(record, event, (StaffRole.PROCESSOR, StaffRole.AGENCY_HEAD))
    assert found == sorted([processor.pk, head.pk])
    assert officer_ids(record, event, ()) == []


def test_the_officer_an_event_names_is_told_only_while_active():
    agency = procedures.agency()
    named = officer("xuly", agency, StaffRole.PROCESSOR)
    record = SimpleNamespace(agency_id=agency.pk, assigned_to_id=None)
    event = SimpleNamespace(action=A.REMINDER, data={"officer": {"id": named.pk}}, actor_id=None)
    assert officer_ids(record, event, (StaffRole.PROCESSOR,)) == [named.pk]
    named.is_active = False
    named.save()
    assert officer_ids(record, event, (StaffRole.PROCESSOR,)) == []
