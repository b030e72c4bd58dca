"""Records an agency sent to another (transferred, or sent back): the sender keeps seeing them, read-only."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from identity import services as identity
from identity.decorators import staff_required
from procedures.models import Agency

from .. import selectors


@require_GET
@staff_required
def sent_elsewhere(request, code):
    agency = get_object_or_404(Agency, code=code)
    identity.require_role(request.user, agency)
    return render(
        request, "backoffice/transferred.html", {"agency": agency, "events": selectors.sent_elsewhere(agency)}
    )
