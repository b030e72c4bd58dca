"""The dashboards read the figures in a few grouped queries, whatever the number of agencies and months (a country
has thousands of agencies: one query each made the national page take seconds), and the grouped reads give what
reading each agency or month alone gives."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from monitoring import reports
from monitoring.constants import Grain
from monitoring.indicators import Scope, by_agency, by_month, compute
from monitoring.models import AgencyFigure
from procedures.constants import AgencyLevel
from procedures.models import Agency

pytestmark = pytest.mark.django_db

DAYS = [datetime.date(2026, 1, 3) + datetime.timedelta(days=i) for i in range(0, 100, 3)]  # 3 Jan – 8 Apr


def agencies(count: int) -> list[Agency]:
    return [
        Agency.objects.create(code=f"GR-{i}-{count}", name=f"Cơ quan {i}", level=AgencyLevel.CENTRAL)
        for i in range(count)
    ]


def fill(agency: Agency, salt: int = 0) -> None:
    """Day rows, and the month rows that sum them, as counting writes them."""
    months: dict = {}
    for i, day in enumerate(DAYS):
        counts = {"received": 3 + (i + salt) % 5, "received_online": 1 + (i + salt) % 3, "finished": 2 + i % 2}
        AgencyFigure.objects.create(grain=Grain.DAY, start=day, agency=agency, **counts)
        month = months.setdefault(day.replace(day=1), dict.fromkeys(counts, 0))
        for name, value in counts.items():
            month[name] += value
    for start, counts in months.items():
        AgencyFigure.objects.create(grain=Grain.MONTH, start=start, agency=agency, **counts)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.date(2026, 1, 15), datetime.date(2026, 3, 10)),  # cut months at both edges, a whole one between
        (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),  # whole months only
        (datetime.date(2026, 2, 5), datetime.date(2026, 2, 20)),  # inside one month
        (datetime.date(2026, 1, 20), datetime.date(2026, 2, 28)),  # ends on a month's last day
        (datetime.date(2025, 12, 1), datetime.date(2026, 5, 31)),  # months with no figures at either end
    ],
)
def test_month_by_month_in_one_query_gives_each_month_cut_to_the_period(start, end):
    first, second = agencies(2)
    fill(first)
    fill(second, salt=2)
    for scope in (Scope(), Scope(agency_ids=(first.pk,))):
        months = by_month(scope, start, end)
        expected = []
        month = start.replace(day=1)
        while month <= end:
            after = (month + datetime.timedelta(days=32)).replace(day=1)
            cut = compute(scope, max(month, start), min(after - datetime.timedelta(days=1), end))
            expected.append((month, cut.as_dict()))
            month = after
        assert [(month, value.as_dict()) for month, value in months] == expected
    assert sum(value.received for _, value in by_month(Scope(), start, end)) == compute(Scope(), start, end).received


def test_each_agency_in_one_query_gives_what_it_gives_alone():
    some = agencies(3)
    for i, agency in enumerate(some):
        fill(agency, salt=i)
    start, end = datetime.date(2026, 1, 15), datetime.date(2026, 3, 10)
    grouped = by_agency(Scope(), start, end)
    assert set(grouped) == {agency.pk for agency in some}
    for agency in some:
        assert grouped[agency.pk].as_dict() == compute(Scope(agency_ids=(agency.pk,)), start, end).as_dict()


def queries_of_national_dashboard() -> int:
    period = reports.period_of("year", datetime.date(2026, 3, 1))
    with CaptureQueriesContext(connection) as queries:
        data = reports.dashboard(reports.target("national"), period)
    assert data["indicators"]["received"] > 0
    return len(queries)


def test_the_national_dashboard_takes_as_many_queries_for_forty_agencies_as_for_two():
    for agency in agencies(2):
        fill(agency)
    few = queries_of_national_dashboard()
    for agency in agencies(38):
        fill(agency)
    assert queries_of_national_dashboard() == few


def test_the_country_summed_per_province_in_sql_gives_each_province_dashboard_and_the_whole_country():
    from procedures.constants import UnitLevel
    from procedures.models import AdministrativeUnit

    north = AdministrativeUnit.objects.create(code="GR91", name="Tỉnh Bắc", level=UnitLevel.PROVINCE)
    south = AdministrativeUnit.objects.create(code="GR92", name="Tỉnh Nam", level=UnitLevel.PROVINCE)
    commune = AdministrativeUnit.objects.create(code="GR9101", name="Xã Một", level=UnitLevel.COMMUNE, parent=north)
    places = [(north, AgencyLevel.PROVINCE), (commune, AgencyLevel.COMMUNE), (south, AgencyLevel.PROVINCE)]
    for i, (unit, level) in enumerate(places):
        fill(Agency.objects.create(code=f"GR-P{i}", name=f"Cơ quan {i}", level=level, unit=unit), salt=i)
    fill(agencies(1)[0], salt=7)  # a central agency: in the country's total, under no province
    period = reports.period_of("range", start=datetime.date(2026, 1, 15), end=datetime.date(2026, 3, 10))
    national = reports.dashboard(reports.target("national"), period)
    rows = {item["code"]: item for item in national["breakdown"]}
    assert set(rows) == {"GR91", "GR92"}
    for code in rows:
        province = reports.dashboard(reports.target("province", code), period)
        assert {k: v for k, v in rows[code].items() if k not in ("code", "name")} == {
            **province["indicators"],
            "score": province["score"]["score"],
        }
    assert national["indicators"] == compute(Scope(), period.start, period.end).as_dict()
    assert national["indicators"]["received"] > rows["GR91"]["received"] + rows["GR92"]["received"]
