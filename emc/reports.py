"""What the national portal and EMC are told of a record's change: the status report, built in the change's
transaction so that it says what was true at that moment, however late it is delivered.

A report is sent for every change of state (``event.from_state != event.to_state``) into a state the national
portal knows (``records.constants.NATIONAL_STATUS``: a draft is nobody's business but the citizen's), and for a
record moved to another agency by a merger of administrative units (the state stays, the agency changes: the
nation must count the record at its new agency). Its fields:

``event_id``       the ``RecordEvent`` id: the receiver stores a report once per event id (idempotency)
``record_code``    ``{agency code}-{yyMMdd}-{sequence}``
``agency_code``    the agency handling the record after the change
``procedure_code`` the procedure's code in the national database (e.g. ``1.001234``)
``status``         the national status code, 1 submitted ... 10 returned
``channel``        ``online``, ``counter`` or ``postal``
``event_at``       when the change happened (ISO 8601 with offset)
``due_date``       the processing due date (ISO date) or null before receipt
``received_at``    when the agency received the record, or null
``finished_at``    when the record was closed (result returned, rejected, refused, withdrawn), or null
"""

from __future__ import annotations

from records.constants import NATIONAL_STATUS
from records.constants import WorkflowAction as A

# Events that change no state but move the record to another agency.
AGENCY_MOVES = {A.MERGE_UNIT}


def reportable(event) -> bool:
    """Whether ``event`` is news for the national portal (see the module's docstring)."""
    if event.to_state not in NATIONAL_STATUS:
        return False
    return event.from_state != event.to_state or event.action in AGENCY_MOVES


def national_status(state: str) -> int:
    """The national status code of a record ``state`` (``KeyError`` for a draft, which is never reported)."""
    return NATIONAL_STATUS[state]


def build_report(record, event) -> dict:
    """The status report of ``event`` on ``record`` (as the record stands right after it), JSON-ready."""
    return {
        "event_id": event.pk,
        "record_code": record.code or "",
        "agency_code": record.agency.code,
        "procedure_code": record.procedure_version.procedure.code,
        "status": national_status(event.to_state),
        "channel": record.channel,
        "event_at": event.at.isoformat(),
        "due_date": record.due_date.isoformat() if record.due_date else None,
        "received_at": record.received_at.isoformat() if record.received_at else None,
        "finished_at": record.completed_at.isoformat() if record.completed_at else None,
    }
