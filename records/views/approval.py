"""The leader's approval, confirmed on a page of its own (no JavaScript needed): it says what will be signed, in
whose name, and approves only when confirmed there."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.net import client_ip
from identity.decorators import staff_required

from .. import services
from ..constants import WorkflowAction as A
from .backoffice import _errors, _record


@require_http_methods(["GET", "POST"])
@staff_required
def approve(request, pk):
    record = _record(request, pk)
    if A.APPROVE not in {step.action for step in services.allowed_actions(record, request.user)}:
        raise PermissionDenied(_("Bạn không phê duyệt được hồ sơ này ở trạng thái hiện tại."))
    if request.method == "POST" and request.POST.get("confirmed") == "1":
        try:
            services.act(
                record,
                A.APPROVE,
                actor=request.user,
                client_ip=client_ip(request),
                expected_state=request.POST.get("expected_state") or None,
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, _errors(error))
        else:
            messages.success(
                request,
                _("Đã phê duyệt hồ sơ %(code)s: văn bản kết quả được ký số nhân danh cơ quan và người phê duyệt.")
                % {"code": record.code},
            )
        return redirect("backoffice:record", pk=record.pk)
    return render(
        request,
        "backoffice/approve_confirm.html",
        {"record": record, "result": record.current_result, "approver": request.user},
    )
