"""Catalogue benchmark: search API latency, the public pages' throughput (procedure page, home page) with 10,000
procedures, and the search's quality: the top-3 hit rate on the citizen questions of ``bench/search_questions.json``
(``bench/search_quality.py``).

Run with ``make bench``. It loads a separate database (``portal_bench`` by default),
starts gunicorn with 2 sync workers, and prints the project's figures beside the
ceiling of this machine measured in the same run (a one-query view, ``/bench/one-query/``): the pages
everyone reads should run at half of it or more (anonymous visitors, as wrk is: no cookie), and a
browser's revalidation of a page it kept (``If-None-Match``) is answered 304.
``BENCH_PAGES_ONLY=1``: only the pages against that view.
``--smoke``: 200 procedures, a few requests, no figure judged (see ``bench/common.py``).
"""

import os
import statistics
import sys
import time
from pathlib import Path

import requests

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
PROCEDURES = size(int(os.environ.get("BENCH_PROCEDURES", "10000")), 200)
PORT = port("BENCH_PORT", 8765)
BASE = f"http://127.0.0.1:{PORT}"
SEARCH_ROUNDS = size(4, 1)
THROUGHPUT_SECONDS = size(8, 1)
THROUGHPUT_RUNS = size(3, 1)
# BENCH_PAGES_ONLY=1: only the public pages against the one-query view (no search latency or quality).
PAGES_ONLY = os.environ.get("BENCH_PAGES_ONLY", "").lower() not in ("", "0", "false", "no")

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
# Citizens' questions weigh more than keywords (more words, the thesaurus, typos): every fourth one is timed too.
QUESTION_SAMPLE = 4


def prepare() -> str:
    import django

    ensure_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.db import connection

    from bench.generate import load
    from procedures.models import Procedure

    migrate_and_seed()
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
    from bench.search_quality import questions

    queries = QUERIES + [item["q"] for item in questions()[::QUESTION_SAMPLE]]
    for query in QUERIES[:5]:  # warm the workers' connections and caches
        session.get(BASE + "/api/v1/procedures/", params={"q": query})
    timings = []
    for _round in range(SEARCH_ROUNDS):
        for query in queries:
            started = time.perf_counter()
            response = session.get(BASE + "/api/v1/procedures/", params={"q": query})
            timings.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
    return percentile(timings, 0.5), percentile(timings, 0.95), len(timings)


def throughput(path: str, request: Request | None = None) -> float:
    """Successful requests per second by wrk (2 threads, 8 connections), one run."""
    load = hammer(BASE + path, request or Request("GET"), seconds=THROUGHPUT_SECONDS, connections=8)
    check_smoke_load(f"GET {path}", load)
    return load.rate


def revalidation(path: str) -> Request:
    """A browser that kept the page asking again (If-None-Match with the page's ETag, its CSRF cookie): a 304."""
    cookie = "csrftoken=" + "b" * 32
    response = requests.get(BASE + path, headers={"Cookie": cookie}, timeout=30)
    response.raise_for_status()
    etag = response.headers.get("ETag")
    if not etag:
        raise SystemExit(f"GET {path} answered without an ETag")
    check = requests.get(BASE + path, headers={"Cookie": cookie, "If-None-Match": etag}, timeout=30)
    if check.status_code != 304:
        raise SystemExit(f"GET {path} with If-None-Match {etag}: {check.status_code}, not 304")
    return Request("GET", headers={"Cookie": cookie, "If-None-Match": etag})


def page_throughput(code: str) -> dict[str, float]:
    """The public pages and the one-query ceiling (``bench/urls.py``) in alternating rounds (median of 3 each):
    noise hits all alike."""
    paths = {"procedure": f"/procedures/{code}/", "home": "/", "one query": "/bench/one-query/"}
    requests_ = {name: Request("GET") for name in paths}
    paths["procedure 304"] = paths["procedure"]
    requests_["procedure 304"] = revalidation(paths["procedure"])
    for name, path in paths.items():  # warm every worker's cache and connections
        hammer(BASE + path, requests_[name], seconds=1, connections=4)
    figures = {name: [] for name in paths}
    for _ in range(THROUGHPUT_RUNS):
        for name, path in paths.items():
            figures[name].append(throughput(path, requests_[name]))
    return {name: statistics.median(values) for name, values in figures.items()}


def main() -> None:
    code = prepare()
    from bench.search_quality import top3_quality

    quality = None if PAGES_ONLY else top3_quality()
    server = start_gunicorn(PORT)
    try:
        if not PAGES_ONLY:
            with requests.Session() as session:
                p50, p95, n = search_latency(session)
        rates = page_throughput(code)
    finally:
        server.terminate()
        server.wait()
    print()
    if not PAGES_ONLY:
        print(
            f"search API  /api/v1/procedures/?q=…  {n} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
            "(target p95 < 30 ms)"
        )
        print(
            f"search quality: top-3 hit rate {quality.rate:.1%} on {quality.asked} citizen questions "
            f"(bench/search_questions.json; target ≥ 90%)"
        )
        for question, expected, found in quality.misses[:10]:
            print(f"  missed: {question!r}: expected {', '.join(expected)}, first three {', '.join(found) or 'none'}")
    ceiling = rates["one query"]
    print(
        f"ceiling, same run: one-query view /bench/one-query/ (the old /healthz): {ceiling:.0f} req/s "
        "(gunicorn 2 sync workers, wrk 8 connections)"
    )
    for label, name in (
        (f"procedure page  /procedures/{code}/", "procedure"),
        ("home page  /", "home"),
        ("procedure page revalidated (If-None-Match: 304)", "procedure 304"),
    ):
        target = "" if name == "procedure 304" else " (target ≥ 50%)"
        print(f"{label}: {rates[name]:.0f} req/s = {rates[name] / ceiling:.0%} of the one-query view{target}")
    if SMOKE:
        print("smoke run: sizes too small for the figures to mean anything")


if __name__ == "__main__":
    main()
