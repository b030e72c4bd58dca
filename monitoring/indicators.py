"""The indicators, read from the pre-aggregated figures (``models``) for a scope and a period.

A scope is the whole country, a province, an agency, a procedure or a sector (and an officer, for the agency head);
a period any range of days, read from whole months plus the days at its edges. Every formula is here, in the
docstring of ``Indicators``, and on the public "Phương pháp tính" page.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from feedback.selectors import satisfaction

from .constants import COUNTERS, Grain
from .models import AgencyFigure, OfficerFigure, ProcedureFigure


def _share(part: int, whole: int) -> float | None:
    """A percentage with one decimal, or None when there is nothing to divide (shown as "—", never as 0%)."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Indicators:
    """The figures of a scope and period, and the indicators computed from them.

    - records received: ``received`` (by channel: ``received_online``, and at the counter or by post the rest);
    - online share = received online ÷ received;
    - full-process online share = received online on a full-process online service ÷ received;
    - on-time share = decided on or before the due date ÷ decided (decided: result returned or not resolved);
    - late share = decided after the due date ÷ decided;
    - still open and overdue = of the records received in the period, those not decided yet, and of them those
      marked overdue (the reception cohort);
    - average processing time = working days from reception to decision, less supplement pauses ÷ decided;
    - supplements requested and refusals at reception, counted when made;
    - digitised-results share = results returned as signed electronic documents ÷ results returned;
    - data-reuse share = records received with at least one paper replaced by population-registry or VNeID-wallet
      data, or their form prefilled from it ÷ received;
    - online-payment share = fee-charging results whose fee was paid through the payment gateway ÷ fee-charging
      results returned;
    - satisfaction rate = satisfied ratings ÷ ratings (``feedback.selectors.satisfaction``).
    """

    counts: Counter = field(default_factory=Counter)
    ratings: int = 0
    satisfied: int = 0

    def __getattr__(self, name):
        if name in COUNTERS:
            return self.counts.get(name, 0)
        raise AttributeError(name)

    @property
    def received_other(self) -> int:
        return self.received - self.received_online

    @property
    def online_share(self):
        return _share(self.received_online, self.received)

    @property
    def full_online_share(self):
        return _share(self.received_full_online, self.received)

    @property
    def on_time_share(self):
        return _share(self.finished_on_time, self.finished)

    @property
    def late_share(self):
        return _share(self.finished_late, self.finished)

    @property
    def average_working_days(self):
        return round(self.working_days / self.finished, 1) if self.finished else None

    @property
    def digitised_share(self):
        return _share(self.results_digitised, self.results_returned)

    @property
    def reuse_share(self):
        return _share(self.reused_data, self.received)

    @property
    def online_payment_share(self):
        return _share(self.paid_online, self.fee_charging)

    @property
    def satisfaction_rate(self):
        return _share(self.satisfied, self.ratings)

    def as_dict(self) -> dict:
        data = {name: self.counts.get(name, 0) for name in COUNTERS}
        data.update(
            received_other=self.received_other,
            ratings=self.ratings,
            satisfied=self.satisfied,
            online_share=self.online_share,
            full_online_share=self.full_online_share,
            on_time_share=self.on_time_share,
            late_share=self.late_share,
            average_working_days=self.average_working_days,
            digitised_share=self.digitised_share,
            reuse_share=self.reuse_share,
            online_payment_share=self.online_payment_share,
            satisfaction_rate=self.satisfaction_rate,
        )
        return data


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def period_filter(start: datetime.date, end: datetime.date) -> Q:
    """The figure rows that make up ``[start, end]``: whole months as month rows, the days at the edges as day rows."""
    first_full = start if start.day == 1 else _next_month(start)
    after_last_full = _month_start(end) if _next_month(end) - datetime.timedelta(days=1) != end else _next_month(end)
    if first_full >= after_last_full:
        return Q(grain=Grain.DAY, start__gte=start, start__lte=end)
    return (
        Q(grain=Grain.MONTH, start__gte=first_full, start__lt=after_last_full)
        | Q(grain=Grain.DAY, start__gte=start, start__lt=first_full)
        | Q(grain=Grain.DAY, start__gte=after_last_full, start__lte=end)
    )


@dataclass(frozen=True)
class Scope:
    """Which figures: ``agency_ids`` None for the whole country; ``procedure_ids`` None for every procedure;
    ``officer_id`` for one officer's share (agency head only)."""

    agency_ids: tuple | None = None
    procedure_ids: tuple | None = None
    officer_id: int | None = None

    def rows(self):
        if self.officer_id is not None:
            qs = OfficerFigure.objects.filter(officer_id=self.officer_id)
        elif self.procedure_ids is not None:
            qs = ProcedureFigure.objects.filter(procedure_id__in=self.procedure_ids)
        else:
            qs = AgencyFigure.objects.all()
        if self.agency_ids is not None:
            qs = qs.filter(agency_id__in=self.agency_ids)
        return qs


def _sums(qs, group_by: str | None = None):
    aggregates = {name: Sum(name) for name in COUNTERS}
    if group_by is None:
        return {None: qs.aggregate(**aggregates)}
    return {row.pop(group_by): row for row in qs.values(group_by).annotate(**aggregates).order_by()}


def _indicators(sums: dict, satisfaction: dict | None = None) -> Indicators:
    counts = Counter({name: int(sums.get(name) or 0) for name in COUNTERS})
    satisfaction = satisfaction or {}
    return Indicators(counts, satisfaction.get("ratings", 0), satisfaction.get("satisfied", 0))


def compute(scope: Scope, start: datetime.date, end: datetime.date) -> Indicators:
    sums = _sums(scope.rows().filter(period_filter(start, end)))[None]
    rated = scope.officer_id is None and scope.procedure_ids is None  # ratings are an agency's, not a procedure's
    return _indicators(sums, satisfaction(scope.agency_ids, start, end) if rated else None)


def by_agency(scope: Scope, start: datetime.date, end: datetime.date) -> dict[int, Indicators]:
    """The indicators of each agency in the scope that has figures in the period.

    Two queries whatever the number of agencies (a country has thousands): the figures and the ratings, grouped."""
    sums = _sums(scope.rows().filter(period_filter(start, end)), "agency_id")
    ratings = satisfaction(scope.agency_ids, start, end, group_by="agency_id") if scope.officer_id is None else {}
    return {agency: _indicators(row, ratings.get(agency)) for agency, row in sums.items()}


def by_key(scope: Scope, start: datetime.date, end: datetime.date, key: str, **annotations) -> dict:
    """The figures grouped by ``key``, a field or one of ``annotations`` (the province of each row's agency), in one
    query; without ratings (the caller groups those its own way)."""
    qs = scope.rows().filter(period_filter(start, end)).annotate(**annotations)
    return {value: _indicators(row) for value, row in _sums(qs, key).items()}


def by_month(scope: Scope, start: datetime.date, end: datetime.date) -> list[tuple[datetime.date, Indicators]]:
    """Month by month (each month cut to the period): the charts' series.

    The period's rows (``period_filter``) are exactly its months' rows cut to the period, so one query grouped by
    month gives each month what ``compute`` would for that month alone."""
    rows = scope.rows().filter(period_filter(start, end)).annotate(month=TruncMonth("start"))
    sums = _sums(rows, "month")
    rated = scope.officer_id is None and scope.procedure_ids is None  # ratings are an agency's, not a procedure's
    months_rated = {"month": TruncMonth("created_at")}
    ratings = satisfaction(scope.agency_ids, start, end, group_by="month", **months_rated) if rated else {}
    ratings = {timezone.localdate(moment).replace(day=1): value for moment, value in ratings.items()}
    months = []
    month = _month_start(start)
    while month <= end:
        months.append((month, _indicators(sums.get(month, {}), ratings.get(month))))
        month = _next_month(month)
    return months


def by_officer(agency_id: int, start: datetime.date, end: datetime.date) -> dict[int, Indicators]:
    qs = OfficerFigure.objects.filter(agency_id=agency_id).filter(period_filter(start, end))
    return {officer: _indicators(row) for officer, row in _sums(qs, "officer_id").items()}
