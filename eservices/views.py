"""Public pages of online services: the list, a service and an integrated service (starting a filing is records')."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import IntegratedService, OnlineService


@require_GET
def service_list(request):
    return render(
        request,
        "services/list.html",
        {
            "services": OnlineService.objects.filter(is_active=True).select_related(
                "version__sector", "version__procedure"
            ),
            "bundles": IntegratedService.objects.filter(is_active=True),
        },
    )


@require_GET
def service_detail(request, slug):
    service = get_object_or_404(
        OnlineService.objects.select_related("version__procedure", "version__sector"), slug=slug
    )
    return render(
        request,
        "services/detail.html",
        {
            "service": service,
            **_what_it_takes(service),
        },
    )


def _what_it_takes(service) -> dict:
    """A service's procedure version, its documents (and what stands in for them) and the fees paid online."""
    return {
        "version": service.version,
        "components": service.version.components.all(),
        "replacements": {r.component_id: r for r in service.replacements.all()},
        "fees": [fee for fee in service.version.fees.all() if fee.amount_online],  # a 0 đ line is no fee to pay
    }


@require_GET
def bundle_detail(request, slug):
    bundle = get_object_or_404(IntegratedService, slug=slug)
    members = bundle.bundle_members.select_related("service__version__procedure").prefetch_related(
        "service__version__components", "service__version__fees", "service__replacements"
    )
    parts = [
        {"service": member.service, "days": member.time_limit, **_what_it_takes(member.service)} for member in members
    ]
    # The procedures follow one another: the whole bundle takes the sum of their time limits.
    total_days = sum(part["days"] for part in parts)
    return render(request, "services/bundle.html", {"bundle": bundle, "parts": parts, "total_days": total_days})
