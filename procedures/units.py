"""Administrative unit mergers (sắp xếp đơn vị hành chính), as far as the catalogue goes.

When communes or provinces merge, the successor unit takes over: the retired
units point to it (``successor``, ``retired_on``), their child units and
agencies move under it, and an agency that has a counterpart in the successor
is deactivated (its work goes to the counterpart). Nothing is deleted, so no
agency or unit is left under a retired one.

The counterpart of an agency is given explicitly (``agency_map``) or found by
the one-stop code convention ``{unit code}.{suffix}``: the successor's agency
with the same suffix. An agency without a counterpart simply moves to the
successor unit.

This module changes only the catalogue's units and agencies, and says what it
did (:class:`UnitMerger`); moving the open records of the retired agencies is
``records.merger``'s. The ``merge_units`` command runs both in one transaction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import AdministrativeUnit, Agency


@dataclass(frozen=True)
class AgencyMove:
    """One agency of a retired unit: ``target`` takes over its work, or it moved as it is (``target`` None)."""

    agency: Agency
    old_unit: AdministrativeUnit
    target: Agency | None = None


@dataclass
class UnitMerger:
    new_unit: AdministrativeUnit
    retired: list[str] = field(default_factory=list)
    moves: list[AgencyMove] = field(default_factory=list)

    @property
    def agencies_merged(self) -> dict[str, str]:
        return {move.agency.code: move.target.code for move in self.moves if move.target is not None}

    @property
    def agencies_moved(self) -> list[str]:
        return [move.agency.code for move in self.moves if move.target is None]


def counterpart(agency: Agency, old: AdministrativeUnit, new: AdministrativeUnit) -> Agency | None:
    if not agency.code.startswith(f"{old.code}."):
        return None
    code = new.code + agency.code[len(old.code) :]
    return Agency.objects.filter(code=code, unit=new).first()


@transaction.atomic
def merge_units(
    old_codes: list[str], new_code: str, *, agency_map: dict[str, str] | None = None, on: datetime.date | None = None
) -> UnitMerger:
    """Retire ``old_codes`` into ``new_code`` on ``on`` (today by default); raises ValidationError for unknown
    codes, a retired successor or a unit merged into itself, with nothing changed."""
    on = on or timezone.localdate()
    agency_map = dict(agency_map or {})
    new = AdministrativeUnit.objects.select_for_update().filter(code=new_code).first()
    if new is None or not new.is_active:
        raise ValidationError(f"Unknown or retired successor unit {new_code!r}.")
    olds = list(AdministrativeUnit.objects.select_for_update().filter(code__in=old_codes).order_by("code"))
    missing = set(old_codes) - {u.code for u in olds}
    if missing or new.code in old_codes:
        raise ValidationError(f"Unknown unit(s) or a unit merged into itself: {sorted(missing) or new.code}.")
    merger = UnitMerger(new_unit=new)
    for old in olds:
        old.successor = new
        old.retired_on = old.retired_on or on
        old.save(update_fields=["successor", "retired_on"])
        merger.retired.append(old.code)
        # Units that had retired earlier into one of these now lead straight to the new one.
        AdministrativeUnit.objects.filter(successor=old).update(successor=new)
        AdministrativeUnit.objects.filter(parent=old).update(parent=new)
        for agency in Agency.objects.select_for_update().filter(unit=old).order_by("code"):
            target_code = agency_map.get(agency.code)
            target = Agency.objects.filter(code=target_code).first() if target_code else counterpart(agency, old, new)
            if target_code and target is None:
                raise ValidationError(f"Unknown agency {target_code!r}.")
            if target is not None and target.pk == agency.pk:
                target = None
            agency.unit = new
            agency.is_active = agency.is_active and target is None
            agency.save(update_fields=["unit", "is_active"])
            merger.moves.append(AgencyMove(agency=agency, old_unit=old, target=target))
    return merger
