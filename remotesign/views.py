"""The CSC API v2 over HTTP: JSON in, JSON out, errors as ``{"error", "error_description"}``.

``auth/login`` takes the client's id and secret (HTTP Basic) and answers a bearer
token that every other method requires. ``sim/subscribers`` is the simulator's own
door for enrolling a subscriber, which a real provider does at its counter or app.
"""

import base64
import binascii
import functools
import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services
from .services import CSCError


def _error(error: CSCError) -> JsonResponse:
    return JsonResponse({"error": error.code, "error_description": error.description}, status=error.status)


def _body(request) -> dict:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise CSCError("invalid_request", "The body must be a JSON object")
    return body


def _method(authenticated=True):
    def decorate(handler):
        @csrf_exempt
        @require_POST
        @functools.wraps(handler)
        def view(request):
            try:
                if authenticated:
                    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
                    if scheme.lower() != "bearer" or not token:
                        raise CSCError("invalid_token", "Missing bearer token", status=401)
                    services.client_of(token)
                return JsonResponse(handler(request, _body(request)))
            except CSCError as error:
                return _error(error)

        return view

    return decorate


def _text(body: dict, name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        raise CSCError("invalid_request", f"Missing parameter {name}")
    return value.strip()


@_method(authenticated=False)
def info(request, body):
    return services.info()


@csrf_exempt
@require_POST
def login(request):
    scheme, _space, encoded = request.headers.get("Authorization", "").partition(" ")
    try:
        client_id, _colon, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        client_id = secret = ""
    if scheme.lower() != "basic" or not client_id:
        return _error(CSCError("invalid_client", "HTTP Basic client authentication required", status=401))
    try:
        return JsonResponse(services.login(client_id, secret))
    except CSCError as error:
        return _error(error)


@_method()
def credentials_list(request, body):
    return {"credentialIDs": services.credentials_of(_text(body, "userID"))}


@_method()
def credentials_info(request, body):
    return services.credential_info(_text(body, "credentialID"), str(body.get("certificates") or "single"))


@_method()
def send_otp(request, body):
    return services.send_otp(_text(body, "credentialID"))


@_method()
def authorize(request, body):
    try:
        count = int(body.get("numSignatures", 1))
    except (TypeError, ValueError):
        raise CSCError("invalid_request", "Invalid parameter numSignatures") from None
    return services.authorize(_text(body, "credentialID"), _text(body, "OTP"), count)


@_method()
def sign_hash(request, body):
    return services.sign_hash(
        _text(body, "credentialID"),
        _text(body, "SAD"),
        body.get("hashes"),
        str(body.get("hashAlgorithmOID") or ""),
        _text(body, "signAlgo"),
    )


@_method()
def enrol(request, body):
    subscriber = services.enrol(
        _text(body, "userID"), _text(body, "name"), _text(body, "phone"), str(body.get("keyAlgo") or "rsa")
    )
    return {"userID": subscriber.user_id, "credentialIDs": services.credentials_of(subscriber.user_id)}
