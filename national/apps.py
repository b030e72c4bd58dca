from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    """The simulated national portal and EMC monitoring system, as the receiver of provinces' status reports.

    A bounded context of its own, outside the portal: it shares nothing with it but the protocol (``protocol.py``),
    reached over HTTP only, as the real national system would be. It keeps what it receives and computes its own
    figures, so the portal's figures and the nation's view of them can be compared.
    """

    name = "national"
    label = "national"
    verbose_name = _("Cổng quốc gia và EMC (mô phỏng)")
