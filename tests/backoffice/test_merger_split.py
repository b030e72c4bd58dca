"""A unit merger in two parts, one transaction: the catalogue's units and agencies (procedures), the open
records (records). A failure in the records part leaves the catalogue as it was."""

import ast
import datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from eservices.models import OnlineService
from procedures import units
from procedures.constants import AgencyLevel, UnitLevel
from procedures.models import AdministrativeUnit, Agency
from records import merger
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent

from .conftest import submitted_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(citizen, family):
    """A commune to retire with two agencies: one with a counterpart in the successor, one without."""
    province = AdministrativeUnit.objects.get(code="01")
    old = AdministrativeUnit.objects.create(code="99901", name="Xã Cũ", level=UnitLevel.COMMUNE, parent=province)
    new = AdministrativeUnit.objects.create(code="99902", name="Xã Mới", level=UnitLevel.COMMUNE, parent=province)
    old_agency = Agency.objects.create(code="99901.00.00.H01", name="UBND Xã Cũ", level=AgencyLevel.COMMUNE, unit=old)
    new_agency = Agency.objects.create(code="99902.00.00.H01", name="UBND Xã Mới", level=AgencyLevel.COMMUNE, unit=new)
    police = Agency.objects.create(code="99901.00.07.H01", name="Công an Xã Cũ", level=AgencyLevel.COMMUNE, unit=old)
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    service.version.agencies.through.objects.create(procedureversion=service.version, agency=old_agency)
    record = submitted_record(citizen, family["father"])
    Record.objects.filter(pk=record.pk).update(agency=old_agency)
    return {
        "old": old,
        "new": new,
        "old_agency": old_agency,
        "new_agency": new_agency,
        "police": police,
        "record": record,
    }


def test_a_failure_moving_records_rolls_back_the_catalogue(scene, monkeypatch):
    # The merged agency's record moves first (for real), then noting the moved agency's records fails.
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(merger, "_note_records", fail)

    with pytest.raises(RuntimeError):
        call_command("merge_units", "99901", "--into", "99902", "--date", "2026-07-01")

    old, old_agency, police, record = scene["old"], scene["old_agency"], scene["police"], scene["record"]
    old.refresh_from_db()
    old_agency.refresh_from_db()
    police.refresh_from_db()
    assert old.successor is None and old.retired_on is None
    assert old_agency.unit == old and old_agency.is_active
    assert police.unit == old and police.is_active
    assert Record.objects.get(pk=record.pk).agency == old_agency
    assert not RecordEvent.objects.filter(action=A.MERGE_UNIT).exists()


def test_the_catalogue_part_changes_units_and_agencies_and_no_record(scene):
    merged = units.merge_units(["99901"], "99902", on=datetime.date(2026, 7, 1))

    assert merged.retired == ["99901"]
    assert merged.agencies_merged == {"99901.00.00.H01": "99902.00.00.H01"}
    assert merged.agencies_moved == ["99901.00.07.H01"]
    scene["old_agency"].refresh_from_db()
    assert scene["old_agency"].unit == scene["new"] and not scene["old_agency"].is_active
    assert Record.objects.get(pk=scene["record"].pk).agency == scene["old_agency"]  # records' part, not run
    assert not RecordEvent.objects.filter(action=A.MERGE_UNIT).exists()

    moved = merger.move_open_records(merged)
    assert (moved.records_moved, moved.drafts_moved) == (1, 0)
    assert Record.objects.get(pk=scene["record"].pk).agency == scene["new_agency"]


def test_procedures_knows_nothing_of_records():
    source = Path(units.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
    assert "records" not in imported
