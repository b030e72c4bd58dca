"""The leader approves only what was submitted to them and can send it back with a comment, where the procedure has
an internal process (issue #16 item 2); the configured steps are data the workflow table's actions move through."""

import pytest
from django.core.exceptions import ValidationError

from procedures.models import ProcessStep
from records import services
from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record

from .conftest import add_result, advance, staff_login

pytestmark = pytest.mark.django_db

COMMENT = "Bổ sung xác minh chỗ ở hợp pháp trước khi trình"


@pytest.fixture
def with_process(record):
    """A common internal process for the record's procedure, adding up to its time limit."""
    version = record.procedure_version
    hours = version.processing_days * 8
    steps = [("receive", 1), ("process", hours - 3), ("leader", 1), ("sign", 1)]
    ProcessStep.objects.bulk_create(
        ProcessStep(version=version, order=i, kind=kind, name=kind, working_hours=h)
        for i, (kind, h) in enumerate(steps, start=1)
    )


def test_the_leader_approves_only_what_was_submitted_and_sends_back_with_a_comment(client, record, staff, with_process):
    record = advance(record, staff, "in_processing")
    add_result(record, staff["processor"])
    with pytest.raises(ValidationError, match="chưa được trình lãnh đạo"):
        services.act(record, A.APPROVE, actor=staff["approver"])

    services.act(record, A.SUBMIT_TO_LEADER, actor=staff["processor"])
    services.act(record, A.SEND_BACK, actor=staff["approver"], reason=COMMENT)
    with pytest.raises(ValidationError, match="chưa được trình lãnh đạo"):
        services.act(record, A.APPROVE, actor=staff["approver"])
    staff_login(client, staff["processor"])
    page = client.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert COMMENT in page  # the processor reads the leader's comment in the history
    assert 'value="submit_to_leader"' in page

    services.act(record, A.SUBMIT_TO_LEADER, actor=staff["processor"])
    services.act(record, A.APPROVE, actor=staff["approver"])
    assert Record.objects.get(pk=record.pk).state == S.APPROVED


def test_send_back_needs_a_comment_and_only_the_leader_sends_back(record, staff, with_process):
    record = advance(record, staff, "in_processing")
    add_result(record, staff["processor"])
    services.act(record, A.SUBMIT_TO_LEADER, actor=staff["processor"])
    with pytest.raises(ValidationError, match="lý do"):
        services.act(record, A.SEND_BACK, actor=staff["approver"], reason=" ")
    with pytest.raises(Exception, match="Vai trò|vai trò|Lãnh đạo|phê duyệt"):
        services.act(record, A.SEND_BACK, actor=staff["processor"], reason=COMMENT)


def test_submitting_to_the_leader_needs_a_result(record, staff, with_process):
    record = advance(record, staff, "in_processing")
    with pytest.raises(ValidationError, match="trước khi trình lãnh đạo"):
        services.act(record, A.SUBMIT_TO_LEADER, actor=staff["processor"])
