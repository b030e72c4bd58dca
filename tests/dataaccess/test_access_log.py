"""Issue #15 item 19: every officer's opening of a citizen's data is logged, the citizen sees who, which agency,
when and which record in "Tài khoản của tôi", and can report an access they do not recognise."""

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from dataaccess import services as dataaccess
from dataaccess.constants import AccessKind
from dataaccess.models import AccessReport, DataAccess
from eservices.models import OnlineService
from identity.constants import StaffRole
from notifications.models import Message
from records import services
from records.models import Record
from tests.backoffice.conftest import add_result, advance, login, make_officer
from tests.identity.factories import citizen_account
from tests.records import files
from tests.records.conftest import filled_draft
from tests.staff import totp_session

pytestmark = pytest.mark.django_db

NOTICE = "Công dân sẽ thấy lượt truy cập này"
MY_LOG = "/my-account/data-access/"


def officer_client(user):
    """A session that passed password and TOTP (the real login is tested in tests/backoffice)."""
    return totp_session(Client(), user)


def test_an_officer_opening_a_record_is_logged_and_the_citizen_sees_who_which_agency_when_and_the_record(
    client, citizen, record, staff
):
    processor = staff["processor"]
    page = officer_client(processor).get(f"/backoffice/records/{record.pk}/")
    assert page.status_code == 200
    assert NOTICE in page.content.decode()  # the officer is told where they open the data

    entry = DataAccess.objects.get()
    assert entry.kind == AccessKind.RECORD_VIEW
    assert entry.subject_id_number == record.applicant_id_number
    assert (entry.officer, entry.agency, entry.record_id, entry.record_code) == (
        processor,
        record.agency,
        record.pk,
        record.code,
    )

    mine = client.get(MY_LOG)
    assert mine.status_code == 200
    html = mine.content.decode()
    assert processor.get_full_name() in html
    assert record.agency.display_name in html
    assert record.code in html and f"/my/records/{record.pk}/" in html
    assert timezone.localtime(entry.created_at).strftime("%H:%M %d/%m/%Y") in html
    assert "Xem hồ sơ" in html
    # "Tài khoản của tôi" leads there.
    assert MY_LOG in client.get("/my-account/").content.decode()


def test_reloading_the_record_page_makes_one_entry_and_an_open_after_the_window_another(citizen, record, staff):
    officer = officer_client(staff["processor"])
    for _ in range(3):
        assert officer.get(f"/backoffice/records/{record.pk}/").status_code == 200
    assert DataAccess.objects.count() == 1
    # An earlier open, longer ago than the window, does not swallow a new one.
    DataAccess.objects.update(created_at=timezone.now() - timedelta(minutes=30))
    officer.get(f"/backoffice/records/{record.pk}/")
    assert DataAccess.objects.count() == 2
    # Another officer's open is an entry of its own.
    officer_client(staff["head"]).get(f"/backoffice/records/{record.pk}/")
    assert DataAccess.objects.filter(officer=staff["head"]).count() == 1


def test_officer_downloads_of_attachments_and_results_are_logged_and_the_citizens_own_are_not(
    client, citizen, family, staff
):
    draft = filled_draft(citizen, family["father"])
    component = draft.procedure_version.components.first()
    scan = services.attach(draft, component, files.pdf("giay-to.pdf"), by=citizen)
    record = services.submit(draft, actor=citizen)
    record = advance(record, staff, "in_processing")
    result = add_result(record, staff["processor"])

    # The citizen's own reads: nothing logged.
    assert client.get(f"/records/{record.pk}/attachments/{scan.pk}/").status_code == 200
    assert client.get(f"/my/records/{record.pk}/").status_code == 200
    assert not DataAccess.objects.exists()

    officer = officer_client(staff["receiver"])
    assert officer.get(f"/records/{record.pk}/attachments/{scan.pk}/").status_code == 200
    assert officer.get(f"/backoffice/records/{record.pk}/results/{result.pk}/").status_code == 200
    entries = {(e.kind, e.detail) for e in DataAccess.objects.filter(officer=staff["receiver"])}
    assert entries == {
        (AccessKind.ATTACHMENT_DOWNLOAD, "giay-to.pdf"),
        (AccessKind.ATTACHMENT_DOWNLOAD, result.original_name),
    }
    html = client.get(MY_LOG).content.decode()
    assert "giay-to.pdf" in html and "Mở giấy tờ của hồ sơ" in html


def test_counter_intake_logs_the_registry_lookup_and_the_intake_and_tells_the_officer(client, citizen, family, staff):
    receiver = staff["receiver"]
    agency_code = OnlineService.objects.get(slug="dang-ky-thuong-tru").version.agencies.first().code
    desk = officer_client(receiver)
    start = f"/backoffice/agencies/{agency_code}/counter/"
    assert NOTICE in desk.get(start).content.decode()
    assert not DataAccess.objects.exists()
    # An ID number the registry does not know: nobody's data was opened.
    procedure = OnlineService.objects.get(slug="dang-ky-thuong-tru").version.procedure.code
    desk.post(start, {"step": "lookup", "id_number": "001099000000", "procedure": procedure})
    assert not DataAccess.objects.exists()

    father = family["father"]
    desk.post(start, {"step": "lookup", "id_number": father.id_number, "procedure": procedure})
    response = desk.post(start, {"step": "start", "id_number": father.id_number, "procedure": procedure})
    assert response.status_code == 302
    draft = Record.objects.get(channel="counter")
    form = desk.get(response["Location"])
    assert form.status_code == 200 and NOTICE in form.content.decode()

    kinds = list(DataAccess.objects.order_by("created_at", "id").values_list("kind", "subject_id_number", "agency"))
    assert kinds == [
        (AccessKind.REGISTRY_LOOKUP, father.id_number, draft.agency_id),
        (AccessKind.COUNTER_INTAKE, father.id_number, draft.agency_id),
    ]
    html = client.get(MY_LOG).content.decode()
    assert "Tra cứu Cơ sở dữ liệu quốc gia về dân cư" in html and "Nhập hồ sơ tại bộ phận một cửa" in html
    assert receiver.get_full_name() in html


def test_another_citizen_neither_sees_nor_reports_the_entry(citizen, family, record, staff):
    officer_client(staff["processor"]).get(f"/backoffice/records/{record.pk}/")
    entry = DataAccess.objects.get()
    other = login(Client(), citizen_account(family["mother"]))

    html = other.get(MY_LOG).content.decode()
    assert record.code not in html and staff["processor"].get_full_name() not in html
    assert "Chưa có cán bộ hay cơ quan nào truy cập dữ liệu của bạn" in html
    assert other.get(f"{MY_LOG}{entry.pk}/report/").status_code == 404
    assert other.post(f"{MY_LOG}{entry.pk}/report/", {"message": "không phải tôi"}).status_code == 404
    assert not AccessReport.objects.exists()
    # Officers have no citizen's list.
    assert officer_client(staff["processor"]).get(MY_LOG).status_code == 403


def test_reporting_an_access_stores_it_with_the_agency_and_tells_the_citizen(client, citizen, record, staff):
    officer_client(staff["processor"]).get(f"/backoffice/records/{record.pk}/")
    entry = DataAccess.objects.get()
    form = client.get(f"{MY_LOG}{entry.pk}/report/")
    assert form.status_code == 200 and staff["processor"].get_full_name() in form.content.decode()

    response = client.post(f"{MY_LOG}{entry.pk}/report/", {"message": "Tôi không có việc gì với cơ quan này."})
    assert response.status_code == 302 and response["Location"] == MY_LOG
    report = AccessReport.objects.get()
    assert (report.access, report.agency, report.reporter) == (entry, record.agency, citizen)
    assert report.message == "Tôi không có việc gì với cơ quan này."
    assert report.status == "received"

    # Told on the page and in the inbox.
    page = client.get(MY_LOG).content.decode()
    assert "Đã nhận báo cáo của bạn" in page
    assert "Bạn đã báo cáo lượt truy cập này" in page
    notice = Message.objects.get(recipient=citizen, event="data_access_reported")
    assert staff["processor"].get_full_name() in notice.body and record.code in notice.body
    # A second report of the same entry changes nothing.
    client.post(f"{MY_LOG}{entry.pk}/report/", {"message": "lần nữa"})
    assert AccessReport.objects.count() == 1
    assert Message.objects.filter(recipient=citizen, event="data_access_reported").count() == 1


def test_a_report_too_long_is_refused_with_what_to_do_and_keeps_the_text(client, citizen, record, staff):
    officer_client(staff["processor"]).get(f"/backoffice/records/{record.pk}/")
    entry = DataAccess.objects.get()
    text = "x" * 2001
    response = client.post(f"{MY_LOG}{entry.pk}/report/", {"message": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert "tối đa 2000 ký tự" in html and text in html
    assert not AccessReport.objects.exists()


def test_reports_are_shown_to_administrators_read_only_and_to_agency_heads_for_their_agency(
    citizen, record, staff, other_agency, django_user_model
):
    administrator = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x", kind="admin")
    admin_client = officer_client(administrator)
    officer_client(staff["processor"]).get(f"/backoffice/records/{record.pk}/")
    entry = DataAccess.objects.get()
    report, _created = dataaccess.report_access(entry, reporter=citizen, message="lạ")

    listing = admin_client.get("/admin/dataaccess/accessreport/")
    assert listing.status_code == 200 and entry.subject_id_number in listing.content.decode()
    log = admin_client.get("/admin/dataaccess/dataaccess/")
    assert log.status_code == 200 and entry.officer_name in log.content.decode()
    # No path to add, edit or delete an entry of the log, nor to add or delete a report.
    assert admin_client.get("/admin/dataaccess/dataaccess/add/").status_code == 403
    assert admin_client.post(f"/admin/dataaccess/dataaccess/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.post(f"/admin/dataaccess/accessreport/{report.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.get("/admin/dataaccess/accessreport/add/").status_code == 403
    changed = admin_client.post(
        f"/admin/dataaccess/accessreport/{report.pk}/change/", {"status": "reviewing", "message": "đã sửa"}
    )
    assert changed.status_code == 302
    report.refresh_from_db()
    assert report.status == "reviewing" and report.message == "lạ"  # what the citizen wrote stays theirs
    assert DataAccess.objects.filter(pk=entry.pk).exists()
    with pytest.raises(ValueError):
        entry.save()

    # An agency head with an admin account sees their agency's reports, not another agency's.
    from django.contrib.auth.models import Permission

    def head_of(agency, name):
        head = make_officer(name, agency, StaffRole.AGENCY_HEAD)
        head.is_staff = True
        head.save()
        head.user_permissions.add(*Permission.objects.filter(content_type__app_label="dataaccess"))
        return officer_client(head)

    assert (
        entry.subject_id_number
        in head_of(record.agency, "truongcq").get("/admin/dataaccess/accessreport/").content.decode()
    )
    elsewhere = head_of(other_agency, "truongkhac").get("/admin/dataaccess/accessreport/")
    assert elsewhere.status_code == 200 and entry.subject_id_number not in elsewhere.content.decode()


def test_a_read_through_the_api_by_an_agencys_system_is_logged_with_its_agency(citizen, record, staff):
    request = RequestFactory().get("/api/v1/records/lookup/", REMOTE_ADDR="10.0.0.7")
    request.user = staff["outsider"]  # works for another agency: logged under that agency
    assert dataaccess.log_api_read(request, record)
    request.user = staff["processor"]
    assert dataaccess.log_api_read(request, record)
    request.user = citizen
    assert not dataaccess.log_api_read(request, record)
    rows = {(e.officer, e.agency_id, e.kind, e.ip_address) for e in DataAccess.objects.all()}
    outsider_agency = staff["outsider"].memberships.first().agency_id
    assert rows == {
        (staff["outsider"], outsider_agency, AccessKind.API_READ, "10.0.0.7"),
        (staff["processor"], record.agency_id, AccessKind.API_READ, "10.0.0.7"),
    }


def test_the_list_is_newest_first_paginated_and_in_english(client, citizen, record, staff):
    now = timezone.now()
    DataAccess.objects.bulk_create(
        DataAccess(
            created_at=now - timedelta(hours=i),
            subject_id_number=record.applicant_id_number,
            kind=AccessKind.RECORD_VIEW,
            officer=staff["processor"],
            officer_name=f"Cán bộ {i:02d}",
            agency=record.agency,
            agency_name=record.agency.display_name,
            record_id=record.pk,
            record_code=record.code,
        )
        for i in range(25)
    )
    first = client.get(MY_LOG).content.decode()
    assert first.index("Cán bộ 00") < first.index("Cán bộ 01") and "Cán bộ 20" not in first
    assert "1/2" in first
    second = client.get(f"{MY_LOG}?page=2").content.decode()
    assert "Cán bộ 24" in second and "Cán bộ 00" not in second

    client.cookies["django_language"] = "en"
    english = client.get(MY_LOG, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Who has used my data" in english and "Viewed a record" in english


def test_an_officers_download_of_a_records_signed_document_is_logged_and_the_citizens_is_not(
    client, citizen, record, staff
):
    from documents.services import render_and_sign
    from tests.documents.conftest import make_document

    slip = render_and_sign(make_document(record.agency, record).pk)
    url = f"/documents/{slip.pk}/pdf/"
    assert client.get(url).status_code == 200
    assert not DataAccess.objects.exists()
    assert officer_client(staff["receiver"]).get(url).status_code == 200
    entry = DataAccess.objects.get()
    assert (entry.kind, entry.officer, entry.record_id) == (
        AccessKind.ATTACHMENT_DOWNLOAD,
        staff["receiver"],
        record.pk,
    )
    assert slip.number in entry.detail


def test_the_other_person_a_record_names_sees_the_officers_access_too(citizen, family, record, staff):
    from records.constants import ParticipantRole
    from records.models import RecordParticipant

    mother = family["mother"]
    RecordParticipant.objects.create(
        record=record, role=ParticipantRole.SPOUSE, id_number=mother.id_number, name=mother.full_name
    )
    officer_client(staff["processor"]).get(f"/backoffice/records/{record.pk}/")
    assert set(DataAccess.objects.values_list("subject_id_number", flat=True)) == {
        record.applicant_id_number,
        mother.id_number,
    }
    html = login(Client(), citizen_account(mother)).get(MY_LOG).content.decode()
    assert record.code in html and staff["processor"].get_full_name() in html
