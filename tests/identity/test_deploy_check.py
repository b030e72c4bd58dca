"""``manage.py check --deploy`` under production settings: django-oauth-toolkit has nothing to warn about."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_shows_no_oauth2_provider_warning(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "false",
        "SECURE_COOKIES": "true",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "dichvucong.example",
        "PORTAL_BASE_URL": "https://dichvucong.example",
        "CSRF_TRUSTED_ORIGINS": "https://dichvucong.example",
        "VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert "System check identified" in output or "no issues" in output, output
    assert "oauth2_provider" not in output, output
