"""Start and stop a real ``celery worker`` process against Redis and the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from portal.celery import app

ROOT = Path(__file__).resolve().parents[2]


class CeleryWorker:
    def __init__(self, workdir: Path, **env):
        self.workdir = workdir
        self.extra_env = env
        self.process: subprocess.Popen | None = None
        self.starts = 0

    @property
    def env(self) -> dict:
        db = connection.settings_dict
        database_url = f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.notifications.worker_settings",
            "DATABASE_URL": f"{database_url}/{db['NAME']}",
            "REDIS_URL": settings.REDIS_URL,
            # Where this process publishes: Redis or RabbitMQ (tests/brokers.py), a test's own Redis.
            "CELERY_BROKER_URL": app.conf.broker_url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "PORTAL_BASE_URL": settings.PORTAL_BASE_URL,
            "DOCUMENT_SIGNING_DIR": str(settings.DOCUMENT_SIGNING_DIR),
            "DOCUMENTS_ROOT": str(settings.STORAGES["documents"]["OPTIONS"]["location"]),
            "TEST_EMAIL_DIR": str(self.workdir / "mail"),
            "TEST_SMS_FILE": str(self.workdir / "sms.log"),
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        env.update({key: str(value) for key, value in self.extra_env.items()})
        return env

    def start(self, timeout: float = 60, *, beat: bool = False, **env) -> CeleryWorker:
        """Start the worker (``beat``: with an embedded beat running the settings' schedule) and wait until ready."""
        self.extra_env.update(env)
        self.starts += 1
        log = self.workdir / f"worker-{self.starts}.log"
        self.log = log
        embedded_beat = ["-B", f"--schedule={self.workdir / 'beat-schedule'}"] if beat else []
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "celery"),
                "-A",
                "portal",
                "worker",
                "-Q",
                "notifications,documents,default",
                "--pool=solo",
                "--loglevel=info",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                f"--hostname=test{self.starts}@%h",
                *embedded_beat,
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in log.read_text(errors="replace"):
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"celery worker exited:\n{log.read_text(errors='replace')[-4000:]}")
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"celery worker not ready after {timeout}s:\n{log.read_text(errors='replace')[-4000:]}")

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-task without acknowledging or cleaning up anything."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for(predicate, timeout: float = 60, interval: float = 0.2, message: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message or predicate}")
