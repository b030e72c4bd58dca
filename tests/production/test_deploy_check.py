"""Issue #21: ``manage.py check --deploy`` is clean under a complete production configuration, and a production
node without one of its secrets refuses to start, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """Every variable README's "Production" table marks as needed, as an operator would set them."""
    folder = tmp_path_factory.mktemp("production")
    key_file = folder / "vneid-signing.pem"
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    env = {
        name: value
        for name, value in os.environ.items()
        # The test settings' own choices (and the developer's) stay out: this is a fresh production node.
        if not name.startswith(
            ("DJANGO_", "PAYGOV_", "VNEID_", "NATIONAL_", "SECURE_", "DOCUMENT_", "SMS_", "REMOTESIGN_")
        )
        and name not in {"SECRET_KEY", "ENABLE_DEMO_PLUGINS", "BEHIND_PROXY", "DEBUG", "ALLOWED_HOSTS"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_ENV="production",
        VAR_DIR=str(folder / "var"),
        SECRET_KEY="k7Qz-production-secret-key-" + "x9" * 30,
        ALLOWED_HOSTS="dichvucong.example.gov.vn",
        PORTAL_BASE_URL="https://dichvucong.example.gov.vn",
        CSRF_TRUSTED_ORIGINS="https://dichvucong.example.gov.vn",
        VNEID_CLIENT_ID="dichvucong-portal",
        VNEID_CLIENT_SECRET="vneid-client-secret-" + "s" * 40,
        PAYGOV_BASE_URL="https://paygov.example.gov.vn",
        PAYGOV_SECRET="paygov-shared-secret-" + "p" * 40,
        REMOTESIGN_BASE_URL="https://kyso.example.gov.vn/csc/v2",
        REMOTESIGN_CLIENT_SECRET="remotesign-client-secret-" + "r" * 40,
        SMS_BACKEND="tests.production.plugins.CarrierSms",
        DOCUMENT_SIGNER="tests.production.plugins.RemoteSigner",
    )
    return env, key_file


def check(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_a_complete_production_configuration_passes_the_deploy_check_with_no_warning(production_env):
    env, _ = production_env
    result = check(env, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    # Nothing secret was generated on the machine.
    var = Path(env["VAR_DIR"])
    generated = ["secret_key", "vneid_client_id", "vneid_client_secret", "paygov_secret", "national_sync_secret"]
    assert [name for name in [*generated, "vneid_keys"] if (var / name).exists()] == []


@pytest.mark.parametrize(
    "variable", ["SECRET_KEY", "VNEID_CLIENT_SECRET", "VNEID_CLIENT_ID", "PAYGOV_SECRET", "REMOTESIGN_CLIENT_SECRET"]
)
def test_a_missing_secret_is_an_error_naming_its_variable(production_env, variable):
    env, _ = production_env
    env = {name: value for name, value in env.items() if name != variable}
    # The plain check, which runserver and migrate run too: the portal does not start.
    result = check(env)
    assert result.returncode != 0
    assert f"{variable} is not set" in result.stderr
    assert "portal.E002" in result.stderr


def test_the_wsgi_application_of_a_node_without_its_secrets_refuses_to_start(production_env):
    env, _ = production_env
    env = {name: value for name, value in env.items() if name != "PAYGOV_SECRET"}
    result = subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "PAYGOV_SECRET is not set" in result.stderr


def test_the_simulated_vneid_is_off_in_production_and_turned_on_it_needs_its_signing_key_and_is_reported(
    production_env,
):
    env, key_file = production_env
    on = {**env, "VNEID_SIMULATOR": "true"}
    result = check(on)
    assert "VNEID_SIGNING_KEY is not set" in result.stderr
    # With the key from a mounted file the start is fine, and the deploy check says the simulator is on.
    result = check({**on, "VNEID_SIGNING_KEY_FILE": str(key_file)}, "--deploy")
    assert result.returncode == 0, result.stderr
    assert "portal.W001" in result.stderr and "/vneid/" in result.stderr
    # So does the simulated PayGov, when a setting turns it on.
    result = check({**env, "PAYGOV_SIMULATOR": "true"}, "--deploy")
    assert "payments.W001" in result.stderr


def test_production_urls_mount_no_simulator(production_env):
    env, _ = production_env
    code = (
        "import django; django.setup(); from django.urls import resolve, Resolver404\n"
        "for path in ('/vneid/login/', '/paygov/checkout/x/', '/national/', '/remotesign/'):\n"
        "    try:\n        resolve(path); print('mounted', path)\n"
        "    except Resolver404:\n        print('absent', path)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.split("\n")[:4] == [
        "absent /vneid/login/",
        "absent /paygov/checkout/x/",
        "absent /national/",
        "absent /remotesign/",
    ]


def test_development_defaults_generate_what_is_missing_and_keep_the_simulators(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", "VAR_DIR": str(tmp_path)}
    for name in ("DJANGO_ENV", "SECRET_KEY", "VNEID_SIMULATOR", "PAYGOV_SIMULATOR", "PAYGOV_BASE_URL"):
        env.pop(name, None)
    result = check(env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").exists()
