"""django-oauth-toolkit validator of the simulated VNeID.

Carries the assurance level (``acr``) and the login time from the provider
session to the grant, and from the grant to the tokens, and builds the claims
from the population registry. On top of django-oauth-toolkit it refuses PKCE
``plain`` when the request comes (discovery advertises S256 only), answers
``prompt=none`` (login or consent required: VNeID always asks for consent), and
revokes what a code gave when that code is presented a second time (RFC 6749
§4.1.2: a replayed code was stolen).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.utils import timezone
from oauth2_provider.models import get_refresh_token_model
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.settings import oauth2_settings
from oauthlib.oauth2.rfc6749 import errors

from .claims import CLAIM_SCOPES, person_claims
from .models import AccessToken, Grant, RedeemedCode

# Set by the authorize view in request.META (never from a client header: those start with HTTP_),
# read from the headers oauthlib gets: whether this browser has a VNeID session.
SESSION_MARKER = "vneid.authenticated"


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


class VNeIDValidator(OAuth2Validator):
    oidc_claim_scope = CLAIM_SCOPES

    def is_pkce_required(self, client_id, request):
        # Called while an authorization request is validated, before its code_challenge_method is read.
        if getattr(request, "code_challenge", None) is not None and request.code_challenge_method != "S256":
            raise errors.InvalidRequestError(
                description='Unsupported code_challenge_method; only "S256" is supported.', request=request
            )
        return super().is_pkce_required(client_id, request)

    def validate_silent_login(self, request):
        return request.headers.get(SESSION_MARKER) == "1"

    def validate_silent_authorization(self, request):
        # The citizen sees what is shared every time: no silent authorization.
        return False

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
        else:
            self._revoke_redeemed(code, client)
        return valid

    def _revoke_redeemed(self, code, client) -> None:
        """A code already exchanged is presented again: revoke every token it gave, and their refreshes."""
        redeemed = RedeemedCode.objects.filter(code_hash=code_hash(code), application=client).first()
        if redeemed is None:
            return
        if redeemed.token_family:
            get_refresh_token_model().revoke_family(redeemed.token_family)
        if redeemed.access_token_id:
            AccessToken.objects.filter(pk=redeemed.access_token_id).delete()

    def validate_refresh_token(self, refresh_token, client, request, *args, **kwargs):
        valid = super().validate_refresh_token(refresh_token, client, request, *args, **kwargs)
        if valid:
            # Read now: rotation deletes the old access token before the new one is made.
            previous = getattr(request.refresh_token_instance, "access_token", None)
            request.vneid_acr = previous.acr if previous is not None else ""
        return valid

    def _create_access_token(self, expires, request, token, source_refresh_token=None):
        access_token = super()._create_access_token(expires, request, token, source_refresh_token)
        acr = getattr(request, "vneid_acr", "")
        if acr:
            access_token.acr = acr
            access_token.save(update_fields=["acr"])
        if request.grant_type == "authorization_code" and request.code:
            RedeemedCode.objects.create(
                code_hash=code_hash(request.code), application=request.client, access_token=access_token
            )
            # No token a code gave outlives its refresh tokens: older records are of no use.
            oldest = timezone.now() - timedelta(seconds=oauth2_settings.REFRESH_TOKEN_EXPIRE_SECONDS or 86400)
            RedeemedCode.objects.filter(redeemed_at__lt=oldest).delete()
        return access_token

    def _create_refresh_token(self, request, refresh_token_code, access_token, previous_refresh_token):
        refresh_token = super()._create_refresh_token(request, refresh_token_code, access_token, previous_refresh_token)
        if request.grant_type == "authorization_code" and request.code:
            RedeemedCode.objects.filter(code_hash=code_hash(request.code), application=request.client).update(
                token_family=refresh_token.token_family
            )
        return refresh_token

    def get_additional_claims(self, request):
        account = request.user
        claims = person_claims(account.person)
        claims["acr"] = getattr(request, "vneid_acr", "") or getattr(getattr(request, "access_token", None), "acr", "")
        return claims

    def get_discovery_claims(self, request):
        return list(CLAIM_SCOPES)
