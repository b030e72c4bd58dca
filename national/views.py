"""HTTP face of the simulated national receiver: the signed report endpoint, its figures as a page and as JSON."""

import json

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import protocol, services


@csrf_exempt  # a machine-to-machine endpoint: the HMAC signature, not a session, authenticates the sender
@require_POST
def status_report(request):
    """201 for a new report, 200 for a repeat (stored once), 403 for a bad signature, 400 for a bad report."""
    if getattr(settings, "NATIONAL_SIM_OUT_OF_SERVICE", False):
        return JsonResponse({"error": "out of service"}, status=503, headers={"Retry-After": "60"})
    body = request.body
    if not protocol.verify(body, request.META.get(protocol.SIGNATURE_HEADER)):
        return JsonResponse({"error": "bad signature"}, status=403)
    try:
        report, created = services.receive(json.loads(body))
    except (ValueError, services.BadReport) as error:  # JSONDecodeError is a ValueError
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(
        {"event_id": report.event_id, "status": "stored" if created else "duplicate"}, status=201 if created else 200
    )


@require_GET
def figures_api(request):
    """The nation's figures, overall and per agency (``?agency=<code>`` for one agency)."""
    return JsonResponse(services.figures(request.GET.get("agency") or None))


@require_GET
def figures_page(request):
    agency = request.GET.get("agency") or None
    data = services.figures(agency)
    if agency and not data["agencies"]:
        raise Http404
    for totals in (data["overall"], *data["agencies"].values()):
        for name in ("online", "on_time"):
            share = totals[f"{name}_share"]
            totals[f"{name}_percent"] = None if share is None else share * 100
    statuses = sorted(protocol.STATUSES.items())
    rows = list(data["agencies"].items())
    return render(
        request,
        "national/figures.html",
        {
            "overall": data["overall"],
            "rows": rows,
            "agency": agency,
            "status_rows": [(code, name, data["overall"]["by_status"].get(str(code), 0)) for code, name in statuses],
        },
    )
