from django.apps import AppConfig


class GatewaySimConfig(AppConfig):
    """The simulated national payment platform (PayGov), a bounded context of its own.

    It shares nothing with the portal's payments but the protocol: the portal
    reaches it over HTTP only, as it would reach the real platform.
    """

    name = "payments.gateway_sim"
    label = "paygov"
    verbose_name = "PayGov (mô phỏng)"
