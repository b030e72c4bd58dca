"""Catalogue benchmark: search API latency and procedure page throughput with 10,000 procedures.

Run with ``make bench``. It loads a separate database (``portal_bench`` by default),
starts gunicorn with 2 sync workers, and prints the project's figures beside the
ceiling of this machine measured in the same run (a one-query view, ``/healthz``).
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import ensure_database, start_gunicorn  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
PROCEDURES = int(os.environ.get("BENCH_PROCEDURES", "10000"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"

QUERIES = [
    "cap doi giay phep lai xe",
    "dang ky khai sinh",
    "thuong tru",
    "giay phep xay dung",
    "ho kinh doanh",
    "ket hon",
    "bao hiem y te",
    "1.001193",
    "cap lai",
    "tam tru",
    "giay chung nhan quyen su dung dat",
    "khai tu",
    "doanh nghiep",
    "chung chi hanh nghe",
    "lao dong nuoc ngoai",
    "lai xe",
    "xac nhan",
    "Cấp đổi giấy phép lái xe",
    "đăng ký thường trú",
    "van bang",
    "gia han giay phep",
    "thu hoi",
    "xe",
    "giay phep kinh doanh van tai",
    "the bao hiem y te tre em",
]


def prepare() -> str:
    import django

    ensure_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.generate import load
    from procedures.models import Procedure

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    missing = PROCEDURES - Procedure.objects.count()
    if missing > 0:
        started = time.perf_counter()
        load(Procedure.objects.filter(code__startswith="3.").count() + missing)
        print(f"loaded {missing} synthetic procedures in {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"catalogue: {Procedure.objects.count()} procedures on {connection.vendor}")
    return Procedure.objects.filter(current_version__isnull=False).order_by("code").first().code


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def search_latency(session) -> tuple[float, float, int]:
    for query in QUERIES[:5]:  # warm the workers' connections and caches
        session.get(BASE + "/api/v1/procedures/", params={"q": query})
    timings = []
    for _round in range(4):
        for query in QUERIES:
            started = time.perf_counter()
            response = session.get(BASE + "/api/v1/procedures/", params={"q": query})
            timings.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
    return percentile(timings, 0.5), percentile(timings, 0.95), len(timings)


def throughput(path: str, seconds: int = 8) -> float:
    """Requests per second by wrk (2 threads, 8 connections); median of 3 runs."""
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("wrk is needed for throughput figures: apt-get install wrk")
    figures = []
    for _ in range(3):
        out = subprocess.run(
            [wrk, "-t2", "-c8", f"-d{seconds}s", BASE + path], capture_output=True, text=True, check=True
        )
        figures.append(float(re.search(r"Requests/sec:\s+([\d.]+)", out.stdout).group(1)))
    return statistics.median(figures)


def main() -> None:
    code = prepare()
    server = start_gunicorn(PORT)
    try:
        with requests.Session() as session:
            p50, p95, n = search_latency(session)
        page = throughput(f"/procedures/{code}/")
        ceiling = throughput("/healthz")
    finally:
        server.terminate()
        server.wait()
    print()
    print(f"search API  /api/v1/procedures/?q=…  {n} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < 30 ms)")
    print(f"procedure page  /procedures/{code}/  gunicorn 2 sync workers: {page:.0f} req/s")
    print(f"ceiling, same run: one-query view /healthz: {ceiling:.0f} req/s (page = {page / ceiling:.0%} of it)")


if __name__ == "__main__":
    main()
