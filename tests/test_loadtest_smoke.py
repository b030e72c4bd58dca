"""The load test (``make loadtest``) runs for real at a tiny size, so a change that breaks a journey or the runner
fails the suite: ``loadtest/run.py --smoke`` migrates and seeds a database of its own (dropped at the end), starts
gunicorn and a Celery worker, and runs Locust with 2 users (a citizen and the officer) for a few seconds. It must end
with no failed request and at least one whole citizen journey, and leave no server behind.
"""

import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 600  # migrating and seeding take most of it on a busy machine


def test_the_load_test_runs_every_journey_without_an_error(tmp_path):
    if not urlparse(os.environ.get("DATABASE_URL", "")).scheme.startswith("postgres"):
        pytest.skip("the load test needs PostgreSQL (DATABASE_URL)")
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "CELERY_TASK_ALWAYS_EAGER"}}
    env.update(
        LOADTEST_DATABASE_URL=os.environ["DATABASE_URL"],
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
        LOADTEST_SECONDS="15",
        PYTHONUNBUFFERED="1",
    )
    out = tmp_path / "loadtest.log"
    with out.open("wb") as log:
        run = subprocess.run(
            [sys.executable, str(ROOT / "loadtest" / "run.py"), "--smoke"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=TIMEOUT,
            check=False,
        )
    text = out.read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, text[-5000:]
    summary = re.search(r"(\d+) whole citizen journeys .*errors: (\d+)", text)
    assert summary, text[-3000:]
    assert int(summary.group(1)) >= 1 and summary.group(2) == "0"
    for step in ("search (results page)", "login: VNeID SMS code", "file: API with a 200 KB PDF", "pay: PayGov pay"):
        assert step in text
    assert "track: lookup API" in text
    # Everything it started has stopped: its port answers no more.
    port = int(re.search(r"against http://127\.0\.0\.1:(\d+)", text).group(1))
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
