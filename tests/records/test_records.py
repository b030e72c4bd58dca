"""Record codes, integrated filings, attachments, downloads and public lookup."""

import json
import re
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from eservices.models import IntegratedService, OnlineService
from identity.constants import StaffRole
from identity.models import User
from identity.services import grant_role
from procedures.models import Agency
from records import services
from records.constants import RecordState
from records.constants import WorkflowAction as A
from records.models import Attachment, Record
from tests.staff import enable_totp, totp_session
from tests.threads import all_at_once

from . import files
from .conftest import filled_draft, login

pytestmark = pytest.mark.django_db


def test_codes_follow_the_one_stop_format_and_count_per_agency_and_day(citizen, family):
    first = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    second = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    agency, day = first.agency.code, timezone.localtime(first.submitted_at).strftime("%y%m%d")
    assert first.code == f"{agency}-{day}-0001"
    assert second.code == f"{agency}-{day}-0002"


def test_a_draft_cannot_be_submitted_twice(citizen, family):
    record = filled_draft(citizen, family["father"])
    services.submit(record, actor=citizen)
    with pytest.raises(ValidationError):
        services.submit(Record.objects.get(pk=record.pk), actor=citizen)
    assert Record.objects.get(pk=record.pk).code.endswith("-0001")


@pytest.mark.django_db(transaction=True)
def test_concurrent_filings_get_distinct_gapless_codes(family, catalogue):
    from .conftest import citizen_account

    user = citizen_account(family["father"])
    drafts = [filled_draft(user, family["father"]) for _ in range(24)]
    _results, errors = all_at_once(lambda record: services.submit(record, actor=user), [(d,) for d in drafts])
    assert errors == []
    codes = sorted(Record.objects.values_list("code", flat=True))
    numbers = [int(code.rsplit("-", 1)[1]) for code in codes]
    assert numbers == list(range(1, 25))


def test_the_birth_form_explains_a_wrong_id_and_refuses_a_birth_in_the_future(client, citizen, family):
    import datetime

    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    response = client.post(f"/services/bundles/{bundle.slug}/start/")
    base = re.match(r"(/my/filings/[0-9a-f-]+/)", response["Location"]).group(1)
    assert client.post(base + "eligibility/", {"under_six": "yes"}).status_code == 302
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        base + "form/",
        {
            "child_full_name": "Lê Minh Con",
            "child_birth_date": tomorrow.isoformat(),
            "child_sex": "male",
            "child_birth_place": "Bệnh viện Phụ sản Hà Nội",
            "other_parent_name": "Phạm Thị Mẹ",
            "other_parent_id_number": "0790 8010",
            "residence_address": "Số 11 phố Đội Cấn",
            "health_facility": "Trạm y tế phường Ba Đình",
            "continue": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ngày này chưa tới; hãy kiểm tra lại ngày, tháng, năm." in page
    assert "Gồm đúng 12 chữ số, không có dấu cách." in page
    assert "Lê Minh Con" in page  # nothing typed is lost


def test_the_birth_bundle_suggests_the_spouse_as_the_other_parent_and_lets_the_citizen_change_it(
    client, citizen, family
):
    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    base = re.match(
        r"(/my/filings/[0-9a-f-]+/)", client.post(f"/services/bundles/{bundle.slug}/start/")["Location"]
    ).group(1)
    client.post(base + "eligibility/", {"under_six": "yes"})
    page = client.get(base + "form/").content.decode()
    mother, father = family["mother"], family["father"]
    assert re.search(rf'name="other_parent_name" value="{mother.full_name}"', page)  # an input, not read-only text
    assert re.search(rf'name="other_parent_id_number" value="{mother.id_number}"', page)
    assert re.search(rf'name="residence_address" value="{re.escape(father.permanent_residence)}"', page)
    assert page.count("Gợi ý từ Cơ sở dữ liệu quốc gia về dân cư; hãy sửa nếu không đúng.") == 3

    client.post(base + "form/", {"other_parent_name": "Nguyễn Thị Khác", "save": ""})
    again = client.get(base + "form/").content.decode()
    assert 'name="other_parent_name" value="Nguyễn Thị Khác"' in again  # what the citizen typed wins


def test_integrated_filing_creates_linked_records_at_their_own_agencies(client, citizen, family):
    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    response = client.post(f"/services/bundles/{bundle.slug}/start/")
    base = re.match(r"(/my/filings/[0-9a-f-]+/)", response["Location"]).group(1)
    # In "Hồ sơ của tôi" the draft is one filing, under the integrated service's name.
    drafts = client.get("/my/records/").content.decode()
    assert drafts.count("Tiếp tục nộp") == 1 and drafts.count(f">{bundle.name}</a>") == 1
    assert client.post(base + "eligibility/", {"under_six": "yes"}).status_code == 302
    page = client.get(base + "form/").content.decode()
    assert family["father"].full_name in page
    response = client.post(
        base + "form/",
        {
            "child_full_name": "Lê Minh Con",
            "child_birth_date": "2026-11-01",
            "child_sex": "male",
            "child_birth_place": "Bệnh viện Phụ sản Hà Nội",
            "other_parent_name": "Phạm Thị Mẹ",
            "other_parent_id_number": family["mother"].id_number,
            "residence_address": "Số 11 phố Đội Cấn",
            "health_facility": "Trạm y tế phường Ba Đình",
            "continue": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    records = list(Record.objects.filter(group__isnull=False).order_by("created_at"))
    assert len(records) == 3
    certificate = next(c for c in records[0].procedure_version.components.all() if c.name.startswith("Giấy chứng sinh"))
    client.post(
        base + "attachments/",
        {
            "action": "upload",
            "record": records[0].pk,
            "component": certificate.pk,
            "file": files.pdf("giay-chung-sinh.pdf"),
        },
    )
    response = client.post(base + "attachments/", {"action": "continue"})
    assert response.status_code == 302, response.content.decode()[:3000]
    review = client.get(base + "review/").content.decode()
    assert "</strong> (3 ngày làm việc)" in review and "(7 ngày làm việc)" not in review  # residence, in the bundle
    assert client.post(base + "review/").status_code == 302

    records = list(Record.objects.filter(group__isnull=False).select_related("agency").order_by("created_at"))
    assert {r.state for r in records} == {RecordState.SUBMITTED}
    assert len({r.group_id for r in records}) == 1
    assert len({r.code for r in records}) == 3
    agencies = [r.agency for r in records]
    assert agencies[0].name.startswith("Ủy ban nhân dân Phường Ba Đình")
    assert agencies[1].name.startswith("Công an Phường Ba Đình")
    # The health insurance card is issued by social security, not by the ward that received the filing.
    assert agencies[2].name.startswith("Bảo hiểm xã hội")
    for record in records:
        assert record.procedure_version.agencies.filter(pk=record.agency_id).exists()
        assert record.agency.unit.code in ("00004", "01")
    # Procedure 1.001022: one after another, 1 working day for the birth, 3 for residence (not the usual 7),
    # 1 for the card: at most 5 in all.
    from records.deadlines import due_date, filing_day

    filed_on = filing_day(records[0].submitted_at, records[0].agency)  # after office hours: the next working day
    assert [r.expected_result_date for r in records] == [due_date(filed_on, days) for days in (1, 4, 5)]
    assert all(r.form_data["child_full_name"] == "Lê Minh Con" for r in records)
    done = client.get(base + "done/").content.decode()
    assert all(r.code in done for r in records)
    # What happens next, record by record: each line says which procedure it is about.
    for record in records:
        assert f"<strong>{record.service.name}</strong> ({record.code}):" in done
    listing = client.get("/my/records/").content.decode()
    # One card for the bundle, its three records inside (issue #15: not three unrelated cards).
    assert listing.count('class="group-title"') == 1 and listing.count('<span class="tag">Liên thông</span>') == 1
    assert all(r.code in listing for r in records)


def test_receiving_a_bundle_record_early_keeps_the_date_it_waits_for(client, citizen, family):
    """Social security receiving the card's record at once does not bring it before the records it waits for."""
    from records.deadlines import due_date, filing_day

    test_integrated_filing_creates_linked_records_at_their_own_agencies(client, citizen, family)
    card = Record.objects.filter(group__isnull=False).order_by("created_at").last()
    officer = User.objects.create_user(username="bhxh", password="x", kind=User.Kind.STAFF)
    grant_role(officer, card.agency, StaffRole.RECEIVER)
    services.transition(card, A.RECEIVE, actor=officer, role=StaffRole.RECEIVER)
    card.refresh_from_db()
    assert card.due_date == card.expected_result_date == due_date(filing_day(card.submitted_at, card.agency), 5)


def test_uploads_are_checked_by_content_and_size(citizen, family):
    record = filled_draft(citizen, family["father"])
    component = record.procedure_version.components.first()
    with pytest.raises(ValidationError, match="không phải PDF, JPEG hoặc PNG"):
        services.attach(record, component, files.fake_pdf(), by=citizen)
    with pytest.raises(ValidationError, match="vượt quá 10 MB"):
        services.attach(record, component, files.pdf(size=10 * 1024 * 1024 + 1), by=citizen)
    for upload in (
        files.pdf(),
        files.SimpleUploadedFile("a.png", files.PNG),
        files.SimpleUploadedFile("b.jpg", files.JPEG),
    ):
        services.attach(record, component, upload, by=citizen)
    assert sorted(Attachment.objects.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/jpeg",
        "image/png",
    ]
    stored = Attachment.objects.first()
    assert stored.file.name.startswith(f"records/{record.pk}/") and stored.original_name not in stored.file.name
    # The same file again (a double tap, uploaded twice by mistake) is kept once.
    again = services.attach(record, component, files.SimpleUploadedFile("lan-nua.png", files.PNG), by=citizen)
    assert again.original_name == "a.png" and Attachment.objects.count() == 3


def test_removing_a_file_twice_is_not_an_error(client, citizen, family):
    """A double tap on "Xóa", or "Xóa" again after going back: the file is gone, the page says nothing is wrong."""
    record = filled_draft(citizen, family["father"])
    component = record.procedure_version.components.first()
    attachment = services.attach(record, component, files.pdf(), by=citizen)
    remove = {"action": "remove", "record": record.pk, "component": component.pk, "attachment": attachment.pk}
    for _ in range(2):
        response = client.post(f"/my/filings/{record.pk}/attachments/", remove)
        assert response.status_code == 302 and response["Location"].endswith(f"#slot-{record.pk}-{component.pk}")
    assert not record.attachments.exists()


def test_a_record_holds_at_most_50_mb(citizen, family):
    record = filled_draft(citizen, family["father"])
    component = record.procedure_version.components.first()
    for number in range(5):
        services.attach(record, component, files.pdf(size=9 * 1024 * 1024, fill=str(number).encode()), by=citizen)
    with pytest.raises(ValidationError, match="50 MB"):
        services.attach(record, component, files.pdf(size=6 * 1024 * 1024), by=citizen)
    assert record.attachments.count() == 5


def test_a_picture_uploaded_under_a_pdf_name_downloads_as_a_picture(client, citizen, family):
    from django.core.files.uploadedfile import SimpleUploadedFile

    record = filled_draft(citizen, family["father"])
    photo = SimpleUploadedFile("giay-to.pdf", files.PNG, content_type="application/pdf")
    attachment = services.attach(record, record.procedure_version.components.first(), photo, by=citizen)
    assert attachment.content_type == "image/png" and attachment.original_name == "giay-to.pdf"
    response = client.get(f"/records/{record.pk}/attachments/{attachment.pk}/")
    assert response["Content-Type"] == "image/png"
    assert 'filename="giay-to.png"' in response["Content-Disposition"]
    pdf = services.attach(record, record.procedure_version.components.first(), files.pdf("Ban-Sao.PDF"), by=citizen)
    response = client.get(f"/records/{record.pk}/attachments/{pdf.pk}/")
    assert 'filename="Ban-Sao.PDF"' in response["Content-Disposition"]


def test_attachment_downloads_are_private(client, citizen, other_citizen, family):
    record = filled_draft(citizen, family["father"])
    attachment = services.attach(record, record.procedure_version.components.first(), files.pdf(), by=citizen)
    services.submit(record, actor=citizen)
    url = f"/records/{record.pk}/attachments/{attachment.pk}/"

    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"
    inline = client.get(url, {"inline": "1"})
    assert inline["Content-Security-Policy"] == "sandbox"  # an uploaded PDF cannot script the portal
    assert "attachment" not in inline.get("Content-Disposition", "")

    login(client, other_citizen)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404

    officer = User.objects.create_user("canbo", password="x", kind=User.Kind.STAFF)
    grant_role(officer, record.agency, StaffRole.RECEIVER)
    enable_totp(officer)
    client.force_login(officer)  # password only: the second factor first, even for a download
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/reauthenticate/")
    totp_session(client, officer)
    assert client.get(url).status_code == 200
    elsewhere = User.objects.create_user("canbo2", password="x", kind=User.Kind.STAFF)
    grant_role(elsewhere, Agency.objects.exclude(pk=record.agency_id).first(), StaffRole.RECEIVER)
    totp_session(client, elsewhere)
    assert client.get(url).status_code == 404
    assert client.get(f"/records/{uuid.uuid4()}/attachments/{attachment.pk}/").status_code == 404


def test_my_records_shows_only_mine(client, citizen, other_citizen, family):
    mine = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    theirs = services.submit(filled_draft(other_citizen, family["mother"]), actor=other_citizen)
    page = client.get("/my/records/").content.decode()
    assert mine.code in page and theirs.code not in page
    assert client.get(f"/my/records/{theirs.pk}/").status_code == 404
    detail = client.get(f"/my/records/{mine.pk}/").content.decode()
    assert "Lịch sử xử lý" in detail and "Đã nộp, chờ tiếp nhận" in detail


def test_public_lookup_by_code_and_id_number_shows_nothing_personal(client, citizen, family):
    record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    client.logout()
    id_number = family["father"].id_number

    body = client.get("/api/v1/records/lookup/", {"code": record.code, "id_number": id_number}).json()
    assert body["code"] == record.code
    assert body["state"] == "submitted" and body["national_status"] == 1
    assert body["expected_result_date"] == record.expected_result_date.isoformat()
    flat = str(body)
    assert family["father"].full_name not in flat and id_number not in flat and "Đội Cấn" not in flat

    other = family["mother"].id_number
    assert client.get("/api/v1/records/lookup/", {"code": record.code, "id_number": other}).status_code == 404
    bad = client.get("/api/v1/records/lookup/", {"code": record.code, "id_number": "123"})
    assert bad.status_code == 400 and "12 chữ số" in bad.json()["id_number"][0]

    page = client.post("/lookup/", {"code": record.code, "id_number": id_number}).content.decode()
    assert "Đã nộp, chờ tiếp nhận" in page and family["father"].full_name not in page
    assert client.post("/lookup/", {"code": record.code, "id_number": other}).status_code == 404


def test_lookup_takes_the_code_and_number_as_typed_on_a_phone(client, citizen, family):
    record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    client.logout()
    id_number = family["father"].id_number
    typed_code = f" {record.code.lower()} "
    typed_number = f"{id_number[:3]} {id_number[3:6]}.{id_number[6:9]}-{id_number[9:]}"
    assert any(c.isalpha() for c in record.code) and typed_code.strip() != record.code
    page = client.post("/lookup/", {"code": typed_code, "id_number": typed_number})
    assert page.status_code == 200 and "Đã nộp, chờ tiếp nhận" in page.content.decode()
    api = client.get("/api/v1/records/lookup/", {"code": typed_code, "id_number": typed_number})
    assert api.status_code == 200 and api.json()["code"] == record.code
    form = client.get("/lookup/").content.decode()
    assert 'inputmode="numeric"' in form and 'autocapitalize="characters"' in form


def test_a_service_requires_an_agency_that_implements_it(citizen, family):
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    outsider = Agency.objects.exclude(pk__in=service.version.agencies.all()).first()
    with pytest.raises(ValidationError):
        services.start_draft(
            service=service, applicant=citizen, applicant_id_number="1", applicant_name="x", agency=outsider
        )


def test_filing_api_files_a_record_in_one_request(client, citizen, family):
    service = OnlineService.objects.get(slug="dang-ky-thanh-lap-doanh-nghiep-tu-nhan")
    papers = service.version.components.get(name__startswith="Bản sao giấy tờ pháp lý")
    data = json.dumps(dict(BUSINESS, full_name="Giả mạo"))
    response = client.post(
        "/api/v1/records/", {"service": service.slug, "data": data, f"component_{papers.pk}": files.pdf()}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    record = Record.objects.get(pk=body["id"])
    assert body["code"] == record.code and record.state == RecordState.SUBMITTED
    assert record.form_data["full_name"] == family["father"].full_name  # the registry wins over what was sent
    assert record.attachments.count() == 1


BUSINESS = {
    "business_name": "DNTN Bình An",
    "head_office": "Số 3 Kim Mã",
    "capital": 900000000,
    "business_lines": "Bán lẻ",
    "delivery": "online",
}


def test_filing_api_keeps_the_draft_and_explains_errors(client, citizen):
    slug = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"
    response = client.post("/api/v1/records/", {"service": slug, "data": '{"capital": 5}'})
    assert response.status_code == 400
    body = response.json()
    assert "business_name" in body and "capital" in body
    assert Record.objects.get(pk=body["draft"]).form_data["capital"] == 5
    missing = client.post("/api/v1/records/", {"service": slug, "data": json.dumps(BUSINESS)})
    assert missing.status_code == 400 and "Thiếu giấy tờ" in str(missing.json()["detail"])
    assert client.post("/api/v1/records/", {"service": "khong-co", "data": "{}"}).status_code == 404


def test_other_apps_hear_of_transitions_only_after_commit_and_can_hold_them(
    citizen, family, django_capture_on_commit_callbacks
):
    from records import signals, workflow

    heard = []

    def receiver(sender, record, event, action, **kwargs):
        heard.append((record.code, action, event.to_state))

    signals.record_transitioned.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
        assert heard == [(record.code, A.SUBMIT, RecordState.SUBMITTED)]

        def hold(locked):
            return "Chưa nộp phí"

        workflow.register_guard(A.WITHDRAW, hold)
        with pytest.raises(ValidationError, match="Chưa nộp phí"):
            services.withdraw(record, actor=citizen)
        assert Record.objects.get(pk=record.pk).state == RecordState.SUBMITTED
    finally:
        signals.record_transitioned.disconnect(receiver)
        workflow.GUARDS.pop(A.WITHDRAW, None)


def test_my_records_costs_the_same_queries_for_two_records_or_eight(client, citizen, family):
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/my/records/").status_code == 200
        return len(ctx.captured_queries)

    for _ in range(2):
        services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    few = queries()
    for _ in range(6):
        services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    assert queries() == few


def test_filing_api_respects_guards_on_submission(client, citizen, family, monkeypatch):
    from records import workflow

    monkeypatch.setitem(workflow.GUARDS, A.SUBMIT, [lambda record: "Tạm dừng nhận hồ sơ để bảo trì"])
    service = OnlineService.objects.get(slug="dang-ky-thanh-lap-doanh-nghiep-tu-nhan")
    papers = service.version.components.get(name__startswith="Bản sao giấy tờ pháp lý")
    response = client.post(
        "/api/v1/records/",
        {"service": service.slug, "data": json.dumps(BUSINESS), f"component_{papers.pk}": files.pdf()},
    )
    assert response.status_code == 400
    assert "Tạm dừng nhận hồ sơ" in str(response.json()["detail"])
    assert not Record.objects.exclude(state=RecordState.DRAFT).exists()


def _file_business(client, service, papers, key, **extra):
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(
        "/api/v1/records/",
        {"service": service.slug, "data": json.dumps(BUSINESS), f"component_{papers.pk}": files.pdf(), **extra},
        headers=headers,
    )


def test_filing_api_takes_no_file_for_what_the_e_form_replaces(client, citizen):
    service, papers = _business_service()
    form_component = service.form_component
    response = _file_business(client, service, papers, "", **{f"component_{form_component.pk}": files.pdf("don.pdf")})
    assert response.status_code == 400
    assert "tờ khai điện tử bạn điền ở bước “Tờ khai” đã thay cho nó" in str(response.json()["detail"])
    draft = Record.objects.get(pk=response.json()["draft"])
    assert [a.component_id for a in draft.attachments.all()] == [papers.pk]  # the good file stays
    assert not Record.objects.exclude(state=RecordState.DRAFT).exists()


def test_filing_api_asks_the_eligibility_questions_the_web_journey_asks(client, citizen):
    """Driving licence renewal is for Vietnamese licences only: an app cannot file it without saying so."""
    service = OnlineService.objects.get(slug="cap-doi-giay-phep-lai-xe")
    replaced = {service.form_component_id} | set(service.replacements.values_list("component_id", flat=True))
    uploads = {
        f"component_{c.pk}": files.pdf(f"{c.pk}.pdf")
        for c in service.version.components.filter(mandatory=True).exclude(pk__in=replaced)
    }
    licence = service.version.components.get(name__startswith="Bản sao giấy phép lái xe")
    uploads[f"component_{licence.pk}"] = files.pdf("gplx.pdf")
    data = json.dumps({"reason": "expired", "delivery": "online"})

    def file(**eligibility):
        fields = {"service": service.slug, "data": data, **uploads}
        if eligibility:
            fields["eligibility"] = json.dumps(eligibility)
        for upload in uploads.values():
            upload.seek(0)
        return client.post("/api/v1/records/", fields)

    unanswered = file()
    assert unanswered.status_code == 400
    assert unanswered.json()["eligibility"] == ["Chưa trả lời câu hỏi: Bạn đang có giấy phép lái xe do Việt Nam cấp?"]
    refused = file(has_licence=False)
    assert refused.status_code == 400
    assert "chỉ đổi giấy phép lái xe do Việt Nam cấp" in refused.json()["eligibility"][0]
    kept = Record.objects.get(pk=refused.json()["draft"])
    assert kept.eligibility_answers == {"has_licence": False} and kept.attachments.count() == len(uploads)
    assert not Record.objects.exclude(state=RecordState.DRAFT).exists()

    filed = file(has_licence=True)
    assert filed.status_code == 201, filed.content
    record = Record.objects.get(pk=filed.json()["id"])
    assert record.state == RecordState.SUBMITTED and record.eligibility_answers == {"has_licence": True}


def test_an_online_draft_with_an_unanswered_eligibility_question_cannot_be_submitted(citizen, family):
    record = filled_draft(citizen, family["father"])
    record.service.eligibility = [{"id": "resident", "question": {"vi": "Bạn cư trú tại xã này?"}, "expected": True}]
    record.service.save()
    with pytest.raises(ValidationError, match="Chưa trả lời câu hỏi: Bạn cư trú tại xã này?"):
        services.submit(Record.objects.get(pk=record.pk), actor=citizen)


def _business_service():
    service = OnlineService.objects.get(slug="dang-ky-thanh-lap-doanh-nghiep-tu-nhan")
    return service, service.version.components.get(name__startswith="Bản sao giấy tờ pháp lý")


def test_filing_api_retried_with_the_same_key_files_once(client, citizen):
    """The app lost the first answer and sends the filing again: the citizen gets the first record back."""
    service, papers = _business_service()
    first = _file_business(client, service, papers, "0b7c8a1e-6a55-4d0e-9a53-7a4c1d2f3e40")
    again = _file_business(client, service, papers, "0b7c8a1e-6a55-4d0e-9a53-7a4c1d2f3e40")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first.headers
    assert Record.objects.filter(applicant=citizen, service=service).count() == 1
    assert Attachment.objects.count() == 1
    # A new key (or none) is a new filing.
    assert _file_business(client, service, papers, "second-filing-0001").status_code == 201
    assert _file_business(client, service, papers, "").status_code == 201
    assert Record.objects.filter(applicant=citizen, service=service, state=RecordState.SUBMITTED).count() == 3


def test_filing_api_retry_after_a_refusal_continues_the_same_draft(client, citizen):
    """A refused request keeps its draft under the key; the corrected retry files that draft, nothing piles up."""
    service, papers = _business_service()
    key = "retry-after-error-0001"
    refused = _file_business(client, service, papers, key, data=json.dumps({**BUSINESS, "business_name": ""}))
    assert refused.status_code == 400 and "business_name" in refused.json()
    draft = refused.json()["draft"]
    refused_again = _file_business(client, service, papers, key, data=json.dumps({**BUSINESS, "capital": "nhiều"}))
    assert refused_again.status_code == 400 and refused_again.json()["draft"] == draft
    assert Record.objects.filter(applicant=citizen).count() == 1

    filed = _file_business(client, service, papers, key)
    assert filed.status_code == 201 and filed.json()["id"] == draft
    record = Record.objects.get(pk=draft)
    assert record.state == RecordState.SUBMITTED and record.form_data["business_name"] == BUSINESS["business_name"]
    assert record.attachments.filter(component=papers).count() == 1  # the retry's file replaced the earlier one
    replay = _file_business(client, service, papers, key)
    assert replay.status_code == 201 and replay.json()["code"] == record.code
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert Record.objects.filter(applicant=citizen).count() == 1


def test_filing_api_retry_keeps_the_file_sent_with_a_refused_request(client, citizen):
    service, papers = _business_service()
    key = "retry-keeps-file-0001"
    refused = _file_business(client, service, papers, key, data=json.dumps({**BUSINESS, "business_name": ""}))
    assert refused.status_code == 400
    filed = client.post(
        "/api/v1/records/", {"service": service.slug, "data": json.dumps(BUSINESS)}, headers={"Idempotency-Key": key}
    )
    assert filed.status_code == 201, filed.content
    assert Record.objects.get(pk=filed.json()["id"]).attachments.get().component == papers


def test_filing_api_retry_never_trades_a_good_file_for_a_refused_one(client, citizen):
    from django.core.files.storage import default_storage

    service, papers = _business_service()
    key = "retry-bad-file-0001"
    refused = _file_business(client, service, papers, key, data=json.dumps({**BUSINESS, "business_name": ""}))
    draft = Record.objects.get(pk=refused.json()["draft"])
    kept = draft.attachments.get()
    again = client.post(
        "/api/v1/records/",
        {"service": service.slug, "data": json.dumps(BUSINESS), f"component_{papers.pk}": files.fake_pdf()},
        headers={"Idempotency-Key": key},
    )
    assert again.status_code == 400 and "không phải PDF, JPEG hoặc PNG" in str(again.json()["detail"])
    assert list(draft.attachments.all()) == [kept] and default_storage.exists(kept.file.name)
    assert Record.objects.get(pk=draft.pk).form_data["business_name"] == BUSINESS["business_name"]  # kept too


def test_filing_api_retry_of_a_draft_made_for_an_older_procedure_version_starts_afresh(client, citizen):
    from procedures.models import ProcedureVersion

    service, papers = _business_service()
    key = "retry-old-version-01"
    refused = _file_business(client, service, papers, key, data=json.dumps({**BUSINESS, "business_name": ""}))
    old = ProcedureVersion.objects.exclude(pk=service.version_id).first()
    Record.objects.filter(pk=refused.json()["draft"]).update(procedure_version=old)
    filed = _file_business(client, service, papers, key)
    assert filed.status_code == 201 and filed.json()["id"] != refused.json()["draft"]
    assert Record.objects.get(pk=refused.json()["draft"]).idempotency_key == ""


def test_a_key_still_held_by_a_draft_in_the_making_answers_409():
    from rest_framework.exceptions import APIException

    from records.api import already_filed

    draft = Record(state=RecordState.DRAFT, service=OnlineService(slug="dang-ky-thuong-tru"))
    with pytest.raises(APIException) as raised:
        already_filed(draft, "dang-ky-thuong-tru")
    assert raised.value.status_code == 409


def test_filing_api_keys_belong_to_one_citizen(client, citizen, other_citizen):
    service, papers = _business_service()
    mine = _file_business(client, service, papers, "shared-key-000001")
    login(client, other_citizen)
    theirs = _file_business(client, service, papers, "shared-key-000001")
    assert theirs.status_code == 201 and theirs.json()["code"] != mine.json()["code"]


def test_filing_api_refuses_a_key_reused_for_another_service_or_malformed(client, citizen):
    service, papers = _business_service()
    assert _file_business(client, service, papers, "reused-key-000001").status_code == 201
    other = client.post(
        "/api/v1/records/",
        {"service": "dang-ky-thuong-tru", "data": "{}"},
        headers={"Idempotency-Key": "reused-key-000001"},
    )
    assert other.status_code == 422 and "dịch vụ khác" in other.json()["detail"]
    for bad in ("short", "khóa-có-dấu-tiếng-việt", "x" * 65):
        response = _file_business(client, service, papers, bad)
        assert response.status_code == 400 and "Idempotency-Key" in response.json()["idempotency_key"][0]
    assert Record.objects.filter(applicant=citizen).count() == 1
    client.cookies["django_language"] = "en"
    english = _file_business(client, service, papers, "short")
    assert english.json()["idempotency_key"] == [
        "Idempotency-Key must be 8–64 characters long: unaccented letters, digits and - _ : . only."
    ]


@pytest.mark.django_db(transaction=True)
def test_filing_api_double_tap_files_once_under_concurrency(family, catalogue):
    """Six identical requests at the same instant (a double tap and retries): one record, one answer."""
    from django.test import Client

    from .conftest import citizen_account

    user = citizen_account(family["father"])
    service, papers = _business_service()
    clients = [login(Client(), user) for _ in range(6)]
    responses, errors = all_at_once(
        lambda client: _file_business(client, service, papers, "tap-2026-11-23-0001"), [(c,) for c in clients]
    )
    assert errors == []
    assert [r.status_code for r in responses] == [201] * 6
    assert len({r.json()["code"] for r in responses}) == 1
    assert Record.objects.filter(state=RecordState.SUBMITTED).count() == 1
    assert Attachment.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_filing_api_concurrent_retries_after_a_refusal_file_the_draft_once(family, catalogue):
    """Two corrected retries of a refused request at the same instant: one files the draft, the other
    gets it back (or is told to wait); the filed record is never changed by the loser."""
    from django.test import Client

    from .conftest import citizen_account

    user = citizen_account(family["father"])
    service, papers = _business_service()
    key = "race-after-refusal-01"
    refused = _file_business(login(Client(), user), service, papers, key, data=json.dumps({**BUSINESS, "capital": 1}))
    assert refused.status_code == 400
    clients = [login(Client(), user) for _ in range(4)]
    responses, errors = all_at_once(lambda c: _file_business(c, service, papers, key), [(c,) for c in clients])
    assert errors == []
    assert {r.status_code for r in responses} <= {201, 409}
    assert any(r.status_code == 201 for r in responses)
    record = Record.objects.get(pk=refused.json()["draft"])
    assert record.state == RecordState.SUBMITTED and record.form_data["business_name"] == BUSINESS["business_name"]
    assert record.attachments.count() == 1 and Record.objects.filter(applicant=user).count() == 1


def test_the_lookup_is_throttled_per_address_whatever_the_headers_or_login(client, citizen, family, monkeypatch):
    """30 guesses a minute from one address, logged in or not, API and page together; a forged
    X-Forwarded-For buys nothing (no proxy is trusted unless NUM_PROXIES says so)."""
    from records.throttles import LookupThrottle

    # The allowance is per minute of the clock: stop it mid-minute, or the 30 guesses could straddle two.
    monkeypatch.setattr(LookupThrottle, "timer", lambda self: 1_900_000_000 // 60 * 60 + 30.0)
    record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    api = "/api/v1/records/lookup/"
    for attempt in range(20):
        forged = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{attempt}"}
        assert client.get(api, {"code": record.code, "id_number": "001099000001"}, **forged).status_code == 404
    for _attempt in range(10):
        assert client.post("/lookup/", {"code": record.code, "id_number": "001099000001"}).status_code == 404

    assert client.get(api, {"code": record.code, "id_number": record.applicant_id_number}).status_code == 429
    page = client.post("/lookup/", {"code": record.code, "id_number": record.applicant_id_number})
    assert page.status_code == 429 and "Bạn đã tra cứu quá nhiều lần" in page.content.decode()
    client.logout()
    assert client.get(api, {"code": record.code, "id_number": "001099000001"}).status_code == 429
    other = {"REMOTE_ADDR": "198.51.100.7"}  # another address has its own allowance
    assert client.get(api, {"code": record.code, "id_number": record.applicant_id_number}, **other).status_code == 200


def test_the_api_answers_in_the_language_the_client_asks_for(client):
    """No language switch in an app: Accept-Language chooses on /api/, Vietnamese when it says nothing."""
    query = {"code": "000.00.00.H01-261123-0001", "id_number": "001092000011"}
    english = client.get("/api/v1/records/lookup/", query, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert english.status_code == 404 and english.json()["detail"].startswith("No record")
    assert client.get("/api/v1/records/lookup/", query).json()["detail"].startswith("Không tìm thấy hồ sơ")
    # The web pages stay Vietnamese first whatever the browser says.
    page = client.post("/lookup/", query, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Không tìm thấy hồ sơ" in page


@pytest.mark.django_db(transaction=True)
def test_a_double_tap_on_start_makes_one_draft(family, catalogue):
    """Taps on "Nộp hồ sơ trực tuyến" at the same instant, or again a moment later, open one draft;
    a new start once the citizen has begun the first (a second filing of their own) makes a new one."""
    from django.test import Client

    from eservices.models import IntegratedService

    from .conftest import citizen_account

    user = citizen_account(family["father"])
    clients = [login(Client(), user) for _ in range(4)]
    start = "/services/dang-ky-khai-sinh/start/"
    responses, errors = all_at_once(lambda client: client.post(start), [(c,) for c in clients])
    assert errors == []
    assert len({r["Location"] for r in responses}) == 1
    assert Record.objects.filter(applicant=user).count() == 1
    assert clients[0].post(start)["Location"] == responses[0]["Location"]  # back, and tapped again

    draft = Record.objects.get(applicant=user)
    draft.form_data = {"child_full_name": "Lê Minh Con"}
    draft.save()
    assert clients[0].post(start)["Location"] != responses[0]["Location"]
    assert Record.objects.filter(applicant=user).count() == 2

    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    bundle_start = f"/services/bundles/{bundle.slug}/start/"
    responses, errors = all_at_once(lambda client: client.post(bundle_start), [(c,) for c in clients])
    assert errors == [] and len({r["Location"] for r in responses}) == 1
    assert Record.objects.filter(applicant=user, group__isnull=False).count() == bundle.members.count()


def test_an_integrated_service_page_says_what_to_prepare_for_each_part(client, catalogue):
    page = client.get("/services/bundles/lien-thong-khai-sinh/").content.decode()
    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    assert page.count("Bạn cần chuẩn bị") == bundle.members.count() and "Mức độ 2" in page
    assert page.count("Thời hạn giải quyết") == 3 and "3 ngày làm việc" in page  # residence: 3 in the bundle, not 7
    assert "Cả liên thông: tối đa 5 ngày làm việc" in page
    for service in bundle.members.all():
        for component in service.version.components.all():
            assert component.name in page
    assert "điền tờ khai điện tử khi nộp" in page and "Không mất phí, lệ phí." in page
    assert "level=LoA2" in page  # logging in from here asks for level 2 at once


def test_an_integrated_service_page_reads_in_english(client, catalogue):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/services/bundles/lien-thong-khai-sinh/").content.decode()
    assert "Fill in once, three procedures handled" in page and "Một lần khai" not in page
