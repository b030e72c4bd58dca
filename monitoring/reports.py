"""What the statistics pages, the exports and the API show: a scope's indicators and score for a period, month by
month, broken down one level further (the country by province, a province by agency, an agency by procedure), and
the ranking of provinces and agencies by score. Everything is read from the figures, never from the records.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Case, F, Q, Sum, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from feedback.selectors import feedback_handling, satisfaction
from procedures.constants import UnitLevel
from procedures.models import AdministrativeUnit, Agency, Procedure, ProcedureVersion, Sector

from . import indicators
from .constants import COUNTERS
from .indicators import Indicators, Scope
from .score import score

LEVELS = {
    "national": gettext_lazy("Toàn quốc"),
    "province": gettext_lazy("Tỉnh, thành phố"),
    "agency": gettext_lazy("Cơ quan"),
    "sector": gettext_lazy("Lĩnh vực"),
    "procedure": gettext_lazy("Thủ tục hành chính"),
}
# A procedure's or a sector's figures across the agencies: ratings and feedback are an agency's, not a procedure's,
# so their satisfaction parts are left unmeasured there rather than borrowed from the agencies.
BY_PROCEDURE = {"sector", "procedure"}
PERIODS = {
    "day": gettext_lazy("Ngày"),
    "month": gettext_lazy("Tháng"),
    "quarter": gettext_lazy("Quý"),
    "year": gettext_lazy("Năm"),
    "range": gettext_lazy("Khoảng thời gian"),
}
MAX_RANGE_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime.date
    end: datetime.date

    @property
    def label(self) -> str:
        if self.start == self.end:
            return self.start.strftime("%d/%m/%Y")
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


def period_of(kind: str = "year", day: datetime.date | None = None, start=None, end=None) -> Period:
    """The period of ``kind`` containing ``day`` (default today), or the range ``start``–``end``."""
    day = day or timezone.localdate()
    if kind == "day":
        return Period(kind, day, day)
    if kind == "month":
        return Period(kind, day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]))
    if kind == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        last = first + 2
        return Period(
            kind,
            datetime.date(day.year, first, 1),
            datetime.date(day.year, last, calendar.monthrange(day.year, last)[1]),
        )
    if kind == "year":
        return Period(kind, datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31))
    if kind == "range":
        if start is None or end is None:
            raise ValidationError(_("Hãy chọn cả ngày bắt đầu và ngày kết thúc."))
        if end < start:
            raise ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."))
        if (end - start).days > MAX_RANGE_DAYS:
            raise ValidationError(_("Khoảng thời gian dài nhất là 3 năm; hãy chọn khoảng ngắn hơn."))
        return Period(kind, start, end)
    raise ValidationError(_("Kỳ báo cáo không hợp lệ: hãy chọn ngày, tháng, quý, năm hoặc khoảng thời gian."))


def province_of(agency: Agency) -> AdministrativeUnit | None:
    unit = agency.unit
    if unit is None:
        return None
    return unit if unit.level == UnitLevel.PROVINCE else unit.parent


def provinces():
    return AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, retired_on__isnull=True).order_by("name")


@dataclass
class Target:
    """What a dashboard is about."""

    level: str
    code: str
    name: str
    scope: Scope


def target(level: str = "national", code: str = "") -> Target:
    """The scope of a dashboard, or ValidationError saying what to choose."""
    if level == "national":
        return Target(level, "", str(LEVELS["national"]), Scope())
    if level == "province":
        unit = provinces().filter(code=code).first()
        if unit is None:
            raise ValidationError(_("Không tìm thấy tỉnh, thành phố có mã “%(code)s”.") % {"code": code})
        # The agencies ``province_of`` puts under this province.
        agencies = Agency.objects.filter(Q(unit=unit) | Q(unit__parent=unit)).order_by("pk")
        ids = tuple(agencies.values_list("pk", flat=True))
        return Target(level, unit.code, unit.name, Scope(agency_ids=ids))
    if level == "agency":
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise ValidationError(_("Không tìm thấy cơ quan có mã “%(code)s”.") % {"code": code})
        return Target(level, agency.code, agency.name, Scope(agency_ids=(agency.pk,)))
    if level == "procedure":
        procedure = Procedure.objects.filter(code=code).select_related("current_version").first()
        if procedure is None:
            raise ValidationError(_("Không tìm thấy thủ tục có mã “%(code)s”.") % {"code": code})
        name = procedure.current_version.name if procedure.current_version else procedure.code
        return Target(level, procedure.code, name, Scope(procedure_ids=(procedure.pk,)))
    if level == "sector":
        sector = Sector.objects.filter(code=code).first()
        if sector is None:
            raise ValidationError(_("Không tìm thấy lĩnh vực có mã “%(code)s”.") % {"code": code})
        ids = tuple(sorted(set(ProcedureVersion.objects.filter(sector=sector).values_list("procedure_id", flat=True))))
        return Target(level, sector.code, sector.name, Scope(procedure_ids=ids))
    raise ValidationError(
        _("Phạm vi không hợp lệ: hãy chọn toàn quốc, tỉnh, thành phố, cơ quan, lĩnh vực hoặc thủ tục.")
    )


# --- Ratings and feedback, grouped per agency ----------------------------------------------


def _province_of(agency: str):
    """The province of the agency at ``agency`` (a relation's path), in SQL, as ``province_of`` gives it."""
    return Case(
        When(**{f"{agency}__unit__level": UnitLevel.PROVINCE}, then=F(f"{agency}__unit_id")),
        default=F(f"{agency}__unit__parent_id"),
    )


def _feedback_by(agency_ids, period: Period, key: str = "agency_id", **annotations) -> tuple[dict, dict]:
    """(ratings, feedback handling) per agency, or per ``key`` of ``annotations`` (the province:
    ``province=_province_of("agency")``): the feedback app's own rules, one query each."""
    grouping = {"group_by": key, **annotations}
    return (
        satisfaction(agency_ids, period.start, period.end, **grouping),
        feedback_handling(agency_ids, period.start, period.end, **grouping),
    )


def _merge(items) -> tuple[Indicators, dict]:
    """Sum indicators and feedback handling of several agencies."""
    counts, ratings, satisfied, received, on_time = Counter(), 0, 0, 0, 0
    for value, feedback in items:
        counts.update(value.counts)
        ratings += value.ratings
        satisfied += value.satisfied
        received += feedback.get("received", 0)
        on_time += feedback.get("answered_on_time", 0)
    handling = {
        "received": received,
        "answered_on_time": on_time,
        "on_time_rate": on_time / received if received else None,
    }
    return Indicators(counts, ratings, satisfied), handling


def _per_agency(scope: Scope, period: Period, with_feedback: bool = True) -> dict:
    """Each agency's indicators and feedback handling (of the scope's procedures, when it names some)."""
    values = indicators.by_key(scope, period.start, period.end, "agency_id")
    feedback = _feedback_by(scope.agency_ids, period) if with_feedback else ({}, {})
    return _with_feedback(values, *feedback)


def _figures_by_province(period: Period) -> dict:
    """The country's figures summed per province (None: central agencies), in one query of a few dozen rows.

    Summed per agency first, then per province: PostgreSQL hashes the agency ids it knows (a few thousand groups)
    where grouping the figure rows by the province expression directly made it sort every row (4 times slower)."""
    per_agency = (
        Scope()
        .rows()
        .filter(indicators.period_filter(period.start, period.end))
        .values("agency_id")
        .annotate(**{name: Sum(name) for name in COUNTERS})
        .order_by()
    )
    inner, params = per_agency.query.sql_with_params()
    sums = ", ".join(f"sum(f.{name})" for name in COUNTERS)
    agency, unit = Agency._meta.db_table, AdministrativeUnit._meta.db_table
    # Names come from the models' own metadata; every value is a parameter.
    sql = (
        f"SELECT CASE WHEN u.level = %s THEN a.unit_id ELSE u.parent_id END, {sums} "  # noqa: S608
        f"FROM ({inner}) AS f JOIN {agency} AS a ON a.id = f.agency_id LEFT JOIN {unit} AS u ON u.id = a.unit_id "
        "GROUP BY 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (UnitLevel.PROVINCE, *params))
        rows = cursor.fetchall()
    return {
        row[0]: Indicators(Counter({n: int(v or 0) for n, v in zip(COUNTERS, row[1:], strict=True)})) for row in rows
    }


def _per_province(period: Period) -> dict:
    """Each province's indicators and feedback handling (None: the central agencies')."""
    feedback = _feedback_by(None, period, "province", province=_province_of("agency"))
    return _with_feedback(_figures_by_province(period), *feedback)


def _with_feedback(values: dict, ratings: dict, handled: dict) -> dict:
    result = {}
    for agency_id in set(values) | set(ratings) | set(handled):
        value = values.get(agency_id) or Indicators()
        rated = ratings.get(agency_id, {})
        value.ratings, value.satisfied = rated.get("ratings", 0), rated.get("satisfied", 0)
        result[agency_id] = (value, dict(handled.get(agency_id, {})))
    return result


def row(code: str, name: str, value: Indicators, feedback: dict) -> dict:
    return {"code": code, "name": name, **value.as_dict(), "score": score(value, feedback).score}


def dashboard(target: Target, period: Period) -> dict:
    """Everything a statistics page shows for ``target`` in ``period``.

    The country is summed per province in SQL (34 rows, not one per agency: a country has thousands)."""
    if target.level == "national":
        per_agency = _per_province(period)
    else:
        per_agency = _per_agency(target.scope, period, with_feedback=target.level not in BY_PROCEDURE)
    total, feedback = _merge(per_agency.values())
    breakdown = []
    if target.level == "national":
        units = {unit.pk: unit for unit in provinces()}
        for unit_id, item in per_agency.items():
            unit = units.get(unit_id)
            if unit is not None:
                breakdown.append(row(unit.code, unit.name, *item))
    elif target.level in ("province", "procedure"):
        agencies = {
            pk: (code, name)
            for pk, code, name in Agency.objects.filter(pk__in=per_agency).values_list("pk", "code", "name")
        }
        breakdown = [row(*agencies[pk], *item) for pk, item in per_agency.items()]
    else:
        breakdown = _by_procedure(target.scope, period)
    breakdown.sort(key=lambda item: (-item["received"], item["name"]))
    months = indicators.by_month(
        Scope(agency_ids=target.scope.agency_ids, procedure_ids=target.scope.procedure_ids), period.start, period.end
    )
    return {
        "target": {"level": target.level, "code": target.code, "name": target.name},
        "period": {"kind": period.kind, "start": period.start, "end": period.end},
        "indicators": total.as_dict(),
        "feedback": feedback,
        "score": score(total, feedback).as_dict(),
        "months": [{"month": month, **value.as_dict()} for month, value in months],
        "breakdown": breakdown,
    }


def _by_procedure(scope: Scope, period: Period) -> list[dict]:
    from django.db.models import Sum

    from .constants import COUNTERS
    from .models import ProcedureFigure

    qs = ProcedureFigure.objects.filter(indicators.period_filter(period.start, period.end))
    if scope.agency_ids is not None:
        qs = qs.filter(agency_id__in=scope.agency_ids)
    if scope.procedure_ids is not None:
        qs = qs.filter(procedure_id__in=scope.procedure_ids)
    sums = qs.values("procedure_id").annotate(**{name: Sum(name) for name in COUNTERS}).order_by()
    procedures = {p.pk: p for p in Procedure.objects.filter(pk__in=[s["procedure_id"] for s in sums])}
    rows = []
    for item in sums:
        procedure = procedures[item.pop("procedure_id")]
        value = Indicators(Counter({k: int(v or 0) for k, v in item.items()}))
        rows.append(
            row(
                procedure.code,
                procedure.current_version.name if procedure.current_version else procedure.code,
                value,
                {},
            )
        )
    return rows


def ranking(level: str, period: Period, province_code: str = "") -> list[dict]:
    """Provinces (or the agencies of one province, or of all) ranked by score, the best first; unscored last."""
    if level == "province":
        rows = dashboard(target("national"), period)["breakdown"]
    else:
        scope = target("province", province_code).scope if province_code else Scope()
        per_agency = _per_agency(scope, period)
        agencies = {a.pk: a for a in Agency.objects.filter(pk__in=per_agency)}
        rows = [row(agencies[pk].code, agencies[pk].name, *item) for pk, item in per_agency.items()]
    rows.sort(key=lambda item: (item["score"] is None, -(item["score"] or 0), item["name"]))
    for position, item in enumerate(rows, start=1):
        item["rank"] = position if item["score"] is not None else None
    return rows
