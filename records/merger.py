"""Administrative unit mergers (sắp xếp đơn vị hành chính): retire units, move agencies and open records.

When communes or provinces merge, the successor unit takes over: the retired
units point to it (``successor``, ``retired_on``), their child units and
agencies move under it, and the open records of each retired agency move to
its counterpart in the successor unit, keeping their code, history and
deadlines, each with a ``merge_unit`` event. Nothing is deleted; closed records
stay with the agency that handled them, which itself now belongs to the
successor unit, so no agency or unit is left under a retired one.

The counterpart of an agency is given explicitly (``agency_map``) or found by
the one-stop code convention ``{unit code}.{suffix}``: the successor's agency
with the same suffix. An agency without a counterpart simply moves to the
successor unit with its records.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from procedures.models import AdministrativeUnit, Agency

from . import services, workflow
from .constants import OPEN_STATES, RecordState
from .models import Record


@dataclass
class MergeReport:
    retired: list[str] = field(default_factory=list)
    agencies_moved: list[str] = field(default_factory=list)
    agencies_merged: dict[str, str] = field(default_factory=dict)
    records_moved: int = 0
    drafts_moved: int = 0


def counterpart(agency: Agency, old: AdministrativeUnit, new: AdministrativeUnit) -> Agency | None:
    if not agency.code.startswith(f"{old.code}."):
        return None
    code = new.code + agency.code[len(old.code) :]
    return Agency.objects.filter(code=code, unit=new).first()


def merge_units(
    old_codes: list[str], new_code: str, *, agency_map: dict[str, str] | None = None, on: datetime.date | None = None
) -> MergeReport:
    on = on or timezone.localdate()
    agency_map = dict(agency_map or {})
    report = MergeReport()
    with transaction.atomic():
        new = AdministrativeUnit.objects.select_for_update().filter(code=new_code).first()
        if new is None or not new.is_active:
            raise ValidationError(f"Unknown or retired successor unit {new_code!r}.")
        olds = list(AdministrativeUnit.objects.select_for_update().filter(code__in=old_codes).order_by("code"))
        missing = set(old_codes) - {u.code for u in olds}
        if missing or new.code in old_codes:
            raise ValidationError(f"Unknown unit(s) or a unit merged into itself: {sorted(missing) or new.code}.")
        for old in olds:
            old.successor = new
            old.retired_on = old.retired_on or on
            old.save(update_fields=["successor", "retired_on"])
            report.retired.append(old.code)
            # Units that had retired earlier into one of these now lead straight to the new one.
            AdministrativeUnit.objects.filter(successor=old).update(successor=new)
            AdministrativeUnit.objects.filter(parent=old).update(parent=new)
            for agency in Agency.objects.select_for_update().filter(unit=old).order_by("code"):
                target_code = agency_map.get(agency.code)
                target = (
                    Agency.objects.filter(code=target_code).first() if target_code else counterpart(agency, old, new)
                )
                if target_code and target is None:
                    raise ValidationError(f"Unknown agency {target_code!r}.")
                agency.unit = new
                if target is not None and target.pk != agency.pk:
                    agency.is_active = False
                    report.agencies_merged[agency.code] = target.code
                    report.records_moved += _move_records(agency, target, old, new)
                    report.drafts_moved += Record.objects.filter(agency=agency, state=RecordState.DRAFT).update(
                        agency=target
                    )
                else:
                    report.agencies_moved.append(agency.code)
                    report.records_moved += _note_records(agency, old, new)
                agency.save(update_fields=["unit", "is_active"])
    return report


def _move_records(agency: Agency, target: Agency, old, new) -> int:
    from identity.models import StaffMembership

    members = set(StaffMembership.objects.filter(agency=target).values_list("user_id", flat=True))
    moved = 0
    for record in Record.objects.filter(agency=agency, state__in=OPEN_STATES).order_by("pk"):
        changes = {"agency": target}
        if record.assigned_to_id and record.assigned_to_id not in members:
            changes["assigned_to"] = None
        services.record_event(
            record,
            "merge_unit",
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


def _note_records(agency: Agency, old, new) -> int:
    """The agency itself moved: its open records stay with it, and their history says so."""
    noted = 0
    for record in Record.objects.filter(agency=agency, state__in=OPEN_STATES).order_by("pk"):
        services.record_event(
            record,
            "merge_unit",
            actor=None,
            role=workflow.SYSTEM,
            data={"from_unit": old.code, "to_unit": new.code, "from_agency": agency.code, "to_agency": agency.code},
        )
        noted += 1
    return noted
