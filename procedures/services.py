"""Business operations on the catalogue: publishing, versioning, retiring."""

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import redis
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import VersionStatus
from .models import DocumentComponent, Fee, LegalBasis, Procedure, ProcedureVersion
from .selectors import OVERVIEW_CACHE_KEY, catalogue_changed
from .signals import Notice, version_in_force, version_scheduled
from .text import fold

logger = logging.getLogger(__name__)


def missing_for_publication(version: ProcedureVersion) -> list[str]:
    """What a version still lacks before it may be published, in words an administrator understands."""
    missing = []
    if not version.name.strip():
        missing.append(_("tên thủ tục"))
    if not version.processing_days:
        missing.append(_("thời hạn giải quyết"))
    if not version.levels:
        missing.append(_("cấp thực hiện"))
    if not version.agencies.exists():
        missing.append(_("cơ quan thực hiện"))
    if not version.components.exists():
        missing.append(_("thành phần hồ sơ"))
    if not version.methods:
        missing.append(_("cách thức thực hiện"))
    return missing


@dataclass
class Publication:
    """A published version and what the administrator must read about it: the online services and bundles moved
    onto it, or held until they are reviewed, or that will move on its effective date."""

    version: ProcedureVersion
    notices: list[Notice] = field(default_factory=list)


def publish_version(version: ProcedureVersion, *, by=None, effective_from=None) -> ProcedureVersion:
    """Publish a draft. It becomes current at once, or on its effective date if that is later."""
    return publish(version, by=by, effective_from=effective_from).version


@transaction.atomic
def publish(version: ProcedureVersion, *, by=None, effective_from=None) -> Publication:
    """``publish_version``, with the notices of what follows the new version (``signals``)."""
    version = ProcedureVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        raise ValidationError(_("Phiên bản %(number)s đã được công bố.") % {"number": version.number})
    missing = missing_for_publication(version)
    if missing:
        raise ValidationError(
            _("Chưa thể công bố: còn thiếu %(missing)s.") % {"missing": ", ".join(missing)}, code="incomplete"
        )
    effective_from = effective_from or version.effective_from or timezone.localdate()
    ProcedureVersion.objects.filter(pk=version.pk).update(
        status=VersionStatus.PUBLISHED,
        effective_from=effective_from,
        published_at=timezone.now(),
        published_by=by,
    )
    version.refresh_from_db()
    # The update above sends no signal: what is kept under the catalogue generation (the procedure page lists every
    # published version, a later one too) is read again.
    catalogue_changed()
    procedure = version.procedure
    notices = _switch_to_version_in_force(procedure)
    if notices is None and effective_from > timezone.localdate():
        responses = version_scheduled.send(
            sender=Procedure, procedure=procedure, current=procedure.current_version, new=version
        )
        notices = [notice for _receiver, said in responses for notice in said or []]
    return Publication(version, notices or [])


def effective_version(procedure: Procedure, on=None):
    """The published version in force on a date: the latest effective one."""
    on = on or timezone.localdate()
    return (
        procedure.versions.filter(status=VersionStatus.PUBLISHED, effective_from__lte=on)
        .order_by("-effective_from", "-number")
        .first()
    )


def activate_current_version(procedure: Procedure, on=None) -> bool:
    """Point the procedure at the version in force and refresh its search fields. True if it changed."""
    return _switch_to_version_in_force(procedure, on) is not None


@transaction.atomic
def _switch_to_version_in_force(procedure: Procedure, on=None) -> list[Notice] | None:
    """``activate_current_version``: None if nothing changed, else the notices of what followed the new version.

    The versions it replaces read "no longer in force" from its effective date, and what is built on them (online
    services, bundles) moves onto it in the same transaction (``signals.version_in_force``)."""
    version = effective_version(procedure, on)
    if version is None or version.pk == procedure.current_version_id:
        return None
    old = procedure.current_version
    procedure.current_version = version
    _copy_search_fields(procedure, version)
    procedure.save(update_fields=["current_version", "name", "search_name", "search_aliases", "search_text"])
    # A published version never changes (``ProcedureVersion.save``): the day it ceased is metadata, set in place.
    ProcedureVersion.objects.filter(
        procedure=procedure,
        status=VersionStatus.PUBLISHED,
        effective_from__lte=version.effective_from,
        superseded_on__isnull=True,
    ).exclude(pk=version.pk).update(superseded_on=version.effective_from)
    cache.delete(OVERVIEW_CACHE_KEY)
    responses = version_in_force.send(sender=Procedure, procedure=procedure, old=old, new=version)
    return [notice for _receiver, said in responses for notice in said or []]


def refresh_search_fields(procedure: Procedure) -> None:
    """Recompute the folded search text, e.g. after an agency or sector was renamed."""
    if procedure.current_version:
        _copy_search_fields(procedure, procedure.current_version)
        procedure.save(update_fields=["name", "search_name", "search_aliases", "search_text"])


def _copy_search_fields(procedure: Procedure, version: ProcedureVersion) -> None:
    procedure.name = version.name
    procedure.search_name = fold(version.name)
    procedure.search_aliases = fold(" ".join(p for p in (version.name_en, procedure.search_keywords) if p))
    parts = [procedure.code, version.name, version.name_en, procedure.search_keywords, version.sector.name]
    parts += [version.result_name, version.result_name_en]
    parts += [agency.name for agency in version.agencies.all()]
    procedure.search_text = fold(" ".join(p for p in parts if p))


def activate_due_versions(on=None) -> int:
    """Switch every procedure whose newer version has reached its effective date. Run daily."""
    on = on or timezone.localdate()
    due = Procedure.objects.filter(
        versions__status=VersionStatus.PUBLISHED, versions__effective_from__lte=on
    ).distinct()
    return sum(activate_current_version(procedure, on) for procedure in due)


@transaction.atomic
def create_draft(procedure: Procedure, *, source: ProcedureVersion | None = None) -> ProcedureVersion:
    """A new draft copied from ``source`` (default: the current version), with all its parts."""
    source = source or procedure.current_version or procedure.versions.order_by("-number").first()
    if source is None:
        raise ValidationError(_("Thủ tục chưa có phiên bản nào để sao chép."))
    if procedure.versions.filter(status=VersionStatus.DRAFT).exists():
        raise ValidationError(_("Thủ tục đã có một bản nháp đang soạn; hãy sửa bản nháp đó."))
    agencies = list(source.agencies.all())
    draft = ProcedureVersion.objects.get(pk=source.pk)
    draft.pk = None
    draft.number = None
    draft.status = VersionStatus.DRAFT
    draft.effective_from = None
    draft.published_at = None
    draft.published_by = None
    draft.save()
    draft.agencies.set(agencies)
    for model in (Fee, DocumentComponent, LegalBasis):
        for row in model.objects.filter(version=source):
            row.pk = None
            row.version = draft
            row.save()
    return draft


def retire_procedure(procedure: Procedure, *, note: str = "") -> Procedure:
    """Hide a procedure from search; its page stays readable with a notice."""
    procedure.retired_at = timezone.now()
    procedure.retirement_note = note
    procedure.save(update_fields=["retired_at", "retirement_note"])
    cache.delete(OVERVIEW_CACHE_KEY)
    return procedure


def reinstate_procedure(procedure: Procedure) -> Procedure:
    procedure.retired_at = None
    procedure.save(update_fields=["retired_at"])
    cache.delete(OVERVIEW_CACHE_KEY)
    return procedure


def _view_key(code: str) -> str:
    return f"procedure-views:code:{code}"


# Views counted in this process and not yet added to the cache: sent at most once a second (one round trip for
# all of them), so that a page answered from the page cache pays no round trip for its count. A process that stops
# may lose its last second of views: popularity, not a record.
VIEW_BATCH_SECONDS = 1.0
_pending_views: Counter = Counter()
_pending_lock = threading.Lock()
_views_sent_at = 0.0


def record_view(procedure: Procedure) -> None:
    """Count a page view; ``flush_view_counts`` moves the counts to the database.

    Writing the row on every view would serialise all readers of a popular
    procedure on one row lock.
    """
    global _views_sent_at
    with _pending_lock:
        _pending_views[procedure.code] += 1  # by code: a cached page knows its address, not its row
        now = time.monotonic()
        if now - _views_sent_at < VIEW_BATCH_SECONDS:
            return
        _views_sent_at = now
    _send_views()


def forget_pending_views() -> None:
    """Drop the views this process has not sent yet (tests: one test's views are not counted in the next)."""
    with _pending_lock:
        _pending_views.clear()


def _send_views() -> None:
    with _pending_lock:
        batch = dict(_pending_views)
        _pending_views.clear()
    if not batch:
        return
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        # INCRBY creates a key at its count; Django's Redis serializer reads the plain integer back.
        try:
            pipeline = backend._cache.get_client(None, write=True).pipeline(transaction=False)
            for code, views in batch.items():
                pipeline.incrby(backend.make_and_validate_key(_view_key(code)), views)
            pipeline.execute()
        except redis.RedisError:
            logger.warning("%d procedure views not counted: the cache does not answer", sum(batch.values()))
        return
    for code, views in batch.items():
        key = _view_key(code)
        if not cache.add(key, views, timeout=None):
            try:
                cache.incr(key, views)
            except ValueError:  # expired between add and incr
                cache.add(key, views, timeout=None)


def flush_view_counts() -> int:
    """Add the cached view counts to ``Procedure.view_count``; returns the views flushed."""
    _send_views()  # this process's own first
    flushed = 0
    rows = list(Procedure.objects.values_list("pk", "code"))
    for start in range(0, len(rows), 1000):
        # Counts by code, and any left by id from before they were kept by code.
        keys = {_view_key(code): pk for pk, code in rows[start : start + 1000]}
        keys |= {f"procedure-views:{pk}": pk for pk, _code in rows[start : start + 1000]}
        counts = cache.get_many(list(keys))
        if not counts:
            continue
        cache.delete_many(list(counts))
        for key, views in counts.items():
            Procedure.objects.filter(pk=keys[key]).update(view_count=F("view_count") + views)
            flushed += views
    return flushed
