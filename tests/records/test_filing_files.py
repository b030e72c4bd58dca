"""The files of a one-request filing are stored before its transaction (no lock is held while they are written),
and go again if the filing is not kept."""

import json

import pytest
from django.core.files.storage import default_storage

from eservices.models import OnlineService
from records import complete_filing, workflow
from records.constants import RecordState
from records.constants import WorkflowAction as A
from records.models import Record

from . import files
from .test_records import BUSINESS

pytestmark = pytest.mark.django_db

SLUG = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"


@pytest.fixture
def stored(monkeypatch):
    """The names of the files ``file_complete`` stores."""
    names = []
    original = complete_filing.stored_attachment

    def spy(*args, **kwargs):
        attachment = original(*args, **kwargs)
        names.append(attachment.file.name)
        return attachment

    monkeypatch.setattr(complete_filing, "stored_attachment", spy)
    return names


def post(client):
    papers = OnlineService.objects.get(slug=SLUG).version.components.get(name__startswith="Bản sao giấy tờ pháp lý")
    return client.post(
        "/api/v1/records/", {"service": SLUG, "data": json.dumps(BUSINESS), f"component_{papers.pk}": files.pdf()}
    )


def test_a_filing_keeps_the_file_it_stored(client, citizen, stored):
    response = post(client)
    assert response.status_code == 201
    attachment = Record.objects.get(pk=response.json()["id"]).attachments.get()
    assert stored == [attachment.file.name] and default_storage.exists(attachment.file.name)


def test_a_filing_held_back_leaves_no_file_behind(client, citizen, stored, monkeypatch):
    monkeypatch.setitem(workflow.GUARDS, A.SUBMIT, [lambda record: "Tạm dừng nhận hồ sơ để bảo trì"])
    response = post(client)
    assert response.status_code == 400
    assert len(stored) == 1 and not default_storage.exists(stored[0])  # the refused filing's copy went...
    draft = Record.objects.get(pk=response.json()["draft"])
    assert draft.state == RecordState.DRAFT and default_storage.exists(
        draft.attachments.get().file.name
    )  # ...the draft keeps its own
