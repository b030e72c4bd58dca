"""Deployment checks of payments (``manage.py check --deploy``).

The configured provider's own checks (``PaymentProvider.check``) run with every
registry's (``common.registry``); importing the registry here loads it at start-up.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from .providers import registry  # noqa: F401  (its checks run with `manage.py check`)


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
