"""Feedback and petitions: sent by anyone (from an agency's QR page too), limited per client, followed by code,
answered by the agency's own staff within its time limit, published on the public list when the agency chooses."""

import base64
import datetime
import io
import re

import pytest
from django.test import Client
from django.utils import timezone

from feedback import selectors, services, signals
from feedback.constants import ANSWER_WORKING_DAYS, FeedbackChannel, FeedbackState, FeedbackSubject
from feedback.models import Feedback, FeedbackEvent
from notifications.constants import Event
from notifications.models import Message
from records import deadlines
from tests.staff import totp_session

from .conftest import login

pytestmark = pytest.mark.django_db

FORM = {"kind": "reflection", "title": "Chờ lâu tại quầy", "content": "Tôi phải chờ hơn hai giờ để nộp hồ sơ."}


def send(client, agency, **extra):
    return client.post(f"/feedback/agencies/{agency.code}/", {**FORM, "agency": agency.code, **extra})


def decode_qr(data_uri: str) -> str:
    import zxingcpp
    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1])))
    return zxingcpp.read_barcodes(image)[0].text


def test_an_anonymous_person_sends_feedback_through_the_agencys_qr_code(agency, settings):
    settings.PORTAL_BASE_URL = "https://dichvucong.example.vn"
    anonymous = Client()
    sheet = anonymous.get(f"/feedback/agencies/{agency.code}/qr/")
    assert sheet.status_code == 200
    page = sheet.content.decode()
    # An A4 sheet to print (the page rule lives in the sheet's stylesheet: no inline style under the CSP).
    assert agency.name in page and "css/agency_qr" in page
    url = decode_qr(re.search(r'id="agency-qr" src="([^"]+)"', page).group(1))
    assert url == f"https://dichvucong.example.vn/feedback/agencies/{agency.code}/?qr=1"

    form = anonymous.get(url.removeprefix("https://dichvucong.example.vn")).content.decode()
    assert re.search(rf'<option value="{re.escape(agency.code)}" selected>', form)
    assert 'name="channel" value="qr"' in form
    assert 'name="record_code"' not in form  # a record only by its applicant, logged in

    response = send(anonymous, agency, channel="qr")
    assert response.status_code == 302 and response["Location"] == "/feedback/sent/"
    feedback = Feedback.objects.get()
    assert (feedback.agency, feedback.channel, feedback.subject, feedback.sender) == (
        agency,
        FeedbackChannel.QR,
        FeedbackSubject.AGENCY,
        None,
    )
    received_on = timezone.localdate(feedback.received_at)
    assert feedback.due_date == deadlines.add_working_days(received_on, ANSWER_WORKING_DAYS)
    assert feedback.events.get().action == "receive"
    done = anonymous.get("/feedback/sent/").content.decode()
    assert feedback.display_code in done and len(feedback.code) == 12


def test_the_form_is_linked_from_every_page(client):
    assert 'href="/feedback/" id="footer-feedback"' in Client().get("/").content.decode()
    assert 'id="footer-feedback"' in Client().get("/lookup/").content.decode()


def test_sending_is_limited_per_client_and_the_refused_text_is_kept(agency, settings):
    settings.FEEDBACK_SEND_RATE = "2/hour"
    sender = Client()
    assert send(sender, agency).status_code == 302
    assert send(sender, agency).status_code == 302
    refused = send(sender, agency, title="Lần thứ ba")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Hãy thử lại sau" in page and 'value="Lần thứ ba"' in page and FORM["content"] in page
    assert Feedback.objects.count() == 2
    # Another client is not held back by this one.
    assert send(Client(REMOTE_ADDR="203.0.113.9"), agency).status_code == 302


def test_a_refused_form_says_what_is_wrong_in_vietnamese_and_keeps_what_was_typed(agency):
    response = Client().post(
        "/feedback/",
        {
            "kind": "petition",
            "title": "",
            "content": "Đề nghị mở thêm quầy",
            "procedure_code": "9.999999",
            "sender_contact": "không phải số",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vui lòng nhập Tiêu đề." in page
    assert "Vui lòng chọn cơ quan nhận phản ánh, kiến nghị." in page
    assert "Không có thủ tục mã 9.999999" in page
    assert "Số điện thoại gồm 10 chữ số" in page
    assert "Đề nghị mở thêm quầy" in page
    assert re.search(r'name="kind" value="petition"[^>]*checked', page)
    assert not Feedback.objects.exists()


def test_the_form_needs_a_csrf_token(agency):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/feedback/", {**FORM, "agency": agency.code}).status_code == 403
    assert not Feedback.objects.exists()


def test_feedback_about_a_record_only_from_its_applicant(record, citizen, client, other_citizen):
    response = client.post("/feedback/", {**FORM, "record_code": record.code.lower()})
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.subject, feedback.record, feedback.agency, feedback.sender) == (
        FeedbackSubject.RECORD,
        record,
        record.agency,
        citizen,
    )
    stranger = login(Client(), other_citizen)
    refused = stranger.post("/feedback/", {**FORM, "record_code": record.code})
    assert refused.status_code == 400
    assert "trong các hồ sơ bạn đã nộp" in refused.content.decode()
    assert Feedback.objects.count() == 1


def answer_url(feedback):
    return f"/backoffice/feedback/{feedback.pk}/"


def test_only_staff_of_the_agency_answer_and_the_sender_reads_it_by_code(record, citizen, client, staff, agency):
    client.post("/feedback/", {**FORM, "agency": agency.code})
    feedback = Feedback.objects.get()
    outsider = totp_session(Client(), staff["outsider"])
    assert outsider.get(f"/backoffice/feedback/agencies/{agency.code}/").status_code == 403
    assert outsider.get(answer_url(feedback)).status_code == 404
    assert outsider.post(answer_url(feedback), {"answer": "Không phải việc của tôi"}).status_code == 404
    assert Feedback.objects.get().state == FeedbackState.RECEIVED

    answered = []
    signals.feedback_answered.connect(
        lambda sender, feedback, **kw: answered.append(feedback.pk), weak=False, dispatch_uid="t"
    )
    try:
        desk = totp_session(Client(), staff["receiver"])
        listing = desk.get(f"/backoffice/feedback/agencies/{agency.code}/").content.decode()
        assert feedback.display_code in listing
        empty = desk.post(answer_url(feedback), {"answer": "  "})
        assert empty.status_code == 400 and "Vui lòng nhập Nội dung trả lời." in empty.content.decode()
        assert desk.post(answer_url(feedback), {"answer": "Đơn vị đã bố trí thêm một quầy."}).status_code == 302
    finally:
        signals.feedback_answered.disconnect(dispatch_uid="t")
    feedback.refresh_from_db()
    assert feedback.state == FeedbackState.ANSWERED and feedback.answered_by == staff["receiver"]
    assert feedback.answered_on_time and not feedback.published and answered == [feedback.pk]
    assert list(feedback.events.values_list("action", flat=True)) == ["receive", "answer"]
    # A second answer is refused and changes nothing.
    desk.post(answer_url(feedback), {"answer": "Trả lời khác"})
    feedback.refresh_from_db()
    assert feedback.answer == "Đơn vị đã bố trí thêm một quầy."
    # The logged-in sender is told in their inbox.
    assert Message.objects.filter(recipient=citizen, event=Event.FEEDBACK_ANSWERED).count() == 1

    typed = feedback.display_code.lower().replace("-", " ")
    status = Client().post("/feedback/status/", {"code": typed})
    assert status.status_code == 200
    page = status.content.decode()
    assert "Đã trả lời" in page and "Đơn vị đã bố trí thêm một quầy." in page
    unknown = Client().post("/feedback/status/", {"code": "ZZZZ-ZZZZ-ZZZZ"})
    assert unknown.status_code == 404 and "Không tìm thấy phản ánh" in unknown.content.decode()


def make_feedback(agency, *, days_ago=0, **fields):
    received = timezone.now() - datetime.timedelta(days=days_ago)
    return Feedback.objects.create(
        code=services.new_code(),
        agency=agency,
        title=fields.pop("title", "Phản ánh"),
        content="Nội dung",
        received_at=received,
        due_date=services.answer_due(timezone.localdate(received)),
        **fields,
    )


def test_feedback_past_its_due_date_is_marked_overdue_in_the_agencys_list(agency, staff):
    late = make_feedback(agency, days_ago=30, title="Chưa ai trả lời")
    fresh = make_feedback(agency, title="Mới gửi")
    assert late.is_overdue() and not fresh.is_overdue()
    desk = totp_session(Client(), staff["processor"])
    page = desk.get(f"/backoffice/feedback/agencies/{agency.code}/").content.decode()
    row = re.search(rf'<tr class="overdue" data-code="{late.code}">.*?</tr>', page, re.S)
    assert row and "Quá hạn" in row.group(0)
    assert f'<tr data-code="{fresh.code}">' in page
    overdue_only = desk.get(f"/backoffice/feedback/agencies/{agency.code}/?show=overdue").content.decode()
    assert late.code in overdue_only and fresh.code not in overdue_only
    assert selectors.agency_feedback_counts(agency) == {"open": 2, "overdue": 1, "answered": 0}
    assert "Quá hạn trả lời" in desk.get(answer_url(late)).content.decode()


def test_published_answers_appear_on_the_public_list_and_go_when_unpublished(agency, staff):
    feedback = make_feedback(agency, title="Giờ làm việc thứ Bảy", sender_name="Nguyễn Văn Bí Mật")
    desk = totp_session(Client(), staff["head"])
    desk.post(answer_url(feedback), {"answer": "Bộ phận một cửa làm việc sáng thứ Bảy.", "publish": "on"})
    public = Client().get("/feedback/answers/").content.decode()
    assert "Giờ làm việc thứ Bảy" in public and "Bộ phận một cửa làm việc sáng thứ Bảy." in public
    assert "Bí Mật" not in public  # the sender is never published

    assert desk.post(f"/backoffice/feedback/{feedback.pk}/publish/", {"published": "0"}).status_code == 302
    assert "Giờ làm việc thứ Bảy" not in Client().get("/feedback/answers/").content.decode()
    desk.post(f"/backoffice/feedback/{feedback.pk}/publish/", {"published": "1"})
    assert "Giờ làm việc thứ Bảy" in Client().get(f"/feedback/answers/?agency={agency.code}").content.decode()
    actions = list(FeedbackEvent.objects.filter(feedback=feedback).values_list("action", flat=True))
    assert actions == ["answer", "publish", "unpublish", "publish"]

    outsider = totp_session(Client(), staff["outsider"])
    assert outsider.post(f"/backoffice/feedback/{feedback.pk}/publish/", {"published": "0"}).status_code == 404
    assert Feedback.objects.get(pk=feedback.pk).published


def test_an_unanswered_feedback_cannot_be_published(agency, staff):
    feedback = make_feedback(agency)
    desk = totp_session(Client(), staff["head"])
    desk.post(f"/backoffice/feedback/{feedback.pk}/publish/", {"published": "1"})
    assert not Feedback.objects.get(pk=feedback.pk).published
