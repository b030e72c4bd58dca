"""A full upload disk at the officer's desk: uploading a result says "try again later" on the record page instead of
a server error, and leaves neither a result row nor a partial file (issue #15 item 10, the officer's side)."""

import pytest

from records.models import ResultDocument
from tests.records import files
from tests.records.test_storage_full import FullDisk, disk, stored_files  # noqa: F401 - disk is a fixture

from .conftest import advance, staff_login

pytestmark = pytest.mark.django_db


def test_a_full_disk_when_uploading_a_result_says_try_again_and_keeps_nothing(client, record, staff, disk):  # noqa: F811
    advance(record, staff, "in_processing")
    staff_login(client, staff["processor"])
    FullDisk.room = 100  # the PDF fails part-way, as on a real full disk
    response = client.post(
        f"/backoffice/records/{record.pk}/result/",
        {"file": files.pdf("giay-xac-nhan.pdf"), "expected_state": "in_processing"},
        follow=True,
    )
    assert response.status_code == 200
    assert "tạm thời không lưu được tệp" in response.content.decode()
    assert not ResultDocument.objects.filter(record=record).exists()
    assert [p for p in stored_files(disk) if "results" in str(p)] == []
