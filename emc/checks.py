"""Deployment checks of EMC reporting (``manage.py check``)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register()
def national_endpoint_configured(app_configs, **kwargs):
    """An endpoint without its shared secret would sign nothing: every report would wait forever."""
    if getattr(settings, "NATIONAL_SYNC_URL", "") and not getattr(settings, "NATIONAL_SYNC_SECRET", ""):
        return [
            Error(
                "NATIONAL_SYNC_URL is set but NATIONAL_SYNC_SECRET is empty: status reports cannot be signed.",
                hint="Set NATIONAL_SYNC_SECRET to the secret shared with the national portal.",
                id="emc.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def simulated_receiver_mounted(app_configs, **kwargs):
    """The simulated national receiver has no place in production: anyone may read its figures."""
    if not getattr(settings, "NATIONAL_SIMULATOR", False):
        return []
    return [
        Warning(
            "The simulated national receiver of status reports is mounted at /national/.",
            hint="Set NATIONAL_SYNC_URL to the national portal's endpoint (which turns the simulator off), "
            "or NATIONAL_SIMULATOR=false.",
            id="emc.W001",
        )
    ]
