"""Boundaries kept by ``common/``: settings import no app code, apps do not import ``portal``."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from common.files import download_name
from common.tasks import RETRY_POLICY

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_APPS = ["identity", "notifications", "procedures", "eservices", "records", "payments", "documents"]


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def python_files(*directories: str):
    for directory in directories:
        for path in sorted((ROOT / directory).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_loading_the_settings_imports_no_app_of_the_portal():
    code = (
        "import sys, portal.settings; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'identity', 'notifications', 'procedures', 'eservices', 'records', 'payments', 'documents', 'common'}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings"}
    run = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_domain_apps_do_not_import_portal():
    offenders = [
        str(path.relative_to(ROOT))
        for path in python_files(*DOMAIN_APPS)
        if any(module == "portal" or module.startswith("portal.") for module in imported_modules(path))
    ]
    assert offenders == []


def test_common_imports_no_app_of_the_portal():
    apps = {"portal", *DOMAIN_APPS}
    for path in python_files("common"):
        assert not {module.split(".")[0] for module in imported_modules(path)} & apps, path


def test_the_simulated_vneid_uses_nothing_of_the_portals_notifications():
    for path in python_files("identity/vneid"):
        assert not any(module.split(".")[0] == "notifications" for module in imported_modules(path)), path


def test_moved_helpers_behave_as_before():
    assert download_name("scan.pdf", "image/png") == "scan.png"
    assert RETRY_POLICY["acks_late"] and RETRY_POLICY["retry_jitter"]
