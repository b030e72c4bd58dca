"""Who may act on a record besides its owner's plain login: desk drafts, lower VNeID levels, drafts and the agency."""

import pytest
from django.test import Client

from eservices.models import OnlineService
from records import services
from records.constants import Channel, RecordState
from records.constants import WorkflowAction as A
from records.models import Attachment, Record
from tests.records import files

from .conftest import login, staff_login

pytestmark = pytest.mark.django_db


def desk_draft(staff, person):
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    agency = service.version.agencies.first()
    draft = services.start_counter_draft(
        service=service, id_number=person.id_number, agency=agency, officer=staff["receiver"]
    )
    component = service.version.components.first()
    services.attach(draft, component, files.pdf("to-khai-quet.pdf"), by=staff["receiver"])
    return draft


def test_a_draft_the_officer_prepares_at_the_desk_is_not_the_citizens_to_change(client, citizen, family, staff):
    draft = desk_draft(staff, family["father"])
    assert draft.applicant == citizen and draft.channel == Channel.COUNTER
    scan = draft.attachments.get()

    mine = client.get("/my/records/").content.decode()
    assert "Cán bộ đang lập hồ sơ tại bộ phận một cửa" in mine
    assert f"/my/filings/{draft.pk}/" not in mine  # no "Tiếp tục nộp", no "Xóa bản nháp"
    for step in ("eligibility", "form", "attachments", "review"):
        assert client.get(f"/my/filings/{draft.pk}/{step}/").status_code == 404
    removed = client.post(f"/my/filings/{draft.pk}/attachments/", {"action": "remove", "attachment": scan.pk})
    assert removed.status_code == 404
    assert client.post(f"/my/filings/{draft.pk}/review/").status_code == 404
    assert client.get(f"/my/records/{draft.pk}/").status_code == 404

    draft.refresh_from_db()
    assert draft.state == RecordState.DRAFT and Attachment.objects.filter(pk=scan.pk).exists()
    # The officer still sees the scan made at the desk.
    officer = staff_login(Client(), staff["receiver"])
    assert officer.get(f"/records/{draft.pk}/attachments/{scan.pk}/").status_code == 200


def test_a_citizens_online_draft_stays_private_from_the_agency_until_filed(client, citizen, family, staff):
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    draft = services.start_draft(
        service=service,
        applicant=citizen,
        applicant_id_number=family["father"].id_number,
        applicant_name=family["father"].full_name,
        agency=staff["receiver"].memberships.first().agency,
    )
    upload = services.attach(draft, service.version.components.first(), files.pdf("nhap.pdf"), by=citizen)
    url = f"/records/{draft.pk}/attachments/{upload.pk}/"
    officer = staff_login(Client(), staff["receiver"])

    assert client.get(url).status_code == 200  # the citizen's own file
    assert officer.get(url).status_code == 404
    Record.objects.filter(pk=draft.pk).update(state=RecordState.SUBMITTED)
    assert officer.get(url).status_code == 200


def test_a_level_1_session_steps_up_before_reading_or_changing_a_level_2_record(client, citizen, record):
    assert record.service.required_assurance == "LoA2"
    upload = Attachment.objects.create(
        record=record,
        component=record.procedure_version.components.first(),
        file="x.pdf",
        size=1,
        sha256="0",
        uploaded_by=citizen,
    )
    login(client, citizen, acr="LoA1")
    step_up = "/my-account/step-up/"
    for url in (
        f"/my/records/{record.pk}/",
        f"/my/records/{record.pk}/withdraw/",
        f"/records/{record.pk}/attachments/{upload.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(step_up), url
        assert "next=" in response["Location"]
    withdrawn = client.post(f"/my/records/{record.pk}/withdraw/", {"reason": "Không cần nữa"})
    assert withdrawn.status_code == 302 and withdrawn["Location"].startswith(step_up)
    supplemented = client.post(f"/my/records/{record.pk}/supplement/", {"action": "handback"})
    assert supplemented.status_code == 302 and supplemented["Location"].startswith(step_up)
    record.refresh_from_db()
    assert record.state == RecordState.SUBMITTED

    login(client, citizen, acr="LoA2")
    assert client.get(f"/my/records/{record.pk}/").status_code == 200


@pytest.mark.parametrize(("proxies", "recorded"), [(0, "127.0.0.1"), (1, "203.0.113.7")])
def test_the_history_records_the_citizens_address_behind_the_configured_proxies(
    client, citizen, record, settings, proxies, recorded
):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    response = client.post(
        f"/my/records/{record.pk}/withdraw/",
        {"reason": "Nộp nhầm"},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302
    assert record.events.get(action=A.WITHDRAW).client_ip == recorded


def test_a_record_filed_at_the_desk_needs_no_step_up_to_read(client, citizen, record):
    """The officer saw the citizen's papers: a citizen whose VNeID account is level 1 still reads it."""
    Record.objects.filter(pk=record.pk).update(channel=Channel.COUNTER)
    login(client, citizen, acr="LoA1")
    assert client.get(f"/my/records/{record.pk}/").status_code == 200


def test_the_client_address_is_none_when_the_server_gives_none():
    from django.test import RequestFactory

    from common.net import client_ip

    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    assert client_ip(request) is None
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="::ffff:10.0.0.1")) == "::ffff:a00:1"
