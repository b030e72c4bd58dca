"""Deployment checks of payments (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def simulated_gateway_mounted(app_configs, **kwargs):
    """Anyone can mark a payment paid on the simulated gateway: it has no place in production."""
    if not getattr(settings, "PAYGOV_SIMULATOR", False):
        return []
    return [
        Warning(
            "The simulated payment gateway is mounted at /paygov/: anyone can mark a payment as paid there.",
            hint="Set PAYGOV_BASE_URL to the national payment platform (which turns the simulator off), "
            "or PAYGOV_SIMULATOR=false.",
            id="payments.W001",
        )
    ]
