"""Assistant benchmark: answer latency of ``POST /api/v1/assistant/`` with the default understanding (no outside
service) over the catalogue of ``bench/run.py`` (10,000 procedures, the demo catalogue among them).

Run with ``make bench``. Requests go through Django in this process (the whole stack of middleware, session, DRF
and the assistant, without a socket), so the figure is the assistant's own cost; beside it, the same run's
``/healthz`` through the same path as the ceiling. Target: p95 < 150 ms.
``--smoke``: 200 procedures, one round, no figure judged (see ``bench/common.py``).
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import SMOKE, database_url, ensure_database, migrate_and_seed, size  # noqa: E402

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DATABASE_URL"] = database_url("postgres://postgres@127.0.0.1:5432/portal_bench")
os.environ["ASSISTANT_RATE"] = "1000000/minute"  # measure the assistant, not its throttle
PROCEDURES = size(int(os.environ.get("BENCH_PROCEDURES", "10000")), 200)
ROUNDS = size(5, 1)

# (question, or (choice, index of the earlier answer whose context it continues))
QUESTIONS = [
    "con mới sinh cần làm gì",
    "đổi bằng lái xe ở Hà Nội",
    "cap doi giay phep lai xe",
    "đăng ký kết hôn",
    "tôi muốn nhập hộ khẩu vào nhà chồng",
    "người nhà mới mất cần làm giấy tờ gì",
    "thành lập doanh nghiệp tư nhân",
    "thẻ bảo hiểm y tế cho trẻ em",
    "thủ tục xin visa du lịch đi Mỹ",
    "xin chào",
    "hồ sơ của tôi đến đâu rồi?",
    "how do I register a birth",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def prepare() -> None:
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


def timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    prepare()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    kinds: dict[str, int] = {}

    def ask(body):
        response = client.post("/api/v1/assistant/", body, content_type="application/json")
        assert response.status_code == 200, response.content[:300]
        return response.json()

    for question in QUESTIONS[:4]:  # warm the process: imports, connections, caches
        ask({"question": question})
    answer_ms, health_ms = [], []
    for _round in range(ROUNDS):
        for question in QUESTIONS:
            ms, answer = timed(lambda q=question: ask({"question": q}))
            answer_ms.append(ms)
            kinds[answer["kind"]] = kinds.get(answer["kind"], 0) + 1
            if answer["kind"] == "ask":  # the citizen answers the question asked back
                choice = answer["options"][-1]["value"]
                ms, answer = timed(lambda a=answer, c=choice: ask({"choice": c, "context": a["context"]}))
                answer_ms.append(ms)
            ms, _response = timed(lambda: client.get("/healthz"))
            health_ms.append(ms)
    p50, p95 = percentile(answer_ms, 0.5), percentile(answer_ms, 0.95)
    print()
    print(
        f"assistant  POST /api/v1/assistant/  {len(answer_ms)} answers (default understanding): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < 150 ms)"
    )
    print("answers by kind: " + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())))
    print(f"ceiling, same run and path: /healthz p95 {percentile(health_ms, 0.95):.1f} ms")
    if SMOKE:
        print("smoke run: sizes too small for the figures to mean anything")


if __name__ == "__main__":
    main()
