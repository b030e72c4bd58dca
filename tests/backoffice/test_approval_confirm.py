"""Approval asks for confirmation on a page of its own, without JavaScript: the approve button leads there, the page
says what will be signed and in whose name, and only its confirmation approves (issue #16 item 2)."""

import pytest

from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record

from .conftest import add_result, advance, staff_login

pytestmark = pytest.mark.django_db


def test_the_approve_button_asks_for_confirmation_before_anything_is_signed(client, record, staff):
    record = advance(record, staff, "in_processing")
    add_result(record, staff["processor"])
    staff_login(client, staff["approver"])

    response = client.post(
        f"/backoffice/records/{record.pk}/act/", {"action": A.APPROVE, "expected_state": S.IN_PROCESSING}
    )
    assert response.status_code == 302 and response["Location"].endswith(f"/records/{record.pk}/approve/")
    assert Record.objects.get(pk=record.pk).state == S.IN_PROCESSING

    page = client.get(response["Location"]).content.decode()
    assert "Xác nhận phê duyệt" in page and record.code in page and "ket-qua.pdf" in page
    assert staff["approver"].get_full_name() in page and record.agency.name in page
    # A POST that is not the page's confirmation approves nothing.
    client.post(f"/backoffice/records/{record.pk}/approve/", {"expected_state": S.IN_PROCESSING})
    assert Record.objects.get(pk=record.pk).state == S.IN_PROCESSING

    response = client.post(
        f"/backoffice/records/{record.pk}/approve/",
        {"confirmed": "1", "expected_state": S.IN_PROCESSING},
        follow=True,
    )
    assert Record.objects.get(pk=record.pk).state == S.APPROVED
    assert "Đã phê duyệt hồ sơ" in response.content.decode()


def test_only_an_approver_reaches_the_confirmation(client, record, staff):
    record = advance(record, staff, "in_processing")
    staff_login(client, staff["processor"])
    assert client.get(f"/backoffice/records/{record.pk}/approve/").status_code == 403
    response = client.post(f"/backoffice/records/{record.pk}/approve/", {"confirmed": "1"})
    assert response.status_code == 403
    assert Record.objects.get(pk=record.pk).state == S.IN_PROCESSING
