"""Home page and the portal's error pages (the probes are in ``resilience``)."""

import sys
import time

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.views import i18n
from django.views.decorators.http import require_GET, require_POST

from common import pagecache
from notifications import services as notifications
from procedures import selectors
from procedures.forms import ProcedureSearchForm

from . import resilience


@require_GET
def home(request):
    """The home page: whole from the page cache for anonymous visitors (``common.pagecache``), its body from the
    fragment cache for the others. Both are kept under the catalogue generation (any catalogue row saved renews it)
    and the period of the overview's popularity figures (``selectors.OVERVIEW_CACHE_SECONDS``)."""
    generation_key = selectors.generation_key()
    period = int(time.time() // selectors.OVERVIEW_CACHE_SECONDS)

    def render_page(extra):
        generation = selectors.catalogue_generation()
        overview = SimpleLazyObject(selectors.catalogue_overview)  # read only when the body is rendered
        body_key = f"{generation}:{period}" if generation else None
        context = {"form": ProcedureSearchForm(), "overview": overview, "body_key": body_key, **extra}
        return render(request, "portal/home.html", context)

    key = f"home:{period}" if generation_key else None
    return pagecache.anonymous_page(
        request, key, render_page, timeout=selectors.OVERVIEW_CACHE_SECONDS, token_key=generation_key
    )


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page's ``<link rel="icon">`` says."""
    return redirect(static("img/emblem.svg"), permanent=True)


@require_POST
def set_language(request):
    """Django's language switch; a logged-in person's notifications follow the language they chose."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and translation.check_for_language(language):
        notifications.follow_site_language(request.user, language)
    return response


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Không tìm thấy. / Not found."}, status=404)
    return render(request, "404.html", status=404)


def server_error(request):
    if resilience.is_outage(sys.exc_info()[1]):  # raised in a middleware, after the view (the session's save)
        return resilience.unavailable(request)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Lỗi hệ thống. / Server error."}, status=500)
    # No context processors: the error may come from them.
    return HttpResponseServerError(loader.get_template("500.html").render())
