"""Public catalogue pages: search results, procedure page, its QR code."""

import io

import segno
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from common import pagecache
from common.urls import portal_url

from . import selectors, services
from .constants import VersionStatus
from .forms import ProcedureSearchForm
from .models import DocumentComponent, Procedure, ProcedureVersion

PAGE_SIZE = 20
# A whole procedure page kept for anonymous visitors (``common.pagecache``); its key changes with what it shows.
PAGE_CACHE_SECONDS = 24 * 3600


@require_GET
def procedure_list(request):
    form = ProcedureSearchForm(request.GET or None, with_display_choices=True)
    if request.GET and not form.is_valid():
        return render(request, "procedures/list.html", {"form": form, "page": None}, status=400)
    filters = form.cleaned_data if request.GET else {}
    results = selectors.search_procedures(**{k: v for k, v in filters.items() if v})
    paginator = Paginator(results, PAGE_SIZE)
    requested = request.GET.get("page", "1")
    page = paginator.get_page(requested)
    out_of_range = str(page.number) != requested.strip() and "page" in request.GET
    query = request.GET.copy()
    query.pop("page", None)
    suggestion = selectors.search_suggestion(filters.get("q", "")) if filters.get("q") else ""
    suggestion_query = ""
    if suggestion:
        corrected = query.copy()
        corrected["q"] = suggestion
        suggestion_query = corrected.urlencode()
    return render(
        request,
        "procedures/list.html",
        {
            "form": form,
            "page": page,
            "total": paginator.count,
            "out_of_range": out_of_range,
            "querystring": query.urlencode(),
            "active_filters": sum(1 for name, value in filters.items() if name != "q" and value),
            "suggestion": suggestion,
            "suggestion_query": suggestion_query,
        },
    )


@require_GET
def procedure_detail(request, code):
    requested = request.GET.get("version")
    if requested and (not requested.isdigit() or len(requested) > 9):  # a version number, within an integer
        raise Http404

    def render_page(extra):
        state = selectors.page_state(code, int(requested) if requested else None)
        if state is None or state.version_id is None:
            raise Http404
        procedure = Procedure.objects.select_related("current_version__sector").get(pk=state.procedure_id)
        version = ProcedureVersion.objects.select_related("sector").get(pk=state.version_id)
        # Published versions never change: the template caches their body per version and publication state
        # (``state.key``), and these querysets are only evaluated on a miss of that fragment.
        return render(
            request,
            "procedures/detail.html",
            {
                "procedure": procedure,
                "version": version,
                "body_state": state.key,
                "is_current": version.pk == procedure.current_version_id,
                "published_versions": procedure.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number"),
                "fees": version.fees.all(),
                "components": version.components.all(),
                "form_templates": version.components.exclude(template_file=""),
                "legal_bases": version.legal_bases.all(),
                "agencies": version.agencies.all(),
                **extra,
            },
        )

    # The whole page for anonymous visitors, by its address, kept under the catalogue generation: every change of
    # what it shows renews it (a publication, an online service, an agency, a retirement), so nothing has to be
    # deleted, and a page answered from the cache costs no query.
    generation_key = selectors.generation_key()
    key = f"procedure:{code}" if generation_key else None
    response = pagecache.anonymous_page(
        request, key, render_page, timeout=PAGE_CACHE_SECONDS, params=("version",), token_key=generation_key
    )
    services.record_view(Procedure(code=code))  # the page was found (a missing one raised 404)
    return response


@require_GET
@cache_control(max_age=86400, public=True)
def component_template(request, code, pk):
    """A published form template (tờ khai, mẫu đơn) as a download, whatever serves the media files: public, as
    the procedure page it is listed on."""
    component = get_object_or_404(
        DocumentComponent.objects.select_related("version"),
        pk=pk,
        version__procedure__code=code,
        version__status=VersionStatus.PUBLISHED,
    )
    if not component.template_file:
        raise Http404
    try:
        handle = component.template_file.open("rb")
    except FileNotFoundError:
        raise Http404
    extension = component.template_file.name.rsplit(".", 1)[-1].lower() if "." in component.template_file.name else ""
    filename = f"{code}-{component.order}.{extension}" if extension else f"{code}-{component.order}"
    return FileResponse(handle, as_attachment=True, filename=filename)


@require_GET
@cache_control(max_age=86400, public=True)
def procedure_qr(request, code):
    procedure = get_object_or_404(Procedure, code=code)
    # From PORTAL_BASE_URL, never the Host header: the picture is cached publicly for a day.
    url = portal_url(reverse("procedures:detail", args=[procedure.code]))
    return HttpResponse(qr_svg(url, title=procedure.code), content_type="image/svg+xml")


def qr_svg(url: str, *, title: str = "") -> bytes:
    """A standalone SVG QR code (with its namespace, so browsers render it as an image)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, title=title or None, border=2)
    return buffer.getvalue()
