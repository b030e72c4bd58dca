"""Role × state × action: every allowed step works, every other one is refused and changes nothing.

The expected table is written out here again, on purpose: it checks ``records.workflow``
rather than repeating it.
"""

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from records import deadlines, services, workflow
from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent, ResultDocument

pytestmark = pytest.mark.django_db

AFTER_RECEIPT = {S.RECEIVED, S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.TRANSFERRED, S.APPROVED}
EXPECTED = {
    A.WITHDRAW: ({S.SUBMITTED, S.RECEIVED}, {"citizen"}),
    A.RECEIVE: ({S.SUBMITTED}, {"receiver"}),
    A.REFUSE: ({S.SUBMITTED}, {"receiver"}),
    A.START_PROCESSING: ({S.RECEIVED}, {"processor"}),
    A.REQUEST_SUPPLEMENT: ({S.IN_PROCESSING}, {"processor"}),
    A.SUPPLEMENT: ({S.SUPPLEMENT_REQUESTED}, {"citizen", "receiver"}),
    A.TRANSFER: ({S.IN_PROCESSING}, {"processor"}),
    A.ACCEPT_TRANSFER: ({S.TRANSFERRED}, {"processor"}),
    A.TRANSFER_BACK: ({S.TRANSFERRED}, {"processor"}),
    A.APPROVE: ({S.IN_PROCESSING}, {"approver"}),
    A.REJECT: ({S.IN_PROCESSING}, {"approver"}),
    A.RETURN_RESULT: ({S.APPROVED}, {"receiver"}),
    A.REASSIGN: (AFTER_RECEIPT | {S.SUBMITTED}, {"head"}),
    A.APOLOGISE: (AFTER_RECEIPT, {"processor", "approver"}),
    A.ATTACH_RESULT: ({S.IN_PROCESSING}, {"processor"}),
    A.REVOKE_RESULT: ({S.APPROVED, S.RESULT_RETURNED}, {"approver"}),
    A.SUBMIT_TO_LEADER: ({S.IN_PROCESSING}, {"processor"}),
    A.SEND_BACK: ({S.IN_PROCESSING}, {"approver"}),
    A.HAND_OVER: ({S.IN_PROCESSING}, {"processor"}),
}
TARGET = {
    A.WITHDRAW: S.WITHDRAWN,
    A.RECEIVE: S.RECEIVED,
    A.REFUSE: S.REFUSED,
    A.START_PROCESSING: S.IN_PROCESSING,
    A.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
    A.SUPPLEMENT: S.IN_PROCESSING,
    A.TRANSFER: S.TRANSFERRED,
    A.ACCEPT_TRANSFER: S.IN_PROCESSING,
    A.TRANSFER_BACK: S.IN_PROCESSING,
    A.APPROVE: S.APPROVED,
    A.REJECT: S.REJECTED,
    A.RETURN_RESULT: S.RESULT_RETURNED,
}
ACTORS = ["citizen", "receiver", "processor", "approver", "head", "outsider"]
STATES = [s for s in S.values if s != S.DRAFT]


def test_the_expected_table_covers_every_staff_and_citizen_action():
    declared = {a for a, t in workflow.ACTIONS.items() if workflow.SYSTEM not in t.roles and a != A.SUBMIT}
    assert declared == set(EXPECTED)


def allowed(action, state, actor):
    states, roles = EXPECTED[action]
    if state not in states or actor == "outsider":
        return False
    if actor == "head":
        return roles != {"citizen"}
    return actor in roles


def clone(template, state, n):
    record = Record.objects.get(pk=template.pk)
    record.pk = uuid.uuid4()
    record.code = f"{template.code}-{n}"
    record.state = state
    today = timezone.localdate()
    record.received_at = None if state == S.SUBMITTED else timezone.now()
    record.due_date = None if state == S.SUBMITTED else deadlines.add_working_days(today, 10)
    record.supplement_requested_at = timezone.now() if state == S.SUPPLEMENT_REQUESTED else None
    record.save(force_insert=True)
    if state == S.IN_PROCESSING:
        ResultDocument.objects.create(record=record, document_id=uuid.uuid4(), uploaded_by=template.applicant)
    return record


def snapshot(record):
    fresh = Record.objects.get(pk=record.pk)
    return (fresh.state, fresh.agency_id, fresh.assigned_to_id, fresh.due_date, fresh.new_appointment_date)


@pytest.fixture
def process_step(record):
    """The first step of a draft version of the record's procedure with an internal process: the hand-over moves
    records through steps, so its records are put at one (the other actions' records follow no process)."""
    from procedures.constants import VersionStatus
    from procedures.models import ProcedureVersion, ProcessStep

    version = ProcedureVersion.objects.get(pk=record.procedure_version_id)
    version.pk, version.number, version.status = None, 99, VersionStatus.DRAFT
    version.save(force_insert=True)
    rest = version.processing_days * 8 - 1
    first, _second = ProcessStep.objects.bulk_create(
        ProcessStep(version=version, order=i, kind=kind, name=kind, working_hours=hours)
        for i, (kind, hours) in enumerate([("process", 1), ("consult", rest)], start=1)
    )
    return first


@pytest.mark.parametrize("state", STATES)
def test_role_state_action_matrix(state, record, staff, citizen, other_agency, process_step):
    users = {**staff, "citizen": citizen}
    data = {
        A.TRANSFER: {"to_agency": other_agency.code},
        A.REASSIGN: {"to": staff["processor"].pk},
    }
    problems = []
    n = 0
    for action in EXPECTED:
        for actor in ACTORS:
            n += 1
            target = clone(record, state, n)
            if state == S.TRANSFERRED:  # it came from the other agency, where it can be sent back
                RecordEvent.objects.create(
                    record=target,
                    actor=staff["outsider"],
                    action=A.TRANSFER,
                    data={"from_agency": other_agency.code, "to_agency": target.agency.code},
                )
            if action == A.HAND_OVER:
                Record.objects.filter(pk=target.pk).update(
                    procedure_version=process_step.version, process_step=process_step
                )
            step_data = dict(data.get(action, {}))
            if action == "apologise":
                base = target.due_date or timezone.localdate()
                step_data["new_appointment"] = deadlines.add_working_days(base, 3).isoformat()
            before = snapshot(target)
            events = RecordEvent.objects.filter(record=target).count()
            try:
                if actor == "citizen":
                    step = workflow.ACTIONS[action]
                    call = services.transition if step.changes_state else services.record_event
                    call(target, action, actor=citizen, role=workflow.CITIZEN, reason="Lý do", data=step_data)
                else:
                    services.act(target, action, actor=users[actor], reason="Lý do", data=step_data)
            except (ValidationError, PermissionDenied) as error:
                if allowed(action, state, actor):
                    problems.append(f"{actor} {action} from {state}: refused ({error})")
                if snapshot(target) != before or RecordEvent.objects.filter(record=target).count() != events:
                    problems.append(f"{actor} {action} from {state}: refused but changed the record")
                continue
            if not allowed(action, state, actor):
                problems.append(f"{actor} {action} from {state}: allowed but should be refused")
                continue
            after = Record.objects.get(pk=target.pk)
            expected_state = TARGET.get(action, state)
            if after.state != expected_state:
                problems.append(f"{actor} {action} from {state}: ended in {after.state}")
            last = RecordEvent.objects.filter(record=target).order_by("-id").first()
            if RecordEvent.objects.filter(record=target).count() != events + 1 or last.action != action:
                problems.append(f"{actor} {action} from {state}: no single event appended")
    assert problems == []


def test_a_refused_action_says_why(record, staff):
    with pytest.raises(PermissionDenied, match="Cán bộ tiếp nhận"):
        services.act(record, A.RECEIVE, actor=staff["processor"])
    with pytest.raises(ValidationError, match="lý do"):
        services.act(record, A.REFUSE, actor=staff["receiver"], reason="  ")
    with pytest.raises(ValidationError, match="trạng thái"):
        services.act(record, A.APPROVE, actor=staff["approver"])
    assert Record.objects.get(pk=record.pk).state == S.SUBMITTED
    assert not RecordEvent.objects.filter(record=record).exclude(action__in=[A.CREATE, A.SUBMIT]).exists()


def test_events_keep_who_role_states_reason_time_and_address(record, staff):
    services.act(record, A.REFUSE, actor=staff["receiver"], reason="Sai thẩm quyền", client_ip="203.0.113.9")
    event = RecordEvent.objects.filter(record=record).latest("id")
    assert (event.actor, event.role, event.from_state, event.to_state) == (
        staff["receiver"],
        "receiver",
        S.SUBMITTED,
        S.REFUSED,
    )
    assert event.reason == "Sai thẩm quyền" and event.client_ip == "203.0.113.9"
    assert abs((timezone.now() - event.at).total_seconds()) < 60
    event.reason = "sửa"
    with pytest.raises(ValueError):
        event.save()


def test_system_actions_cannot_be_taken_by_staff(record, staff):
    for action in (A.OVERDUE, A.REMINDER, A.MERGE_UNIT):
        with pytest.raises(ValidationError):
            services.act(record, action, actor=staff["head"])
