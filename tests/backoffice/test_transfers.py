"""Transfers both ways (issue #16 item 5): only agencies that implement the procedure, the sender keeps the record
in view read-only with where it went, the receiver can send it back with a reason."""

import pytest
from django.test import Client

from procedures.constants import AgencyLevel
from procedures.models import Agency
from records import services
from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record

from .conftest import advance, staff_login

pytestmark = pytest.mark.django_db


def test_the_target_list_holds_only_agencies_that_implement_the_procedure(client, record, staff):
    agency = record.agency
    # A parent that does not implement the procedure (as the city above a ward) is no target.
    parent = Agency.objects.create(
        code="UBND-TP-KHAC", name="UBND thành phố không giải quyết", level=AgencyLevel.PROVINCE
    )
    Agency.objects.filter(pk=agency.pk).update(parent=parent)
    record.refresh_from_db()
    advance(record, staff, "in_processing")
    targets = set(services.transfer_targets(record))
    implementing = set(record.procedure_version.agencies.filter(is_active=True).exclude(pk=agency.pk))
    assert targets and targets == implementing and parent not in targets

    staff_login(client, staff["processor"])
    page = client.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert "UBND thành phố không giải quyết" not in page
    refused = client.post(
        f"/backoffice/records/{record.pk}/act/",
        {"action": A.TRANSFER, "expected_state": "in_processing", "to_agency": parent.code, "reason": "Cấp trên"},
    )
    assert refused.status_code == 302
    assert Record.objects.get(pk=record.pk).agency == agency


def test_the_sender_sees_the_record_read_only_and_the_receiver_sends_it_back(record, staff, other_agency):
    advance(record, staff, "in_processing")
    sender = staff_login(Client(), staff["processor"])
    sender.post(
        f"/backoffice/records/{record.pk}/act/",
        {
            "action": A.TRANSFER,
            "expected_state": "in_processing",
            "to_agency": other_agency.code,
            "reason": "Sai thẩm quyền",
        },
    )
    assert Record.objects.get(pk=record.pk).state == S.TRANSFERRED

    # The sender still finds it: in the list of records sent elsewhere, and on its page, read-only, saying where.
    sent = sender.get(f"/backoffice/agencies/{record.agency.code}/transferred/").content.decode()
    assert record.code in sent and other_agency.display_name in sent
    page = sender.get(f"/backoffice/records/{record.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hồ sơ đã chuyển đến" in text and other_agency.display_name in text
    assert 'name="action"' not in text  # no action of any kind
    assert sender.post(
        f"/backoffice/records/{record.pk}/act/", {"action": A.ACCEPT_TRANSFER, "expected_state": "transferred"}
    ).status_code in (302, 403, 404)
    assert Record.objects.get(pk=record.pk).state == S.TRANSFERRED

    # The receiver sends it back with a reason; a reason is required.
    receiver = staff_login(Client(), staff["outsider"])
    page = receiver.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert "Trả lại cơ quan chuyển đến" in page
    receiver.post(f"/backoffice/records/{record.pk}/act/", {"action": A.TRANSFER_BACK, "expected_state": "transferred"})
    assert Record.objects.get(pk=record.pk).agency == other_agency
    receiver.post(
        f"/backoffice/records/{record.pk}/act/",
        {"action": A.TRANSFER_BACK, "expected_state": "transferred", "reason": "Không thuộc thẩm quyền của Sở"},
    )
    back = Record.objects.get(pk=record.pk)
    assert (back.agency, back.state, back.assigned_to) == (record.agency, S.IN_PROCESSING, staff["processor"])
    event = back.events.get(action=A.TRANSFER_BACK)
    assert event.reason == "Không thuộc thẩm quyền của Sở"
    assert event.data["from_agency"] == other_agency.code and event.data["to_agency"] == record.agency.code

    # The sender works on it again and reads the reason; the receiver keeps a read-only view of where it went.
    text = sender.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert "Không thuộc thẩm quyền của Sở" in text and 'value="transfer"' in text
    text = receiver.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert "Hồ sơ đã chuyển đến" in text and 'name="action"' not in text
