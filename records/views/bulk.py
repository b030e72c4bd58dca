"""The queue's bulk actions: the officer ticks records, picks "Tiếp nhận" or "Phân công", confirms once."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from common.net import client_ip
from identity import services as identity
from identity.decorators import staff_required
from procedures.models import Agency

from .. import bulk, selectors
from ..constants import WorkflowAction as A


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_POST
@staff_required
def bulk_action(request, code):
    agency = get_object_or_404(Agency, code=code)
    identity.require_role(request.user, agency)
    back_query = request.POST.get("back", "")[:500]
    back = reverse("backoffice:queue", args=[agency.code]) + (f"?{back_query}" if back_query else "")
    action = request.POST.get("bulk_action", "")
    records = bulk.chosen_records(agency, request.POST.getlist("records"))
    if not records:
        messages.error(request, _("Hãy đánh dấu ít nhất một hồ sơ trong danh sách."))
        return redirect(back)
    if action not in bulk.BULK_ACTIONS:
        messages.error(request, _("Hãy chọn thao tác: tiếp nhận hoặc phân công cán bộ xử lý."))
        return redirect(back)
    officers = list(selectors.officers(agency))
    assignee_id = _int(request.POST.get("assigned_to"))
    assignee = next((o for o in officers if o.pk == assignee_id), None)
    if action == A.REASSIGN and assignee is None:
        messages.error(request, _("Hãy chọn cán bộ xử lý để phân công."))
        return redirect(back)
    if request.POST.get("confirm") != "1":
        return render(
            request,
            "backoffice/bulk_confirm.html",
            {
                "agency": agency,
                "records": records,
                "action": action,
                "action_label": bulk.BULK_ACTIONS[action],
                "assignee": assignee,
                "back": back,
                "back_query": back_query,
            },
        )
    outcome = bulk.bulk_act(
        records, action, actor=request.user, client_ip=client_ip(request), assigned_to=assignee and assignee.pk
    )
    if outcome.done:
        messages.success(
            request,
            ngettext(
                "Đã %(action)s %(n)d hồ sơ: %(codes)s.",
                "Đã %(action)s %(n)d hồ sơ: %(codes)s.",
                len(outcome.done),
            )
            % {
                "action": str(bulk.BULK_ACTIONS[action]).lower(),
                "n": len(outcome.done),
                "codes": ", ".join(r.code for r in outcome.done),
            },
        )
    for record, reason in outcome.failed:
        messages.error(
            request, _("Hồ sơ %(code)s chưa được xử lý: %(reason)s") % {"code": record.code, "reason": reason}
        )
    return redirect(back)
