"""Records move along their procedure's internal process (issue #16 item 2): each step entered has its own due time in
office hours, the overdue scan marks a step that overran (and tells the officers), and the hand-overs make the
control slip (Mẫu 04)."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from notifications.constants import Event
from notifications.models import Message
from procedures.models import ProcessStep
from records import deadlines, services, steps
from records.constants import WorkflowAction as A
from records.models import Record

from .conftest import add_result, advance, staff_login

pytestmark = pytest.mark.django_db

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
NOTE = "Đã kiểm tra chỗ ở hợp pháp, chuyển xác minh"


def at(*args):
    return datetime.datetime(*args, tzinfo=HANOI)


@pytest.fixture
def process(record):
    """receive 4h → process (rest) → consult 8h → leader 4h → sign 4h → return 4h, adding up to the legal limit."""
    version = record.procedure_version
    rest = version.processing_days * 8 - (4 + 8 + 4 + 4 + 4)
    kinds = [("receive", 4), ("process", rest), ("consult", 8), ("leader", 4), ("sign", 4), ("return", 4)]
    return ProcessStep.objects.bulk_create(
        ProcessStep(version=version, order=i, kind=kind, name=f"Bước {kind}", unit=f"Đơn vị {kind}", working_hours=h)
        for i, (kind, h) in enumerate(kinds, start=1)
    )


def test_office_hours_count_for_a_step_lunch_evenings_weekends_and_tet_do_not():
    days_off = set()
    # 4 hours from 10:00 on Monday: 1h30 before lunch, 2h30 after 13:30.
    assert deadlines.add_working_hours(at(2026, 12, 7, 10, 0), 4, days_off) == at(2026, 12, 7, 16, 0)
    # Handed over at 18:00 on Friday: starts Monday at 07:00.
    assert deadlines.add_working_hours(at(2026, 12, 11, 18, 0), 1, days_off) == at(2026, 12, 14, 8, 0)
    # A full working day (8h) from the opening of Monday ends at Monday's close.
    assert deadlines.add_working_hours(at(2026, 12, 7, 7, 0), 8, days_off) == at(2026, 12, 7, 17, 0)
    # Over Tết 2027 (4-10 February off): 2 hours from Wednesday 3 February 16:00 end on Thursday 11 at 08:00.
    assert deadlines.add_working_hours(at(2027, 2, 3, 16, 0), 2, days_off) == at(2027, 2, 11, 8, 0)


def test_a_record_walks_the_steps_each_with_its_own_due_time(record, staff, process):
    receive, work, consult, leader, sign, give_back = process
    record = advance(record, staff, "received")
    assert record.process_step == receive
    assert record.step_due_at == deadlines.add_working_hours(record.received_at, 4)

    services.act(record, A.START_PROCESSING, actor=staff["processor"])
    record.refresh_from_db()
    assert record.process_step == work

    services.act(record, A.HAND_OVER, actor=staff["processor"], reason=NOTE)
    record.refresh_from_db()
    assert record.process_step == consult
    moved = record.events.filter(action=A.HAND_OVER).get()
    assert moved.data["step_name"] == "Bước consult" and moved.reason == NOTE
    assert record.step_due_at == deadlines.add_working_hours(moved.at, 8)

    # The next step is the leader's: a plain hand-over is refused, saying what to do instead.
    with pytest.raises(ValidationError, match="Trình lãnh đạo"):
        services.act(record, A.HAND_OVER, actor=staff["processor"])

    add_result(record, staff["processor"])
    services.act(record, A.SUBMIT_TO_LEADER, actor=staff["processor"])
    record.refresh_from_db()
    assert record.process_step == leader
    services.act(record, A.SEND_BACK, actor=staff["approver"], reason="Thiếu biên bản xác minh")
    record.refresh_from_db()
    assert record.process_step == consult  # back to the step it was submitted from, with a new due time

    services.act(record, A.SUBMIT_TO_LEADER, actor=staff["processor"])
    services.act(record, A.APPROVE, actor=staff["approver"])
    record.refresh_from_db()
    assert record.process_step == give_back  # approval signs: the signing step is done with it

    services.act(record, A.RETURN_RESULT, actor=staff["receiver"])
    record.refresh_from_db()
    assert record.process_step is None and record.step_due_at is None

    rows = steps.control_rows(record)
    assert [row["name"] for row in rows] == [
        "Bước receive",
        "Bước process",
        "Bước consult",
        "Bước leader",
        "Bước consult",
        "Bước leader",
        "Bước return",
    ]
    assert all(row["handed_over_at"] is not None for row in rows)
    assert all(row["verdict"] in ("Trước hạn", "Đúng hạn") for row in rows)


def test_each_steps_overdue_fires_once_and_tells_the_officers(
    record, staff, process, django_capture_on_commit_callbacks, monkeypatch
):
    record = advance(record, staff, "in_processing")
    assert services.scan_step_overdue() == 0
    later = record.step_due_at + datetime.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.scan_step_overdue(now=later) == 1
    assert services.scan_step_overdue(now=later) == 0  # once per step entered
    record.refresh_from_db()
    assert record.step_overdue_since is not None and record.step_is_overdue(now=later)
    told = Message.objects.filter(event=Event.OFFICER_STEP_OVERDUE)
    assert set(told.values_list("recipient__username", flat=True)) >= {"xuly"}
    assert "Bước process" in told.first().subject

    # Handed over: the new step's clock is its own, and it can overrun in turn.
    services.act(record, A.HAND_OVER, actor=staff["processor"])
    record.refresh_from_db()
    assert record.step_overdue_since is None and not record.step_is_overdue()
    later = record.step_due_at + datetime.timedelta(minutes=1)
    assert services.scan_step_overdue(now=later) == 1
    rows = steps.control_rows(record)
    assert rows[1]["verdict"] == "Trước hạn"  # handed over in time: the scan's "later" was a what-if
    assert rows[2]["verdict"] == "Đang thực hiện"
    monkeypatch.setattr(timezone, "now", lambda: later)  # read the slip once the consultation overran
    assert steps.control_rows(record)[2]["verdict"] == "Quá hạn"


def test_the_record_page_shows_the_steps_the_overdue_marker_and_offers_the_hand_over(client, record, staff, process):
    record = advance(record, staff, "in_processing")
    Record.objects.filter(pk=record.pk).update(step_due_at=timezone.now() - datetime.timedelta(hours=1))
    staff_login(client, staff["processor"])
    page = client.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert 'id="process-steps"' in page
    assert "Bước quá hạn" in page
    assert 'value="hand_over"' in page
    queue = client.get(f"/backoffice/agencies/{record.agency.code}/").content.decode()
    assert "Bước quá hạn" in queue


def test_a_procedure_without_steps_is_left_alone(record, staff):
    record = advance(record, staff, "in_processing")
    assert record.process_step is None and record.step_due_at is None
    with pytest.raises(ValidationError, match="không theo quy trình"):
        services.act(record, A.HAND_OVER, actor=staff["processor"])


def test_returning_the_result_issues_the_signed_control_slip_with_every_hand_over(
    record, staff, process, django_capture_on_commit_callbacks
):
    from documents.constants import DocumentKind
    from documents.models import Document

    from .test_signed_at_approval import pdf_of, text_of, validate

    record = advance(record, staff, "in_processing")
    services.act(record, A.HAND_OVER, actor=staff["processor"], reason=NOTE)
    add_result(record, staff["processor"])
    services.act(record, A.SUBMIT_TO_LEADER, actor=staff["processor"])
    services.act(record, A.APPROVE, actor=staff["approver"])
    with django_capture_on_commit_callbacks(execute=True):
        services.act(record, A.RETURN_RESULT, actor=staff["receiver"])

    slip = Document.objects.get(object_id=str(record.pk), kind=DocumentKind.CONTROL_SLIP)
    data = pdf_of(slip)
    _signature, status = validate(data)
    assert status.intact and status.valid
    printed = " ".join(text_of(data).split())
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in printed and record.code in printed
    for name in ("Bước receive", "Bước process", "Bước consult", "Bước leader", "Bước return", NOTE):
        assert name in printed


def test_a_record_without_a_process_gets_no_control_slip(record, staff, django_capture_on_commit_callbacks):
    from documents.constants import DocumentKind
    from documents.models import Document

    record = advance(record, staff, "in_processing")
    add_result(record, staff["processor"])
    services.act(record, A.APPROVE, actor=staff["approver"])
    with django_capture_on_commit_callbacks(execute=True):
        services.act(record, A.RETURN_RESULT, actor=staff["receiver"])
    assert not Document.objects.filter(object_id=str(record.pk), kind=DocumentKind.CONTROL_SLIP).exists()
