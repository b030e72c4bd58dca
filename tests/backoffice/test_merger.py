"""Merging administrative units moves agencies and open records, keeping codes, history and deadlines."""

import io

import pytest
from django.core.management import call_command

from eservices.models import OnlineService
from identity.constants import StaffRole
from procedures.constants import AgencyLevel, UnitLevel
from procedures.models import AdministrativeUnit, Agency
from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent

from .conftest import advance, make_officer, submitted_record

pytestmark = pytest.mark.django_db


def test_merge_units_moves_open_records_in_several_states(citizen, family):
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    province = AdministrativeUnit.objects.get(code="01")
    old = AdministrativeUnit.objects.create(code="99901", name="Xã Cũ", level=UnitLevel.COMMUNE, parent=province)
    new = AdministrativeUnit.objects.create(code="99902", name="Xã Mới", level=UnitLevel.COMMUNE, parent=province)
    old_agency = Agency.objects.create(code="99901.00.00.H01", name="UBND Xã Cũ", level=AgencyLevel.COMMUNE, unit=old)
    new_agency = Agency.objects.create(code="99902.00.00.H01", name="UBND Xã Mới", level=AgencyLevel.COMMUNE, unit=new)
    police = Agency.objects.create(code="99901.00.07.H01", name="Công an Xã Cũ", level=AgencyLevel.COMMUNE, unit=old)
    # The procedure version is published (immutable), so the test puts the agency in through the M2M table.
    service.version.agencies.through.objects.create(procedureversion=service.version, agency=old_agency)
    staff = {
        "receiver": make_officer("tn", old_agency, StaffRole.RECEIVER),
        "processor": make_officer("xl", old_agency, StaffRole.PROCESSOR),
        "approver": make_officer("pd", old_agency, StaffRole.APPROVER),
    }
    records = {}
    for state in ["submitted", "received", "in_processing", "supplement_requested", "approved", "result_returned"]:
        record = submitted_record(citizen, family["father"])
        Record.objects.filter(pk=record.pk).update(agency=old_agency)
        record = Record.objects.get(pk=record.pk)
        if state != "submitted":
            record = advance(record, staff, state)
        records[state] = record
    before = {
        pk: (r.code, r.due_date, r.state, list(r.events.values_list("id", flat=True)))
        for pk, r in ((r.pk, Record.objects.get(pk=r.pk)) for r in records.values())
    }

    out = io.StringIO()
    call_command("merge_units", "99901", "--into", "99902", "--date", "2026-07-01", stdout=out)
    assert "5 open records moved" in out.getvalue()

    old.refresh_from_db()
    assert old.successor == new and str(old.retired_on) == "2026-07-01"
    for state, record in records.items():
        after = Record.objects.get(pk=record.pk)
        code, due, was, events = before[record.pk]
        assert (after.code, after.due_date, after.state) == (code, due, was)
        assert list(after.events.values_list("id", flat=True))[: len(events)] == events  # history kept
        if state == "result_returned":
            assert after.agency == old_agency and not after.events.filter(action=A.MERGE_UNIT).exists()
        else:
            assert after.agency == new_agency
            event = after.events.get(action=A.MERGE_UNIT)
            assert event.data["from_agency"] == old_agency.code and event.data["to_agency"] == new_agency.code
            assert event.from_state == event.to_state == was
            assert after.assigned_to is None  # the old officers do not work for the new agency
    # Nothing points at the retired unit any more.
    assert not Agency.objects.filter(unit=old).exists()
    assert not AdministrativeUnit.objects.filter(parent=old).exists()
    old_agency.refresh_from_db()
    police.refresh_from_db()
    assert not old_agency.is_active and old_agency.unit == new
    assert police.is_active and police.unit == new  # no counterpart: it moves as it is
    assert RecordEvent.objects.filter(action=A.MERGE_UNIT).count() == 5
    assert Record.objects.filter(agency=new_agency, state__in=[S.SUBMITTED, S.IN_PROCESSING]).count() == 2


def test_merge_units_refuses_unknown_units(catalogue):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("merge_units", "nope", "--into", "00004")
    with pytest.raises(CommandError):
        call_command("merge_units", "00004", "--into", "00004")
