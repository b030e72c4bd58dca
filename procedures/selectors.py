"""Read-only queries over the catalogue."""

import re

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When

from .constants import AgencyLevel
from .fields import ChoiceSetField
from .models import Agency, DocumentComponent, Procedure, Sector
from .text import fold, query_words

_TSQUERY_TERM = re.compile(r"[a-z0-9]+")
_CODE_FRAGMENT = re.compile(r"[0-9.]{3,}")
# The same expression as the GIN index of migration 0002, so PostgreSQL uses the index.
SEARCH_VECTOR = SearchVector("search_text", config="simple")


def public_procedures() -> QuerySet[Procedure]:
    """Procedures a citizen can find: with a version in force, not retired."""
    return Procedure.objects.filter(current_version__isnull=False, retired_at__isnull=True)


def search_procedures(*, q="", sector=None, level="", agency=None, unit=None, delivery="") -> QuerySet[Procedure]:
    """Accent- and case-insensitive search, names first.

    Every word of the query must appear (in any order) in the procedure's folded
    text: code, name, sector, result and agencies. Rank: exact code, the name
    itself, a name starting with the phrase, the phrase inside the name, every
    word in the name, then matches elsewhere; popularity breaks ties.
    """
    # Prefetch, not a join: PostgreSQL then sorts and cuts the page on the procedure
    # table alone and reads the versions of just that page.
    qs = public_procedures().prefetch_related("current_version__sector")
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
    qs = _filter_words(qs, words, phrase)
    all_words_in_name = Q()
    for word in words:
        all_words_in_name &= Q(search_name__contains=word)
    rank = Case(
        When(code=phrase, then=Value(0)),
        When(search_name=phrase, then=Value(1)),
        When(search_name__startswith=phrase, then=Value(2)),
        When(search_name__contains=phrase, then=Value(3)),
        When(all_words_in_name, then=Value(4)),
        default=Value(5),
        output_field=IntegerField(),
    )
    return qs.annotate(rank=rank).order_by("rank", "-view_count", "code")


def _filter_words(qs: QuerySet[Procedure], words: list[str], phrase: str) -> QuerySet[Procedure]:
    """A code fragment (``1.0011``, ``002804``) matches codes; otherwise every word must match.

    PostgreSQL answers from its full-text index (prefix match, so ``giay ph``
    finds ``giấy phép``); other databases fall back to substring matching.
    """
    if _CODE_FRAGMENT.fullmatch(phrase):
        return qs.filter(code__contains=phrase)
    if connection.vendor == "postgresql":
        terms = [term for word in words for term in _TSQUERY_TERM.findall(word)]
        if not terms:
            # Nothing searchable left after folding ("_", "中文", "ß"): no match, not an empty tsquery.
            return qs.none()
        tsquery = " & ".join(f"{term}:*" for term in terms)
        qs = qs.annotate(search_vector=SEARCH_VECTOR)
        condition = Q(search_vector=SearchQuery(tsquery, search_type="raw", config="simple"))
    else:
        condition = Q()
        for word in words:
            condition &= Q(search_text__contains=word)
    return qs.filter(condition)


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


def recently_updated_procedures(limit=6) -> QuerySet[Procedure]:
    return (
        public_procedures().select_related("current_version").order_by("-current_version__published_at", "code")[:limit]
    )


OVERVIEW_CACHE_KEY = "procedures:overview"
# Publishing or retiring clears it; popularity may lag by this much.
OVERVIEW_CACHE_SECONDS = 10 * 60


def catalogue_overview() -> dict:
    """The home page's lists and counts, cached: they scan the catalogue."""
    return cache.get_or_set(OVERVIEW_CACHE_KEY, _build_overview, OVERVIEW_CACHE_SECONDS)


def _build_overview() -> dict:
    counts = level_counts()
    return {
        "popular": list(popular_procedures()),
        "recent": list(recently_updated_procedures()),
        "sectors": list(sectors_with_counts()),
        "levels": [(value, label, counts[value]) for value, label in AgencyLevel.choices],
        "agencies": list(browsable_agencies()),
    }


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
