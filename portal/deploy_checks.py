"""Checks of a production configuration (``DJANGO_ENV=production``, README "Production").

``secrets_configured`` runs with every ``manage.py check`` (and so before ``migrate`` and
``runserver``) and when the WSGI application starts (``portal.wsgi``): in production a secret left
out of the configuration is an error naming its variable, and the portal does not start. Nothing is
generated under ``var/`` in production, so every web node signs sessions, tokens and documents with
the same keys. The other checks are deployment checks (``manage.py check --deploy``).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

ENVIRONMENTS = ("development", "production")


def missing_secrets() -> list[tuple[str, str]]:
    """(variable, what it is for) of each secret production needs and the configuration does not give."""
    missing = []

    def need(variable: str, value, purpose: str) -> None:
        if not value:
            missing.append((variable, purpose))

    need("SECRET_KEY", getattr(settings, "SECRET_KEY_CONFIGURED", True), "signs sessions, CSRF tokens and signed links")
    need("VNEID_CLIENT_ID", settings.VNEID_CLIENT_ID, "the portal's client registration at VNeID")
    need("VNEID_CLIENT_SECRET", settings.VNEID_CLIENT_SECRET, "the portal's client secret at VNeID")
    if getattr(settings, "PAYMENT_PROVIDER", "") == "paygov":
        need("PAYGOV_SECRET", settings.PAYGOV_SECRET, "signs payment requests and checks PayGov's callbacks")
    if getattr(settings, "NATIONAL_SYNC_URL", "") or getattr(settings, "NATIONAL_SIMULATOR", False):
        need("NATIONAL_SYNC_SECRET", settings.NATIONAL_SYNC_SECRET, "signs status reports to the national portal")
    if hasattr(settings, "REMOTESIGN_CLIENT_SECRET"):
        need(
            "REMOTESIGN_CLIENT_SECRET",
            settings.REMOTESIGN_CLIENT_SECRET,
            "the portal's client secret at the remote-signing provider citizens sign with",
        )
    if getattr(settings, "VNEID_SIMULATOR", False):
        need(
            "VNEID_SIGNING_KEY",
            settings.OAUTH2_PROVIDER.get("OIDC_RSA_PRIVATE_KEY"),
            "signs the simulated VNeID's ID tokens (or VNEID_SIGNING_KEY_FILE)",
        )
    if getattr(settings, "DOCUMENT_SIGNER", "") == "local":
        # The local signer keeps its keys in a directory: one mounted on every node, never var/ of one machine.
        directory = Path(getattr(settings, "DOCUMENT_SIGNING_DIR", Path(settings.VAR_DIR) / "signing"))
        need(
            "DOCUMENT_SIGNING_DIR",
            directory != Path(settings.VAR_DIR) / "signing",
            "the document signing keys, a directory shared by every node",
        )
    return missing


@register(Tags.security)
def secrets_configured(app_configs, **kwargs):
    """In production every secret comes from configuration; one missing is an error naming its variable."""
    environment = getattr(settings, "DJANGO_ENV", "development")
    if environment not in ENVIRONMENTS:
        return [
            Error(
                f"DJANGO_ENV is {environment!r}: it must be one of {', '.join(ENVIRONMENTS)}.",
                id="portal.E001",
            )
        ]
    if not getattr(settings, "PRODUCTION", False):
        return []
    return [
        Error(
            f"{variable} is not set: {purpose}. In production no secret is generated on the machine.",
            hint=f"Set {variable} in the environment (the same value on every node); see README, Production.",
            id="portal.E002",
        )
        for variable, purpose in missing_secrets()
    ]


def refuse_to_start_without_secrets() -> None:
    """Called by the WSGI application: a production node without its secrets does not serve a request."""
    errors = secrets_configured(None)
    if errors:
        raise ImproperlyConfigured("; ".join(error.msg for error in errors))


@register(Tags.security, deploy=True)
def simulators_and_policies(app_configs, **kwargs):
    """The simulated VNeID has no place in production; neither has a policy that lets inline code run."""
    problems = []
    if getattr(settings, "VNEID_SIMULATOR", False):
        problems.append(
            Warning(
                "The simulated VNeID identity provider is mounted at /vneid/: anyone registered in the "
                "simulated population registry can log in there.",
                hint="Set VNEID_SIMULATOR=false and point the VNeID client at the real provider.",
                id="portal.W001",
            )
        )
    if getattr(settings, "REMOTESIGN_SIMULATOR", False):
        problems.append(
            Warning(
                "The simulated remote-signing provider is mounted at /remotesign/: its signatures have no legal value.",
                hint="Set REMOTESIGN_BASE_URL to the real provider (which turns the simulator off).",
                id="portal.W004",
            )
        )
    if not getattr(settings, "PRODUCTION", False):
        problems.append(
            Warning(
                "DJANGO_ENV is not 'production': missing secrets are generated under var/ on this machine.",
                hint="Set DJANGO_ENV=production on every node of a deployment.",
                id="portal.W002",
            )
        )
    directives = getattr(settings, "CONTENT_SECURITY_POLICY", {}).get("DIRECTIVES", {})
    for directive in ("script-src", "style-src", "default-src"):
        if "'unsafe-inline'" in directives.get(directive, ()):
            problems.append(
                Warning(
                    f"The Content-Security-Policy allows 'unsafe-inline' in {directive}.",
                    id="portal.W003",
                )
            )
    return problems
