"""django-oauth-toolkit validator of the simulated VNeID.

Carries the assurance level (``acr``) and the login time from the provider
session to the grant, and from the grant to the tokens, and builds the claims
from the population registry.
"""

from __future__ import annotations

from oauth2_provider.oauth2_validators import OAuth2Validator

from .claims import CLAIM_SCOPES, person_claims
from .models import Grant


class VNeIDValidator(OAuth2Validator):
    oidc_claim_scope = CLAIM_SCOPES

    def _create_authorization_code(self, request, code, expires=None):
        grant = super()._create_authorization_code(request, code, expires)
        # The authorize view hangs the provider session on the account object it passes as user.
        session = getattr(request.user, "provider_session", None)
        if session is not None:
            grant.acr = session.acr
            grant.auth_time = session.auth_time
            grant.save(update_fields=["acr", "auth_time"])
        return grant

    def validate_code(self, client_id, code, client, request, *args, **kwargs):
        valid = super().validate_code(client_id, code, client, request, *args, **kwargs)
        if valid:
            grant = Grant.objects.only("acr", "auth_time").get(code=code, application=client)
            request.vneid_acr = grant.acr
            if grant.auth_time:
                # Read by get_id_token_dictionary() for the auth_time claim; never saved.
                request.user.last_login = grant.auth_time
        return valid

    def _create_access_token(self, expires, request, token, source_refresh_token=None):
        access_token = super()._create_access_token(expires, request, token, source_refresh_token)
        acr = getattr(request, "vneid_acr", "") or (
            source_refresh_token.access_token.acr
            if source_refresh_token is not None and source_refresh_token.access_token_id
            else ""
        )
        if acr:
            access_token.acr = acr
            access_token.save(update_fields=["acr"])
        return access_token

    def get_additional_claims(self, request):
        account = request.user
        claims = person_claims(account.person)
        claims["acr"] = getattr(request, "vneid_acr", "") or getattr(getattr(request, "access_token", None), "acr", "")
        return claims

    def get_discovery_claims(self, request):
        return list(CLAIM_SCOPES)
