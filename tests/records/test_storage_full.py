"""A full upload disk: a filing answers "try again later" (503, page or API), keeps the draft and what was typed,
and leaves no file behind, partial or whole (issue #15 item 10)."""

import errno
import json
import os

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import transaction

from eservices.models import OnlineService
from records import services
from records.attachments import files_removed_on_rollback
from records.constants import RecordState
from records.models import Record

from . import files
from .conftest import filled_draft
from .test_filing import at_the_documents_step
from .test_records import BUSINESS

SLUG = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"


class FullDisk(FileSystemStorage):
    """A local disk with ``room`` bytes left (None: plenty). A file that does not fit fails part-way with ENOSPC
    once what fits is written, as on a real full disk (FileSystemStorage leaves the partial file in place)."""

    room = None

    def _save(self, name, content):
        return super()._save(name, _Filling(content))


class _Filling:
    def __init__(self, content):
        self.content = content

    def chunks(self, chunk_size=None):
        for chunk in self.content.chunks(1024):
            if FullDisk.room is not None and len(chunk) > FullDisk.room:
                fits, FullDisk.room = chunk[: FullDisk.room], 0
                yield fits
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            if FullDisk.room is not None:
                FullDisk.room -= len(chunk)
            yield chunk


@pytest.fixture
def disk(settings, tmp_path):
    root = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.FullDisk", "OPTIONS": {"location": str(root)}},
    }
    FullDisk.room = None
    yield root
    FullDisk.room = None


def stored_files(root) -> list:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def papers():
    """A PDF for each document of the business registration that takes a file (at least two)."""
    service = OnlineService.objects.get(slug=SLUG)
    registry = {r.component_id for r in service.replacements.all()}
    components = [
        c for c in service.version.components.all() if c.pk != service.form_component_id and c.pk not in registry
    ]
    assert len(components) >= 2
    return {f"component_{c.pk}": files.pdf(f"giay-to-{c.pk}.pdf", size=6000) for c in components}


def test_a_full_disk_during_an_api_filing_answers_503_and_keeps_the_draft_without_files(client, citizen, disk):
    FullDisk.room = 9000  # the first file fits, the second fails half-written
    sent = {"service": SLUG, "data": json.dumps(BUSINESS), **papers()}
    response = client.post("/api/v1/records/", sent, HTTP_IDEMPOTENCY_KEY="full-disk-0001")
    assert response.status_code == 503, response.content
    body = response.json()
    assert body["code"] == "storage_unavailable" and "thử lại sau" in body["detail"]
    assert "vẫn được giữ nguyên" in body["detail"] and int(response.headers["Retry-After"]) > 0
    draft = Record.objects.get(pk=body["draft"])
    assert draft.state == RecordState.DRAFT and draft.form_data["business_name"] == BUSINESS["business_name"]
    assert Record.objects.filter(applicant=citizen).count() == 1 and not draft.attachments.exists()
    assert stored_files(disk) == []  # neither the whole first file nor the partial second one

    FullDisk.room = None  # room again: the same request, retried with its key, files the kept draft
    sent = {"service": SLUG, "data": json.dumps(BUSINESS), **papers()}
    retried = client.post("/api/v1/records/", sent, HTTP_IDEMPOTENCY_KEY="full-disk-0001")
    assert retried.status_code == 201, retried.content
    assert retried.json()["id"] == str(draft.pk)
    record = Record.objects.get(pk=draft.pk)
    assert record.state == RecordState.SUBMITTED and record.attachments.count() == len(stored_files(disk)) >= 2


def test_the_english_api_says_it_in_english(client, citizen, disk):
    FullDisk.room = 100
    sent = {"service": SLUG, "data": json.dumps(BUSINESS), **papers()}
    response = client.post("/api/v1/records/", sent, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503 and "try again" in response.json()["detail"]
    assert stored_files(disk) == []


def test_a_full_disk_on_the_documents_step_answers_503_and_keeps_the_draft(client, citizen, disk):
    base, record, health, licence = at_the_documents_step(client, citizen)
    typed = Record.objects.get(pk=record.pk).form_data
    FullDisk.room = 1500  # the first file fails part-way
    response = client.post(
        base + "attachments/",
        {
            "action": "continue",
            f"file-{record.pk}-{health.pk}": files.pdf("suc-khoe.pdf", size=4000),
            f"file-{record.pk}-{licence.pk}": files.pdf("gplx.pdf", size=4000),
        },
    )
    page = response.content.decode()
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert "tạm thời không lưu được tệp" in page and "vẫn được giữ nguyên" in page and "thử lại sau" in page
    assert "Tạm thời chưa lưu được tệp</h2>" in page and "Có lỗi cần sửa" not in page  # nothing for them to fix
    assert stored_files(disk) == [] and not record.attachments.exists()
    kept = Record.objects.get(pk=record.pk)
    assert kept.state == RecordState.DRAFT and kept.form_data == typed and typed

    FullDisk.room = None
    again = client.post(
        base + "attachments/",
        {
            "action": "continue",
            f"file-{record.pk}-{health.pk}": files.pdf("suc-khoe.pdf", size=4000),
            f"file-{record.pk}-{licence.pk}": files.pdf("gplx.pdf", size=4000),
        },
    )
    assert again.status_code == 302 and again["Location"].endswith("/review/")
    assert record.attachments.count() == 2 == len(stored_files(disk))


def test_a_file_stored_in_a_transaction_that_rolls_back_goes_with_it(citizen, family, disk):
    draft = filled_draft(citizen, family["father"], slug="cap-doi-giay-phep-lai-xe")
    component = draft.procedure_version.components.get(name__startswith="Giấy khám sức khỏe")
    with pytest.raises(RuntimeError), files_removed_on_rollback(), transaction.atomic():
        services.attach(draft, component, files.pdf(), by=citizen)
        assert len(stored_files(disk)) == 1
        raise RuntimeError("a later step of the same change failed")
    assert stored_files(disk) == [] and not draft.attachments.exists()


def test_a_full_disk_when_handing_in_a_supplement_says_try_again_and_keeps_nothing(client, citizen, family, disk):
    record = services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    Record.objects.filter(pk=record.pk).update(state=RecordState.SUPPLEMENT_REQUESTED)
    component = record.procedure_version.components.first()
    FullDisk.room = 500
    response = client.post(
        f"/my/records/{record.pk}/supplement/",
        {"action": "upload", "component": component.pk, "file": files.pdf(size=3000)},
        follow=True,
    )
    assert response.status_code == 200 and "thử lại sau ít phút" in response.content.decode()
    assert stored_files(disk) == [] and not record.attachments.exists()
