"""Back-office benchmark: the agency queue with 1,000,000 records, 100,000 of them at one agency.

Run with ``make bench-backoffice`` (also part of ``make bench``). It loads a separate
database (``portal_bench_bo`` by default) with one bulk ``INSERT ... SELECT
generate_series`` per batch, then renders the real queue view through Django's test
client (session with password + TOTP done) and prints p50/p95 unfiltered and
filtered, beside ``/healthz`` (one query, no template) measured in the same run.

The bulk insert is built from the ``Record`` model: the columns the load varies are
computed in SQL (``COMPUTED``), every other column takes what the ORM would store for
a new record (its default, ``now()`` for automatic timestamps, NULL when nullable),
so a column added to the model cannot be forgotten here. A new column that is NOT NULL
with no default stops the load with its name.
``--smoke``: 2,000 records and a few requests per case, no figure judged (see ``bench/common.py``).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import SMOKE, database_url, ensure_database, migrate_and_seed, size  # noqa: E402

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DATABASE_URL"] = database_url(
    "postgres://postgres@127.0.0.1:5432/portal_bench_bo", env="BENCH_BO_DATABASE_URL"
)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
TOTAL = size(int(os.environ.get("BENCH_RECORDS", "1000000")), 2000)
BIG = min(size(int(os.environ.get("BENCH_BIG_AGENCY_RECORDS", "100000")), 1000), TOTAL)
RUNS = size(int(os.environ.get("BENCH_RUNS", "200")), 3)
WARMUP = size(10, 1)
BATCH = 250_000

STATES = [  # (state, weight): a mature system holds mostly finished records
    ("submitted", 4),
    ("received", 3),
    ("in_processing", 8),
    ("supplement_requested", 2),
    ("transferred", 1),
    ("approved", 2),
    ("refused", 2),
    ("rejected", 2),
    ("result_returned", 72),
    ("withdrawn", 4),
]


def prepare():
    import django

    ensure_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.db import connection

    from eservices.models import OnlineService
    from identity.constants import StaffRole
    from identity.models import User
    from identity.services import grant_role
    from procedures.models import Agency
    from records.models import Record

    migrate_and_seed()
    services = list(OnlineService.objects.select_related("version").order_by("pk"))
    big_service = next(s for s in services if s.version.agencies.exists())
    big = big_service.version.agencies.order_by("pk").first()
    others = list(Agency.objects.exclude(pk=big.pk).order_by("pk").values_list("pk", flat=True))
    applicant, _ = User.objects.get_or_create(username="bench-citizen", defaults={"kind": User.Kind.CITIZEN})
    officers = []
    for i in range(5):
        user, _ = User.objects.get_or_create(username=f"bench-officer-{i}", defaults={"kind": User.Kind.STAFF})
        grant_role(user, big, StaffRole.PROCESSOR if i else StaffRole.AGENCY_HEAD)
        officers.append(user.pk)

    have = Record.objects.count()
    if have < TOTAL:
        started = time.perf_counter()
        weights = []
        for state, weight in STATES:
            weights += [state] * weight
        sql, defaults = insert_sql(Record, connection)
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")
            start = have
            while start < TOTAL:
                stop = min(TOTAL, start + BATCH)
                cursor.execute(
                    sql,
                    {
                        **defaults,
                        "start": start + 1,
                        "stop": stop,
                        "big": BIG,
                        "big_agency": big.pk,
                        "big_service": big_service.pk,
                        "big_version": big_service.version_id,
                        "others": others,
                        "service_ids": [s.pk for s in services],
                        "version_ids": [s.version_id for s in services],
                        "states": weights,
                        "applicant": applicant.pk,
                        "officers": officers,
                    },
                )
                start = stop
        # As autovacuum would: the visibility map lets the per-state counts use index-only scans.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE records_record")
        print(f"loaded {TOTAL - have:,} records in {time.perf_counter() - started:.1f} s")
    print(f"records: {Record.objects.count():,}; agency {big.code}: {Record.objects.filter(agency=big).count():,}")
    return big, officers[0]


# Record i (1-based): the first BIG go to the big agency, the rest round-robin over the others.
# SQL for each column the load varies, over i (the row number), s.state and t.submitted.
COMPUTED = {
    "id": "gen_random_uuid()",
    "code": "'BENCH-' || lpad(i::text, 8, '0')",
    "service_id": """CASE WHEN i <= %(big)s THEN %(big_service)s
        ELSE (%(service_ids)s::int[])[1 + i %% cardinality(%(service_ids)s::int[])] END""",
    "procedure_version_id": """CASE WHEN i <= %(big)s THEN %(big_version)s
        ELSE (%(version_ids)s::int[])[1 + i %% cardinality(%(version_ids)s::int[])] END""",
    "agency_id": """CASE WHEN i <= %(big)s THEN %(big_agency)s
        ELSE (%(others)s::int[])[1 + i %% cardinality(%(others)s::int[])] END""",
    "state": "s.state",
    "channel": "CASE WHEN i %% 5 = 0 THEN 'counter' ELSE 'online' END",
    "applicant_id": "%(applicant)s",
    "applicant_id_number": "lpad((100000000000 + (i::bigint * 7919) %% 899999999999)::text, 12, '0')",
    "applicant_name": "'Nguyễn Văn ' || i",
    # What Record.save keeps (folded code, name, ID number): the queue's search looks here.
    "search_text": """lower('BENCH-' || lpad(i::text, 8, '0')) || ' nguyen van ' || i || ' '
        || lpad((100000000000 + (i::bigint * 7919) %% 899999999999)::text, 12, '0')""",
    "form_data": """'{"request": "bench"}'::jsonb""",
    "created_at": "t.submitted",
    "updated_at": "t.submitted",
    "submitted_at": "t.submitted",
    "received_at": "CASE WHEN s.state = 'submitted' THEN NULL ELSE t.submitted + interval '2 hours' END",
    "expected_result_date": "(t.submitted + interval '10 days')::date",
    "due_date": """CASE WHEN s.state IN ('submitted', 'refused', 'withdrawn') THEN NULL
        ELSE (t.submitted + interval '10 days')::date END""",
    "completed_at": """CASE WHEN s.state IN ('result_returned', 'refused', 'rejected', 'withdrawn')
        THEN t.submitted + interval '8 days' ELSE NULL END""",
    "assigned_to_id": """CASE WHEN s.state IN ('submitted', 'received') OR i %% 7 = 0 THEN NULL
        ELSE (%(officers)s::int[])[1 + i %% cardinality(%(officers)s::int[])] END""",
}

FROM_SQL = """
FROM generate_series(%(start)s, %(stop)s) AS i
CROSS JOIN LATERAL (
    SELECT (%(states)s::text[])[1 + (i * 31) %% cardinality(%(states)s::text[])] AS state
) AS s
CROSS JOIN LATERAL (SELECT now() - (i %% 400) * interval '1 day' - (i %% 86400) * interval '1 second' AS submitted) AS t
"""


def insert_sql(model, connection) -> tuple[str, dict]:
    """``INSERT ... SELECT`` of every concrete column of ``model``, and the parameters of its defaults.

    A column in ``COMPUTED`` takes that SQL; any other takes what the ORM would store for a new
    instance that does not set it: the field's default, ``now()`` for ``auto_now``/``auto_now_add``,
    NULL when nullable; a database default (``db_default``) is left to the database.
    """
    from django.db.models import NOT_PROVIDED

    fields = model._meta.concrete_fields
    gone = set(COMPUTED) - {f.column for f in fields}
    if gone:
        raise SystemExit(f"bench/backoffice.py computes columns {model._meta.db_table} no longer has: {sorted(gone)}")
    columns, values, params = [], [], {}
    for f in fields:
        if f.column in COMPUTED:
            value = COMPUTED[f.column]
        elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = "now()"
        elif getattr(f, "db_default", NOT_PROVIDED) is not NOT_PROVIDED:
            continue
        elif f.unique and f.get_default() is not None:
            raise SystemExit(
                f"bench/backoffice.py: {model._meta.db_table}.{f.column} is unique: give it SQL in COMPUTED "
                "(one default for every row would collide)"
            )
        else:
            default = f.get_default()  # what Model() holds: "" for a text field without default, else None
            if default is None and not f.null:
                raise SystemExit(
                    f"bench/backoffice.py: {model._meta.db_table}.{f.column} is NOT NULL and has no default: "
                    "give it SQL in COMPUTED"
                )
            if default is None:
                value = "NULL"
            else:
                name = f"default_{f.column}"
                params[name] = f.get_db_prep_save(default, connection)
                value = f"%({name})s::{f.cast_db_type(connection)}"
        columns.append(connection.ops.quote_name(f.column))
        values.append(value)
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({', '.join(columns)})\nSELECT\n    " + ",\n    ".join(values) + FROM_SQL
    return sql, params


def measure(client, url, runs=RUNS):
    for _ in range(WARMUP):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:500])
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    big, officer_id = prepare()
    from datetime import timedelta

    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from django.test import Client
    from django.utils import timezone

    from identity.models import User
    from records import selectors
    from records.models import Record

    client = Client()
    client.force_login(User.objects.get(pk=officer_id))
    session = client.session
    # As allauth leaves the session after password + TOTP (the login itself is not what is measured).
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "mfa", "type": "totp", "at": time.time()}]
    session["account_authentication_methods_user"] = str(officer_id)
    session.save()

    started = time.perf_counter()
    selectors.state_counts(big, fresh=True)
    counts_ms = (time.perf_counter() - started) * 1000
    some = (
        Record.objects.filter(agency=big)
        .order_by("-submitted_at")
        .values_list("code", "applicant_id_number", "applicant_name")[500]
    )
    number = some[2].rsplit(" ", 1)[-1]  # "Nguyễn Văn 12345" is typed "nguyen van 12345"
    today = timezone.localdate()
    base = f"/backoffice/agencies/{big.code}/"
    cases = [
        ("unfiltered (newest first)", base),
        ("state=in_processing", base + "?state=in_processing"),
        ("overdue, by due date", base + "?due=overdue&sort=due"),
        ("due soon", base + "?due=soon"),
        ("assigned to me", base + "?mine=1"),
        ("channel=counter, page 20", base + "?channel=counter&page=20"),
        ("search by record code", base + f"?q={some[0]}"),
        ("search by ID number", base + f"?q={some[1]}"),
        ("search by name, no accents", base + f"?q=nguyen+van+{number}"),
        ("search by part of code, lower", base + f"?q={some[0][-7:].lower()}"),
        ("common name, all records", base + "?q=nguyen+van"),
        (
            "filed in a 7-day range",
            base + f"?date_from={today - timedelta(days=37)}&date_to={today - timedelta(days=30)}",
        ),
        ("open records by due date", base + "?sort=due"),
    ]
    print(f"\nqueue page of {big.code} ({RUNS} requests each, Django test client, in-process):")
    print(f"{'case':32} {'p50 ms':>8} {'p95 ms':>8}")
    ceiling = measure(client, "/healthz")
    print(f"{'ceiling: /healthz (1 query)':32} {ceiling[0]:8.1f} {ceiling[1]:8.1f}")
    worst = 0
    for label, url in cases:
        p50, p95 = measure(client, url)
        worst = max(worst, p95)
        print(f"{label:32} {p50:8.1f} {p95:8.1f}")
    print(f"per-state counts, uncached (one grouped query): {counts_ms:.1f} ms; cached {selectors.COUNTS_TTL} s")
    print(f"worst p95: {worst:.1f} ms (target < 50 ms): {'OK' if worst < 50 else 'OVER TARGET'}")
    if SMOKE:
        print("smoke run: too few records for the figures to mean anything")


if __name__ == "__main__":
    main()
