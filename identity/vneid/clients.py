"""Registering the portal as a relying party of the simulated VNeID, on both sides.

Provider side: a confidential django-oauth-toolkit ``Application``.
Portal side: an allauth ``SocialApp`` of the OpenID Connect provider whose
``server_url`` is ``VNEID_ISSUER`` (the portal then finds every endpoint in the
discovery document, over HTTP).
"""

from __future__ import annotations

from allauth.socialaccount.models import SocialApp
from django.conf import settings
from oauth2_provider.models import get_application_model

from ..services import VNEID_PROVIDER_ID

PORTAL_CLIENT_NAME = "Cổng Dịch vụ công Quốc gia"
PORTAL_SCOPES = ["openid", "profile", "idnumber", "address", "phone", "email", "household", "edocuments"]


def callback_path() -> str:
    from django.urls import reverse

    return reverse("openid_connect_callback", kwargs={"provider_id": VNEID_PROVIDER_ID})


def register_portal_client(portal_base_url: str | None = None, issuer: str | None = None) -> tuple:
    """Create or update both registrations. Idempotent; returns (Application, SocialApp)."""
    portal_base_url = (portal_base_url or settings.PORTAL_BASE_URL).rstrip("/")
    issuer = (issuer or settings.VNEID_ISSUER).rstrip("/")
    Application = get_application_model()
    application = Application.objects.filter(client_id=settings.VNEID_CLIENT_ID).first() or Application(
        client_id=settings.VNEID_CLIENT_ID
    )
    application.name = PORTAL_CLIENT_NAME
    application.client_type = Application.CLIENT_CONFIDENTIAL
    application.authorization_grant_type = Application.GRANT_AUTHORIZATION_CODE
    application.algorithm = Application.RS256_ALGORITHM
    application.client_secret = settings.VNEID_CLIENT_SECRET  # hashed on save
    bases = [portal_base_url]
    # In development the same server answers as 127.0.0.1 and localhost.
    for a, b in (("//127.0.0.1", "//localhost"), ("//localhost", "//127.0.0.1")):
        if a in portal_base_url:
            bases.append(portal_base_url.replace(a, b))
    application.redirect_uris = " ".join(f"{base}{callback_path()}" for base in bases)
    application.post_logout_redirect_uris = " ".join(f"{base}/" for base in bases)
    application.skip_authorization = False
    application.save()

    social_app, _created = SocialApp.objects.update_or_create(
        provider="openid_connect",
        provider_id=VNEID_PROVIDER_ID,
        defaults={
            "name": "VNeID",
            "client_id": settings.VNEID_CLIENT_ID,
            "secret": settings.VNEID_CLIENT_SECRET,
            "settings": {
                "server_url": issuer,
                "oauth_pkce_enabled": True,
                "token_auth_method": "client_secret_basic",
                "fetch_userinfo": True,
                "scope": PORTAL_SCOPES,
            },
        },
    )
    return application, social_app
