"""Administrative unit mergers, as far as records go: the open records of the retired agencies move.

``procedures.units.merge_units`` retires the units and moves or deactivates
their agencies; given what it did, :func:`move_open_records` moves the open
records of each agency that has a counterpart in the successor unit to that
counterpart, keeping their code, history and deadlines, each with a
``merge_unit`` event; drafts follow silently. An agency that moved as it is
keeps its open records, and their history says so. Closed records stay with the
agency that handled them. The ``merge_units`` command runs both parts in one
transaction, so a failure here leaves the catalogue as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from . import workflow
from .constants import OPEN_STATES, RecordState, WorkflowAction
from .models import Record
from .transitions import record_event


@dataclass
class RecordsMoved:
    records_moved: int = 0
    drafts_moved: int = 0


@transaction.atomic
def move_open_records(merger) -> RecordsMoved:
    """Move or note the open records of every agency in ``merger`` (a ``procedures.units.UnitMerger``)."""
    report = RecordsMoved()
    new = merger.new_unit
    for move in merger.moves:
        if move.target is not None:
            report.records_moved += _move_records(move.agency, move.target, move.old_unit, new)
            report.drafts_moved += Record.objects.filter(agency=move.agency, state=RecordState.DRAFT).update(
                agency=move.target
            )
        else:
            report.records_moved += _note_records(move.agency, move.old_unit, new)
    return report


def _move_records(agency, target, old, new) -> int:
    from identity.models import StaffMembership

    members = set(StaffMembership.objects.filter(agency=target).values_list("user_id", flat=True))
    moved = 0
    for record in Record.objects.filter(agency=agency, state__in=OPEN_STATES).order_by("pk"):
        changes = {"agency": target}
        if record.assigned_to_id and record.assigned_to_id not in members:
            changes["assigned_to"] = None
        record_event(
            record,
            WorkflowAction.MERGE_UNIT,
            actor=None,
            role=workflow.SYSTEM,
            data={
                "from_unit": old.code,
                "to_unit": new.code,
                "from_agency": agency.code,
                "to_agency": target.code,
                "previous_officer": record.assigned_to_id,
            },
            **changes,
        )
        moved += 1
    return moved


def _note_records(agency, old, new) -> int:
    """The agency itself moved: its open records stay with it, and their history says so."""
    noted = 0
    for record in Record.objects.filter(agency=agency, state__in=OPEN_STATES).order_by("pk"):
        record_event(
            record,
            WorkflowAction.MERGE_UNIT,
            actor=None,
            role=workflow.SYSTEM,
            data={"from_unit": old.code, "to_unit": new.code, "from_agency": agency.code, "to_agency": agency.code},
        )
        noted += 1
    return noted
