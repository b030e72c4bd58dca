"""Read-only queries over records: the citizen's lists, public lookup, the back-office queue."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone

from . import deadlines
from .constants import OPEN_STATES, RUNNING_CLOCK_STATES, Channel, RecordState
from .models import Record


def records_of_applicant(user):
    return Record.objects.filter(applicant=user).select_related("service", "agency", "procedure_version", "group")


def records_of(user, page_number, per_page: int = 20):
    """The citizen's records, drafts included, newest first (an integrated filing's records side by side)."""
    qs = records_of_applicant(user).select_related("group__bundle").order_by("-created_at", "group_id")
    return Paginator(qs, per_page).get_page(page_number)


def unfinished_for_service(user, service) -> list[Record]:
    """The citizen's drafts and records still being handled for ``service``, newest first (at most five)."""
    if not getattr(user, "is_authenticated", False):
        return []
    states = {RecordState.DRAFT, *OPEN_STATES}
    return list(
        Record.objects.filter(applicant=user, service=service, state__in=states)
        .exclude(state=RecordState.DRAFT, channel=Channel.COUNTER)
        .order_by("-created_at")[:5]
    )


def lookup(code: str, id_number: str) -> Record | None:
    """A submitted record by its code and the applicant's ID number; both must match."""
    return (
        Record.objects.exclude(state=RecordState.DRAFT)
        .select_related("agency", "procedure_version")
        .filter(code=code.strip(), applicant_id_number=id_number.strip())
        .first()
    )


# --- Back-office ----------------------------------------------------------------

QUEUE_SORTS = {
    "newest": ("-submitted_at", "-id"),
    "oldest": ("submitted_at", "id"),
    "due": ("due_date", "submitted_at", "id"),
    "code": ("code",),
}
COUNTS_TTL = 30  # seconds: the per-state counts on the queue may lag this much


@dataclass
class QueueFilters:
    state: str = ""
    procedure: str = ""  # procedure code
    channel: str = ""
    due: str = ""  # "soon" (within 2 working days) or "overdue"
    mine: bool = False
    q: str = ""
    sort: str = "newest"
    page: int = 1

    @classmethod
    def from_query(cls, params) -> QueueFilters:
        try:
            page = max(1, min(int(params.get("page") or 1), 10_000))
        except ValueError:
            page = 1
        sort = params.get("sort") or "newest"
        return cls(
            state=params.get("state", "") if params.get("state", "") in RecordState.values else "",
            procedure=(params.get("procedure") or "").strip()[:10],
            channel=params.get("channel", "") if params.get("channel", "") in Channel.values else "",
            due=params.get("due", "") if params.get("due", "") in ("soon", "overdue") else "",
            mine=params.get("mine") == "1",
            q=(params.get("q") or "").strip()[:40],
            sort=sort if sort in QUEUE_SORTS else "newest",
            page=page,
        )

    def query_string(self, **overrides) -> str:
        values = {**self.__dict__, **overrides}
        values["mine"] = "1" if values["mine"] else ""
        kept = {k: v for k, v in values.items() if v not in ("", None, False)}
        if kept.get("page") == 1:
            del kept["page"]
        return urlencode(kept)


@dataclass
class QueuePage:
    """One page of the queue. No COUNT(*) over the agency's records: one more row tells whether a next page exists."""

    records: list
    number: int
    per_page: int
    has_next: bool
    total: int | None = None  # known when it comes free from the cached per-state counts

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def num_pages(self) -> int | None:
        return None if self.total is None else max(1, -(-self.total // self.per_page))


def queue(agency, user, filters: QueueFilters, per_page: int = 20) -> QueuePage:
    qs = Record.objects.filter(agency=agency).exclude(state=RecordState.DRAFT)
    today = timezone.localdate()
    if filters.q:
        if filters.q.isdigit() and len(filters.q) == 12:
            qs = qs.filter(applicant_id_number=filters.q)
        else:
            qs = qs.filter(code=filters.q)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.procedure:
        qs = qs.filter(procedure_version__procedure__code=filters.procedure)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.mine:
        qs = qs.filter(assigned_to=user)
    if filters.due == "overdue":
        qs = qs.filter(state__in=RUNNING_CLOCK_STATES, due_date__lt=today)
    elif filters.due == "soon":
        horizon = deadlines.add_working_days(today, 2, deadlines.extra_days_off())
        qs = qs.filter(state__in=RUNNING_CLOCK_STATES, due_date__gte=today, due_date__lte=horizon)
    qs = (
        qs.select_related("procedure_version", "assigned_to", "service")
        .only(
            "id",
            "code",
            "state",
            "channel",
            "applicant_name",
            "applicant_id_number",
            "submitted_at",
            "due_date",
            "new_appointment_date",
            "agency_id",
            "procedure_version__name",
            "procedure_version__procedure_id",
            "service__name",
            "service__name_en",
            "assigned_to__username",
            "assigned_to__first_name",
            "assigned_to__last_name",
        )
        .order_by(*QUEUE_SORTS[filters.sort])
    )
    start = (filters.page - 1) * per_page
    rows = list(qs[start : start + per_page + 1])
    total = None
    if not (filters.q or filters.procedure or filters.channel or filters.mine or filters.due):
        counts = state_counts(agency)
        total = counts.get(filters.state, 0) if filters.state else sum(counts.values())
    return QueuePage(rows[:per_page], filters.page, per_page, len(rows) > per_page, total)


def state_counts(agency, fresh: bool = False) -> dict[str, int]:
    """Submitted records of the agency per state: one grouped query, cached for ``COUNTS_TTL`` seconds."""
    key = f"records:state-counts:{agency.pk}"
    counts = None if fresh else cache.get(key)
    if counts is None:
        counts = dict(
            Record.objects.filter(agency=agency)
            .exclude(state=RecordState.DRAFT)
            .order_by()
            .values_list("state")
            .annotate(n=Count("*"))  # COUNT(*): an index-only scan of (agency, state, ...)
            .values_list("state", "n")
        )
        cache.set(key, counts, COUNTS_TTL)
    return counts


def state_labels() -> list[tuple[str, str]]:
    """(value, label) of the states a queue shows, translated once per request rather than per use."""
    return [(value, str(label)) for value, label in RecordState.choices if value != RecordState.DRAFT]


def procedure_choices(agency) -> list[tuple[str, str]]:
    """(code, short name in the page's language) of the procedures the agency handles, for the queue filter;
    cached 5 minutes per language."""
    from django.utils.translation import get_language

    from procedures.models import Procedure

    english = (get_language() or "vi").startswith("en")
    key = f"records:procedure-choices:{agency.pk}:{'en' if english else 'vi'}"
    choices = cache.get(key)
    if choices is None:
        rows = Procedure.objects.filter(versions__agencies=agency).distinct().order_by("code")
        rows = rows.values_list("code", "name", "current_version__name_en")
        choices = [(code, ((english and name_en) or name)[:60]) for code, name, name_en in rows]
        cache.set(key, choices, 300)
    return choices


def forget_counts(agency_id) -> None:
    cache.delete(f"records:state-counts:{agency_id}")


def backoffice_record(user, pk):
    """A submitted record of an agency ``user`` works for, or None (the caller answers 404)."""
    from identity.models import StaffMembership

    agencies = StaffMembership.objects.filter(user=user).values("agency_id")
    return (
        Record.objects.exclude(state=RecordState.DRAFT)
        .filter(pk=pk, agency_id__in=agencies)
        .select_related("agency", "service", "procedure_version__procedure", "assigned_to", "group__bundle")
        .first()
    )


def workload(agency) -> list[dict]:
    """Open records per handling officer of the agency, with how many are overdue."""
    today = timezone.localdate()
    rows = (
        Record.objects.filter(agency=agency, state__in=OPEN_STATES)
        .values("assigned_to", "assigned_to__username", "assigned_to__first_name", "assigned_to__last_name")
        .annotate(
            open=Count("id"),
            overdue=Count("id", filter=Q(state__in=RUNNING_CLOCK_STATES, due_date__lt=today)),
        )
        .order_by("-open")
    )
    return list(rows)


def overdue_records(agency, limit: int = 100):
    today = timezone.localdate()
    return (
        Record.objects.filter(agency=agency, state__in=RUNNING_CLOCK_STATES, due_date__lt=today)
        .select_related("procedure_version", "assigned_to")
        .order_by("due_date")[:limit]
    )


def officers(agency):
    """Staff who may be assigned records of the agency (processors and the head)."""
    from identity.constants import StaffRole
    from identity.models import User

    return (
        User.objects.filter(
            memberships__agency=agency, memberships__role__in=[StaffRole.PROCESSOR, StaffRole.AGENCY_HEAD]
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def staff_agencies(user):
    from procedures.models import Agency

    return Agency.objects.filter(memberships__user=user).distinct().order_by("name")
