"""`manage.py check --deploy` warns while the simulated gateway is mounted."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def test_the_deploy_check_warns_while_the_simulated_gateway_is_mounted(settings):
    settings.PAYGOV_SIMULATOR = True
    with pytest.raises(SystemCheckError, match="payments.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING", stdout=StringIO(), stderr=StringIO())


def test_no_warning_once_a_real_gateway_is_configured(settings):
    settings.PAYGOV_SIMULATOR = False
    out = StringIO()
    try:
        call_command("check", "--deploy", "--fail-level", "WARNING", stdout=out, stderr=StringIO())
    except SystemCheckError as error:  # other deploy warnings (DEBUG, HSTS...) may stand in a test setup
        assert "payments.W001" not in str(error)
    else:
        assert "payments.W001" not in out.getvalue()


def test_the_simulator_is_off_by_default_when_a_gateway_address_is_set():
    """The default is computed from PAYGOV_BASE_URL when settings load: a fresh interpreter shows it."""
    import os
    import subprocess
    import sys

    code = "import django; django.setup(); from django.conf import settings; print(settings.PAYGOV_SIMULATOR)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings"}
    env.pop("PAYGOV_SIMULATOR", None)
    with_gateway = {**env, "PAYGOV_BASE_URL": "https://paygov.example.gov.vn"}
    run = lambda e: subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True).stdout  # noqa: E731
    assert run(with_gateway).strip() == "False"
    assert run({**env, "PAYGOV_BASE_URL": ""}).strip() == "True"
