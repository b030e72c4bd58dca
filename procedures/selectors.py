"""Read-only queries over the catalogue."""

import copy
import logging
import re
import secrets
import time
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from . import search
from .constants import AgencyLevel, VersionStatus
from .fields import ChoiceSetField
from .models import Agency, DocumentComponent, Procedure, Sector
from .text import fold, query_words

logger = logging.getLogger(__name__)

_CODE_FRAGMENT = re.compile(r"[0-9.]{3,}")
# The same expression as the GIN index of migration 0002, so PostgreSQL uses the index.
SEARCH_VECTOR = SearchVector("search_text", config="simple")


def public_procedures() -> QuerySet[Procedure]:
    """Procedures a citizen can find: with a version in force, not retired."""
    return Procedure.objects.filter(current_version__isnull=False, retired_at__isnull=True)


def search_procedures(*, q="", sector=None, level="", agency=None, unit=None, delivery="") -> QuerySet[Procedure]:
    """Search in a citizen's words, with or without accents, best first (``procedures.search``).

    Procedures that match every word of the query (a thesaurus phrase, a corrected typo or a word of the
    question counts as one; question words like "tôi muốn" need not match) come alone; when none does, the
    closest ones. Rank: exact code, the name itself, a name starting with the phrase, the phrase inside the
    name, then the score (rare words and matches in the name count most); popularity breaks ties.
    """
    # Prefetch, not a join: PostgreSQL then sorts and cuts the page on the procedure
    # table alone and reads the versions of just that page.
    qs = public_procedures().prefetch_related("current_version__sector")
    filtered = bool(sector or level or delivery or agency or unit)
    if sector:
        qs = qs.filter(current_version__sector=sector)
    if level:
        qs = qs.filter(current_version__levels__contains=ChoiceSetField.member(level))
    if delivery:
        qs = qs.filter(current_version__delivery_level=delivery)
    if agency:
        qs = qs.filter(current_version__agencies=agency)
    if unit:
        qs = qs.filter(
            Q(current_version__agencies__unit=unit) | Q(current_version__agencies__unit__parent=unit)
        ).distinct()

    words = query_words(q)
    if not words:
        return qs.order_by("-view_count", "code")
    phrase = fold(q)
    if _CODE_FRAGMENT.fullmatch(phrase):
        return (
            qs.filter(code__contains=phrase)
            .annotate(rank=Case(When(code=phrase, then=Value(0)), default=Value(1), output_field=IntegerField()))
            .order_by("rank", "-view_count", "code")
        )
    allowed = set(qs.values_list("pk", flat=True)) if filtered else None
    ranking = search.current_index().rank(q, allowed)
    return _in_ranked_order(qs, ranking)


def _in_ranked_order(qs: QuerySet[Procedure], ranking) -> QuerySet[Procedure]:
    """The ranking's procedures, its first ``search.RANKED`` in its order, any further ones by popularity."""
    if not ranking.matched:
        return qs.none()
    ids = list(ranking.matched)
    if connection.vendor == "postgresql":
        # One array parameter written as text (quick to pass), not thousands of placeholders, for a query that matches
        # much of the catalogue; ``= ANY`` of a constant array is a hash lookup, and it spares the linear
        # ``array_position`` to all but the ranked ids.
        matched, ranked = _int_array(ids), _int_array(ranking.ids)
        qs = qs.filter(RawSQL("procedures_procedure.id = ANY(%s::int[])", (matched,), output_field=BooleanField()))
        position = RawSQL(
            "CASE WHEN procedures_procedure.id = ANY(%s::int[]) "
            "THEN array_position(%s::int[], procedures_procedure.id) END",
            (ranked, ranked),
            output_field=IntegerField(),
        )
    else:
        qs = qs.filter(pk__in=ids)
        position = Case(
            *[When(pk=pk, then=Value(i)) for i, pk in enumerate(ranking.ids)],
            default=Value(None),
            output_field=IntegerField(),
        )
    qs = qs.annotate(rank=position).order_by(F("rank").asc(nulls_last=True), "-view_count", "code")
    qs.__class__ = _Counted
    qs.known_count = len(ranking.matched)
    return qs


class _Counted(QuerySet):
    """Search results whose number the search already knows: a page of them costs one query less. A queryset
    made from it (filtered, sliced) counts again."""

    known_count = None

    def count(self):
        if self.known_count is not None and self._result_cache is None:
            return self.known_count
        return super().count()


def _int_array(ids) -> str:
    return "{" + ",".join(map(str, ids)) + "}"


def search_suggestion(q: str) -> str:
    """ "Có phải bạn muốn tìm …": the query with its typos corrected and its accents, or "" if it had none."""
    if not query_words(q) or _CODE_FRAGMENT.fullmatch(fold(q)):
        return ""
    query = search.current_index().analyse(q)
    return query.suggestion if query.corrected and query.suggestion and fold(query.suggestion) != fold(q) else ""


def sectors_with_counts() -> QuerySet[Sector]:
    return (
        Sector.objects.annotate(
            procedure_count=Count(
                "versions__procedure",
                filter=Q(versions__procedure__current_version=F("versions"))
                & Q(versions__procedure__retired_at__isnull=True),
                distinct=True,
            )
        )
        .filter(procedure_count__gt=0)
        .order_by("name")
    )


def level_counts() -> dict[str, int]:
    counts = {}
    for level in ("central", "province", "commune"):
        counts[level] = (
            public_procedures().filter(current_version__levels__contains=ChoiceSetField.member(level)).count()
        )
    return counts


def browsable_agencies() -> QuerySet[Agency]:
    """Central and provincial agencies that implement at least one public procedure."""
    return (
        Agency.objects.filter(is_active=True, level__in=["central", "province"])
        .annotate(
            procedure_count=Count(
                "procedure_versions__procedure",
                filter=Q(procedure_versions__procedure__current_version=F("procedure_versions"))
                & Q(procedure_versions__procedure__retired_at__isnull=True),
                distinct=True,
            )
        )
        .filter(procedure_count__gt=0)
        .select_related("unit")
        .order_by("level", "unit__code", "name")
    )


def popular_procedures(limit=6) -> QuerySet[Procedure]:
    return public_procedures().select_related("current_version__sector").order_by("-view_count", "code")[:limit]


def recently_updated_procedures(limit=6, exclude=()) -> QuerySet[Procedure]:
    """The latest published procedures, leaving out ``exclude`` (ids already shown beside them)."""
    return (
        public_procedures()
        .exclude(pk__in=list(exclude))
        .select_related("current_version")
        .order_by("-current_version__published_at", "code")[:limit]
    )


OVERVIEW_CACHE_KEY = "procedures:overview"
# Publishing or retiring clears it; popularity may lag by this much.
OVERVIEW_CACHE_SECONDS = 10 * 60


def catalogue_overview() -> dict:
    """The home page's lists and counts, cached: they scan the catalogue."""
    return cache.get_or_set(OVERVIEW_CACHE_KEY, _build_overview, OVERVIEW_CACHE_SECONDS)


def _build_overview() -> dict:
    counts = level_counts()
    popular = list(popular_procedures())
    return {
        "popular": popular,
        # The two lists side by side never show one procedure twice.
        "recent": list(recently_updated_procedures(exclude=[procedure.pk for procedure in popular])),
        "sectors": list(sectors_with_counts()),
        "levels": [(value, label, counts[value]) for value, label in AgencyLevel.choices],
        "agencies": list(browsable_agencies()),
    }


@dataclass(frozen=True)
class PageState:
    """What a procedure page shows, named by the rows that decide it (``page_state``)."""

    procedure_id: int
    version_id: int | None  # the version asked for (or the one in force); None: not published
    current_version_id: int | None
    last_published: object  # the latest publication of any of its versions (the page lists them)
    retired_at: object

    @property
    def key(self) -> str:
        stamps = (self.last_published, self.retired_at)
        return ":".join(
            [str(self.version_id), str(self.current_version_id), *(s.isoformat() if s else "-" for s in stamps)]
        )


def page_state(code: str, number: int | None = None) -> PageState | None:
    """The state of the page of procedure ``code`` (version ``number``, else the one in force) in one short query,
    or None if there is no such procedure.

    The procedure page reads it on every view, before anything else, to find its cached copy: the ORM's query with
    the version and sector rows costs several times more in Python than this one does in PostgreSQL.
    """
    version = (
        "p.current_version_id"
        if number is None
        else "(SELECT v.id FROM procedures_procedureversion v WHERE v.procedure_id = p.id AND v.number = %s "
        "AND v.status = %s)"
    )
    params = [] if number is None else [number, VersionStatus.PUBLISHED]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.id, {version}, p.current_version_id, "  # noqa: S608 - no value is formatted in
            "(SELECT max(v.published_at) FROM procedures_procedureversion v WHERE v.procedure_id = p.id "
            "AND v.status = %s), p.retired_at FROM procedures_procedure p WHERE p.code = %s",
            [*params, VersionStatus.PUBLISHED, code],
        )
        row = cursor.fetchone()
    return PageState(*row) if row else None


# A published version never changes (``ProcedureVersion.save`` and ``VersionChild`` refuse it), so what a filing
# reads of it can be kept for the life of the process. The key holds ``published_at`` too: a version id that a
# rolled-back test (or a restored database) hands out again never finds another version's rows.
_PUBLISHED_COMPONENTS: dict[tuple, tuple] = {}
_PUBLISHED_CACHE_MAX = 5000  # versions; past this the cache starts over (it only ever saves queries)


def published_components(version) -> list:
    """``version.components.all()`` as a list (in their order); read once per process for a published version.

    A draft's components are read every time. The instances are shared by every caller in the
    process: read them, never change them.
    """
    if not version.is_published or version.published_at is None or version.pk is None:
        return list(version.components.all())
    key = (version.pk, version.published_at)
    components = _PUBLISHED_COMPONENTS.get(key)
    if components is None:
        if len(_PUBLISHED_COMPONENTS) >= _PUBLISHED_CACHE_MAX:
            _PUBLISHED_COMPONENTS.clear()
        components = _PUBLISHED_COMPONENTS[key] = tuple(DocumentComponent.objects.filter(version_id=version.pk))
    return list(components)


def forget_published_components() -> None:
    """Empty this process's copy (tests; nothing else needs it: published versions do not change)."""
    _PUBLISHED_COMPONENTS.clear()


# --- Process copies of catalogue rows -------------------------------------------------------------------------------
# What the filing path reads of the catalogue that *can* change (an online service and its replacements, a version's
# agencies, the units they serve) is kept in each process under a generation token held in the shared cache (Redis).
# Every committed change of those rows (``catalogue_changed``, connected to their post_save / post_delete /
# m2m_changed signals by ``procedures.apps`` and ``eservices.models``) draws a new token, so every process reads
# them again at its next lookup. The token is read before the rows, and each copy keeps the token it was read under:
# a copy is never kept under a token newer than its rows. Without a shared cache (local memory, dummy) nothing is kept.
CATALOGUE_GENERATION_KEY = "procedures:catalogue-generation"
_CHANGED_MARK = "_catalogue_changed"


def catalogue_generation() -> str | None:
    """The current generation token of the catalogue, or None when no copy may be used (no shared cache, the
    cache unreachable, or a catalogue row changed in the transaction still open here)."""
    if isinstance(caches["default"], LocMemCache | DummyCache) or _changed_in_open_transaction():
        return None
    try:
        token = cache.get(CATALOGUE_GENERATION_KEY)
        if token is None:
            cache.add(CATALOGUE_GENERATION_KEY, secrets.token_hex(8), None)
            token = cache.get(CATALOGUE_GENERATION_KEY)
    except Exception:
        logger.warning("Catalogue generation unreadable: reading the catalogue from the database", exc_info=True)
        return None
    return token


def generation_key() -> str | None:
    """The cache key of the catalogue generation token, or None when no copy may be kept (as ``catalogue_generation``:
    no shared cache, or a catalogue row changed in the transaction open here): for a reader that fetches the token
    in the same round trip as what it keeps under it (``common.pagecache``)."""
    if isinstance(caches["default"], LocMemCache | DummyCache) or _changed_in_open_transaction():
        return None
    return CATALOGUE_GENERATION_KEY


def _changed_in_open_transaction() -> bool:
    """Whether a catalogue row was written in the transaction open on this connection: what this process reads
    now may yet be rolled back, so it is not kept."""
    blocks = connection.atomic_blocks
    return bool(blocks) and getattr(blocks[0], _CHANGED_MARK, False)


def catalogue_changed(sender=None, **kwargs) -> None:
    """Signal receiver: a row the process copies are read from changed. A new token at once (this process and any
    other read again) and again when the change commits (a process that read the old rows meanwhile, before the
    commit, reads them once more)."""
    if not kwargs.get("action", "post_").startswith("post_"):  # m2m_changed: once the relation has changed
        return
    for copies in ProcessCopies.instances:
        copies.clear()
    if connection.atomic_blocks:
        setattr(connection.atomic_blocks[0], _CHANGED_MARK, True)
    _new_generation()
    transaction.on_commit(_new_generation, robust=True)


def _new_generation() -> None:
    try:
        cache.set(CATALOGUE_GENERATION_KEY, secrets.token_hex(8), None)
    except Exception:
        # The copies of this process are gone; the others' keep their generation until the cache is back (and
        # loses the token, which renews them all).
        logger.exception("Could not renew the catalogue generation in the cache")


class ProcessCopies:
    """Values read from catalogue rows, kept in this process while the catalogue generation they were read under
    holds, and ``MAX_AGE`` seconds at most (should a change ever fail to renew the token: the cache unreachable
    just then).

    ``get(key, read)`` returns a shallow copy of what ``read()`` returned (a model instance): callers may set
    attributes on it without touching the kept one. A value that is None, or that ``keep(value)`` refuses, is
    returned as read and not kept.
    """

    instances: list = []
    MAX_ENTRIES = 5000
    MAX_AGE = 5 * 60

    def __init__(self):
        self._values = {}  # key: (generation, kept until (monotonic clock), value)
        ProcessCopies.instances.append(self)

    def get(self, key, read, keep=None):
        generation = catalogue_generation()
        if generation is None:
            return read()
        now = time.monotonic()
        kept = self._values.get(key)
        if kept is not None and kept[0] == generation and kept[1] > now:
            return copy.copy(kept[2])
        value = read()
        if value is None or (keep is not None and not keep(value)):
            return value
        if len(self._values) >= self.MAX_ENTRIES:
            self._values = {}
        self._values[key] = (generation, now + self.MAX_AGE, value)
        return copy.copy(value)

    def clear(self) -> None:
        self._values = {}


def forget_process_copies() -> None:
    """Empty this process's copies (tests)."""
    for copies in ProcessCopies.instances:
        copies.clear()
    forget_published_components()
