"""Bulk actions from the back-office queue: receive, or assign to an officer, several records with one
confirmation. Each record goes through the same funnel as one at a time (``processing.act``), in its own
transaction: one that changed meanwhile (received by a colleague, transferred) is reported, the others done."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from .constants import RecordState
from .constants import WorkflowAction as A
from .models import Record
from .processing import act

BULK_ACTIONS = {A.RECEIVE: _("Tiếp nhận"), A.REASSIGN: _("Phân công cán bộ xử lý")}
MAX_BULK = 100


@dataclass
class BulkOutcome:
    done: list[Record] = field(default_factory=list)
    failed: list[tuple[Record, str]] = field(default_factory=list)


def chosen_records(agency, pks) -> list[Record]:
    """The filed records of ``agency`` among ``pks`` (ids of another agency's records are ignored), by code."""
    wanted = [str(pk) for pk in pks][:MAX_BULK]
    if not wanted:
        return []
    try:
        return list(
            Record.objects.filter(agency=agency, pk__in=wanted)
            .exclude(state=RecordState.DRAFT)
            .select_related("agency", "service", "assigned_to")
            .order_by("code")
        )
    except ValidationError:  # an id that is not a UUID
        return []


def bulk_act(records: list[Record], action: str, *, actor, client_ip=None, assigned_to: int | None = None):
    if action not in BULK_ACTIONS:
        raise ValidationError(_("Thao tác không tồn tại."))
    if action == A.REASSIGN and not assigned_to:
        raise ValidationError(_("Hãy chọn cán bộ xử lý."))
    outcome = BulkOutcome()
    for record in records:
        data = {}
        if assigned_to:
            data = {"to": assigned_to} if action == A.REASSIGN else {"assigned_to": assigned_to}
        try:
            act(
                record,
                action,
                actor=actor,
                client_ip=client_ip,
                expected_state=RecordState.SUBMITTED if action == A.RECEIVE else None,
                data=data,
            )
        except (ValidationError, PermissionDenied) as error:
            outcome.failed.append((record, " ".join(getattr(error, "messages", None) or [str(error)])))
        else:
            outcome.done.append(record)
    return outcome
