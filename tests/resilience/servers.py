"""Servers an outage test owns and stops: a redis-server, a PostgreSQL cluster, gunicorn, all on spare ports.

The PostgreSQL cluster is made with the machine's ``initdb`` in a directory under /tmp, run as the ``postgres``
user when the test runs as root (initdb refuses root), and filled with a copy (``pg_dump``) of the test
database as the test left it: the schema, and the citizens, services and payments the test made there.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis
import requests

from tests.notifications.worker import wait_for

ROOT = Path(__file__).resolve().parents[2]


def spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A redis-server without persistence: stopping it loses everything it held, as a crash would."""

    def __init__(self, workdir: Path):
        self.workdir, self.port = workdir, spare_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        wait_for(lambda: _answers(client.ping), timeout=10, message="redis-server to answer")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)


def _answers(call) -> bool:
    try:
        return bool(call())
    except (redis.ConnectionError, requests.RequestException):
        return False


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is needed: apt-get install postgresql")
    return found[-1]


class PrivatePostgres:
    """A PostgreSQL cluster of the test's own on a spare port, stopped and started again at will."""

    def __init__(self):
        self.port = spare_port()
        self.datadir = Path(tempfile.mkdtemp(prefix="portal-outage-pg-"))
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            account = pwd.getpwnam("postgres")
            os.chown(self.datadir, account.pw_uid, account.pw_gid)
        self._run(
            _pg_bin("initdb"),
            "-D",
            str(self.datadir / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
        )

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.datadir} -c fsync=off -c max_connections=50"
        data, log = str(self.datadir / "data"), str(self.datadir / "log")
        self._run(_pg_bin("pg_ctl"), "-D", data, "-o", options, "-l", log, "-w", "start")
        wait_for(self._ready, timeout=30, message="PostgreSQL to accept connections")

    def _ready(self) -> bool:
        return subprocess.run([_pg_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)]).returncode == 0

    def stop(self) -> None:
        """A fast shutdown: open connections are cut, as when the server is stopped or fails over."""
        self._run(_pg_bin("pg_ctl"), "-D", str(self.datadir / "data"), "-m", "fast", "-w", "stop")

    def copy_database(self, source_url: str, name: str) -> None:
        """The test database as it is now (schema and rows) into database ``name`` here."""
        dump = self.datadir / "copy.dump"
        subprocess.run([_pg_bin("pg_dump"), "-Fc", "--no-owner", "-f", str(dump), source_url], check=True, timeout=120)
        subprocess.run(
            [_pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name], check=True
        )
        subprocess.run(
            [_pg_bin("pg_restore"), "--no-owner", "-d", self.url(name), str(dump)],
            check=True,
            timeout=120,
            capture_output=True,
        )

    def remove(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.datadir, ignore_errors=True)


class Gunicorn:
    """The portal under gunicorn with sync workers, as in production."""

    def __init__(self, workdir: Path, *, workers: int = 2, **env):
        self.port = spare_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir, self.workers, self.env = workdir, workers, env
        self.process = None

    def start(self, timeout: float = 60) -> None:
        env = {
            **os.environ,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PORTAL_BASE_URL": self.url,
            "PYTHONUNBUFFERED": "1",
            **{key: str(value) for key, value in self.env.items()},
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.log = self.workdir / "gunicorn.log"
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi", "--workers", str(self.workers)]
            + ["--bind", f"127.0.0.1:{self.port}", "--timeout", "60", "--access-logfile", "-"],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text(errors='replace')[-4000:]}")
            if _answers(lambda: requests.get(f"{self.url}/healthz", timeout=2).ok):
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer:\n{self.log.read_text(errors='replace')[-4000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
