#!/usr/bin/env python3
"""Two web nodes behind HAProxy, a PostgreSQL primary with a streaming replica, one Celery worker: on 127.0.0.1.

    python scripts/cluster.py run     # up, check, print the figures, down (what `make cluster` does)
    python scripts/cluster.py up      # start everything and leave it running (`make cluster-up`)
    python scripts/cluster.py check   # the checks and figures against a running cluster
    python scripts/cluster.py down    # stop everything and remove its files (`make cluster-down`)

What runs, each on its own port (environment variables in brackets change them):

- HAProxy on CLUSTER_PROXY_PORT (8300), round robin over the nodes, each checked on ``/readyz``;
- two gunicorn nodes (CLUSTER_NODE_PORTS, "8301,8302"), 2 sync workers each, sharing sessions (database and
  Redis), media and documents (one directory both mount: a stand-in for S3-compatible storage or NFS) and the
  same secrets, given by configuration as in production;
- a PostgreSQL primary (CLUSTER_PG_PORT, 5442) and a standby streaming from it (CLUSTER_REPLICA_PORT, 5443),
  throw-away clusters made with initdb and pg_basebackup; the portal's router (portal/replica.py) sends the
  public catalogue's and the statistics' reads to the standby;
- one Celery worker on the machine's Redis (CLUSTER_REDIS_URL, database 12).

The check logs a citizen in through VNeID on node 1 and goes on on node 2, files a record with an attachment on
node 2 and reads it back at once on node 2 and on node 1 (the file from the shared media), shows that the
catalogue's and statistics' reads reach the standby and that the standby is streaming, and measures throughput
through the proxy beside one node alone.
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import Request, hammer  # noqa: E402  (the benchmarks' load generator: wrk)
from tests.identity.helpers import form_action, last_otp, post_form  # noqa: E402  (forms driven over HTTP)

BIN = ROOT / ".venv" / "bin"
BASE_DIR = Path(os.environ.get("CLUSTER_DIR", f"/tmp/portal-cluster-{os.getuid()}"))
PROXY_PORT = int(os.environ.get("CLUSTER_PROXY_PORT", "8300"))
NODE_PORTS = [int(p) for p in os.environ.get("CLUSTER_NODE_PORTS", "8301,8302").split(",")]
PG_PORT = int(os.environ.get("CLUSTER_PG_PORT", "5442"))
REPLICA_PORT = int(os.environ.get("CLUSTER_REPLICA_PORT", "5443"))
REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/12")
# What HAProxy asks each node before sending it requests.
READY_PATH = os.environ.get("CLUSTER_READY_PATH", "/readyz")
SECONDS = int(os.environ.get("CLUSTER_SECONDS", "5"))
PROXY = f"http://127.0.0.1:{PROXY_PORT}"
NODES = [f"http://127.0.0.1:{port}" for port in NODE_PORTS]
STATE = BASE_DIR / "state.json"
SERVICE = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"
DEMO_CITIZEN = os.environ.get("CLUSTER_CITIZEN", "001092100037")  # Nguyễn Văn An, VNeID level 2
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "Demo@2026")


# --- processes ------------------------------------------------------------------------------------------------


def pg_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not found:
        raise SystemExit(f"PostgreSQL's {name} is needed: apt-get install postgresql")
    return str(found[-1])


def as_postgres(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """PostgreSQL's tools refuse to run as root: as root, run them as the ``postgres`` user."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def psql(port: int, sql: str, database: str = "postgres") -> str:
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database, "-Atc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def database_url(port: int) -> str:
    return f"postgres://postgres@127.0.0.1:{port}/portal"


def secrets_of_cluster() -> dict:
    """One set of secrets for every node, given by configuration (generated once per cluster, kept in its
    directory): sessions, VNeID tokens, payment callbacks and documents are then signed alike on every node."""
    path = BASE_DIR / "secrets.json"
    if not path.exists():
        values = {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "VNEID_CLIENT_ID": secrets.token_urlsafe(18),
            "VNEID_CLIENT_SECRET": secrets.token_urlsafe(36),
            "PAYGOV_SECRET": secrets.token_urlsafe(36),
        }
        path.write_text(json.dumps(values))
        path.chmod(0o600)
    return json.loads(path.read_text())


def portal_env() -> dict:
    shared = BASE_DIR / "shared"
    return {
        **os.environ,
        **secrets_of_cluster(),
        "DEBUG": "false",
        "DATABASE_URL": database_url(PG_PORT),
        "DATABASE_REPLICA_URL": database_url(REPLICA_PORT),
        "REDIS_URL": REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORTAL_BASE_URL": PROXY,
        "VAR_DIR": str(shared),
        "NUM_PROXIES": "1",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PYTHONUNBUFFERED": "1",
    }


def manage(*args: str) -> None:
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=portal_env(), check=True)


def spawn(name: str, args: list[str], env: dict | None = None) -> int:
    log = open(BASE_DIR / "logs" / f"{name}.log", "ab")  # noqa: SIM115 (the child keeps it)
    process = subprocess.Popen(args, cwd=ROOT, env=env or portal_env(), stdout=log, stderr=log, start_new_session=True)
    return process.pid


def wait_for(url: str, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=5).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{what} did not answer on {url} within {seconds:.0f} s: see {BASE_DIR / 'logs'}")


def haproxy_config() -> str:
    servers = "\n".join(
        f"    server node{i + 1} 127.0.0.1:{port} check inter 2s fall 2 rise 1" for i, port in enumerate(NODE_PORTS)
    )
    return f"""global
    maxconn 2000
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    option forwardfor
frontend portal
    bind 127.0.0.1:{PROXY_PORT}
    http-request set-header X-Forwarded-Proto http
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET {READY_PATH}
    http-check expect status 200
    http-response set-header X-Portal-Node %s
{servers}
"""


def up() -> None:
    if STATE.exists():
        raise SystemExit(f"a cluster is already up ({STATE}); `python scripts/cluster.py down` first")
    for tool in ("haproxy",):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is needed: apt-get install {tool}")
    shutil.rmtree(BASE_DIR, ignore_errors=True)
    (BASE_DIR / "logs").mkdir(parents=True)
    (BASE_DIR / "shared").mkdir()
    pg_dir = BASE_DIR / "pg"
    pg_dir.mkdir()
    if os.geteuid() == 0:
        shutil.chown(pg_dir, "postgres", "postgres")
        shutil.chown(BASE_DIR / "logs", "postgres", "postgres")
        BASE_DIR.chmod(0o755)
    state: dict = {"pids": {}, "pg": []}
    STATE.write_text(json.dumps(state))

    primary, replica = pg_dir / "primary", pg_dir / "replica"
    print(f"cluster: PostgreSQL primary on {PG_PORT}", flush=True)
    as_postgres([pg_bin("initdb"), "-D", str(primary), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"])
    # A throw-away cluster for this machine: durability traded for speed (fsync off). Production keeps fsync.
    settings = f"""
listen_addresses = '127.0.0.1'
port = {PG_PORT}
unix_socket_directories = '{pg_dir}'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
synchronous_commit = off
full_page_writes = off
"""
    as_postgres(["sh", "-c", f"cat >> {primary / 'postgresql.conf'}"], input=settings)
    as_postgres(["sh", "-c", f"echo 'host replication all 127.0.0.1/32 trust' >> {primary / 'pg_hba.conf'}"])
    log = BASE_DIR / "logs"
    as_postgres([pg_bin("pg_ctl"), "-D", str(primary), "-l", str(log / "primary.log"), "-w", "start"])
    state["pg"].append(str(primary))
    STATE.write_text(json.dumps(state))
    psql(PG_PORT, "CREATE DATABASE portal")

    print(f"cluster: standby on {REPLICA_PORT}, streaming from the primary", flush=True)
    as_postgres(
        [pg_bin("pg_basebackup"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres"]
        + ["-D", str(replica), "-R", "-X", "stream", "-c", "fast"]
    )
    # The standby logs every statement it runs: the check counts the catalogue's and statistics' reads there (its
    # statistics counters are flushed only now and then, so they cannot be read back at once).
    standby_settings = f"port = {REPLICA_PORT}\nlog_min_duration_statement = 0\n"
    as_postgres(["sh", "-c", f"cat >> {replica / 'postgresql.auto.conf'}"], input=standby_settings)
    as_postgres([pg_bin("pg_ctl"), "-D", str(replica), "-l", str(log / "replica.log"), "-w", "start"])
    state["pg"].append(str(replica))
    STATE.write_text(json.dumps(state))

    print("cluster: migrate, demo data, static files", flush=True)
    manage("migrate", "--noinput", "-v", "0")
    manage("seed_demo")
    manage("collectstatic", "--noinput", "-v", "0")

    gunicorn = str(BIN / "gunicorn")
    for i, port in enumerate(NODE_PORTS):
        name = f"node{i + 1}"
        print(f"cluster: {name} (gunicorn, 2 sync workers) on {port}", flush=True)
        state["pids"][name] = spawn(
            name, [gunicorn, "portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
        )
    state["pids"]["worker"] = spawn(
        "worker",
        [str(BIN / "celery"), "-A", "portal", "worker", "-Q", "default,notifications,documents", "-c", "1"]
        + ["--loglevel", "warning"],
    )
    (BASE_DIR / "haproxy.cfg").write_text(haproxy_config())
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    state["pids"]["haproxy"] = spawn("haproxy", [haproxy, "-db", "-f", str(BASE_DIR / "haproxy.cfg")], env=os.environ)
    STATE.write_text(json.dumps(state))
    for node in NODES:
        wait_for(f"{node}/healthz", "a gunicorn node")
    wait_for(f"{PROXY}/healthz", "HAProxy")
    # HAProxy checks /readyz: wait until it sends requests to both nodes.
    deadline = time.monotonic() + 30
    while served_by(4) != {f"node{i + 1}" for i in range(len(NODES))}:
        if time.monotonic() > deadline:
            raise SystemExit("HAProxy does not send requests to both nodes: is /readyz answering 200 on each?")
        time.sleep(0.5)
    print(f"cluster: up — {PROXY} (HAProxy) → {', '.join(NODES)}; files in {BASE_DIR}", flush=True)


def down() -> None:
    if not STATE.exists():
        print("cluster: nothing is up")
        shutil.rmtree(BASE_DIR, ignore_errors=True)
        return
    state = json.loads(STATE.read_text())
    for name, pid in state["pids"].items():
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        for _ in range(100):
            try:
                os.killpg(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            os.killpg(pid, signal.SIGKILL)
        print(f"cluster: {name} stopped")
    for data in reversed(state["pg"]):
        try:
            as_postgres([pg_bin("pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"])
            print(f"cluster: PostgreSQL {Path(data).name} stopped")
        except subprocess.CalledProcessError as error:
            print(f"cluster: PostgreSQL {Path(data).name}: {error.stderr.strip()}")
    shutil.rmtree(BASE_DIR, ignore_errors=True)


# --- the check ------------------------------------------------------------------------------------------------


def follow(session: requests.Session, response: requests.Response, rewrite: tuple[str, str] | None = None):
    """Follow redirects by hand, sending the portal's own callback to the node named by ``rewrite``."""
    while response.is_redirect:
        location = urljoin(response.url, response.headers["Location"])
        if rewrite and location.startswith(rewrite[0]) and "/vneid/" not in location:
            location = rewrite[1] + location[len(rewrite[0]) :]
        response = session.get(location, allow_redirects=False)
    return response


def served_by(count: int) -> set[str]:
    nodes = set()
    for _ in range(count):
        try:
            nodes.add(requests.get(f"{PROXY}/healthz", timeout=5).headers.get("X-Portal-Node", "?"))
        except requests.RequestException:
            nodes.add("?")
    return nodes


def citizen_phone() -> str:
    return psql(PG_PORT, f"SELECT phone FROM identity_person WHERE id_number = '{DEMO_CITIZEN}'", "portal")


def replica_reads() -> int:
    """How many reads of the catalogue's, services' and figures' tables the standby has logged so far."""
    tables = re.compile(r'statement: SELECT .*FROM "(procedures|services|monitoring)_')
    log = BASE_DIR / "logs" / "replica.log"
    return sum(1 for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if tables.search(line))


def check() -> dict:
    node1, node2 = NODES[0], NODES[1]
    figures: dict = {}
    nodes = served_by(8)
    assert nodes == {"node1", "node2"}, f"the proxy should send requests to both nodes, not {nodes}"
    print(f"check: the proxy spreads requests over {sorted(nodes)}")

    # A citizen logs in through VNeID on node 1 (level 2: password, then the SMS code)...
    citizen = requests.Session()
    page = citizen.get(f"{node1}/login/?level=LoA2")
    response = post_form(citizen, page.url, page.text, {}, action=form_action(page.text, "vneid-login"))
    response = follow(citizen, response)
    assert "/vneid/login/" in response.url, response.url
    credentials = {"id_number": DEMO_CITIZEN, "password": DEMO_PASSWORD}
    response = follow(citizen, post_form(citizen, response.url, response.text, credentials))
    if "/vneid/login/otp/" in response.url:
        code = last_otp(BASE_DIR / "shared" / "vneid" / "sms.log", citizen_phone())
        response = follow(citizen, post_form(citizen, response.url, response.text, {"code": code}))
    if "allow" in response.text and "/vneid/" in response.url:
        response = post_form(citizen, response.url, response.text, {"allow": "on"})
    response = follow(citizen, response, rewrite=(PROXY, node1))
    assert response.status_code == 200 and urlparse(response.url).port == NODE_PORTS[0], response.url
    name = psql(PG_PORT, f"SELECT full_name FROM identity_person WHERE id_number = '{DEMO_CITIZEN}'", "portal")
    # ... and goes on on node 2, with the same session.
    account = citizen.get(f"{node2}/my-account/", allow_redirects=False)
    assert account.status_code == 200 and name in account.text, "node 2 does not know the session of node 1"
    print(f"check: {name} logged in through VNeID on node 1 and is known on node 2")

    # Filed on node 2 with an attachment, read back at once on node 2, and its file on node 1.
    service = requests.get(f"{node2}/api/v1/services/{SERVICE}/", timeout=10).json()
    component = next(c for c in service["components"] if c["name"].startswith("Bản sao giấy tờ pháp lý"))
    pdf = _small_pdf()
    data = {
        "business_name": "DNTN Hai Nút",
        "head_office": "Số 2 Tràng Tiền",
        "capital": 900000000,
        "business_lines": "Bán lẻ",
        "delivery": "online",
    }
    csrf = citizen.cookies.get("csrftoken") or _csrf_from(citizen, f"{node2}/my/records/")
    filed = citizen.post(
        f"{node2}/api/v1/records/",
        data={"service": SERVICE, "data": json.dumps(data)},
        files={f"component_{component['id']}": ("giay-to.pdf", pdf, "application/pdf")},
        headers={"X-CSRFToken": csrf, "Referer": f"{node2}/"},
    )
    assert filed.status_code == 201, filed.text[:1000]
    record = filed.json()
    detail = citizen.get(f"{node2}/my/records/{record['id']}/")
    assert detail.status_code == 200 and record["code"] in detail.text, "the record just filed is not readable"
    link = re.search(rf'href="(/records/{record["id"]}/attachments/\d+/)"', detail.text)
    assert link, "the record page lists no attachment"
    download = citizen.get(f"{node1}{link.group(1)}")
    assert download.status_code == 200 and download.content == pdf, "node 1 does not find the file node 2 stored"
    print(f"check: record {record['code']} filed on node 2, read back at once there, its file served by node 1")

    # The public catalogue and the statistics read from the standby; the standby is streaming.
    assert psql(REPLICA_PORT, "SELECT pg_is_in_recovery()") == "t"
    streaming = psql(PG_PORT, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
    assert streaming == "1", f"the standby is not streaming ({streaming})"
    before = replica_reads()
    for path in ("/procedures/", "/statistics/", "/api/v1/procedures/", "/api/v1/indicators/"):
        for n in range(3):  # a query string of its own each time: no cache answers for the database
            assert requests.get(f"{PROXY}{path}?q=khai+sinh+{n}", timeout=30).status_code == 200, path
    deadline = time.monotonic() + 10
    while (reads := replica_reads() - before) < 4 and time.monotonic() < deadline:
        time.sleep(0.2)  # the log is written as the statements run; give the file a moment
    figures["replica_reads"] = reads
    assert reads >= 4, "the catalogue and statistics reads did not reach the standby"
    print(f"check: 12 catalogue and statistics pages made {reads} reads on the standby; the primary streams to it")

    # Throughput through the proxy beside one node alone (the same machine's 2 cores serve both: the figure shows
    # the proxy's cost, not a gain).
    for label, path in (("healthz", "/healthz"), ("procedure list", "/procedures/")):
        alone = hammer(f"{node1}{path}", Request(), seconds=SECONDS)
        proxied = hammer(f"{PROXY}{path}", Request(), seconds=SECONDS)
        figures[label] = {"one node": round(alone.rate), "proxy, two nodes": round(proxied.rate)}
        assert proxied.errors == 0, f"{proxied.errors} errors through the proxy on {path}"
        print(
            f"figure: {label}: one node {alone.rate:,.0f} req/s; through HAProxy to two nodes {proxied.rate:,.0f} req/s"
        )
    return figures


def _small_pdf() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (200, 100), 255).save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


def _csrf_from(session: requests.Session, url: str) -> str:
    session.get(url)
    return session.cookies.get("csrftoken", "")


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "run"
    if command == "up":
        up()
    elif command == "down":
        down()
    elif command == "check":
        check()
    elif command == "run":
        try:
            up()
            check()
        finally:
            down()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
