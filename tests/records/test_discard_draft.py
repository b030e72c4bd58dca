"""A citizen deletes a draft they no longer want; nothing submitted, nobody else's, nothing paid for."""

import re

import pytest
from django.core.files.storage import default_storage

from eservices.models import IntegratedService, OnlineService
from records import services
from records.constants import RecordState
from records.models import Attachment, Record, RecordGroup

from . import files
from .conftest import filled_draft, login, payment_for

pytestmark = pytest.mark.django_db


def draft_with_file(citizen, person):
    record = filled_draft(citizen, person, slug="dang-ky-thanh-lap-doanh-nghiep-tu-nhan")
    component = record.procedure_version.components.first()
    attachment = services.attach(record, component, files.pdf(), by=citizen)
    return record, attachment.file.name


def test_a_citizen_deletes_their_draft_and_its_files(client, citizen, family, django_capture_on_commit_callbacks):
    record, stored = draft_with_file(citizen, family["father"])
    assert default_storage.exists(stored)
    mine = client.get("/my/records/").content.decode()
    assert f'href="/my/filings/{record.pk}/discard/"' in mine

    page = client.get(f"/my/filings/{record.pk}/discard/").content.decode()
    assert "Xóa bản nháp?" in page and "1 tệp đã tải lên sẽ bị xóa hẳn" in page
    client.cookies["django_language"] = "en"
    english = client.get(f"/my/filings/{record.pk}/discard/").content.decode()
    assert "Delete this draft?" in english and "the 1 uploaded file will be deleted for good" in english
    client.cookies["django_language"] = "vi"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/my/filings/{record.pk}/discard/")
    assert response.status_code == 302 and response["Location"] == "/my/records/"
    assert not Record.objects.filter(pk=record.pk).exists() and not Attachment.objects.exists()
    assert not default_storage.exists(stored)
    assert "Đã xóa bản nháp" in client.get("/my/records/").content.decode()


def test_another_citizen_gets_404_and_the_draft_stays(client, citizen, other_citizen, family):
    record, stored = draft_with_file(citizen, family["father"])
    login(client, other_citizen)
    assert client.get(f"/my/filings/{record.pk}/discard/").status_code == 404
    assert client.post(f"/my/filings/{record.pk}/discard/").status_code == 404
    assert Record.objects.filter(pk=record.pk).exists() and default_storage.exists(stored)


def test_a_submitted_record_is_not_deleted(client, citizen, family):
    record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    response = client.post(f"/my/filings/{record.pk}/discard/")
    assert response.status_code == 302 and response["Location"] == f"/my/records/{record.pk}/"
    assert Record.objects.get(pk=record.pk).state == RecordState.SUBMITTED
    with pytest.raises(Exception, match="bản nháp"):
        services.discard_draft([record], None, actor=citizen)


def test_a_draft_with_a_payment_is_kept_with_a_reason(client, citizen, family):
    record = filled_draft(citizen, family["father"])
    payment_for(record, citizen, amount=10000)
    response = client.post(f"/my/filings/{record.pk}/discard/", follow=True)
    assert "đã có giao dịch thanh toán nên không xóa được" in response.content.decode()
    assert Record.objects.filter(pk=record.pk).exists()


def test_a_desk_draft_is_not_the_citizens_to_delete(client, citizen, family):
    record = filled_draft(citizen, family["father"])
    Record.objects.filter(pk=record.pk).update(channel="counter")
    assert 'discard/"' not in client.get("/my/records/").content.decode()
    assert "Cán bộ đang lập hồ sơ tại bộ phận một cửa" in client.get("/my/records/").content.decode()
    assert client.post(f"/my/filings/{record.pk}/discard/").status_code == 404  # the officer's work, not hers
    assert Record.objects.filter(pk=record.pk).exists()


def test_an_integrated_filing_is_deleted_whole(client, citizen, family):
    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    response = client.post(f"/services/bundles/{bundle.slug}/start/")
    group_pk = re.match(r"/my/filings/([0-9a-f-]+)/", response["Location"]).group(1)
    assert Record.objects.filter(group_id=group_pk).count() == 3
    member = Record.objects.filter(group_id=group_pk).first()
    for method in (client.get, client.post):  # by one of its records: the whole filing is meant
        assert method(f"/my/filings/{member.pk}/discard/")["Location"] == f"/my/filings/{group_pk}/discard/"
    assert Record.objects.filter(group_id=group_pk).count() == 3
    assert client.post(f"/my/filings/{group_pk}/discard/").status_code == 302
    assert not RecordGroup.objects.filter(pk=group_pk).exists()
    assert not Record.objects.filter(applicant=citizen).exists()
    assert OnlineService.objects.filter(slug="dang-ky-khai-sinh").exists()  # the services stay, of course
