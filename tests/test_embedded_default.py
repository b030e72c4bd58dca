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
