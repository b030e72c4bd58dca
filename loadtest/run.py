"""``make loadtest``: the real journeys (``loadtest/locustfile.py``) against gunicorn + PostgreSQL + Redis + a Celery
worker on this machine, for a bounded time, on 127.0.0.1.

It migrates and seeds its own database (``portal_load``, ``LOADTEST_DATABASE_URL``), sets the officer's TOTP up,
starts gunicorn (``LOADTEST_WORKERS`` workers of ``LOADTEST_THREADS`` threads: the portal calls the simulated
VNeID and PayGov over HTTP on the same server, so a worker waiting for its own answer must not hold the only
thread) and a Celery worker, runs ``locust --headless`` for ``LOADTEST_SECONDS`` with ``LOADTEST_USERS`` users,
prints each step's requests, failures, throughput and p50/p95/p99 and the whole journeys, stops everything and
exits 1 if any request failed or no journey was completed.

``--smoke``: a database of its own (created, then dropped), 2 users for a few seconds: the test suite runs it
(``tests/test_loadtest_smoke.py``) so that the load test cannot rot.
"""

import csv
import io
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import connect_maintenance, ensure_database, free_port  # noqa: E402

SMOKE = "--smoke" in sys.argv[1:]
USERS = int(os.environ.get("LOADTEST_USERS", "2" if SMOKE else "8"))
SPAWN_RATE = float(os.environ.get("LOADTEST_SPAWN_RATE", str(USERS)))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "8" if SMOKE else "60"))
WORKERS = int(os.environ.get("LOADTEST_WORKERS", "2" if SMOKE else "3"))
THREADS = int(os.environ.get("LOADTEST_THREADS", "4"))
PORT = int(os.environ.get("LOADTEST_PORT") or (free_port() if SMOKE else 8790))
BASE = f"http://127.0.0.1:{PORT}"
SERVICE = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"  # full online, fee paid at filing, one PDF to attach
OFFICER = "tiepnhan.so"  # receives it at Sở Tài chính thành phố Hà Nội
HANOI = "01"
BIN = ROOT / ".venv" / "bin"


def database_url() -> tuple[str, str | None]:
    """(the load test's database, the name to drop at the end or None)."""
    url = os.environ.get("LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_load")
    if not SMOKE:
        return url, None
    parsed = urlparse(url)
    name = f"portal_load_smoke_{os.getpid()}_{secrets.token_hex(3)}"
    return urlunparse(parsed._replace(path="/" + name)), name


def server_env(url: str, var: Path) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12"),
        "PORTAL_BASE_URL": BASE,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "false",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        # Behind one (simulated) proxy: each Locust user is a citizen at an address of their own.
        "NUM_PROXIES": "1",
        "VAR_DIR": str(var),
        "MEDIA_ROOT": str(var / "media"),
        "VNEID_SMS_FILE_PATH": str(var / "vneid-sms.log"),
        "SMS_FILE_PATH": str(var / "sms.log"),
        "LOG_LEVEL": os.environ.get("LOADTEST_LOG_LEVEL", "WARNING"),
        "PYTHONUNBUFFERED": "1",
    }
    if SMOKE:
        # bench.settings: the demo registry seeded with a fast password hasher (seeding takes seconds, not minutes).
        env.update(DJANGO_SETTINGS_MODULE="bench.settings", BENCH_SMOKE="1")
    else:
        env.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    return env


def prepare(env: dict, var: Path) -> Path:
    """Migrate and seed; the OIDC client at this address; the officer's TOTP; the users' fixture file."""
    os.environ.update(env)
    import django

    ensure_database(env["DATABASE_URL"])
    django.setup()
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.core.management import call_command
    from django.db.models import Q

    from demo.accounts import DEMO_PASSWORD
    from eservices.models import OnlineService
    from identity.constants import AssuranceLevel
    from identity.models import Person, StaffMembership, User
    from identity.vneid.clients import register_portal_client

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())
    register_portal_client()
    name = env["DATABASE_URL"].rsplit("/", 1)[-1]
    print(f"database {name} migrated and seeded in {time.perf_counter() - started:.0f} s")

    officer = User.objects.get(username=OFFICER)
    Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).delete()
    secret = generate_totp_secret()
    TOTP.activate(officer, secret)
    agency = StaffMembership.objects.filter(user=officer).values_list("agency__code", flat=True).first()

    service = OnlineService.objects.select_related("version__procedure").get(slug=SERVICE)
    component = service.version.components.get(name__startswith="Bản sao giấy tờ pháp lý")
    in_hanoi = Q(permanent_unit__code=HANOI) | Q(permanent_unit__parent__code=HANOI)
    people = list(
        Person.objects.filter(in_hanoi, vneid_account__level=AssuranceLevel.LOA2, birth_date__year__lte=2006)
        .exclude(phone="")
        .order_by("id_number")
        .values("id_number", "phone")
    )
    if not people:
        raise SystemExit("no demo citizen of Hà Nội with a level-2 VNeID account: is the demo data seeded?")
    pdf = var / "attachment.pdf"
    pdf.write_bytes(_pdf())
    fixture = var / "fixture.json"
    fixture.write_text(
        json.dumps(
            {
                "citizens": people,
                "citizen_password": DEMO_PASSWORD,
                "officer": {"username": OFFICER, "password": DEMO_PASSWORD, "totp_secret": secret, "agency": agency},
                "service": SERVICE,
                "procedure": service.version.procedure.code,
                "search": "thanh lap doanh nghiep tu nhan",
                "component": component.pk,
                "pdf": str(pdf),
                "sms_log": env["VNEID_SMS_FILE_PATH"],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    from django.db import connections

    connections.close_all()
    return fixture


def _pdf() -> bytes:
    """A real one-page PDF of noise (~200 KB, it does not compress): uploads are parsed, not just sniffed."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.frombytes("L", (760, 480), os.urandom(760 * 480)).save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    """A server in a process group of its own (stopped with everything it started)."""
    return subprocess.Popen(  # noqa: S603 - the project's own tools, fixed arguments
        command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_until_up(process: subprocess.Popen, log: Path) -> None:
    import requests

    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(BASE + "/healthz", timeout=5).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def report(prefix: Path) -> tuple[int, int]:
    """Print the figures of Locust's CSV; returns (failures, whole journeys)."""
    rows = list(csv.DictReader((prefix.parent / f"{prefix.name}_stats.csv").open(encoding="utf-8")))
    steps = [row for row in rows if row["Name"] != "Aggregated" and row["Type"] != "JOURNEY"]
    journeys = [row for row in rows if row["Type"] == "JOURNEY"]
    total = next((row for row in rows if row["Name"] == "Aggregated"), None)
    width = max(len(row["Name"]) for row in rows)
    print()
    print(f"{'step':<{width}}  {'requests':>8} {'failed':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for row in steps + journeys:
        print(
            f"{row['Name']:<{width}}  {row['Request Count']:>8} {row['Failure Count']:>6} "
            f"{float(row['Requests/s']):>7.2f} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
        )
    failures = sum(int(row["Failure Count"]) for row in steps)
    broken = sum(int(row["Failure Count"]) for row in journeys)  # a journey that stopped without a failed request
    failures += broken
    done = sum(int(row["Request Count"]) - int(row["Failure Count"]) for row in journeys)
    requests_ = sum(int(row["Request Count"]) for row in steps)
    seconds = requests_ / float(total["Requests/s"]) if total and float(total["Requests/s"]) else SECONDS
    print()
    print(
        f"{USERS} users ({USERS - 1} citizens, 1 officer) for {SECONDS} s, gunicorn {WORKERS} workers × {THREADS} "
        f"threads, 1 Celery worker: {requests_} requests ({requests_ / seconds:.1f}/s), {done} whole citizen journeys "
        f"({done / seconds * 60:.1f}/min), errors: {failures}"
    )
    failures_file = prefix.parent / f"{prefix.name}_failures.csv"
    if failures and failures_file.exists():
        print("\nfailures:")
        for row in list(csv.DictReader(failures_file.open(encoding="utf-8")))[:10]:
            print(f"  {row['Method']} {row['Name']}: {row['Occurrences']}× {row['Error'][:300]}")
    return failures, done


def main() -> int:
    url, drop = database_url()
    var = Path(tempfile.mkdtemp(prefix="loadtest-")) if SMOKE else ROOT / "var" / "loadtest"
    var.mkdir(parents=True, exist_ok=True)
    env = server_env(url, var)
    gunicorn = worker = None
    try:
        fixture = prepare(env, var)
        gunicorn_log, worker_log = var / "gunicorn.log", var / "celery.log"
        gunicorn = start(
            [str(BIN / "gunicorn"), "portal.wsgi", "--workers", str(WORKERS), "--threads", str(THREADS),
             "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"],
            env, gunicorn_log,
        )  # fmt: skip
        worker = start(
            [str(BIN / "celery"), "-A", "portal", "worker", "--loglevel=warning", "--concurrency=2",
             "-Q", "default,notifications,documents"],
            env, worker_log,
        )  # fmt: skip
        wait_until_up(gunicorn, gunicorn_log)
        prefix = var / "locust"
        command = [
            str(BIN / "locust"), "-f", str(ROOT / "loadtest" / "locustfile.py"), "--headless",
            "-u", str(USERS), "-r", str(SPAWN_RATE), "--run-time", f"{SECONDS}s", "--host", BASE,
            "--csv", str(prefix), "--only-summary", "--stop-timeout", "30", "--loglevel", "WARNING",
        ]  # fmt: skip
        print(f"locust: {USERS} users for {SECONDS} s against {BASE}")
        locust = subprocess.run(  # noqa: S603 - the project's own tools, fixed arguments
            command, cwd=ROOT, env={**env, "LOADTEST_FIXTURE": str(fixture)}, check=False
        )
        failures, journeys = report(prefix)
        if locust.returncode not in (0, 1):  # 1: some requests failed (reported above)
            print(f"locust exited with status {locust.returncode}", file=sys.stderr)
            return 1
        if failures or not journeys:
            print("load test FAILED: " + ("requests failed" if failures else "no journey completed"), file=sys.stderr)
            return 1
        return 0
    finally:
        stop(gunicorn)
        stop(worker)
        if drop:
            conn = connect_maintenance(url)
            with conn.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{drop}" WITH (FORCE)')
            conn.close()
            shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
