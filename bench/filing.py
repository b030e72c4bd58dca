"""Filing benchmark: records per second through the real filing view, beside the authenticated-upload line.

Each filing is one ``POST /api/v1/records/`` by a logged-in citizen (VNeID level 2)
with the e-form data, validated against the schema, and one 200 KB PDF attachment:
the view prefills from the registry, validates, stores the file, allocates the record
code under its lock and writes the record, its attachment and its history.

The target is measured against the authenticated-upload line, in the same run on the
same gunicorn (2 sync workers, wrk with 4 connections): a view that does only what
every filing must do before its own work (session, CSRF, parsing the same 200 KB
multipart body) and one INSERT. Target: filing >= 35% of that line. Filing and line
are measured in alternating rounds (median of 3) so that machine noise hits both
alike. For context, the same run also measures a bare one-INSERT view, with and
without the filing's 200 KB request body (read, not parsed).

Before the load, a few filings run in this process through the same WSGI handler to
count the SQL queries of one filing. ``--profile [N]`` then profiles N in-process
filings with cProfile (warmed first) and prints where the time goes, by function and
by SQL statement; the raw profile is written to ``$VAR_DIR/bench-filing.prof``.
``--smoke``: one short round, no figure judged (see ``bench/common.py``).
"""

import cProfile
import io
import os
import pstats
import re
import secrets
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import requests
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    SMOKE,
    Request,
    check_smoke_load,
    database_url,
    ensure_database,
    hammer,
    migrate_and_seed,
    port,
    size,
    start_gunicorn,
)

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DATABASE_URL"] = database_url("postgres://postgres@127.0.0.1:5432/portal_bench")
# This process files too (query count, profile): as the servers do, with tasks sent to Redis, DEBUG off.
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
os.environ["DEBUG"] = "false"
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
PORT = port("BENCH_FILING_PORT", 8766)
BASE = f"http://127.0.0.1:{PORT}"
SERVICE = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"
SECONDS = size(int(os.environ.get("BENCH_SECONDS", "5")), 1)
ROUNDS = size(int(os.environ.get("BENCH_ROUNDS", "3")), 1)
TARGET = 0.35


def profile_count() -> int | None:
    """N of ``--profile [N]`` (200 by default, 3 in smoke mode), None without the flag."""
    if "--profile" not in sys.argv:
        return None
    after = sys.argv[sys.argv.index("--profile") + 1 :]
    return int(after[0]) if after and after[0].isdigit() else size(200, 3)


def prepare() -> Request:
    """Demo data, a citizen session at level 2, and the multipart request of one filing."""
    import django

    ensure_database(os.environ["DATABASE_URL"])
    django.setup()
    from allauth.socialaccount.models import SocialAccount
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection

    from eservices.models import OnlineService
    from identity.models import Person, User
    from identity.services import SESSION_CLAIMS_KEY, claims_of
    from identity.vneid.claims import person_claims

    migrate_and_seed()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_insert "
            "(id bigserial PRIMARY KEY, at timestamptz DEFAULT now(), payload text)"
        )
    person = Person.objects.order_by("id_number").first()
    user, _created = User.objects.get_or_create(username="bench-citizen", defaults={"kind": User.Kind.CITIZEN})
    claims = {**person_claims(person), "sub": "bench-sub", "acr": "LoA2"}
    extra_data = {"id_token": claims, "userinfo": claims}
    SocialAccount.objects.update_or_create(
        provider="vneid", uid="bench-sub", defaults={"user": user, "extra_data": extra_data}
    )
    # The session as a VNeID login leaves it (``identity.services.remember_vneid_login``).
    session = SessionStore()
    session.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
            HASH_SESSION_KEY: user.get_session_auth_hash(),
            "vneid_acr": "LoA2",
            "vneid_logged_in": True,
            SESSION_CLAIMS_KEY: {"user": user.pk, "claims": claims_of(extra_data)},
        }
    )
    session.create()
    csrf = secrets.token_hex(16)  # a 32-character secret, accepted as both cookie and header

    service = OnlineService.objects.get(slug=SERVICE)
    component = service.version.components.get(name__startswith="Bản sao giấy tờ pháp lý")
    # A real PDF (uploads are parsed, not just sniffed): one page of noise, which does not compress, ~200 KB.
    page = Image.frombytes("L", (760, 480), os.urandom(760 * 480))
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=72)
    pdf = buffer.getvalue()
    data = (
        '{"business_name": "DNTN Đo Tải", "head_office": "Số 1 Tràng Tiền", "capital": 900000000, '
        '"business_lines": "Bán lẻ", "delivery": "online"}'
    )
    body, content_type = requests.models.RequestEncodingMixin._encode_files(
        {f"component_{component.pk}": ("giay-to.pdf", pdf, "application/pdf")}, {"service": SERVICE, "data": data}
    )
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"
    headers = {"Content-Type": content_type, "Cookie": cookie, "X-CSRFToken": csrf, "Referer": BASE + "/"}
    return Request("POST", body, headers)


class InProcess:
    """Filings through Django's WSGI handler in this process, as a gunicorn worker runs them, SQL recorded."""

    def __init__(self, filing: Request):
        from django.core.handlers.wsgi import WSGIHandler
        from django.db import connection

        self.handler = WSGIHandler()
        self.filing = filing
        self.statements = []  # (sql, seconds) of the requests since the last reset
        connection.execute_wrappers.append(self._record)  # for the life of this process

    def _record(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append((sql, time.perf_counter() - started))

    def file(self) -> None:
        headers = self.filing.headers
        environ = {
            "REQUEST_METHOD": "POST",
            "SCRIPT_NAME": "",
            "PATH_INFO": "/api/v1/records/",
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": str(PORT),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": f"127.0.0.1:{PORT}",
            "CONTENT_TYPE": headers["Content-Type"],
            "CONTENT_LENGTH": str(len(self.filing.body)),
            "HTTP_COOKIE": headers["Cookie"],
            "HTTP_X_CSRFTOKEN": headers["X-CSRFToken"],
            "HTTP_REFERER": headers["Referer"],
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(self.filing.body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        status = []
        response = self.handler(environ, lambda s, h, exc_info=None: status.append(s))
        content = b"".join(response)
        response.close()
        if not status[0].startswith("201"):
            raise SystemExit(f"in-process filing failed: {status[0]} {content[:500]!r}")

    def run(self, count: int) -> tuple[float, float]:
        """(wall, this process's CPU) seconds per filing over ``count`` filings; ``statements`` holds their SQL."""
        self.statements = []
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(count):
            self.file()
        return (time.perf_counter() - wall) / count, (time.process_time() - cpu) / count


def sql_summary(statements, filings: int, top: int = 25) -> str:
    """SQL statements grouped by shape (literals folded), per filing, most time first."""
    groups = defaultdict(lambda: [0, 0.0])
    for sql, seconds in statements:
        shape = re.sub(r'"s\d+_x\d+"', '"…"', sql)  # savepoint names
        shape = re.sub(r"\s+", " ", re.sub(r"'[^']*'|\b\d+\b", "?", shape)).strip()
        shape = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", shape)
        insert = r"^INSERT INTO (\S+) \(.*?\) (VALUES|SELECT) .*?( ON CONFLICT .*| RETURNING .*)?$"
        shape = re.sub(insert, r"INSERT INTO \1 …\3", shape)
        shape = re.sub(r"(%s, )+%s", "%s…", shape)
        groups[shape][0] += 1
        groups[shape][1] += seconds
    lines = [f"{'per filing':>10} {'ms':>6}  statement"]
    for shape, (count, seconds) in sorted(groups.items(), key=lambda kv: -kv[1][1])[:top]:
        lines.append(f"{count / filings:10.1f} {seconds * 1000 / filings:6.2f}  {shape[:150]}")
    return "\n".join(lines)


def profile(in_process: InProcess, count: int) -> None:
    """cProfile ``count`` warmed filings, then print the hot spots and the SQL of one filing."""
    in_process.run(size(20, 1))  # warm caches, connections, imports
    per_filing, cpu = in_process.run(count)
    sql_seconds = sum(s for _sql, s in in_process.statements)
    queries = len(in_process.statements)
    profiler = cProfile.Profile()
    profiler.enable()
    in_process.run(count)
    profiler.disable()
    from django.conf import settings

    out = Path(settings.VAR_DIR) / "bench-filing.prof"
    profiler.dump_stats(out)
    print(
        f"\nprofile: {count} in-process filings, {per_filing * 1000:.1f} ms each without the profiler "
        f"({cpu * 1000:.1f} ms of this process's CPU)"
    )
    print(f"  SQL: {queries / count:.1f} queries per filing, {sql_seconds * 1000 / count:.1f} ms waiting on them")
    print(sql_summary(in_process.statements, count))
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats("cumulative")
    stats.print_stats(60)
    print(f"\nby cumulative time (cProfile; raw profile in {out}):")
    print(stream.getvalue())


def purge_tasks() -> int:
    """The notices the filings queued for the workers: nobody consumes them here."""
    from portal.celery import app

    return app.control.purge()


def main():
    filing = prepare()
    in_process = InProcess(filing)
    in_process.run(size(30, 1))  # the first filings pay the imports and caches
    measured = size(30, 1)
    per_filing, cpu_per_filing = in_process.run(measured)
    queries_per_filing = len(in_process.statements) / measured
    if (count := profile_count()) is not None:
        profile(in_process, count)

    # Tasks go to Redis as in production (nobody consumes them here; the queues are purged afterwards).
    server = start_gunicorn(PORT, CELERY_TASK_ALWAYS_EAGER="false")
    try:
        check = requests.post(BASE + "/api/v1/records/", data=filing.body, headers=filing.headers, timeout=30)
        if check.status_code != 201:
            raise SystemExit(f"filing failed: {check.status_code} {check.text[:500]}")
        filings, uploads, total, refused = [], [], 0, 0
        for _round in range(ROUNDS):
            load = hammer(BASE + "/api/v1/records/", filing, seconds=SECONDS)
            check_smoke_load("filing", load)
            filings.append(load.rate)
            total, refused = total + load.requests, refused + load.errors
            line = hammer(BASE + "/bench/upload/", filing, seconds=SECONDS)
            if line.errors:
                raise SystemExit(f"the authenticated upload view refused {line.errors} of {line.requests} requests")
            uploads.append(line.rate)
        bare_sized = hammer(BASE + "/bench/insert-body/", filing, seconds=SECONDS)
        bare = hammer(BASE + "/bench/insert/", Request("POST"), seconds=SECONDS)
        check_smoke_load("bare one-INSERT view, 200 KB request", bare_sized)
        check_smoke_load("bare one-INSERT view", bare)
    finally:
        server.terminate()
        server.wait()
        purged = purge_tasks()
    filing_rate, upload_rate = statistics.median(filings), statistics.median(uploads)
    ratio = filing_rate / upload_rate
    print()
    print(f"filing benchmark: gunicorn 2 sync workers, wrk 4 connections, {ROUNDS} alternating rounds of {SECONDS} s")
    print(
        f"  filing  POST /api/v1/records/ (schema validation + 200 KB PDF): {filing_rate:7.0f} req/s "
        f"(median; {total} requests, {refused} refused)"
    )
    print(
        f"  authenticated-upload line (session, CSRF, 200 KB multipart, one INSERT): {upload_rate:7.0f} req/s (median)"
    )
    verdict = "PASS" if ratio >= TARGET else "BELOW"
    print(f"  ratio: filing = {ratio:.0%} of the authenticated-upload line (target >= {TARGET:.0%}): {verdict}")
    print(
        f"  context, same run: bare one-INSERT view with the same 200 KB request {bare_sized.rate:.0f} req/s, "
        f"bare one-INSERT view {bare.rate:.0f} req/s (filing = {filing_rate / bare.rate:.0%} of it)"
    )
    print(
        f"  one filing in-process: {queries_per_filing:.0f} SQL queries, {per_filing * 1000:.1f} ms "
        f"({cpu_per_filing * 1000:.1f} ms CPU; `python bench/filing.py --profile` says where it goes); "
        f"{purged} queued tasks purged"
    )
    if SMOKE:
        print("smoke run: too short for the figures to mean anything")
    return 0  # a figure to read, not a gate: the machines are noisy


if __name__ == "__main__":
    sys.exit(main())
