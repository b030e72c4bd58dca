"""The back-office pages: queue, record page and its actions, results, apology, counter intake, agency head."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eservices.models import OnlineService
from identity.constants import StaffRole
from records import deadlines, selectors, services
from records.constants import Channel
from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent
from tests.records import files

from .conftest import advance, login, make_officer, staff_login, submitted_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver_client(staff):
    return staff_login(Client(), staff["receiver"])


def test_the_queue_lists_the_agency_records_with_counts_and_filters(receiver_client, record, staff, citizen, family):
    second = submitted_record(citizen, family["father"])
    advance(second, staff, "in_processing")
    url = f"/backoffice/agencies/{record.agency.code}/"
    page = receiver_client.get(url).content.decode()
    assert record.code in page and second.code in page
    assert 'data-state="submitted"' in page
    counts = selectors.state_counts(record.agency, fresh=True)
    assert counts == {S.SUBMITTED: 1, S.IN_PROCESSING: 1}
    only = receiver_client.get(url, {"state": "submitted"}).content.decode()
    assert record.code in only and second.code not in only
    assert second.code in receiver_client.get(url, {"q": second.code}).content.decode()
    by_id = receiver_client.get(url, {"q": family["father"].id_number}).content.decode()
    assert record.code in by_id and second.code in by_id
    mine = receiver_client.get(url, {"mine": "1"}).content.decode()
    assert record.code not in mine
    assert record.code in receiver_client.get(url, {"channel": "online", "sort": "due"}).content.decode()
    assert second.code not in receiver_client.get(url, {"due": "overdue"}).content.decode()
    # Unknown filter values are ignored, not errors.
    assert receiver_client.get(url, {"state": "x", "sort": "y", "page": "z"}).status_code == 200


def test_the_queue_filter_names_procedures_in_the_page_language(receiver_client, record):
    url = f"/backoffice/agencies/{record.agency.code}/"
    version = record.procedure_version
    assert version.name_en and version.name_en != version.name
    vietnamese = receiver_client.get(url).content.decode()
    assert f"{version.procedure.code} {version.name[:60]}</option>" in vietnamese
    receiver_client.cookies["django_language"] = "en"
    english = receiver_client.get(url).content.decode()
    assert f"{version.procedure.code} {version.name_en[:60]}</option>" in english


def test_the_queue_pages_without_counting_every_row(receiver_client, record, citizen, family):
    for _ in range(3):
        submitted_record(citizen, family["father"])
    page = selectors.queue(
        record.agency,
        None,
        selectors.QueueFilters(),
        per_page=2,
    )
    assert len(page.records) == 2 and page.has_next and page.total == 4
    last = selectors.queue(record.agency, None, selectors.QueueFilters(page=2), per_page=2)
    assert len(last.records) == 2 and not last.has_next


def test_staff_of_another_agency_get_404_on_records_and_403_on_the_agency(client, record, staff):
    staff_login(client, staff["outsider"])
    assert client.get(f"/backoffice/records/{record.pk}/").status_code == 404
    assert client.post(f"/backoffice/records/{record.pk}/act/", {"action": A.RECEIVE}).status_code == 404
    assert client.get(f"/backoffice/agencies/{record.agency.code}/").status_code == 403
    assert Record.objects.get(pk=record.pk).state == S.SUBMITTED


def test_the_back_office_needs_totp_and_asks_for_a_code_not_the_password_again(client, record, staff):
    from .conftest import totp_now

    client.force_login(staff["receiver"])  # password only (or TOTP just enrolled): no second factor yet
    page = f"/backoffice/records/{record.pk}/"
    response = client.get(page)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/reauthenticate/")
    form = client.get(response["Location"])
    assert "Nhập mã 6 chữ số" in form.content.decode()
    response = client.post(response["Location"], {"code": totp_now(staff["receiver"].totp_secret), "next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert client.get(page).status_code == 200  # no loop back to the password


def test_actions_need_the_csrf_token(record, staff):
    client = staff_login(Client(), staff["receiver"])
    client.handler.enforce_csrf_checks = True
    response = client.post(
        f"/backoffice/records/{record.pk}/act/", {"action": A.RECEIVE, "expected_state": "submitted"}
    )
    assert response.status_code == 403
    assert Record.objects.get(pk=record.pk).state == S.SUBMITTED


def test_the_record_page_offers_only_what_the_role_allows(client, record, staff):
    staff_login(client, staff["receiver"])
    page = client.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert 'value="receive"' in page and 'value="refuse"' in page
    assert 'value="approve"' not in page and 'value="start_processing"' not in page
    assert 'name="reason"' in page  # refusing asks why
    assert record.applicant_name in page and "Từ CSDL dân cư" in page  # prefilled fields marked
    staff_login(client, staff["approver"])
    page = client.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert 'value="receive"' not in page and "Vai trò của bạn không có thao tác nào" in page


def test_receive_then_a_stale_page_says_the_record_changed(client, record, staff):
    staff_login(client, staff["receiver"])
    url = f"/backoffice/records/{record.pk}/act/"
    response = client.post(url, {"action": A.RECEIVE, "expected_state": "submitted"}, follow=True)
    assert "Đã thực hiện" in response.content.decode()
    assert Record.objects.get(pk=record.pk).state == S.RECEIVED
    response = client.post(url, {"action": A.REFUSE, "expected_state": "submitted", "reason": "x"}, follow=True)
    assert "vừa được người khác cập nhật" in response.content.decode()
    assert Record.objects.get(pk=record.pk).state == S.RECEIVED
    event = RecordEvent.objects.get(record=record, action=A.RECEIVE)
    assert event.actor == staff["receiver"] and event.client_ip == "127.0.0.1"
    # The history says what happened and who did it in words, not codes and usernames.
    history = response.content.decode().split('id="history"')[1]
    assert "<td>Tiếp nhận</td>" in history and "(Cán bộ tiếp nhận)" in history
    assert "(receiver)" not in history and "<td>receive</td>" not in history
    assert "<td>Nộp hồ sơ</td>" in history and "(Công dân)" in history


def test_result_before_approval_then_the_citizen_downloads_it(
    client, record, staff, citizen, django_capture_on_commit_callbacks
):
    advance(record, staff, "in_processing")
    staff_login(client, staff["approver"])
    response = client.post(f"/backoffice/records/{record.pk}/approve/", {"confirmed": "1"}, follow=True)
    assert "trước khi phê duyệt" in response.content.decode()
    staff_login(client, staff["processor"])
    response = client.post(
        f"/backoffice/records/{record.pk}/result/",
        {"file": files.pdf("giay-xac-nhan.pdf"), "expected_state": "in_processing"},
    )
    assert response.status_code == 302
    result = record.results.get()
    assert result.original_name == "giay-xac-nhan.pdf" and result.file.name.startswith(f"records/{record.pk}/")
    assert client.get(f"/backoffice/records/{record.pk}/results/{result.pk}/?inline=1").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the documents queue signs it after commit
        services.act(record, A.APPROVE, actor=staff["approver"])
    citizen_client = login(Client(), citizen)
    assert citizen_client.get(f"/my/records/{record.pk}/result/").status_code == 404  # not returned yet
    services.act(record, A.RETURN_RESULT, actor=staff["receiver"])
    page = citizen_client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Tải kết quả" in page
    response = citizen_client.get(f"/my/records/{record.pk}/result/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_generated_result_certificate_is_signed_and_reaches_the_citizen(
    client, record, staff, citizen, django_capture_on_commit_callbacks
):
    """No scanned result: the processor has the standard certificate made; the citizen downloads that PDF."""
    from tests.documents.conftest import pdf_text

    advance(record, staff, "in_processing")
    staff_login(client, staff["processor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/backoffice/records/{record.pk}/result/", {"generate": "1", "expected_state": "in_processing"}
        )
    assert response.status_code == 302
    result = record.results.get()
    assert result.is_generated and result.original_name == f"{record.code}-ket-qua-du-thao.pdf"
    assert record.events.filter(action=A.ATTACH_RESULT).count() == 1
    page = client.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert "Bản dự thảo, chưa ký số" in page

    # Signed at approval, but not the citizen's until the result is returned (approval, fee): not listed, and a 404
    # (as for anything not theirs: no answer tells that it exists).
    citizen_client = login(Client(), citizen)
    with django_capture_on_commit_callbacks(execute=True):
        services.act(record, A.APPROVE, actor=staff["approver"])
    signed = Record.objects.get(pk=record.pk).current_result
    assert signed.pk != result.pk
    certificate = reverse("documents:download", args=[signed.document_id])
    assert "Giấy chứng nhận kết quả" not in citizen_client.get(f"/my/records/{record.pk}/").content.decode()
    assert citizen_client.get(certificate).status_code == 404
    assert client.get(certificate).status_code == 200  # the agency's officers may

    services.act(record, A.RETURN_RESULT, actor=staff["receiver"])
    assert certificate in citizen_client.get(f"/my/records/{record.pk}/").content.decode()
    response = citizen_client.get(f"/my/records/{record.pk}/result/")
    assert response.status_code == 200
    text = " ".join(pdf_text(b"".join(response.streaming_content)).split())
    assert record.code in text and record.applicant_name in text and "DỰ THẢO" not in text
    assert citizen_client.get(certificate).status_code == 200


def test_transfer_moves_the_record_to_the_other_agency_keeping_its_code(client, record, staff, other_agency):
    advance(record, staff, "in_processing")
    code, due = record.code, Record.objects.get(pk=record.pk).due_date
    staff_login(client, staff["processor"])
    response = client.post(
        f"/backoffice/records/{record.pk}/act/",
        {"action": A.TRANSFER, "expected_state": "in_processing", "to_agency": other_agency.code, "reason": "Cấp trên"},
    )
    # The sender stays on the record, which now says where it went.
    assert response.status_code == 302 and response["Location"].endswith(f"/records/{record.pk}/")
    moved = Record.objects.get(pk=record.pk)
    assert (moved.state, moved.agency, moved.code, moved.due_date) == (S.TRANSFERRED, other_agency, code, due)
    assert "Hồ sơ đã chuyển đến" in client.get(f"/backoffice/records/{record.pk}/").content.decode()  # read-only
    services.act(moved, A.ACCEPT_TRANSFER, actor=staff["outsider"])
    assert Record.objects.get(pk=record.pk).assigned_to == staff["outsider"]


def test_a_late_record_needs_an_apology_which_the_citizen_sees(client, record, staff, citizen):
    record = advance(record, staff, "approved")
    late = deadlines.add_working_days(timezone.localdate() - datetime.timedelta(days=30), 1)
    Record.objects.filter(pk=record.pk).update(due_date=late)
    with pytest.raises(ValidationError, match="phiếu xin lỗi"):
        services.act(record, A.RETURN_RESULT, actor=staff["receiver"])
    new_date = deadlines.add_working_days(timezone.localdate(), 3)
    staff_login(client, staff["processor"])
    client.post(
        f"/backoffice/records/{record.pk}/act/",
        {"action": A.APOLOGISE, "new_appointment": new_date.isoformat(), "reason": "Chờ xác minh liên ngành"},
    )
    record.refresh_from_db()
    assert record.new_appointment_date == new_date
    event = record.events.get(action=A.APOLOGISE)
    assert event.data["new_appointment"] == new_date.isoformat()
    citizen_client = login(Client(), citizen)
    detail = citizen_client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Phiếu xin lỗi" in detail and new_date.strftime("%d/%m/%Y") in detail and "Chờ xác minh" in detail
    assert new_date.strftime("%d/%m/%Y") in citizen_client.get("/my/records/").content.decode()
    services.act(record, A.RETURN_RESULT, actor=staff["receiver"])
    assert record.events.get(action=A.RETURN_RESULT).data == {"late": True}


def test_an_apology_date_must_be_a_later_working_day(record, staff):
    record = advance(record, staff, "in_processing")
    with pytest.raises(ValidationError):
        services.apologise(record, record.due_date, "x", actor=staff["processor"])
    saturday = record.due_date + datetime.timedelta(days=(5 - record.due_date.weekday()) % 7 or 7)
    with pytest.raises(ValidationError, match="ngày làm việc"):
        services.apologise(record, saturday, "x", actor=staff["processor"])


def test_the_citizen_supplements_online(record, staff, citizen):
    record = advance(record, staff, "supplement_requested")
    client = login(Client(), citizen)
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "Cơ quan yêu cầu bổ sung hồ sơ" in page and "Lý do kiểm thử" in page
    component = record.procedure_version.components.first()
    client.post(
        f"/my/records/{record.pk}/supplement/",
        {"action": "upload", "component": component.pk, "file": files.pdf("bo-sung.pdf")},
    )
    assert record.attachments.filter(original_name="bo-sung.pdf").exists()
    client.post(f"/my/records/{record.pk}/supplement/", {"action": A.SUBMIT})
    assert Record.objects.get(pk=record.pk).state == S.IN_PROCESSING


def test_the_agency_head_reassigns_and_sees_workload_and_overdue(client, record, staff):
    record = advance(record, staff, "in_processing")
    assert record.assigned_to == staff["processor"]
    second = make_officer("xuly2", record.agency, StaffRole.PROCESSOR)
    with pytest.raises(PermissionDenied):
        services.reassign(record, second, actor=staff["processor"])
    staff_login(client, staff["head"])
    client.post(f"/backoffice/records/{record.pk}/act/", {"action": A.REASSIGN, "assigned_to": second.pk})
    record.refresh_from_db()
    assert record.assigned_to == second
    assert record.events.get(action=A.REASSIGN).data == {"to": second.pk, "from": staff["processor"].pk}
    Record.objects.filter(pk=record.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=3))
    page = client.get(f"/backoffice/agencies/{record.agency.code}/workload/").content.decode()
    assert "xuly2" in page and record.code in page
    staff_login(client, staff["processor"])
    assert client.get(f"/backoffice/agencies/{record.agency.code}/workload/").status_code == 403


def test_counter_intake_for_a_citizen_found_in_the_registry(client, staff, family, catalogue):
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    agency_code, procedure = service.version.agencies.first().code, service.version.procedure.code
    receiver = staff["receiver"]
    staff_login(client, receiver)
    start = f"/backoffice/agencies/{agency_code}/counter/"
    assert client.get(start).status_code == 200
    missing = client.post(start, {"step": "lookup", "id_number": "001099000000", "procedure": procedure})
    assert missing.status_code == 400 and "Không tìm thấy" in missing.content.decode()
    father = family["father"]
    found = client.post(start, {"step": "lookup", "id_number": father.id_number, "procedure": procedure})
    assert found.status_code == 200 and father.full_name in found.content.decode()
    response = client.post(start, {"step": "start", "id_number": father.id_number, "procedure": procedure})
    assert response.status_code == 302
    record = Record.objects.get(channel=Channel.COUNTER)
    form = client.get(response["Location"]).content.decode()
    assert father.full_name in form  # prefilled from the registry
    # The same checks as online: the form is validated before submission.
    bad = client.post(response["Location"], {"request": "", "outcome": "receive"})
    assert bad.status_code == 400
    component = service.version.components.exclude(pk=service.form_component_id).first()
    ok = client.post(
        response["Location"],
        {"request": "Đăng ký thường trú", "delivery": "online", "outcome": "receive", f"received_{component.pk}": "1"},
    )
    assert ok.status_code == 302, ok.content.decode()[:3000]
    record.refresh_from_db()
    assert record.state == S.RECEIVED and record.filed_by == receiver and record.code
    assert record.applicant_id_number == father.id_number
    assert record.events.get(action=A.SUBMIT).role == "receiver"
