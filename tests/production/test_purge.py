"""Issue #21: ``manage.py purge_abandoned_drafts`` deletes drafts nobody touched for 90 days with their files on
disk, and nothing else; beat runs it nightly."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from records.models import Attachment, Record
from tests.identity.factories import citizen_account
from tests.records.conftest import filled_draft

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def with_file(record, user, *, days_ago):
    attachment = Attachment.objects.create(
        record=record,
        file=ContentFile(PDF, name="giay-to.pdf"),
        original_name="giay-to.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
        uploaded_by=user,
    )
    Attachment.objects.filter(pk=attachment.pk).update(uploaded_at=timezone.now() - datetime.timedelta(days=days_ago))
    return Path(attachment.file.path)


def last_saved(record, days_ago):
    Record.objects.filter(pk=record.pk).update(updated_at=timezone.now() - datetime.timedelta(days=days_ago))


def test_drafts_untouched_for_90_days_go_with_their_files_and_nothing_else(
    citizen, family, record, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    mother = citizen_account(family["mother"])
    abandoned = filled_draft(citizen, family["father"])
    abandoned_file = with_file(abandoned, citizen, days_ago=120)
    last_saved(abandoned, 100)
    # Saved long ago, but a file was added last week: still in use.
    in_use = filled_draft(mother, family["mother"])
    in_use_file = with_file(in_use, mother, days_ago=7)
    last_saved(in_use, 100)
    # Filed long ago: never a draft to purge, whatever its age.
    filed = record
    filed_file = with_file(filed, citizen, days_ago=200)
    last_saved(filed, 200)
    assert abandoned_file.exists() and in_use_file.exists() and filed_file.exists()

    out = io.StringIO()
    call_command("purge_abandoned_drafts", "--dry-run", stdout=out)
    assert "Sẽ xóa 1 bản nháp và 1 tệp" in out.getvalue()
    assert Record.objects.filter(pk=abandoned.pk).exists() and abandoned_file.exists()

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_abandoned_drafts", stdout=out)
    assert "Đã xóa 1 bản nháp và 1 tệp" in out.getvalue()
    assert not Record.objects.filter(pk=abandoned.pk).exists()
    assert not Attachment.objects.filter(record_id=abandoned.pk).exists()
    assert not abandoned_file.exists()
    assert Record.objects.filter(pk__in=[in_use.pk, filed.pk]).count() == 2
    assert in_use_file.exists() and filed_file.exists()

    # Once is enough: a second run finds nothing.
    out = io.StringIO()
    call_command("purge_abandoned_drafts", stdout=out)
    assert "Đã xóa 0 bản nháp" in out.getvalue()


def test_the_retention_is_a_setting_and_beat_runs_the_purge_nightly(citizen, family, settings):
    draft = filled_draft(citizen, family["father"])
    last_saved(draft, 40)
    settings.DRAFT_RETENTION_DAYS = 30
    from records.tasks import purge_abandoned_drafts

    assert purge_abandoned_drafts.delay().get() == 1
    assert not Record.objects.filter(pk=draft.pk).exists()
    schedule = settings.CELERY_BEAT_SCHEDULE["records-purge-abandoned-drafts"]
    assert schedule["task"] == purge_abandoned_drafts.name
