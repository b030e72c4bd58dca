"""From a record's change to the official slip it calls for, and who may download it.

Connected to ``records.signals.record_changed`` in ``apps.py``, sent inside the
record's transaction: an event that calls for a slip (``ACTION_KINDS``) gets one
outbox row (``outbox.services.enqueue``, key ``documents:event:<event>``) in
that transaction, so a committed change cannot lose its slip and a rolled-back
one requests none. After commit the row is relayed to the ``documents`` queue
(or picked up by the outbox sweep) and the worker runs
``tasks.request_event_document``, which builds the slip's context and calls
``request_document``; that writes the pending document, and
``tasks.issue_document`` renders and signs it. Each slip is requested with a key
derived from the record event, so a row run twice issues nothing twice. The
result is not a slip: the approval signs it in its own transaction
(``results.sign_on_approval``) and a revocation voids it (``results.revoke_results``).

"""

from __future__ import annotations

import logging

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from records.constants import WorkflowAction as A
from records.deadlines import appointment_at

from .constants import DocumentKind
from .services import request_document

logger = logging.getLogger(__name__)


ACTION_KINDS = {
    A.RECEIVE: DocumentKind.RECEIPT_APPOINTMENT,
    A.REQUEST_SUPPLEMENT: DocumentKind.SUPPLEMENT_REQUEST,
    A.REFUSE: DocumentKind.REFUSAL,
    A.REJECT: DocumentKind.REJECTION,
    A.APOLOGISE: DocumentKind.APOLOGY,
    A.RETURN_RESULT: DocumentKind.CONTROL_SLIP,
}


def calls_for_slip(event, action: str) -> bool:
    """The control slip (Mẫu 04) only for a record that followed an internal process: its return left a step."""
    if action == A.RETURN_RESULT:
        return bool((event.data or {}).get("from_step"))
    return action in ACTION_KINDS


DEFAULT_APOLOGY_REASON = "Hồ sơ chưa được giải quyết xong trong thời hạn đã hẹn"


def on_record_changed(sender, *, record, event, action, **kwargs):
    """Inside the record's transaction: an outbox row for the slip the event calls for, if any."""
    from outbox.services import enqueue

    from . import results

    if action == A.APPROVE:
        # The approver's act signs the result: its document (and register number) is written in this transaction.
        results.sign_on_approval(record, event)
    elif action == A.REVOKE_RESULT:
        results.revoke_results(record, event)
    if calls_for_slip(event, action):
        enqueue("documents.tasks.request_event_document", {"event_id": event.pk}, f"documents:event:{event.pk}")


def request_for_event(record, event, action: str):
    kind = ACTION_KINDS.get(action)
    if kind is None:
        return None
    if kind == DocumentKind.RESULT_CERTIFICATE:
        if has_uploaded_result(record, event):
            return None  # the officer uploaded the signed result itself
        key = "result"
    else:
        key = f"{action}:{event.pk}"
    context = {**common_context(record), **CONTEXT_BUILDERS[kind](record, event)}
    signed_by = context.get("signer_name", "") if kind == DocumentKind.REJECTION else ""
    return request_document(
        kind, agency=record.agency, subject=record, context=context, idempotency_key=key, signed_by=signed_by
    )


def has_uploaded_result(record, event) -> bool:
    """Whether the record already carries a result file (the back-office may let officers upload one)."""
    data = event.data or {}
    if data.get("result"):
        return True
    results = getattr(record, "results", None)  # records.ResultDocument rows, once the back-office stores them
    return bool(results is not None and hasattr(results, "exists") and results.exists())


def common_context(record) -> dict:
    version = record.procedure_version
    return {
        "record_code": record.code or "",
        "applicant_name": record.applicant_name,
        "procedure_name": version.name,
        "procedure_code": version.procedure.code,
    }


def documents_received(record) -> list:
    """What the applicant handed in: attached components, and those registry or wallet data replaced."""
    items, seen = [], set()
    for attachment in record.attachments.select_related("component").order_by("component__order", "uploaded_at"):
        name = attachment.component.name if attachment.component_id else attachment.original_name
        if name not in seen:
            seen.add(name)
            items.append({"name": name, "form": "Bản điện tử", "copies": 1})
    replaced = [int(pk) for pk in (record.replaced_components or {}) if str(pk).isdigit()]
    for component in record.procedure_version.components.filter(pk__in=replaced):
        if component.name not in seen:
            seen.add(component.name)
            items.append({"name": component.name, "form": "Dữ liệu điện tử", "copies": 1})
    if record.form_data and not items:
        items.append({"name": "Tờ khai điện tử", "form": "Bản điện tử", "copies": 1})
    return items or [{"name": "Tờ khai", "form": "Bản điện tử", "copies": 1}]


# Payments knows fees and exemptions: it registers how a slip states them (``PaymentsConfig.ready``), so that
# documents, which payments itself uses for e-receipts, never imports payments.
_fee_source = None


def register_fee_source(source) -> None:
    """``source(record)`` returns the ``fee``, ``fee_exemption`` and ``fee_exemption_pending`` entries of a receipt
    slip's context (``payments.services.fee_for_slip``)."""
    global _fee_source
    _fee_source = source


def fee_due(record) -> dict:
    """The slip's fee, as payments reckons it (rates by channel, exemptions): documents never sum fees itself."""
    if _fee_source is None:
        raise ImproperlyConfigured("No fee source is registered: is the payments app installed?")
    return _fee_source(record)


def _receipt(record, event) -> dict:
    from records.services import time_limit

    return {
        # At the counter the officer ticked what was handed in: the receive event holds exactly that.
        "documents_received": (event.data or {}).get("papers") or documents_received(record),
        **fee_due(record),
        "processing_days": time_limit(record),  # within an integrated filing, the bundle's own limit
        "received_at": record.received_at or event.at,
        "appointment_at": appointment_at(record.due_date or record.expected_result_date),
    }


def _supplement(record, event) -> dict:
    data = event.data or {}
    items = data.get("items") or [event.reason]
    return {
        "items": [str(item) for item in items],
        "reason": event.reason,
        "received_at": record.received_at,
        "deadline": data.get("deadline"),
    }


def _refusal(record, event) -> dict:
    return {"reason": event.reason}


def _rejection(record, event) -> dict:
    """The leader's reply: the reasons, signed in their name (``results.approver_name``)."""
    from .results import approver_name

    context = {"reason": event.reason, "received_at": record.received_at, "decided_at": event.at}
    if event.actor is not None:
        context.update(signer_title="KT. THỦ TRƯỞNG CƠ QUAN", signer_name=approver_name(event.actor))
    return context


def _apology(record, event) -> dict:
    data = event.data or {}
    old = data.get("previous_appointment") or record.expected_result_date
    return {
        "received_at": record.received_at or record.submitted_at or event.at,
        "appointment_at": appointment_at(old or record.due_date),
        "reason": event.reason or data.get("reason") or DEFAULT_APOLOGY_REASON,
        "new_appointment_at": appointment_at(data.get("new_appointment") or record.due_date),
    }


def _result(record, event) -> dict:
    version = record.procedure_version
    details = []
    if record.subject_name:
        details.append({"label": "Người/tổ chức được giải quyết", "value": record.subject_name})
    return {
        "result": version.result_name or "Hồ sơ đã được giải quyết",
        "details": details,
        "decided_at": record.completed_at or timezone.now(),
    }


def _control_slip(record, event) -> dict:
    """The hand-overs, read back from the record's events (``records.steps.control_rows``)."""
    from records.steps import control_rows

    return {
        "received_at": record.received_at,
        "appointment_at": appointment_at(record.due_date),
        "steps": [
            {
                "step": f"{row['order']}. {row['name']}",
                "unit": row["unit"],
                "received_at": row["received_at"].isoformat(),
                "received_by": (row["received_by"].get_full_name() or row["received_by"].username)
                if row["received_by"]
                else "",
                "due": row["due"].isoformat() if row["due"] else "",
                "handed_over_at": row["handed_over_at"].isoformat() if row["handed_over_at"] else "",
                "verdict": str(row["verdict"]),
                "note": row["note"],
            }
            for row in control_rows(record)
        ],
    }


CONTEXT_BUILDERS = {
    DocumentKind.CONTROL_SLIP: _control_slip,
    DocumentKind.RECEIPT_APPOINTMENT: _receipt,
    DocumentKind.SUPPLEMENT_REQUEST: _supplement,
    DocumentKind.REFUSAL: _refusal,
    DocumentKind.REJECTION: _rejection,
    DocumentKind.APOLOGY: _apology,
    DocumentKind.RESULT_CERTIFICATE: _result,
}


def record_policy(user, document, subject=None) -> bool:
    """Staff holding any role at the record's agency may download its documents; so may the applicant,
    except the result certificate before the result is returned (it may be made and signed while the
    record is still being processed, and the fee may still be due)."""
    from identity.services import has_role
    from records.constants import RecordState
    from records.models import Record

    record = subject or Record.objects.filter(pk=document.object_id).select_related("agency").first()
    if record is None:
        return False
    if record.applicant_id == user.pk:
        results = (DocumentKind.RESULT_CERTIFICATE, DocumentKind.RESULT_DOCUMENT)
        return document.kind not in results or record.state == RecordState.RESULT_RETURNED
    # A page lists several documents of one record: ask for the officer's role at its agency once.
    answers = record.__dict__.setdefault("_agency_access", {})
    if user.pk not in answers:
        answers[user.pk] = has_role(user, record.agency)
    return answers[user.pk]


def on_counter_completion_requested(sender, *, visit, **kwargs):
    """In the visit's transaction: the Mẫu 02 of a desk visit that ended with no record (``records.counter``)."""
    version = visit.procedure_version
    context = {
        "record_code": "Chưa tiếp nhận (hướng dẫn hoàn thiện hồ sơ tại quầy)",
        "applicant_name": visit.applicant_name,
        "procedure_name": version.name,
        "procedure_code": version.procedure.code,
        "items": [str(item) for item in visit.items],
        "reason": visit.reason,
        "received_at": visit.created_at,
    }
    return request_document(
        DocumentKind.SUPPLEMENT_REQUEST, agency=visit.agency, subject=visit, context=context, idempotency_key="visit"
    )


def counter_visit_policy(user, document, subject=None) -> bool:
    """The Mẫu 02 of a desk visit: the officers of the agency that issued it (the citizen got it on paper)."""
    from identity.services import staff_roles

    visit = subject if subject is not None else document.subject
    return visit is not None and bool(staff_roles(user, visit.agency))
