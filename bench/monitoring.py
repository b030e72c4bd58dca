"""Monitoring benchmark: the statistics API over the figures of 10,000,000 records.

Run with ``make bench-monitoring`` (also part of ``make bench``). It loads a separate
database (``portal_bench_mon`` by default) with a country's worth of catalogue (the demo's
provinces, agencies and procedures, completed with generated ones up to 34 provinces,
~3,300 commune agencies and ~200 procedures), then writes the figures that
``monitoring.counting`` would have written for N records spread over the last 400 days (70 in smoke mode),
in bulk: one ``INSERT ... SELECT`` per month for the finest rows (day, agency, procedure,
channel), and the agency rows and month rows summed from them in SQL, so the tables agree
with each other as counting keeps them (received = online + other, finished = on time +
late <= received, and so on). The records table itself stays empty: the dashboards never
read it.

It then starts gunicorn (2 sync workers) and times ``/api/v1/indicators/`` for the
national, a province's and an agency's dashboards over a year and over a month, beside
``/healthz`` (one query, no template) in the same run, and prints p50 and p95 of each.
Slowness is printed, not asserted; an error answer fails the run.
``--smoke``: 20,000 records over a small catalogue, a few requests (see ``bench/common.py``).
"""

import datetime
import os
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import SMOKE, database_url, ensure_database, migrate_and_seed, port, size, start_gunicorn  # noqa: E402

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DATABASE_URL"] = database_url(
    "postgres://postgres@127.0.0.1:5432/portal_bench_mon", env="BENCH_MON_DATABASE_URL"
)
RECORDS = size(int(os.environ.get("BENCH_MON_RECORDS", "10000000")), 20_000)
PROVINCES = size(34, 4)
COMMUNES = size(3300, 40)
PROCEDURES = size(200, 30)
DAYS = size(400, 70)  # the figures cover the last DAYS days up to today
SLOTS = 8  # procedures an agency handles in the figures (the popular ones first)
RUNS = size(int(os.environ.get("BENCH_MON_RUNS", "100")), 3)
WARMUP = size(5, 1)
PORT = port("BENCH_PORT", 8767)
BASE = f"http://127.0.0.1:{PORT}"
# Share of records per channel, and per weekday (Monday first): offices close on Sunday, half on Saturday.
CHANNELS = {"online": 0.55, "counter": 0.40, "postal": 0.05}
WEEKDAYS = [1.0, 1.0, 1.0, 1.0, 1.0, 0.35, 0.05]
PROVINCE_AGENCY_WEIGHT = 12  # a provincial department receives as much as a dozen communes


def prepare():
    """The catalogue and the figures; returns (province code, agency code) to look at."""
    import django

    ensure_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.db import connection
    from django.utils import timezone

    migrate_and_seed()
    complete_catalogue()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_monitoring_loaded (records bigint NOT NULL, at date NOT NULL)")
        cursor.execute("SELECT records, at FROM bench_monitoring_loaded")
        loaded = cursor.fetchone()
    today = timezone.localdate()
    if loaded != (RECORDS, today):
        started = time.perf_counter()
        load_figures(today)
        print(f"figures of {RECORDS:,} records written in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:  # as autovacuum would: the planner knows the catalogue's size
        cursor.execute("ANALYZE")
    return describe()


def complete_catalogue():
    """Provinces, communes with their People's Committee, provincial departments and procedures up to a country's."""
    from django.db import transaction

    from bench.generate import load
    from procedures.constants import AgencyLevel, UnitLevel
    from procedures.models import AdministrativeUnit, Agency, Procedure

    with transaction.atomic():
        provinces = list(AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, retired_on__isnull=True))
        new = [
            AdministrativeUnit(code=f"BP{i:02d}", name=f"Tỉnh Thử nghiệm {i}", level=UnitLevel.PROVINCE)
            for i in range(len(provinces), PROVINCES)
        ]
        provinces += AdministrativeUnit.objects.bulk_create(new)
        for unit in provinces:
            if not Agency.objects.filter(unit=unit, level=AgencyLevel.PROVINCE).exists():
                Agency.objects.create(
                    code=f"BSO-{unit.code}", name=f"Sở Tư pháp {unit.name}", level=AgencyLevel.PROVINCE, unit=unit
                )
        communes = AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, retired_on__isnull=True).count()
        new = [
            AdministrativeUnit(
                code=f"BX{i:05d}",
                name=f"Xã Thử nghiệm {i}",
                level=UnitLevel.COMMUNE,
                parent=provinces[i % len(provinces)],
            )
            for i in range(communes, COMMUNES)
        ]
        AdministrativeUnit.objects.bulk_create(new)
        with_agency = Agency.objects.filter(unit__level=UnitLevel.COMMUNE).values("unit_id")
        bare = AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, retired_on__isnull=True).exclude(
            pk__in=with_agency
        )
        Agency.objects.bulk_create(
            [
                Agency(
                    code=f"BUB-{unit.code}", name=f"Ủy ban nhân dân {unit.name}", level=AgencyLevel.COMMUNE, unit=unit
                )
                for unit in bare
            ]
        )
    missing = PROCEDURES - Procedure.objects.filter(current_version__isnull=False).count()
    if missing > 0:
        load(Procedure.objects.filter(code__startswith="3.").count() + missing)


def load_figures(today: datetime.date):
    """Replace every figure with those of RECORDS generated records (day rows first, the rest summed from them)."""
    from django.db import DatabaseError, connection, transaction

    from monitoring.constants import COUNTERS
    from monitoring.models import AgencyFigure, OfficerFigure, ProcedureFigure
    from procedures.constants import AgencyLevel
    from procedures.models import Agency, Procedure

    agencies = list(Agency.objects.filter(is_active=True).exclude(level=AgencyLevel.CENTRAL).values_list("pk", "level"))
    weights = [PROVINCE_AGENCY_WEIGHT if level == AgencyLevel.PROVINCE else 1 for _, level in agencies]
    procedures = list(
        Procedure.objects.filter(current_version__isnull=False).order_by("pk").values_list("pk", flat=True)
    )
    first_day = today - datetime.timedelta(days=DAYS - 1)
    days = [first_day + datetime.timedelta(days=i) for i in range(DAYS)]
    day_weight = sum(WEEKDAYS[d.weekday()] for d in days)
    slot_weights = [0.75**k for k in range(SLOTS)]
    # Mean records per (day, agency, slot, channel) row = RECORDS × the shares of each; the slot and weekday
    # shares are applied in SQL as factors of ``unit``.
    unit = RECORDS / (sum(weights) * day_weight * sum(slot_weights))
    pf, af = ProcedureFigure._meta.db_table, AgencyFigure._meta.db_table
    counters = ", ".join(COUNTERS)
    sums = ", ".join(f"sum({c})" for c in COUNTERS)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        try:  # as pg_restore does: the ids come from their tables, so the foreign keys' row-by-row checks are skipped
            with transaction.atomic():
                cursor.execute("SET LOCAL session_replication_role = replica")
        except DatabaseError:
            print("  (not a superuser: the foreign keys are checked row by row at commit, which takes minutes)")
        for model in (OfficerFigure, ProcedureFigure, AgencyFigure):
            cursor.execute(f"TRUNCATE {model._meta.db_table}")
        cursor.execute("DROP TABLE IF EXISTS bench_monitoring_loaded")
        month = first_day.replace(day=1)
        while month <= today:
            after = (month + datetime.timedelta(days=32)).replace(day=1)
            cursor.execute(
                DAY_ROWS.format(table=pf, counters=counters),
                {
                    "first": max(month, first_day),
                    "last": min(after - datetime.timedelta(days=1), today),
                    "agencies": [pk for pk, _ in agencies],
                    "weights": weights,
                    "procedures": procedures,
                    "slots": SLOTS,
                    "unit": unit,
                    "weekdays": WEEKDAYS,
                    "channels": list(CHANNELS),
                    "shares": list(CHANNELS.values()),
                    "recent": today - datetime.timedelta(days=30),
                },
            )
            print(f"  {month:%m/%Y}: {cursor.rowcount:,} day rows per agency, procedure and channel")
            month = after
        # What counting writes for the same events: the agency rows and the month rows are sums of the day rows.
        # Table and column names come from the models; there is no parameter.
        cursor.execute(
            f"INSERT INTO {af} (grain, start, agency_id, {counters}) "  # noqa: S608
            f"SELECT 'D', start, agency_id, {sums} FROM {pf} GROUP BY start, agency_id"
        )
        cursor.execute(
            f"INSERT INTO {af} (grain, start, agency_id, {counters}) "  # noqa: S608
            f"SELECT 'M', date_trunc('month', start)::date, agency_id, {sums} FROM {af} "
            "WHERE grain = 'D' GROUP BY 2, agency_id"
        )
        cursor.execute(
            f"INSERT INTO {pf} (grain, start, agency_id, procedure_id, channel, {counters}) "  # noqa: S608
            f"SELECT 'M', date_trunc('month', start)::date, agency_id, procedure_id, channel, {sums} FROM {pf} "
            "WHERE grain = 'D' GROUP BY 2, agency_id, procedure_id, channel"
        )
        cursor.execute("CREATE TABLE bench_monitoring_loaded (records bigint NOT NULL, at date NOT NULL)")
        cursor.execute("INSERT INTO bench_monitoring_loaded VALUES (%s, %s)", [RECORDS, today])
    with connection.cursor() as cursor:  # as autovacuum would, before the dashboards read
        cursor.execute(f"VACUUM ANALYZE {pf}")
        cursor.execute(f"VACUUM ANALYZE {af}")


# One row per (day, agency, procedure slot, channel) that received at least one record. ``received`` follows a
# geometric law of the row's mean (most commune rows are empty, a provincial department's are not); every other
# counter is a share of it, so a row is consistent on its own: online rows receive online, finished = on time +
# late <= received, digitised and fee-charging results are among the results returned, and so on.
DAY_ROWS = """
INSERT INTO {table} (grain, start, agency_id, procedure_id, channel, {counters})
SELECT 'D', day, agency, procedure, channel,
    received,
    CASE WHEN channel = 'online' THEN received ELSE 0 END,
    CASE WHEN channel = 'online' THEN (received * full_online)::int ELSE 0 END,
    (received * 0.3)::int,
    (received * 0.02 + r2 * 0.6)::int,
    (received * 0.08 + r2 * 0.5)::int,
    finished,
    finished - late,
    late,
    finished * (3 + (r2 * 6)::int),
    finished - (finished * 0.04)::int,
    ((finished - (finished * 0.04)::int) * 0.7)::int,
    ((finished - (finished * 0.04)::int) * 0.45)::int,
    ((finished - (finished * 0.04)::int) * 0.45 * CASE WHEN channel = 'online' THEN 0.8 ELSE 0.2 END)::int,
    received - finished,
    ((received - finished) * 0.3)::int
FROM (
    SELECT *, (received * CASE WHEN day > %(recent)s THEN 0.6 ELSE 0.97 END)::int AS finished,
        (received * 0.06 + r2 * 0.4)::int AS late_raw
    FROM (
        SELECT day, agency, channel,
            (%(procedures)s::int[])[1 + (a * 37 + slot) %% cardinality(%(procedures)s::int[])] AS procedure,
            floor(-ln(1 - random()) / ln(1 + 1 / mean))::int AS received,
            random() AS r2,
            0.3 + 0.5 * ((a * 7 + slot) %% 10) / 10.0 AS full_online
        FROM generate_series(%(first)s::date, %(last)s::date, interval '1 day') AS day
        CROSS JOIN unnest(%(agencies)s::int[], %(weights)s::int[]) WITH ORDINALITY AS g(agency, weight, a)
        CROSS JOIN generate_series(0, %(slots)s - 1) AS slot
        CROSS JOIN unnest(%(channels)s::text[], %(shares)s::float8[]) AS c(channel, share)
        CROSS JOIN LATERAL (
            SELECT %(unit)s * weight * share * power(0.75, slot)
                * (%(weekdays)s::float8[])[extract(isodow FROM day)::int] AS mean
        ) AS m
    ) AS drawn
    WHERE received > 0
) AS rows
CROSS JOIN LATERAL (SELECT least(late_raw, finished) AS late) AS l
"""


def describe():
    """The busiest province (most agencies) and agency (most records) to look at, and the totals loaded."""
    from django.db.models import Count, Sum

    from monitoring.models import AgencyFigure, ProcedureFigure
    from procedures.constants import UnitLevel
    from procedures.models import AdministrativeUnit, Agency

    province = (
        AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, retired_on__isnull=True)
        .annotate(n=Count("children__agencies"))
        .order_by("-n", "code")
        .first()
    )
    busiest = (
        AgencyFigure.objects.filter(grain="M")
        .values("agency_id")
        .annotate(n=Sum("received"))
        .order_by("-n", "agency_id")
        .first()
    )
    agency = Agency.objects.get(pk=busiest["agency_id"])
    received = AgencyFigure.objects.filter(grain="M").aggregate(n=Sum("received"))["n"]
    print(
        f"figures: {received:,} records received; {AgencyFigure.objects.count():,} agency rows, "
        f"{ProcedureFigure.objects.count():,} procedure rows; {Agency.objects.count():,} agencies; "
        f"province {province.code} ({province.n} commune agencies), agency {agency.code}"
    )
    return province.code, agency.code


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def latency(session, path, params=None) -> tuple[float, float]:
    """p50 and p95 in ms of RUNS sequential requests (after WARMUP); any answer but 200 stops the run."""
    timings = []
    for i in range(WARMUP + RUNS):
        started = time.perf_counter()
        response = session.get(BASE + path, params=params)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"GET {path} {params}: {response.status_code} {response.text[:500]}")
        if i >= WARMUP:
            timings.append(elapsed)
    return percentile(timings, 0.5), percentile(timings, 0.95)


def main():
    province, agency = prepare()
    from django.utils import timezone

    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    year = {"period": "year", "date": str(today)}
    month = {"period": "month", "date": str(last_month)}
    cases = [
        ("national, year", {"level": "national", **year}),
        ("province, year", {"level": "province", "code": province, **year}),
        ("agency, year", {"level": "agency", "code": agency, **year}),
        (f"national, {last_month:%m/%Y}", {"level": "national", **month}),
        (f"province, {last_month:%m/%Y}", {"level": "province", "code": province, **month}),
        (f"agency, {last_month:%m/%Y}", {"level": "agency", "code": agency, **month}),
        ("national, this month so far", {"level": "national", "period": "month", "date": str(today)}),
    ]
    server = start_gunicorn(PORT)
    results = []
    try:
        with requests.Session() as session:
            ceiling = latency(session, "/healthz")
            for label, params in cases:
                results.append((label, *latency(session, "/api/v1/indicators/", params)))
            national = session.get(BASE + "/api/v1/indicators/", params=cases[0][1]).json()
    finally:
        server.terminate()
        server.wait()
    print(f"\n/api/v1/indicators/, figures of {RECORDS:,} records ({RUNS} requests each, gunicorn 2 sync workers):")
    print(f"{'case':30} {'p50 ms':>8} {'p95 ms':>8} {'p95 / ceiling':>14}")
    print(f"{'ceiling: /healthz (1 query)':30} {ceiling[0]:8.1f} {ceiling[1]:8.1f}")
    for label, p50, p95 in results:
        print(f"{label:30} {p50:8.1f} {p95:8.1f} {p95 / ceiling[1]:13.0f}x")
    worst = max(p95 for _, _, p95 in results)
    print(f"national, year: {national['indicators']['received']:,} received, {len(national['breakdown'])} provinces")
    print(f"worst p95: {worst:.1f} ms (target < 100 ms): {'OK' if worst < 100 else 'OVER TARGET'}")
    if SMOKE:
        print("smoke run: too few records for the figures to mean anything")


if __name__ == "__main__":
    main()
