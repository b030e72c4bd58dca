"""Portal pages about the signed-in person: citizen login and profile, step-up (the back-office lives in records)."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from . import services
from .adapters import vneid_app
from .constants import AssuranceLevel, EDocumentKind
from .decorators import citizen_required


def _safe_next(request, default: str) -> str:
    value = request.GET.get("next") or ""
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return default


def _vneid_login_url(request, next_url: str, level: str | None = None) -> str | None:
    app = vneid_app()
    if app is None:
        return None
    params = {"process": "login", "next": next_url}
    auth_params = {"nonce": services.new_login_nonce(request)}
    if level:
        auth_params["acr_values"] = level
    params["auth_params"] = urlencode(auth_params)
    url = reverse("openid_connect_login", kwargs={"provider_id": app.provider_id})
    return f"{url}?{urlencode(params)}"


@require_GET
def login(request):
    """Citizens: "Đăng nhập bằng VNeID". Officers have their own door (username, password, TOTP).

    ``level=LoA2`` (from a service that needs level 2) asks VNeID for level 2 at once, so the citizen
    does not log in at level 1 and then again to step up.
    """
    next_url = _safe_next(request, reverse("identity:my_account"))
    level = request.GET.get("level") if request.GET.get("level") in AssuranceLevel.values else None
    context = {
        "vneid_login_url": _vneid_login_url(request, next_url, level),
        "next": next_url,
        "level2": level == AssuranceLevel.LOA2,
    }
    return render(request, "identity/login.html", context)


@require_GET
@citizen_required
def step_up(request):
    """A level-1 session asked to reach level 2 before going on."""
    next_url = _safe_next(request, reverse("identity:my_account"))
    return render(
        request,
        "identity/step_up.html",
        {"vneid_login_url": _vneid_login_url(request, next_url, AssuranceLevel.LOA2), "next": next_url},
    )


@require_GET
@citizen_required
def my_account(request):
    claims = services.citizen_claims(request.user)
    level2 = services.assurance_satisfied(request, AssuranceLevel.LOA2)
    documents = claims.get("edocuments") or []
    labels = dict(EDocumentKind.choices)
    return render(
        request,
        "identity/my_account.html",
        {
            "claims": claims,
            "acr": services.session_acr(request),
            "level2": level2,
            "documents": [{**doc, "label": labels.get(doc.get("type"), doc.get("type"))} for doc in documents],
            "step_up_url": f"{reverse('identity:step_up')}?next={reverse('identity:my_account')}",
        },
    )
