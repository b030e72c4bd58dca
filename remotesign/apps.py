from django.apps import AppConfig


class RemoteSignConfig(AppConfig):
    """The simulated remote-signing provider (ký số từ xa), an outside party of its own.

    Like the simulated VNeID and PayGov it imports none of the portal's apps: the
    portal reaches it over HTTP only, through the Cloud Signature Consortium API
    (v2) it publishes under ``/remotesign/csc/v2/``, as it would reach a licensed
    provider's signing service.
    """

    name = "remotesign"
    label = "remotesign"
    verbose_name = "Ký số từ xa (mô phỏng)"
    default_auto_field = "django.db.models.BigAutoField"
