"""Keep the VNeID assurance level of each login in the portal session."""

from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from . import audit
from .constants import AuthEventKind, AuthSource
from .services import VNEID_PROVIDER_ID, remember_vneid_login


@receiver(user_logged_in)
def on_user_logged_in(sender, request, user, **kwargs):
    sociallogin = kwargs.get("sociallogin")
    if sociallogin is not None and sociallogin.account.provider == VNEID_PROVIDER_ID:
        remember_vneid_login(request, sociallogin)
        audit.record(
            request,
            source=AuthSource.PORTAL,
            kind=AuthEventKind.LOGIN_SUCCEEDED,
            identifier=user.get_username(),
            user=user,
            detail=f"vneid {request.session.get('vneid_acr', '')}",
        )
