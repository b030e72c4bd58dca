"""Abandoned drafts are deleted with their files (``manage.py purge_abandoned_drafts``, nightly by beat).

A draft holds what a citizen typed and uploaded, personal data the portal keeps only while it serves them: one
nobody touched for ``DRAFT_RETENTION_DAYS`` (90 by default; neither the draft saved nor a file added since) is
deleted, with everything that goes with it (attachments, participants, a citizen's signature of its declaration)
and their files in the private storage. An integrated filing's drafts go together, only once all are abandoned.
A draft a payment or an appointment still points to is kept (those rows protect it) and counted apart.
Nothing submitted is ever touched: only ``state=draft``.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import models, router, transaction
from django.db.models import Max, Q
from django.db.models.deletion import Collector
from django.utils import timezone

from .constants import RecordState
from .models import Record, RecordGroup

logger = logging.getLogger(__name__)


@dataclass
class PurgeResult:
    drafts: int = 0
    files: int = 0
    kept: int = 0  # abandoned but still referred to (a payment, an appointment)


def abandoned_drafts(now: datetime.datetime | None = None):
    """Drafts whose last save and last file are both older than the retention period."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.DRAFT_RETENTION_DAYS)
    return (
        Record.objects.filter(state=RecordState.DRAFT, updated_at__lt=cutoff)
        .annotate(last_file=Max("attachments__uploaded_at"))
        .filter(Q(last_file__isnull=True) | Q(last_file__lt=cutoff))
    )


def _files_of(collector: Collector) -> list[tuple[object, str]]:
    """(storage, name) of every file held by a row about to be deleted, whichever app the row belongs to."""
    files = []

    def file_fields(model):
        return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]

    for model, instances in collector.data.items():
        for field in file_fields(model):
            files += [(field.storage, str(name)) for name in (getattr(i, field.attname) for i in instances) if name]
    # Rows Django deletes with one query, without loading them (no signals, nothing depending on them).
    for queryset in collector.fast_deletes:
        for field in file_fields(queryset.model):
            files += [(field.storage, name) for name in queryset.values_list(field.attname, flat=True) if name]
    return files


def purge_abandoned_drafts(*, now: datetime.datetime | None = None, dry_run: bool = False) -> PurgeResult:
    result = PurgeResult()
    batches: dict[tuple, list] = {}
    for pk, group_id in abandoned_drafts(now).values_list("pk", "group_id"):
        batches.setdefault(("group", group_id) if group_id else ("record", pk), []).append(pk)
    for (kind, key), pks in batches.items():
        group_id = key if kind == "group" else None
        if group_id is not None and Record.objects.filter(group_id=group_id).exclude(pk__in=pks).exists():
            continue  # another record of the same filing is still in use
        with transaction.atomic():
            # Locked and checked again: a citizen coming back right now keeps their draft.
            locked = list(Record.objects.select_for_update().filter(pk__in=pks))
            if abandoned_drafts(now).filter(pk__in=pks).count() != len(pks):
                continue
            collector = Collector(using=router.db_for_write(Record))
            try:
                collector.collect(locked)
            except (models.ProtectedError, models.RestrictedError):
                result.kept += len(pks)
                continue
            files = _files_of(collector)
            if dry_run:
                result.drafts += len(pks)
                result.files += len(files)
                continue
            Record.objects.filter(pk__in=pks).delete()
            if group_id is not None:
                RecordGroup.objects.filter(pk=group_id).delete()
            transaction.on_commit(lambda files=files: [storage.delete(name) for storage, name in files])
            result.drafts += len(pks)
            result.files += len(files)
    logger.info(
        "%s %d abandoned drafts untouched for %d days, %d files; %d kept (a payment or appointment refers to them)",
        "Would purge" if dry_run else "Purged",
        result.drafts,
        settings.DRAFT_RETENTION_DAYS,
        result.files,
        result.kept,
        extra={"drafts": result.drafts, "files": result.files, "kept": result.kept},
    )
    return result
