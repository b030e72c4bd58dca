"""Every benchmark in ``bench/`` runs for real in smoke mode, so a change that breaks one fails the suite.

Smoke mode (``bench/common.py``) uses tiny sizes and a few requests and judges no
figure. The benchmarks run as subprocesses, as ``make bench`` runs them, against a
PostgreSQL database of their own with a unique name on the test server (created
here, shared by the benchmarks one after the other, dropped at the end: no other
database is touched) and the tests' Redis database.
"""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

from bench.common import connect_maintenance

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
# In order: the first migrates and seeds the shared database, the next find it ready.
# filing.py's profile mode (what its report points to) is smoke-tested with it.
BENCHMARKS = {
    "run.py": [],
    "filing.py": ["--profile"],
    "backoffice.py": [],
    "monitoring.py": [],
    "assistant.py": [],
    "documents.py": [],
}
BESIDE = {"documents.py"}  # needs no database: started first, runs beside the others
TIMEOUT = 240  # seconds for one benchmark; a smoke run takes a fraction of it


@pytest.fixture(scope="module")
def smoke_env(tmp_path_factory):
    url = os.environ.get("DATABASE_URL", "")
    if not urlparse(url).scheme.startswith("postgres"):
        pytest.skip("the benchmarks need PostgreSQL (DATABASE_URL)")
    parsed = urlparse(url)
    name = f"{parsed.path.lstrip('/')[:24]}_smoke_{secrets.token_hex(4)}"
    smoke_url = urlunparse(parsed._replace(path="/" + name))
    var = tmp_path_factory.mktemp("bench-var")
    # Nothing of the test process's own settings leaks in: each benchmark picks its settings and sizes.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("BENCH_") and k not in {"DJANGO_SETTINGS_MODULE", "CELERY_TASK_ALWAYS_EAGER"}
    }
    env.update(
        BENCH_SMOKE="1",
        BENCH_SMOKE_DATABASE_URL=smoke_url,
        DATABASE_URL=smoke_url,
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
        VAR_DIR=str(var),
        DOCUMENT_SIGNING_DIR=str(var / "signing"),
        PYTHONUNBUFFERED="1",
    )
    try:
        yield env
    finally:
        conn = connect_maintenance(smoke_url)
        with conn.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


def test_every_benchmark_has_a_smoke_run():
    scripts = sorted(p.name for p in BENCH.glob("*.py") if 'if __name__ == "__main__":' in p.read_text())
    assert scripts == sorted(BENCHMARKS), "a benchmark in bench/ is missing from BENCHMARKS here"


class Run:
    """One benchmark's smoke run in a subprocess, its output in files (no pipe to fill up)."""

    def __init__(self, script, env, directory):
        self.script = script
        self.started = time.perf_counter()
        self.stdout = open(directory / f"{script}.out", "w+")  # noqa: SIM115 - closed in wait()
        self.stderr = open(directory / f"{script}.err", "w+")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, str(BENCH / script), "--smoke", *BENCHMARKS[script]],
            cwd=ROOT,
            env=env,
            stdout=self.stdout,
            stderr=self.stderr,
            text=True,
        )

    def wait(self):
        try:
            returncode = self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            returncode = self.process.wait()
        outputs = []
        for f in (self.stdout, self.stderr):
            f.seek(0)
            outputs.append(f.read())
            f.close()
        return returncode, *outputs, time.perf_counter() - self.started


@pytest.fixture(scope="module")
def beside(smoke_env, tmp_path_factory):
    directory = tmp_path_factory.mktemp("bench-out")
    runs = {script: Run(script, smoke_env, directory) for script in BESIDE}
    yield runs
    for run in runs.values():
        if run.process.poll() is None:
            run.process.kill()
            run.process.wait()


@pytest.mark.parametrize("script", BENCHMARKS)
def test_benchmark_runs_in_smoke_mode(script, smoke_env, beside, tmp_path):
    run = beside.get(script) or Run(script, smoke_env, tmp_path)
    returncode, stdout, stderr, seconds = run.wait()
    output = f"--- stdout\n{stdout[-6000:]}\n--- stderr\n{stderr[-6000:]}"
    assert returncode == 0, f"bench/{script} --smoke failed ({returncode}):\n{output}"
    assert "smoke run:" in stdout, f"bench/{script} --smoke did not reach its figures:\n{output}"
    if script == "run.py":  # the search's top-3 hit rate on the citizen questions (all of them: it is quick)
        assert "search quality: top-3 hit rate" in stdout, output
    print(f"bench/{script} --smoke: {seconds:.1f} s")
