"""Starting a filing from a service or integrated-service page: raise the VNeID level first if the service asks
for it, then open the citizen's draft (a double tap opens the same one)."""

import secrets
from urllib.parse import urlencode

from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from eservices import prefill
from eservices.models import IntegratedService, OnlineService
from identity.decorators import citizen_required
from identity.services import assurance_satisfied, citizen_claims, logged_in_within

from .. import services

# A level-1 citizen's request to start a filing travels through VNeID's step-up in the return
# URL (the login may start a new session), signed for that citizen, usable once. The salt keeps the
# name it had when this view lived in the services app, so links in flight stay valid.
RESUME_SALT = "services.resume-start"
RESUME_MAX_AGE = 30 * 60

# "Đăng nhập bằng VNeID để nộp hồ sơ" logs in with the start URL as ``next``: the GET that ends the login opens
# the filing at once, but only within this many seconds of a VNeID login and once per login, so a start link
# sent to a citizen later cannot open drafts on their behalf; any other GET asks for one confirmation (a POST).
LOGIN_CONTINUE_SECONDS = 10 * 60
LOGIN_CONTINUED_KEY = "records:login-continued"


def _step_up_redirect(request, definition):
    """Send a level-1 session to raise its level before it may file; the filing starts when they are back."""
    if definition.needs_step_up and not assurance_satisfied(request, definition.required_assurance):
        kind = "bundle" if isinstance(definition, IntegratedService) else "service"
        intent = signing.dumps(
            {"user": request.user.pk, "kind": kind, "slug": definition.slug, "nonce": secrets.token_hex(8)},
            salt=RESUME_SALT,
        )
        resume = f"{reverse('records:resume')}?{urlencode({'intent': intent})}"
        return HttpResponseRedirect(f"{reverse('identity:step_up')}?{urlencode({'next': resume})}")
    return None


def _applicant(request) -> tuple[str, str]:
    claims = citizen_claims(request.user)
    return claims.get("id_number", ""), claims.get("name") or request.user.get_full_name()


def _continues_login(request) -> bool:
    """A GET right after logging in from a service page: true once per VNeID login, for a few minutes."""
    at = logged_in_within(request, LOGIN_CONTINUE_SECONDS)
    if at is None or request.session.get(LOGIN_CONTINUED_KEY) == at:
        return False
    request.session[LOGIN_CONTINUED_KEY] = at
    return True


def _confirm_start(request, definition, action):
    return render(request, "records/start_confirm.html", {"definition": definition, "action": action})


@require_http_methods(["GET", "POST"])
@citizen_required
def start_filing(request, slug):
    service = get_object_or_404(OnlineService, slug=slug, is_active=True)
    if request.method == "GET" and not _continues_login(request):
        return _confirm_start(request, service, reverse("records:start", args=[slug]))
    return _step_up_redirect(request, service) or _start_service(request, service)


@require_http_methods(["GET", "POST"])
@citizen_required
def start_bundle(request, slug):
    bundle = get_object_or_404(IntegratedService, slug=slug, is_active=True)
    if request.method == "GET" and not _continues_login(request):
        return _confirm_start(request, bundle, reverse("records:start_bundle", args=[slug]))
    return _step_up_redirect(request, bundle) or _start_bundle(request, bundle)


@require_GET
@citizen_required
def resume_start(request):
    """Back from raising the level: start the filing the citizen asked for (once), or show its page."""
    try:
        intent = signing.loads(request.GET.get("intent", ""), salt=RESUME_SALT, max_age=RESUME_MAX_AGE)
    except signing.BadSignature:
        return redirect("services:list")
    model = {"service": OnlineService, "bundle": IntegratedService}.get(intent.get("kind"))
    definition = model.objects.filter(slug=intent.get("slug"), is_active=True).first() if model else None
    if definition is None or intent.get("user") != request.user.pk:
        return redirect("services:list")
    if definition.needs_step_up and not assurance_satisfied(request, definition.required_assurance):
        messages.error(request, _("Dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2."))
        return redirect(definition)
    if not cache.add(f"services:resumed:{intent['nonce']}", True, RESUME_MAX_AGE):
        return redirect(definition)  # already started from this link (a reload, the back button)
    return (_start_bundle if model is IntegratedService else _start_service)(request, definition)


def _start_service(request, service):
    id_number, name = _applicant(request)
    unit_code = services.residence_unit_code(prefill.registry_data(id_number))
    try:
        record = services.start_online_draft(
            service=service,
            applicant=request.user,
            applicant_id_number=id_number,
            applicant_name=name,
            agency=services.agency_for_unit(service, unit_code),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(service)
    return redirect("records:step", pk=record.pk, step="eligibility" if service.eligibility else "form")


def _start_bundle(request, bundle):
    id_number, name = _applicant(request)
    try:
        group = services.start_bundle_draft(
            bundle=bundle,
            applicant=request.user,
            applicant_id_number=id_number,
            applicant_name=name,
            unit_code=services.residence_unit_code(prefill.registry_data(id_number)),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(bundle)
    return redirect("records:step", pk=group.pk, step="eligibility" if bundle.eligibility else "form")
