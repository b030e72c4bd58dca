"""`make run`'s embedded default: SQLite, no Redis, and the search still finds what people type."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SEARCH = (
    "from procedures.selectors import search_procedures;"
    "print([p.code for p in search_procedures(q='cap doi giay phep lai xe')][:1]);"
    "print(search_procedures(q='DANG KY KHAI SINH').first().name)"
)


def test_embedded_default_migrates_seeds_and_searches(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env["VAR_DIR"] = str(tmp_path)

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout

    manage("migrate", "--noinput", "-v0")
    first = manage("seed_demo")
    second = manage("seed_demo")
    assert (tmp_path / "portal.sqlite3").exists()
    assert "(0 new)" in second and "(0 new)" not in first
    out = manage("shell", "-c", SEARCH).splitlines()[-2:]
    assert out[0].startswith("['1.")
    assert out[1].startswith("Đăng ký khai sinh")


def test_the_cache_can_live_apart_from_the_broker(tmp_path):
    """Personal data in the cache (sessions, registry copies) need not share a Redis database with the queues."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(VAR_DIR=str(tmp_path), REDIS_URL="redis://127.0.0.1:6379/3", CACHE_URL="redis://127.0.0.1:6379/4")
    show = "from django.conf import settings; print(settings.CACHES['default']['LOCATION'], settings.CELERY_BROKER_URL)"
    command = [sys.executable, "manage.py", "shell", "-c", show]
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out[-2:] == ["redis://127.0.0.1:6379/4", "redis://127.0.0.1:6379/3"]
