"""Keep the VNeID assurance level of each login in the portal session, and an officer's second factor."""

from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import user_logged_in
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
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


@receiver(authenticator_added)
def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    """The code that activated TOTP proves the officer holds the authenticator: this session has its second
    factor, so a newly enrolled officer goes straight to work instead of typing a second code."""
    if authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
