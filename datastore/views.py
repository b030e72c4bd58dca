"""The citizen's "Giấy tờ của tôi": the VNeID wallet and the personal data store side by side, and the consent."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from common.files import private_file_response
from eservices.prefill import registry_data
from identity.constants import AssuranceLevel, EDocumentKind
from identity.decorators import citizen_required
from identity.services import assurance_satisfied, citizen_claims

from . import services
from .constants import ItemSource
from .models import StoreItem


def _id_number(request) -> str:
    return citizen_claims(request.user, request.session).get("id_number", "")


@require_http_methods(["GET", "POST"])
@citizen_required
def my_papers(request):
    id_number = _id_number(request)
    level2 = assurance_satisfied(request, AssuranceLevel.LOA2)
    if request.method == "POST":
        if not id_number:
            raise Http404
        services.set_consent(id_number, request.POST.get("digitise") == "on")
        messages.success(request, _("Đã lưu lựa chọn của bạn về việc lưu bản số hóa giấy tờ."))
        return redirect("datastore:mine")
    labels = dict(EDocumentKind.choices)
    wallet, items = [], []
    if level2 and id_number:
        wallet = [
            {**doc, "label": labels.get(doc.get("type"), doc.get("type"))}
            for doc in (registry_data(id_number) or {}).get("edocuments") or []
        ]
        items = [
            {"item": item, "origin": services.origin(item), "signature_valid": services.signature_valid(item)}
            for item in StoreItem.objects.filter(owner_id_number=id_number).select_related(
                "record", "issuer", "document"
            )
        ]
    return render(
        request,
        "datastore/my_papers.html",
        {
            "level2": level2,
            "wallet": wallet,
            "items": items,
            "consent": services.consents(id_number) if id_number else False,
            "step_up_url": f"{reverse('identity:step_up')}?{'next=' + reverse('datastore:mine')}",
        },
    )


@require_GET
@citizen_required
def copy(request, pk):
    """The electronic copy of a digitised paper, for its owner only (anyone else: 404)."""
    if not assurance_satisfied(request, AssuranceLevel.LOA2):
        return redirect(f"{reverse('identity:step_up')}?next={reverse('datastore:mine')}")
    item = get_object_or_404(StoreItem, pk=pk, owner_id_number=_id_number(request) or "-", source=ItemSource.DIGITISED)
    if not item.file:
        raise Http404
    return private_file_response(
        item.file, content_type=item.content_type or "application/octet-stream", filename=item.title[:80]
    )
