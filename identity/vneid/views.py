"""HTTP endpoints of the simulated VNeID.

django-oauth-toolkit does the protocol (authorize, token, userinfo, JWKS,
revocation); these views add what a national identity provider needs around
it: its own login with an SMS one-time code for level 2, a consent screen,
step-up when a relying party asks for ``acr_values=LoA2``, and end-session.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlparse

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from jwcrypto import jwk, jwt
from jwcrypto.common import JWException
from oauth2_provider.exceptions import OAuthToolkitError
from oauth2_provider.models import get_application_model
from oauth2_provider.settings import oauth2_settings
from oauth2_provider.utils import jwk_from_pem
from oauth2_provider.views import AuthorizationView, ConnectDiscoveryInfoView, UserInfoView

from ..constants import AssuranceLevel
from . import cookies, guard, services
from .claims import SCOPE_CLAIM_LABELS
from .forms import LoginForm, OneTimeCodeForm
from .models import VNeIDAccount
from .oauth_validator import SESSION_MARKER


def _attach_account(request) -> None:
    """Make the provider's own session the user django-oauth-toolkit sees; the portal session is ignored."""
    session = cookies.current_session(request)
    if session is None:
        request.user = AnonymousUser()
        return
    account = session.account
    account.provider_session = session
    request.user = account


def _safe_next(request, value: str | None) -> str:
    authorize = reverse("oauth2_provider:authorize")
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts=None) and value.startswith(authorize):
        return value
    return reverse("oauth2_provider:done")


def _acr_of_next(next_url: str) -> str:
    query = parse_qs(urlparse(next_url).query)
    return services.requested_acr(" ".join(query.get("acr_values", [])))


def _client_name(next_url: str) -> str:
    client_id = (parse_qs(urlparse(next_url).query).get("client_id") or [""])[0]
    app = get_application_model().objects.filter(client_id=client_id).only("name").first() if client_id else None
    return app.name if app else ""


def _replace_session(request, account, acr):
    """A new login in this browser ends the session it had (a step-up replaces a level-1 session)."""
    services.end_session(request, cookies.current_session(request))
    return services.start_session(request, account, acr)


@never_cache
@require_http_methods(["GET", "POST"])
def login(request):
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    required = _acr_of_next(next_url)
    form = LoginForm(request.POST or None)
    error, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            account = services.check_credentials(request, form.cleaned_data["id_number"], form.cleaned_data["password"])
        except services.LoginRefused as refused:
            error, status = str(refused), refused.status
        else:
            if required == AssuranceLevel.LOA2:
                if account.level != AssuranceLevel.LOA2 or not account.person.phone:
                    error, status = (
                        _(
                            "Dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2. "
                            "Vui lòng kích hoạt mức độ 2 tại cơ quan Công an."
                        ),
                        400,
                    )
                else:
                    services.send_one_time_code(request, account)
                    response = HttpResponseRedirect(reverse("oauth2_provider:otp"))
                    cookies.set_pending(response, account.pk, next_url)
                    guard.set_device_cookie(request, response)
                    return response
            else:
                session = _replace_session(request, account, AssuranceLevel.LOA1)
                response = HttpResponseRedirect(next_url)
                cookies.set_session(response, session)
                guard.set_device_cookie(request, response)
                return response
    response = render(
        request,
        "vneid/login.html",
        {
            "form": form,
            "error": error,
            "next": next_url,
            "level2": required == AssuranceLevel.LOA2,
            "client_name": _client_name(next_url),
        },
        status=status,
    )
    guard.set_device_cookie(request, response)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def one_time_code(request):
    pending = cookies.get_pending(request)
    account = VNeIDAccount.objects.select_related("person").filter(pk=pending["account"]).first() if pending else None
    if account is None:
        return HttpResponseRedirect(reverse("oauth2_provider:login"))
    next_url = _safe_next(request, pending["next"])
    form = OneTimeCodeForm(request.POST or None)
    error, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.check_one_time_code(request, account, form.cleaned_data["code"])
        except services.LoginRefused as refused:
            error, status = str(refused), refused.status
        else:
            session = _replace_session(request, account, AssuranceLevel.LOA2)
            response = HttpResponseRedirect(next_url)
            cookies.clear_pending(response)
            cookies.set_session(response, session)
            guard.set_device_cookie(request, response)
            return response
    phone = account.person.phone
    return render(
        request,
        "vneid/otp.html",
        {"form": form, "error": error, "masked_phone": f"{'*' * max(len(phone) - 3, 0)}{phone[-3:]}"},
        status=status,
    )


def done(request):
    """Where a login without a relying party ends."""
    _attach_account(request)
    return render(request, "vneid/done.html", {"account": request.user if request.user.is_authenticated else None})


class VNeIDAuthorizationView(AuthorizationView):
    template_name = "vneid/consent.html"

    def dispatch(self, request, *args, **kwargs):
        _attach_account(request)
        # For prompt=none (VNeIDValidator.validate_silent_login); a server-side key, never a client header.
        request.META[SESSION_MARKER] = "1" if request.user.is_authenticated else ""
        if request.GET.get("approval_prompt", "force") != "force":
            # VNeID asks for consent every time: a client cannot ask to skip it (approval_prompt=auto).
            request.GET = request.GET.copy()
            request.GET["approval_prompt"] = "force"
        return super().dispatch(request, *args, **kwargs)

    def get_login_url(self):
        return reverse("oauth2_provider:login")

    def handle_no_permission(self):
        # Refuse a bad request (unknown client or redirect_uri...) before asking anyone to log in.
        if self.request.method == "GET":
            try:
                self.validate_authorization_request(self.request)
            except OAuthToolkitError as error:
                return self.error_response(error, application=None)
        return super().handle_no_permission()

    def get(self, request, *args, **kwargs):
        session = getattr(request.user, "provider_session", None)
        required = services.requested_acr(request.GET.get("acr_values"))
        if session is not None and AssuranceLevel.rank(session.acr) < AssuranceLevel.rank(required):
            # Step-up: the relying party asks for more than this session has.
            try:
                self.validate_authorization_request(request)
            except OAuthToolkitError as error:
                return self.error_response(error, application=None)
            return HttpResponseRedirect(
                f"{reverse('oauth2_provider:login')}?{urlencode({'next': request.get_full_path()})}"
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scopes = kwargs.get("scopes") or []
        groups = [(oauth2_settings.SCOPES.get(scope, scope), SCOPE_CLAIM_LABELS.get(scope, [])) for scope in scopes]
        # A scope of one claim named like the scope itself ("Số điện thoại") is said once.
        context["claim_groups"] = [
            (label, [] if [str(c) for c in claims] == [str(label)] else claims) for label, claims in groups
        ]
        application = context.get("application")
        # The portal's own name is in the translations; another relying party's name is shown as registered.
        context["application_name"] = _(application.name) if application else ""
        context["account"] = self.request.user if self.request.user.is_authenticated else None
        return context


class VNeIDDiscoveryView(ConnectDiscoveryInfoView):
    """django-oauth-toolkit's discovery document plus what VNeID adds: acr values and end-session."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        data = json.loads(response.content)
        data["end_session_endpoint"] = request.build_absolute_uri(reverse("oauth2_provider:end-session"))
        data["revocation_endpoint"] = request.build_absolute_uri(reverse("oauth2_provider:revoke-token"))
        data["acr_values_supported"] = [AssuranceLevel.LOA1.value, AssuranceLevel.LOA2.value]
        data["code_challenge_methods_supported"] = ["S256"]
        data["grant_types_supported"] = ["authorization_code", "refresh_token"]
        data["token_endpoint_auth_methods_supported"] = ["client_secret_basic", "client_secret_post"]
        new = JsonResponse(data)
        new["Access-Control-Allow-Origin"] = "*"
        return new


class VNeIDUserInfoView(UserInfoView):
    """Userinfo takes the access token from the Authorization header only (RFC 9700 §4.3.2): a token in the
    URL ends up in logs, history and referrers. django-oauth-toolkit's setting does not cover this view."""

    def dispatch(self, request, *args, **kwargs):
        if "access_token" in request.GET:
            response = JsonResponse(
                {"error": "invalid_request", "error_description": "Send the access token in the Authorization header."},
                status=401,
            )
            response["WWW-Authenticate"] = 'Bearer error="invalid_request"'
            return response
        return super().dispatch(request, *args, **kwargs)


def _signing_keys() -> jwk.JWKSet:
    """The public keys of the JWKS, with the key ids django-oauth-toolkit puts in token headers."""
    keys = jwk.JWKSet()
    for pem in [oauth2_settings.OIDC_RSA_PRIVATE_KEY, *oauth2_settings.OIDC_RSA_PRIVATE_KEYS_INACTIVE]:
        private = jwk_from_pem(pem)
        keys.add(jwk.JWK(**{**json.loads(private.export_public()), "kid": private.thumbprint()}))
    return keys


def _id_token_claims(id_token_hint: str) -> dict | None:
    """Claims of an ID token we signed; an expired one is still a good hint for logging out."""
    try:
        token = jwt.JWT(jwt=id_token_hint, key=_signing_keys(), check_claims=False)
        return json.loads(token.claims)
    except (JWException, ValueError, TypeError):
        return None


def _check_csrf(request):
    """Django's CSRF check, for a view that needs it only on some paths: a 403 response, or None."""
    return CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def end_session(request):
    """OpenID Connect RP-Initiated Logout: end the VNeID session, then go back to the relying party.

    A link or form on any site can reach this URL, so the session ends at once only when the relying
    party sends the ID token of this session (``id_token_hint``: no other site has it); otherwise the
    citizen is asked on a page of VNeID whose answer is a POST with its CSRF token.
    """
    params = request.POST if request.method == "POST" else request.GET
    claims = _id_token_claims(params.get("id_token_hint", "")) if params.get("id_token_hint") else None
    client_id = params.get("client_id") or ""
    if claims:
        audience = claims.get("aud")
        audience = audience if isinstance(audience, list) else [audience]
        if client_id and client_id not in audience:
            claims = None
        else:
            client_id = audience[0]
    application = get_application_model().objects.filter(client_id=client_id).first() if client_id else None

    session = cookies.current_session(request)
    if session is not None:
        proven = claims is not None and claims.get("sub") == str(session.account_id)
        if not proven:
            if request.method == "GET" or params.get("confirm") != "1":
                return render(
                    request,
                    "vneid/logout_confirm.html",
                    {
                        "application": application,
                        "account": session.account,
                        "fields": {
                            key: params[key]
                            for key in ("client_id", "post_logout_redirect_uri", "state", "id_token_hint")
                            if params.get(key)
                        },
                    },
                )
            if (refused := _check_csrf(request)) is not None:
                return refused
        services.end_session(request, session)

    redirect_uri = params.get("post_logout_redirect_uri", "")
    allowed = application.post_logout_redirect_uris.split() if application else []
    # Either the ID token or the client_id names the relying party; the URI must be registered for it.
    if redirect_uri and application is not None and redirect_uri in allowed:
        state = params.get("state")
        target = redirect_uri + (("&" if "?" in redirect_uri else "?") + urlencode({"state": state}) if state else "")
        response = HttpResponseRedirect(target)
    else:
        response = render(request, "vneid/logged_out.html", {"application": application})
    cookies.clear_session(response)
    cookies.clear_pending(response)
    return response
