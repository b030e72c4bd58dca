"""Home page, health check and the portal's error pages."""

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.views import i18n
from django.views.decorators.http import require_GET, require_POST

from notifications import services as notifications
from procedures import selectors
from procedures.forms import ProcedureSearchForm


@require_GET
def home(request):
    return render(request, "portal/home.html", {"form": ProcedureSearchForm(), **selectors.catalogue_overview()})


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


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
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Lỗi hệ thống. / Server error."}, status=500)
    # No context processors: the error may come from them.
    return HttpResponseServerError(loader.get_template("500.html").render())
