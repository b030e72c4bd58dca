"""Filing a record through the citizen's pages: prefill, e-form validation, attachments, submission."""

import re
import uuid
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from records import services
from records.constants import RecordState
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent

from . import files
from .conftest import login

pytestmark = pytest.mark.django_db

SERVICE = "/services/cap-doi-giay-phep-lai-xe/"


def start(client, slug="cap-doi-giay-phep-lai-xe"):
    response = client.post(f"/services/{slug}/start/")
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def filing_url(location):
    return re.match(r"(/my/filings/[0-9a-f-]+/)", location).group(1)


def answer_eligibility(client, base):
    response = client.post(base + "eligibility/", {"has_licence": "yes"})
    assert response.status_code == 302 and response["Location"].endswith("/form/")


LICENCE_FORM = {"reason": "expired", "delivery": "online"}


def test_driving_licence_renewal_end_to_end(client, citizen, family):
    base = filing_url(start(client))
    answer_eligibility(client, base)

    page = client.get(base + "form/").content.decode()
    # Prefilled from the population registry and the wallet, shown read-only.
    assert family["father"].full_name in page
    assert "012345678901" in page
    assert page.count("Từ Cơ sở dữ liệu quốc gia về dân cư") >= 4
    assert page.count("Từ ví giấy tờ điện tử VNeID") >= 1  # the licence number comes from the wallet
    # Shown as text to read (a long address is not cut off), with no input to send back.
    assert re.search(r'<p class="prefilled-value"[^>]*>' + re.escape(family["father"].full_name) + "</p>", page)
    assert 'name="full_name"' not in page
    birth = family["father"].birth_date.strftime("%d/%m/%Y")
    assert f'<p class="prefilled-value" aria-labelledby="id_birth_date_label">{birth}</p>' in page

    # A tampered prefilled value is ignored: the registry wins.
    response = client.post(base + "form/", {**LICENCE_FORM, "full_name": "Người Khác", "continue": ""})
    assert response.status_code == 302 and response["Location"].endswith("/attachments/")

    page = client.get(base + "attachments/").content.decode()
    assert "Không cần nộp: đã thay bằng tờ khai điện tử" in page
    assert "Không cần nộp: dữ liệu được lấy từ Cơ sở dữ liệu quốc gia về dân cư" in page
    record = Record.objects.get(applicant=citizen)
    slots = {c.name: c for c in record.procedure_version.components.all()}
    health = next(c for name, c in slots.items() if name.startswith("Giấy khám sức khỏe"))
    licence = next(c for name, c in slots.items() if name.startswith("Bản sao giấy phép lái xe"))
    assert f"Tải lên bản chụp hoặc bản điện tử: {health.name}</label>" in page  # each file input says which paper

    # The only licence in the wallet is offered as it is (nothing looks chosen before the citizen chooses it),
    # and "continue" without it says how to use it.
    assert "Có trong ví VNeID của bạn" in page and 'type="radio" name="document"' not in page
    response = client.post(base + "attachments/", {"action": "continue"})
    assert response.status_code == 400
    missing = response.content.decode()
    assert missing.count("<title>Lỗi: Giấy tờ") == 1
    # The summary names each missing document and links to its file input; the section says it too.
    health_slot, licence_slot = f"{record.pk}-{health.pk}", f"{record.pk}-{licence.pk}"
    assert (
        f'<a href="#file-{licence_slot}">{licence.name}: Chưa có giấy tờ này. Bấm “Dùng giấy tờ này” để dùng '
        "giấy tờ trong ví VNeID, hoặc tải bản chụp lên.</a>"
    ) in missing
    assert f'<a href="#file-{health_slot}">{health.name}: Chưa có giấy tờ này. Hãy tải bản chụp' in missing
    assert f'<p class="field-error" id="error-{health_slot}">Chưa có giấy tờ này.' in missing
    assert f'id="file-{health_slot}" accept="application/pdf,image/jpeg,image/png" aria-invalid="true" ' in missing
    nothing_chosen = client.post(
        base + "attachments/", {"action": "wallet", "record": record.pk, "component": licence.pk}
    )
    assert f'<a href="#file-{licence_slot}">{licence.name}: Hãy chọn một giấy tờ trong ví' in (
        nothing_chosen.content.decode()
    )
    # Nothing chosen to upload: the message is beside that document, the others have none.
    no_file = client.post(base + "attachments/", {"action": "upload", "record": record.pk, "component": health.pk})
    assert no_file.content.decode().count('class="field-error"') == 1
    assert f'id="error-{health_slot}">Hãy chọn tệp để tải lên.' in no_file.content.decode()

    uploaded = client.post(
        base + "attachments/", {"action": "upload", "record": record.pk, "component": health.pk, "file": files.pdf()}
    )
    assert uploaded["Location"].endswith(f"/attachments/#slot-{health_slot}")  # back to that document
    client.post(
        base + "attachments/",
        {"action": "wallet", "record": record.pk, "component": licence.pk, "document": "012345678901"},
    )
    response = client.post(base + "attachments/", {"action": "continue"})
    assert response.status_code == 302 and response["Location"].endswith("/review/")

    review = client.get(base + "review/").content.decode()
    assert "giấy tờ điện tử số 012345678901" in review
    # Each prefilled answer says where it came from, as the form step did.
    assert re.search(r"<dt>Số giấy phép lái xe</dt><dd>[^<]*<small class=\"tag\">Từ ví giấy tờ điện tử VNeID", review)
    assert re.search(r"<dt>Họ, chữ đệm và tên</dt><dd>[^<]*<small class=\"tag\">Từ CSDL dân cư", review)
    # What filing will cost, before the citizen submits: the online fee, the saving, and when to pay.
    assert "<strong>115.000 đ</strong> (đã giảm 20.000 đ vì nộp trực tuyến) — Nộp phí khi nộp hồ sơ" in review
    response = client.post(base + "review/")
    assert response.status_code == 302 and response["Location"].endswith("/done/")

    record.refresh_from_db()
    assert record.state == RecordState.SUBMITTED
    assert re.fullmatch(rf"{re.escape(record.agency.code)}-\d{{6}}-0001", record.code)
    assert record.form_data["full_name"] == family["father"].full_name
    assert record.form_data["licence_number"] == "012345678901"
    assert {"full_name", "id_number", "licence_number", "licence_class"} <= set(record.prefilled_fields)
    assert str(licence.pk) in record.replaced_components
    assert record.expected_result_date > timezone.localdate(record.submitted_at)
    assert record.agency.unit.code == "01"  # the licensing police of the applicant's province
    event = RecordEvent.objects.get(record=record, action=A.SUBMIT)
    assert (event.from_state, event.to_state, event.actor) == (RecordState.DRAFT, RecordState.SUBMITTED, citizen)
    assert event.client_ip == "127.0.0.1"

    done = client.get(base + "done/").content.decode()
    assert record.code in done
    mine = client.get("/my/records/").content.decode()
    assert record.code in mine and "Đã nộp, chờ tiếp nhận" in mine


def test_invalid_form_is_refused_with_messages_and_nothing_is_lost(client, citizen):
    base = filing_url(start(client))
    answer_eligibility(client, base)
    response = client.post(base + "form/", {"reason": "change", "delivery": "postal", "continue": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'href="#id_change_details"' in page and 'href="#id_postal_address"' in page
    # What was typed is saved in the draft and shown again.
    record = Record.objects.get(applicant=citizen)
    assert record.form_data["reason"] == "change" and record.form_data["delivery"] == "postal"
    assert re.search(r'value="change"[^>]*checked', page)

    response = client.post(
        base + "form/",
        {
            "reason": "change",
            "change_details": "Đổi họ tên",
            "delivery": "postal",
            "postal_address": "Số 5 Hàng Bài",
            "continue": "",
        },
    )
    assert response.status_code == 302


def test_hidden_conditional_field_is_dropped(client, citizen):
    base = filing_url(start(client))
    answer_eligibility(client, base)
    client.post(
        base + "form/", {"reason": "expired", "change_details": "không liên quan", "delivery": "online", "continue": ""}
    )
    assert "change_details" not in Record.objects.get(applicant=citizen).form_data


def test_draft_is_saved_and_resumed_from_my_records(client, citizen):
    base = filing_url(start(client))
    answer_eligibility(client, base)
    response = client.post(base + "form/", {"reason": "damaged", "save": ""})
    assert response.status_code == 302 and response["Location"].endswith("/form/")
    mine = client.get("/my/records/").content.decode()
    assert "Bản nháp" in mine and base + "form/" in mine
    assert re.search(r'value="damaged"[^>]*checked', client.get(base + "form/").content.decode())


def test_eligibility_refusal_explains_why(client, citizen):
    base = filing_url(start(client))
    response = client.post(base + "eligibility/", {"has_licence": "no"})
    assert response.status_code == 400
    assert "chỉ đổi giấy phép lái xe do Việt Nam cấp" in response.content.decode()
    assert '<a href="#has_licence-no">' in response.content.decode()  # to the answer, should it be a mistake


def at_the_documents_step(client, citizen):
    """A licence renewal draft at its documents: (its address, the record, the health certificate, the licence)."""
    base = filing_url(start(client))
    answer_eligibility(client, base)
    client.post(base + "form/", {**LICENCE_FORM, "continue": ""})
    record = Record.objects.get(applicant=citizen)
    components = {c.name[:20]: c for c in record.procedure_version.components.all()}
    return base, record, components["Giấy khám sức khỏe c"], components["Bản sao giấy phép lá"]


def test_files_chosen_and_then_continue_are_uploaded_not_lost(client, citizen):
    """A citizen picks the files and taps "Tiếp tục" instead of each "Tải lên": they are uploaded all the same."""
    base, record, health, licence = at_the_documents_step(client, citizen)
    page = client.get(base + "attachments/").content.decode()
    assert 'id="attachments-form"' in page and page.count('form="attachments-form"') >= 4  # 2 inputs, 2 buttons

    response = client.post(
        base + "attachments/",
        {
            "action": "continue",
            f"file-{record.pk}-{health.pk}": files.pdf("suc-khoe.pdf"),
            f"file-{record.pk}-{licence.pk}": files.pdf("gplx.pdf", size=900),
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/review/")
    assert sorted(a.original_name for a in record.attachments.all()) == ["gplx.pdf", "suc-khoe.pdf"]


def test_a_refused_file_among_those_chosen_is_said_and_the_good_one_kept(client, citizen):
    base, record, health, licence = at_the_documents_step(client, citizen)
    response = client.post(
        base + "attachments/",
        {
            "action": f"upload:{record.pk}-{health.pk}",
            f"file-{record.pk}-{health.pk}": files.pdf("suc-khoe.pdf"),
            f"file-{record.pk}-{licence.pk}": files.fake_pdf("gplx.pdf"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert f'<a href="#file-{record.pk}-{licence.pk}">{licence.name}: ' in page and "không phải PDF" in page
    assert [a.original_name for a in record.attachments.all()] == ["suc-khoe.pdf"]
    nothing = client.post(base + "attachments/", {"action": f"upload:{record.pk}-{health.pk}"})
    assert "Hãy chọn tệp để tải lên." in nothing.content.decode()
    # A file for a document not on this page (a stale page, a forged field) is refused, and said so.
    stray = client.post(base + "attachments/", {"action": "continue", f"file-{uuid.uuid4()}-{health.pk}": files.pdf()})
    assert stray.status_code == 400 and "Thao tác không hợp lệ." in stray.content.decode()
    assert record.attachments.count() == 1


def test_a_refusal_shows_where_else_to_go(client, citizen):
    base = filing_url(start(client))
    record_id = base.rstrip("/").split("/")[-1]
    page = client.post(base + "eligibility/", {"has_licence": "no"}).content.decode()
    way_forward = page[page.index('id="way-forward"') :]
    record = Record.objects.get(pk=record_id)
    assert f'href="{record.procedure_version.get_absolute_url()}"' in way_forward  # agencies, filing in person
    assert 'href="/procedures/"' in way_forward and f'href="/my/filings/{record_id}/discard/"' in way_forward


def test_a_refused_or_unanswered_eligibility_question_stops_the_filing(client, citizen):
    """ "Continue" from "Hồ sơ của tôi", or a step's address typed in, leads back to the questions, and
    the draft cannot be submitted while an answer says the citizen may not file online."""
    base = filing_url(start(client))
    unanswered = client.post(base + "eligibility/", {})
    page = unanswered.content.decode()
    assert unanswered.status_code == 400 and "<title>Lỗi: Điều kiện" in page
    assert '<a href="#has_licence-yes">' in page and 'id="has_licence-error">Hãy chọn Có hoặc Không.' in page
    assert client.get(base + "form/")["Location"] == base + "eligibility/"

    client.post(base + "eligibility/", {"has_licence": "no"})
    for step in ("form/", "attachments/", "review/"):
        assert client.get(base + step)["Location"] == base + "eligibility/"
    assert "chỉ đổi giấy phép lái xe do Việt Nam cấp" in client.get(base + "eligibility/").content.decode()
    record = Record.objects.get(applicant=citizen)
    with pytest.raises(ValidationError, match="chỉ đổi giấy phép lái xe do Việt Nam cấp"):
        services.submit(record, actor=citizen)

    answer_eligibility(client, base)
    assert client.get(base + "form/").status_code == 200


def test_continuing_a_level_two_draft_from_a_level_one_login_asks_to_step_up(client, citizen):
    base = filing_url(start(client))
    answer_eligibility(client, base)
    session = client.session
    session["vneid_acr"] = "LoA1"
    session.save()
    for step in ("form/", "review/"):
        response = client.get(base + step)
        assert response["Location"] == "/my-account/step-up/?" + urlencode({"next": base + step})
    response = client.post(base + "review/")
    assert response["Location"].startswith("/my-account/step-up/?")
    assert Record.objects.get(applicant=citizen).is_draft


def test_level_one_session_must_step_up_before_filing(client, citizen, other_citizen):
    from urllib.parse import parse_qs, urlparse

    def ask_to_start():
        response = client.post(f"{SERVICE}start/")
        assert response.status_code == 302 and response["Location"].startswith("/my-account/step-up/?next=")
        return parse_qs(urlparse(response["Location"]).query)["next"][0]

    session = client.session
    session["vneid_acr"] = "LoA1"
    session.save()
    resume = ask_to_start()
    assert resume.startswith("/services/resume/?intent=")
    assert not Record.objects.exists()

    # Still level 1 on the way back: nothing is filed, the service page says why.
    assert client.get(resume)["Location"] == SERVICE
    assert not Record.objects.exists()

    # Back from VNeID at level 2: the filing asked for starts at once, and only once.
    resume = ask_to_start()
    session = client.session
    session["vneid_acr"] = "LoA2"
    session.save()
    response = client.get(resume)
    assert response.status_code == 302 and response["Location"].endswith("/eligibility/")
    assert Record.objects.filter(applicant=citizen, service__slug="cap-doi-giay-phep-lai-xe").count() == 1
    assert client.get(resume)["Location"] == SERVICE  # a reload files nothing more
    assert Record.objects.count() == 1

    # The link is the citizen's own: forged or someone else's, it starts nothing.
    assert client.get("/services/resume/?intent=forged")["Location"] == "/services/"
    session = client.session
    session["vneid_acr"] = "LoA1"
    session.save()
    theirs = ask_to_start()
    login(client, other_citizen)
    assert client.get(theirs)["Location"] == "/services/"
    assert Record.objects.count() == 1


def test_anonymous_visitor_is_sent_to_vneid_login(client, catalogue):
    page = client.get(SERVICE).content.decode()
    assert "Đăng nhập bằng VNeID để nộp hồ sơ" in page
    response = client.post(f"{SERVICE}start/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_another_citizen_cannot_open_my_draft(client, citizen, other_citizen):
    base = filing_url(start(client))
    client.force_login(other_citizen)
    assert client.get(base + "form/").status_code == 404
    assert client.post(base + "review/").status_code == 404


def test_partly_online_service_says_what_to_bring_and_where(client, citizen, family):
    page = client.get("/services/dang-ky-ket-hon/").content.decode()
    assert "Hai bên nam, nữ phải có mặt" in page

    base = filing_url(start(client, "dang-ky-ket-hon"))
    partner = {
        "partner_name": "Phạm Thị Mẹ",
        "partner_id_number": family["mother"].id_number,
        "partner_birth_date": "1994-05-06",
        "partner_residence": "Số 11 phố Đội Cấn, Ba Đình, Hà Nội",
        "first_marriage": "on",
    }
    assert client.post(base + "form/", {**partner, "continue": ""}).status_code == 302
    page = client.get(base + "attachments/").content.decode()
    chosen = {
        name: files.pdf(f"{name}.pdf", size=700 + i) for i, name in enumerate(re.findall(r'name="(file-[^"]+)"', page))
    }
    assert client.post(base + "attachments/", {"action": "continue", **chosen}).status_code == 302
    assert client.post(base + "review/").status_code == 302
    record = Record.objects.get(applicant=citizen)
    done = client.get(base + "done/").content.decode()
    assert "Cần có mặt" in done and f"Nơi đến:</strong> {record.agency.name}." in done


def test_withdraw_while_allowed_and_not_after(client, citizen):
    base = filing_url(start(client, "dang-ky-thuong-tru"))
    client.post(base + "form/", {"request": "Đăng ký thường trú tại nhà bố mẹ", "delivery": "online", "continue": ""})
    assert client.post(base + "review/").status_code == 302
    record = Record.objects.get(applicant=citizen)
    # The record page only links to a page that says what withdrawing means; that page asks once.
    detail = client.get(f"/my/records/{record.pk}/").content.decode()
    assert f'href="/my/records/{record.pk}/withdraw/"' in detail and 'action="/my/records/' not in detail
    confirm = client.get(f"/my/records/{record.pk}/withdraw/").content.decode()
    assert "Rút hồ sơ?" in confirm and "Không hoàn tác được" in confirm
    assert Record.objects.get(pk=record.pk).state == RecordState.SUBMITTED
    response = client.post(f"/my/records/{record.pk}/withdraw/", {"reason": "Nộp nhầm"}, follow=True)
    assert "Đã rút hồ sơ" in response.content.decode()
    record.refresh_from_db()
    assert record.state == RecordState.WITHDRAWN
    assert record.events.get(action=A.WITHDRAW).reason == "Nộp nhầm"
    # A withdrawn record promises no result date any more, on its page or in the public lookup.
    for page in (
        client.get(f"/my/records/{record.pk}/").content.decode(),
        client.post("/lookup/", {"code": record.code, "id_number": record.applicant_id_number}).content.decode(),
        client.get("/my/records/").content.decode(),
    ):
        assert record.code in page and "hẹn trả" not in page.lower()

    Record.objects.filter(pk=record.pk).update(state=RecordState.IN_PROCESSING)
    assert client.get(f"/my/records/{record.pk}/withdraw/")["Location"] == f"/my/records/{record.pk}/"
    response = client.post(f"/my/records/{record.pk}/withdraw/", follow=True)
    assert "Không thể “Rút hồ sơ”" in response.content.decode()
    assert Record.objects.get(pk=record.pk).state == RecordState.IN_PROCESSING


def test_a_double_click_on_submit_shows_the_confirmation_not_an_error(client, citizen, monkeypatch):
    """The second click's request loses the race to the first: it lands on the same confirmation page."""
    from records import services
    from records.views import filing_steps

    base = filing_url(start(client, "dang-ky-thuong-tru"))
    client.post(base + "form/", {"request": "Đăng ký thường trú", "delivery": "online", "continue": ""})
    record = Record.objects.get(applicant=citizen)
    submit = services.submit

    def first_click_wins(draft, **kwargs):
        submit(Record.objects.get(pk=draft.pk), **kwargs)  # the first click, committed a moment earlier
        return submit(draft, **kwargs)  # this click: the draft is no longer a draft

    monkeypatch.setattr(filing_steps.services, "submit", first_click_wins)
    response = client.post(base + "review/")

    assert response.status_code == 302 and response["Location"].endswith("/done/")
    assert Record.objects.get(pk=record.pk).state == RecordState.SUBMITTED
    assert RecordEvent.objects.filter(record=record, action=A.SUBMIT).count() == 1
    done = client.get(response["Location"]).content.decode()
    assert Record.objects.get(pk=record.pk).code in done


def test_a_father_registers_his_childs_birth(client, citizen):
    """The birth form has its own "relationship to the child" beside the applicant's: both are kept apart."""
    base = filing_url(start(client, "dang-ky-khai-sinh"))
    form = {
        "child_full_name": "Lê Minh Con",
        "child_birth_date": timezone.localdate().isoformat(),
        "child_sex": "male",
        "child_birth_place": "Bệnh viện Phụ sản Hà Nội",
        "relationship": "father",
        "delivery": "online",
    }
    response = client.post(base + "form/", {**form, "continue": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    record = Record.objects.get(applicant=citizen)
    assert record.form_data["relationship"] == "father"
    assert (record.applicant_role, record.relationship) == ("self", "")


def test_filing_for_someone_else_records_the_relationship(client, citizen, family):
    base = filing_url(start(client, "dang-ky-thuong-tru"))
    fields = {"request": "Đăng ký thường trú cho vợ", "delivery": "online", "continue": ""}
    applicant = {"applicant-applicant_role": "representative", "applicant-subject_name": "Phạm Thị Mẹ"}
    response = client.post(base + "form/", {**fields, **applicant})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Hãy chọn quan hệ" in page
    assert 'href="#id_applicant-subject_id_number"' in page
    response = client.post(
        base + "form/",
        {
            **fields,
            "applicant-applicant_role": "representative",
            "applicant-subject_name": "Phạm Thị Mẹ",
            "applicant-subject_id_number": family["mother"].id_number,
            "applicant-relationship": "relative",
        },
    )
    assert response.status_code == 302
    assert client.post(base + "review/").status_code == 302
    record = Record.objects.get(applicant=citizen)
    assert (record.applicant_role, record.relationship) == ("representative", "relative")
    assert record.subject_id_number == family["mother"].id_number
    assert record.applicant_id_number == family["father"].id_number


def test_a_free_procedure_says_so_before_submission(client, citizen):
    base = filing_url(start(client, "xoa-dang-ky-thuong-tru"))
    assert "Không mất phí, lệ phí." in client.get(base + "review/").content.decode()


def test_only_procedures_businesses_carry_out_can_be_filed_for_a_business(client, citizen):
    residence = client.get(filing_url(start(client, "dang-ky-thuong-tru")) + "form/").content.decode()
    assert "Nộp thay cho người có yêu cầu" in residence and "Nộp cho doanh nghiệp, tổ chức" not in residence
    refused = client.post(
        filing_url(start(client, "dang-ky-thuong-tru")) + "form/",
        {"request": "x", "delivery": "online", "applicant-applicant_role": "business", "continue": ""},
    )
    assert refused.status_code == 400 and "applicant-applicant_role" in refused.content.decode()
    business = client.get(filing_url(start(client, "dang-ky-thanh-lap-doanh-nghiep-tu-nhan")) + "form/")
    assert "Nộp cho doanh nghiệp, tổ chức" in business.content.decode()
    # The hint about the on-behalf boxes comes before them.
    page = business.content.decode()
    assert page.index("Chỉ điền các ô dưới đây") < page.index('id="id_applicant-subject_name"')


def test_autosave_keeps_a_draft_without_leaving_the_page(client, citizen):
    base = filing_url(start(client, "dang-ky-thuong-tru"))
    response = client.post(base + "form/", {"request": "Đang gõ dở", "autosave": "1"})
    assert response.status_code == 204
    assert Record.objects.get(applicant=citizen).form_data["request"] == "Đang gõ dở"


def test_the_filing_journey_reads_in_english(client, citizen):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    base = filing_url(start(client, "dang-ky-thuong-tru"))
    agency = Record.objects.get(applicant=citizen).agency
    type(agency).objects.filter(pk=agency.pk).update(name_en="Ba Dinh Ward Police")
    page = client.get(base + "form/").content.decode()
    assert "From the national population database" in page or "national population database" in page
    assert "Từ Cơ sở dữ liệu quốc gia về dân cư" not in page
    assert ">Ba Dinh Ward Police</option>" in page  # the agency choice, in English
    assert "---------" not in page  # no empty choice: the record always has an agency
    assert "My records" in client.get("/my/records/").content.decode()
    # Document names stay Vietnamese (catalogue data): marked so, for a screen reader's pronunciation.
    documents = client.get(base + "attachments/").content.decode()
    assert re.search(r'<h2><span lang="vi">[^<]+</span> ', documents)
    assert '<li><span lang="vi">' in client.get(base + "review/").content.decode()


def test_the_procedure_page_leads_to_its_online_service(client, catalogue):
    from eservices.models import OnlineService

    service = OnlineService.objects.get(slug="cap-doi-giay-phep-lai-xe")
    page_url = service.version.procedure.get_absolute_url()
    page = client.get(page_url).content.decode()
    assert f'<a class="button" href="{service.get_absolute_url()}">Nộp hồ sơ trực tuyến</a>' in page
    assert "Toàn trình: làm hết trên mạng" in page
    client.cookies["django_language"] = "en"
    assert "Apply online</a>" in client.get(page_url).content.decode()
    client.cookies["django_language"] = "vi"

    OnlineService.objects.filter(pk=service.pk).update(is_active=False)
    assert "Nộp hồ sơ trực tuyến" not in client.get(page_url).content.decode()


def test_withdrawing_a_paid_record_warns_that_the_fee_is_not_refunded(client, citizen, family):
    from payments.constants import PaymentState
    from records import services as records_services

    from .conftest import filled_draft, payment_for

    record = records_services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    confirm = client.get(f"/my/records/{record.pk}/withdraw/").content.decode()
    assert "không tự động hoàn lại" not in confirm
    payment_for(record, citizen, amount=15000, state=PaymentState.PAID)
    confirm = client.get(f"/my/records/{record.pk}/withdraw/").content.decode()
    assert "Khoản đã thanh toán (15.000 đ) không tự động hoàn lại" in confirm


def test_the_service_page_points_to_what_the_citizen_already_filed(client, citizen, family):
    from records import services as records_services

    from .conftest import filled_draft

    assert 'id="unfinished"' not in client.get("/services/dang-ky-thuong-tru/").content.decode()
    draft = filled_draft(citizen, family["father"])
    page = client.get("/services/dang-ky-thuong-tru/").content.decode()
    assert "Bạn đã có hồ sơ cho dịch vụ này" in page and f"/my/filings/{draft.pk}/form/" in page
    submitted = records_services.submit(draft, actor=citizen)
    page = client.get("/services/dang-ky-thuong-tru/").content.decode()
    assert f'<a href="/my/records/{submitted.pk}/">{submitted.code}</a> · Đã nộp, chờ tiếp nhận' in page
    records_services.withdraw(submitted, actor=citizen)
    assert 'id="unfinished"' not in client.get("/services/dang-ky-thuong-tru/").content.decode()
    # Nobody else sees it.
    client.logout()
    assert 'id="unfinished"' not in client.get("/services/dang-ky-thuong-tru/").content.decode()


def test_a_free_service_says_so_rather_than_when_to_pay_nothing(client, citizen):
    free = client.get("/services/dang-ky-khai-sinh/").content.decode()
    assert "Không mất phí, lệ phí." in free and "0 đ" not in free
    paid = client.get(SERVICE).content.decode()
    assert "115.000 đ" in paid and "Nộp phí khi nộp hồ sơ" in paid


def test_the_agency_list_is_grouped_by_province_with_the_citizens_own_first(client, citizen):
    base = filing_url(start(client, "dang-ky-thuong-tru"))
    page = client.get(base + "form/").content.decode()
    select = page[page.index('name="agency"') : page.index("</select>", page.index('name="agency"'))]
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    assert len(groups) == len(set(groups)) >= 2 and groups[0] == "Thành phố Hà Nội"
    assert re.search(r'<option value="[^"]+" selected>[^<]*Ba Đình', select)  # where the citizen lives
