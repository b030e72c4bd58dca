"""Read-only queries over records: the citizen's lists, public lookup, the back-office queue."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from common.dates import parse_date
from procedures.text import fold

from . import deadlines
from .constants import OPEN_STATES, RUNNING_CLOCK_STATES, Channel, RecordState, WorkflowAction
from .models import Record, RecordEvent


def records_of_applicant(user):
    return Record.objects.filter(applicant=user).select_related("service", "agency", "procedure_version", "group")


def records_of(user, page_number, per_page: int = 20):
    """The citizen's records, drafts included, newest first (an integrated filing's records side by side)."""
    qs = records_of_applicant(user).select_related("group__bundle").order_by("-created_at", "group_id")
    return Paginator(qs, per_page).get_page(page_number)


def filed_group_members(user, group_ids) -> dict:
    """The citizen's filed records of each integrated filing in ``group_ids``, in the bundle's order."""
    members: dict = {}
    if not group_ids:
        return members
    records = (
        records_of_applicant(user)
        .filter(group_id__in=group_ids)
        .exclude(state=RecordState.DRAFT)
        .select_related("service", "group__bundle")
        .order_by("group_id", "submitted_at", "code")
    )
    for record in records:
        members.setdefault(record.group_id, []).append(record)
    return members


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
    # Records still being handled only, soonest first (closed records have no deadline left to sort by).
    "due": ("due_date", "submitted_at", "id"),
    "code": ("code",),
}
DUE_SOON_DAYS = 2  # working days: "sắp đến hạn"
COUNTS_TTL = 30  # seconds: the per-state counts on the queue may lag this much


@dataclass
class QueueFilters:
    state: str = ""
    procedure: str = ""  # procedure code
    channel: str = ""
    due: str = ""  # "soon" (within 2 working days) or "overdue"
    mine: bool = False
    q: str = ""
    date_from: datetime.date | None = None  # filed on or after
    date_to: datetime.date | None = None  # filed on or before
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
            date_from=parse_date(params.get("date_from")),
            date_to=parse_date(params.get("date_to")),
            sort=sort if sort in QUEUE_SORTS else "newest",
            page=page,
        )

    @property
    def narrowed(self) -> bool:
        """Filtered beyond the state: the per-state counts no longer say how many records match."""
        return bool(self.q or self.procedure or self.channel or self.mine or self.due or self.date_from or self.date_to)

    def query_string(self, **overrides) -> str:
        values = {**self.__dict__, **overrides}
        values["mine"] = "1" if values["mine"] else ""
        for name in ("date_from", "date_to"):
            values[name] = values[name].isoformat() if values[name] else ""
        kept = {k: v for k, v in values.items() if v not in ("", None, False)}
        if kept.get("page") == 1:
            del kept["page"]
        return urlencode(kept)


ID_NUMBER = re.compile(r"^\d{9}$|^\d{12}$")  # an ID card (9 digits, older) or citizen ID number (12)


# The words of a record's search text, as PostgreSQL's "simple" parser reads them once dots and hyphens are spaces
# (a code's parts are words: "h01", "261208", "0001"); a GIN index on this expression (migration 0010) finds a record
# by whole words in a few index pages, however common the other words ("nguyen", "van") are.
SEARCH_WORDS_SQL = "to_tsvector('simple'::regconfig, translate(search_text, '.-', '  '))"


def search_words(q: str) -> list[str]:
    return [w for w in re.split(r"[\s.\-]+", fold(q)) if w]


def search_filter(q: str, *, fragments: bool = False) -> Q:
    """What the queue's search box finds: a whole ID number exactly; otherwise records holding every word typed
    (a name with or without accents, in any order and case; the parts of a code, "h01-261208-0001"; a phone
    number). With ``fragments``, what was typed may be any piece of the text ("208-0001", the end of a phone
    number): the trigram index (migration 0009) answers that, for the searches whole words did not."""
    compact = re.sub(r"[\s.]", "", q)
    if ID_NUMBER.match(compact):
        return Q(applicant_id_number=compact) | Q(subject_id_number=compact)
    words = search_words(q)
    if compact.isdigit():
        words = [compact]  # a phone or a number typed with spaces or dots
    if not words:
        return Q(pk__in=[])
    if fragments:  # what was typed, as one piece of the text: "208-0001", "345678"
        return Q(search_text__contains=compact if compact.isdigit() else fold(q))
    if connection.vendor != "postgresql":
        condition = Q()
        for word in words:
            condition &= Q(search_text__contains=word)
        return condition
    # The SQL is a constant; the words are a bound parameter.
    matches = RawSQL(f"{SEARCH_WORDS_SQL} @@ plainto_tsquery('simple'::regconfig, %s)", [" ".join(words)])  # noqa: S611
    return Q(ExpressionWrapper(matches, output_field=BooleanField()))


def _has_digit(q: str) -> bool:
    return any(ch.isdigit() for ch in q)


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

    @property
    def past_the_end(self) -> bool:
        """A page number beyond the last page (a stale link, a record received since): nothing to show."""
        return not self.records and self.number > 1


def queue(agency, user, filters: QueueFilters, per_page: int = 20) -> QueuePage:
    """One page of the agency's queue. A search first looks for whole words; one with digits that finds nothing
    is tried again as parts of words (the middle of a code, the end of a phone number)."""
    page = _queue_page(agency, user, filters, per_page, fragments=False)
    if not page.records and filters.q and _has_digit(filters.q):
        whole_words_found = filters.page > 1 and _queue_rows(agency, user, filters, fragments=False).exists()
        if not whole_words_found:
            page = _queue_page(agency, user, filters, per_page, fragments=True)
    return page


def _queue_rows(agency, user, filters: QueueFilters, *, fragments: bool):
    qs = Record.objects.filter(agency=agency).exclude(state=RecordState.DRAFT)
    today = timezone.localdate()
    if filters.q:
        qs = qs.filter(search_filter(filters.q, fragments=fragments))
    if filters.date_from:
        qs = qs.filter(submitted_at__gte=_start_of(filters.date_from))
    if filters.date_to:
        qs = qs.filter(submitted_at__lt=_start_of(filters.date_to + datetime.timedelta(days=1)))
    if filters.sort == "due":
        qs = qs.filter(state__in=OPEN_STATES)
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
        horizon = deadlines.add_working_days(today, DUE_SOON_DAYS, deadlines.extra_days_off())
        qs = qs.filter(state__in=RUNNING_CLOCK_STATES, due_date__gte=today, due_date__lte=horizon)
    return qs


def _queue_page(agency, user, filters: QueueFilters, per_page: int, *, fragments: bool) -> QueuePage:
    today = timezone.localdate()
    qs = (
        _queue_rows(agency, user, filters, fragments=fragments)
        .select_related("procedure_version", "assigned_to", "service")
        .only(
            "id",
            "code",
            "state",
            "channel",
            "applicant_name",
            "applicant_id_number",
            "submitted_at",
            "due_date",
            "step_due_at",
            "new_appointment_date",
            "supplement_requested_at",
            "agency_id",
            "procedure_version__name",
            "procedure_version__procedure_id",
            "service__name",
            "service__name_en",
            "assigned_to__username",
            "assigned_to__first_name",
            "assigned_to__last_name",
        )
        .order_by(*_order(filters.sort))
    )
    total = None
    if not filters.narrowed and filters.sort != "due":
        counts = state_counts(agency)
        total = counts.get(filters.state, 0) if filters.state else sum(counts.values())
    start = (filters.page - 1) * per_page
    rows = list(qs[start : start + per_page + 1])
    days_off = deadlines.extra_days_off()  # read once per page, not once per row
    horizon = deadlines.add_working_days(today, DUE_SOON_DAYS, days_off)
    now = timezone.now()
    for row in rows:
        row.deadline = deadline_status(row, today, horizon, days_off)
        row.step_late = row.step_is_overdue(now)
    return QueuePage(rows[:per_page], filters.page, per_page, len(rows) > per_page, total)


def _order(sort: str):
    from django.db.models import F

    if sort == "due":  # not yet received (no due date yet) after those with one
        return (F("due_date").asc(nulls_last=True), "submitted_at", "id")
    return QUEUE_SORTS[sort]


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


@dataclass(frozen=True)
class Deadline:
    """How a record stands against its due date, as the queue shows it: a colour (``level``), an icon and words."""

    level: str  # "overdue", "soon", "ok", "paused" or "" (no deadline running)
    days: int = 0  # working days late (overdue) or left (soon)


def deadline_status(record, today: datetime.date, horizon: datetime.date, days_off=None) -> Deadline:
    due = record.due_date
    if due is None:
        return Deadline("")
    if record.state == RecordState.SUPPLEMENT_REQUESTED:
        return Deadline("paused")
    if record.state not in RUNNING_CLOCK_STATES:
        return Deadline("")
    if days_off is None:
        days_off = deadlines.extra_days_off()
    if due < today:
        return Deadline("overdue", max(1, deadlines.working_days_between(due, today, days_off)))
    if due <= horizon:
        return Deadline("soon", deadlines.working_days_between(today, due, days_off))
    return Deadline("ok")


def due_counts(agency, fresh: bool = False) -> dict[str, int]:
    """Records of the agency overdue and due within ``DUE_SOON_DAYS`` working days, for the queue's tabs;
    cached like the per-state counts."""
    key = f"records:due-counts:{agency.pk}"
    counts = None if fresh else cache.get(key)
    if counts is None:
        today = timezone.localdate()
        horizon = deadlines.add_working_days(today, DUE_SOON_DAYS, deadlines.extra_days_off())
        running = Record.objects.filter(agency=agency, state__in=RUNNING_CLOCK_STATES)
        counts = running.aggregate(
            overdue=Count("pk", filter=Q(due_date__lt=today)),
            soon=Count("pk", filter=Q(due_date__gte=today, due_date__lte=horizon)),
        )
        cache.set(key, counts, COUNTS_TTL)
    return counts


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
    cache.delete_many([f"records:state-counts:{agency_id}", f"records:due-counts:{agency_id}"])


_SENDING = (WorkflowAction.TRANSFER, WorkflowAction.TRANSFER_BACK)


def backoffice_record(user, pk):
    """A submitted record of an agency ``user`` works for, or one such an agency sent elsewhere (which it keeps
    seeing, read-only: the officer holds no role at the record's agency), or None (the caller answers 404)."""
    from identity.models import StaffMembership

    memberships = StaffMembership.objects.filter(user=user)
    codes = list(memberships.values_list("agency__code", flat=True))
    sent = RecordEvent.objects.filter(record_id=pk, action__in=_SENDING, data__from_agency__in=codes)
    return (
        Record.objects.exclude(state=RecordState.DRAFT)
        .filter(Q(agency_id__in=memberships.values("agency_id")) | Q(Exists(sent)), pk=pk)
        .select_related("agency", "service", "procedure_version__procedure", "assigned_to", "group__bundle")
        .first()
    )


def sent_elsewhere(agency, limit: int = 200) -> list:
    """Records ``agency`` transferred (or sent back) to another agency and no longer holds, newest first: the event
    that took each away, its record (with the agency holding it now) selected with it."""
    events = (
        RecordEvent.objects.filter(action__in=_SENDING, data__from_agency=agency.code)
        .exclude(record__agency=agency)
        .select_related("record__agency", "record__service")
        .order_by("-at", "-id")
    )
    seen, rows = set(), []
    for event in events[: limit * 4]:
        if event.record_id not in seen:
            seen.add(event.record_id)
            rows.append(event)
    return rows[:limit]


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
