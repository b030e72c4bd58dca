"""Back-office benchmark: the agency queue with 1,000,000 records, 100,000 of them at one agency.

Run with ``make bench-backoffice`` (also part of ``make bench``). It loads a separate
database (``portal_bench_bo`` by default) with one bulk ``INSERT ... SELECT
generate_series`` per batch, then renders the real queue view through Django's test
client (session with password + TOTP done) and prints p50/p95 unfiltered and
filtered, beside ``/healthz`` (one query, no template) measured in the same run.
"""

import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_BO_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench_bo"
)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
TOTAL = int(os.environ.get("BENCH_RECORDS", "1000000"))
BIG = int(os.environ.get("BENCH_BIG_AGENCY_RECORDS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "200"))
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


def ensure_database(url: str) -> None:
    import psycopg2

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    conn = psycopg2.connect(
        host=parsed.hostname,
        port=parsed.port or 5432,
        user=parsed.username,
        password=parsed.password,
        dbname="postgres",
    )
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def prepare():
    import django

    ensure_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from eservices.models import OnlineService
    from identity.constants import StaffRole
    from identity.models import User
    from identity.services import grant_role
    from procedures.models import Agency
    from records.models import Record

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
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
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")
            start = have
            while start < TOTAL:
                stop = min(TOTAL, start + BATCH)
                cursor.execute(
                    INSERT_SQL,
                    {
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
INSERT_SQL = """
INSERT INTO records_record (
    id, code, service_id, procedure_version_id, agency_id, group_id, state, channel,
    applicant_id, applicant_role, applicant_id_number, applicant_name, subject_name, subject_id_number,
    relationship, filed_by_id, eligibility_answers, form_data, prefilled_fields, replaced_components,
    created_at, updated_at, submitted_at, received_at, expected_result_date, due_date, completed_at,
    assigned_to_id, supplement_requested_at, paused_working_days, new_appointment_date, overdue_since, reminded_for
)
SELECT
    gen_random_uuid(),
    'BENCH-' || lpad(i::text, 8, '0'),
    CASE WHEN i <= %(big)s THEN %(big_service)s
         ELSE (%(service_ids)s::int[])[1 + i %% cardinality(%(service_ids)s::int[])] END,
    CASE WHEN i <= %(big)s THEN %(big_version)s
         ELSE (%(version_ids)s::int[])[1 + i %% cardinality(%(version_ids)s::int[])] END,
    CASE WHEN i <= %(big)s THEN %(big_agency)s
         ELSE (%(others)s::int[])[1 + i %% cardinality(%(others)s::int[])] END,
    NULL,
    s.state,
    CASE WHEN i %% 5 = 0 THEN 'counter' ELSE 'online' END,
    %(applicant)s, 'self', lpad((100000000000 + (i::bigint * 7919) %% 899999999999)::text, 12, '0'),
    'Nguyễn Văn ' || i, '', '', '', NULL, '{}'::jsonb, '{"request": "bench"}'::jsonb, '[]'::jsonb, '{}'::jsonb,
    t.submitted, t.submitted, t.submitted,
    CASE WHEN s.state = 'submitted' THEN NULL ELSE t.submitted + interval '2 hours' END,
    (t.submitted + interval '10 days')::date,
    CASE WHEN s.state IN ('submitted', 'refused', 'withdrawn') THEN NULL
         ELSE (t.submitted + interval '10 days')::date END,
    CASE WHEN s.state IN ('result_returned', 'refused', 'rejected', 'withdrawn')
         THEN t.submitted + interval '8 days' ELSE NULL END,
    CASE WHEN s.state IN ('submitted', 'received') OR i %% 7 = 0 THEN NULL
         ELSE (%(officers)s::int[])[1 + i %% cardinality(%(officers)s::int[])] END,
    NULL, 0, NULL, NULL, NULL
FROM generate_series(%(start)s, %(stop)s) AS i
CROSS JOIN LATERAL (
    SELECT (%(states)s::text[])[1 + (i * 31) %% cardinality(%(states)s::text[])] AS state
) AS s
CROSS JOIN LATERAL (SELECT now() - (i %% 400) * interval '1 day' - (i %% 86400) * interval '1 second' AS submitted) AS t
"""


def measure(client, url, runs=RUNS):
    for _ in range(10):
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
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from django.test import Client

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
    some = Record.objects.filter(agency=big).order_by("-submitted_at").values_list("code", "applicant_id_number")[500]
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


if __name__ == "__main__":
    main()
