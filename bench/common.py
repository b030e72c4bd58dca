"""What every benchmark needs: its own database, gunicorn with 2 sync workers, a load generator, a smoke mode.

Smoke mode (``--smoke`` or ``BENCH_SMOKE=1``): tiny sizes, a few seconds, no figure
judged. It exists so that the test suite runs every benchmark for real
(``tests/test_benchmarks_smoke.py``) and a change that breaks one fails CI. In smoke
mode a benchmark never touches a database it did not create: it uses
``BENCH_SMOKE_DATABASE_URL`` (created and dropped by the caller), or else creates a
database with a unique name and drops it when it exits.
"""

import atexit
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import requests

ROOT = Path(__file__).resolve().parent.parent
SMOKE = "--smoke" in sys.argv[1:] or os.environ.get("BENCH_SMOKE", "").lower() not in ("", "0", "false", "no")
SMOKE_DATABASE_MARK = "_smoke_"
if SMOKE:
    os.environ["BENCH_SMOKE"] = "1"  # for bench.settings, here and in the servers started


def size(full: int, smoke: int) -> int:
    """``full`` in a real run, ``smoke`` in smoke mode."""
    return smoke if SMOKE else full


def connect_maintenance(url: str):
    import psycopg2

    parsed = urlparse(url)
    conn = psycopg2.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password,
        dbname="postgres",
    )
    conn.autocommit = True
    return conn


def is_postgres(url: str) -> bool:
    return urlparse(url).scheme.startswith("postgres")


def database_url(default: str, env: str = "DATABASE_URL") -> str:
    """The benchmark's database: ``$env`` (or ``default``) in a real run.

    In smoke mode: ``BENCH_SMOKE_DATABASE_URL`` when the caller provides one (the caller
    drops it), otherwise a new database with a unique name on the same server, dropped at exit.
    """
    url = os.environ.get(env) or default
    if not SMOKE:
        return url
    if os.environ.get("BENCH_SMOKE_DATABASE_URL"):
        return os.environ["BENCH_SMOKE_DATABASE_URL"]
    if not is_postgres(url):
        raise SystemExit(f"smoke mode needs a PostgreSQL server to create its own database in, not {url}")
    parsed = urlparse(url)
    name = f"{parsed.path.lstrip('/')[:30]}{SMOKE_DATABASE_MARK}{os.getpid()}_{secrets.token_hex(3)}"
    unique = urlunparse(parsed._replace(path="/" + name))
    atexit.register(drop_database, unique)
    return unique


def ensure_database(url: str) -> None:
    """Create the benchmark's PostgreSQL database if it does not exist yet."""
    if not is_postgres(url):
        return
    name = urlparse(url).path.lstrip("/")
    conn = connect_maintenance(url)
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def drop_database(url: str) -> None:
    """Drop a smoke database (only one whose name says so: never a real or a shared one)."""
    name = urlparse(url).path.lstrip("/")
    if SMOKE_DATABASE_MARK not in name:
        raise ValueError(f"refusing to drop {name!r}: not a smoke database")
    try:
        from django.db import connections

        connections.close_all()
    except Exception:  # noqa: BLE001, S110 - Django may not be set up; the FORCE below copes either way
        pass
    conn = connect_maintenance(url)
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


def migrate_and_seed() -> None:
    """Migrate the benchmark's database and load the demo data (Django set up).

    ``seed_demo`` is idempotent and runs every time in a real run; in smoke mode it runs
    once per database (the benchmarks of one smoke test share one, and it takes seconds).
    """
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_seeded (at timestamptz NOT NULL DEFAULT now())")
        cursor.execute("SELECT 1 FROM bench_seeded")
        if SMOKE and cursor.fetchone():
            return
    call_command("seed_demo", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_seeded DEFAULT VALUES")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port(env: str, default: int) -> int:
    """``$env``, else ``default`` in a real run; in smoke mode any free port (runs may overlap)."""
    if os.environ.get(env):
        return int(os.environ[env])
    return free_port() if SMOKE else default


def start_gunicorn(port: int, **env_overrides) -> subprocess.Popen:
    """gunicorn with 2 sync workers on 127.0.0.1:``port``, once it answers ``/healthz``."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is already in use: another server would be measured (set the port's env)")
    gunicorn = shutil.which("gunicorn", path=str(ROOT / ".venv" / "bin")) or "gunicorn"
    env = {**os.environ, "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1,localhost", **env_overrides}
    process = subprocess.Popen(
        [gunicorn, "portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10).ok:
                return process
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("gunicorn did not start")


@dataclass
class Request:
    """One request a load generator repeats."""

    method: str = "GET"
    body: bytes = b""
    headers: dict = field(default_factory=dict)


@dataclass
class Load:
    rate: float  # successful (2xx/3xx) requests per second
    requests: int
    errors: int  # non-2xx/3xx responses and socket errors
    refused: int = 0  # non-2xx/3xx responses only


def hammer(url: str, request: Request, *, seconds: float, connections: int = 4, threads: int = 2) -> Load:
    """Repeat ``request`` on ``url`` as fast as wrk can for ``seconds``.

    Smoke mode without wrk installed: a few sequential requests instead (what is checked
    there is that the request succeeds, not how fast).
    """
    wrk = shutil.which("wrk")
    if SMOKE:
        # A few requests whose answers are checked, then wrk briefly if installed (it may complete none
        # in a second on a busy machine, which is no failure).
        checked = _python_load(url, request)
        if wrk is None:
            return checked
        load = _wrk(wrk, url, request, seconds=seconds, connections=connections, threads=threads)
        return Load(load.rate, checked.requests + load.requests, checked.errors + load.refused, load.refused)
    if wrk is None:
        raise SystemExit("wrk is needed for throughput figures: apt-get install wrk (`make bench` installs it)")
    return _wrk(wrk, url, request, seconds=seconds, connections=connections, threads=threads)


def _wrk(wrk: str, url: str, request: Request, *, seconds: float, connections: int, threads: int) -> Load:
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as tmp:
        lines = [f"wrk.method = {json.dumps(request.method)}"]
        if request.body:
            body_path = Path(tmp) / "body"
            body_path.write_bytes(request.body)
            lines.append(f'local f = io.open({json.dumps(str(body_path))}, "rb"); wrk.body = f:read("*a"); f:close()')
        lines += [f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in request.headers.items()]
        script = Path(tmp) / "request.lua"
        script.write_text("\n".join(lines) + "\n")
        out = subprocess.run(
            [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    total = int(re.search(r"(\d+) requests in", out).group(1))
    value, unit = re.search(r"requests in ([\d.]+)(\w+),", out).groups()
    elapsed = float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]
    refused = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    errors = refused
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(n) for n in m.groups())
    return Load((total - errors) / elapsed if elapsed else 0.0, total, errors, refused)


def _python_load(url: str, request: Request, count: int = 3) -> Load:
    errors = 0
    started = time.perf_counter()
    with requests.Session() as session:
        for _ in range(count):
            response = session.request(request.method, url, data=request.body or None, headers=request.headers)
            if not response.ok:
                errors += 1
                print(f"  {request.method} {url}: {response.status_code} {response.text[:300]}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    return Load((count - errors) / elapsed, count, errors, errors)


def check_smoke_load(label: str, load: Load) -> None:
    """In smoke mode any refused request fails the run (in a real run the figure says it)."""
    if SMOKE and (load.errors or not load.requests):
        raise SystemExit(f"{label}: {load.errors} of {load.requests} requests failed")
