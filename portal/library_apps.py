"""Libraries' apps under Vietnamese names in the admin (an app's name is not in its migrations, unlike its models')."""

from django.utils.translation import gettext_lazy as _
from oauth2_provider.apps import DOTConfig


class OAuthProviderConfig(DOTConfig):
    """Django OAuth Toolkit: the simulated VNeID's OAuth clients and tokens."""

    verbose_name = _("Ứng dụng và mã OAuth (VNeID mô phỏng)")
