"""The citizen's remote signature of a draft filing (ký số từ xa), and downloading a signed paper.

Two presses: "Gửi mã OTP" has the provider text a code to the citizen's phone;
typing the code and "Ký số" signs the declaration (and the PDF papers ticked). The
filing's review step then shows the signature and lets the citizen submit.
"""

import re

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from identity.decorators import citizen_required
from identity.services import has_role
from records.filing import Filing
from records.views.access import step_up_first, step_up_for

from .citizen_signing import services
from .citizen_signing.client import RemoteSigningError
from .models import CitizenSignature

SESSION_KEY = "remotesign_sent:{pk}"


@require_http_methods(["GET", "POST"])
@citizen_required
def sign_filing(request, pk):
    filing = Filing.load(pk, request.user)
    if not filing.is_draft:
        return redirect("records:detail", pk=filing.first.pk)
    if stepping_up := step_up_first(request, filing.definition, reverse("documents:sign", args=[pk])):
        return stepping_up
    key = SESSION_KEY.format(pk=pk)
    attachments = services.signable_attachments(filing.records)
    error, otp_error = "", ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "send":
            try:
                request.session[key] = services.send_code(filing.records)
            except RemoteSigningError as failure:
                error = failure.message
        elif action == "sign" and request.session.get(key):
            otp = request.POST.get("otp", "").strip()
            if not re.fullmatch(r"\d{6}", otp):
                otp_error = _("Mã OTP gồm 6 chữ số, trong tin nhắn vừa gửi tới điện thoại của bạn.")
            else:
                try:
                    signed = services.sign(filing.records, request.user, otp, request.POST.getlist("attachment"))
                except RemoteSigningError as failure:
                    otp_error = failure.message
                else:
                    request.session.pop(key, None)
                    if all(s.is_valid for s in signed):
                        messages.success(request, _("Đã ký số tờ khai. Bạn có thể nộp hồ sơ."))
                    else:
                        messages.error(request, _("Chữ ký số không hợp lệ; hồ sơ chưa thể nộp với chữ ký này."))
                    return redirect("records:step", pk=pk, step="review")
    return render(
        request,
        "documents/citizen_sign.html",
        {
            "filing": filing,
            "attachments": attachments,
            "sent_to": request.session.get(key, ""),
            "error": error,
            "error_items": [("", error)] if error else [],
            "otp_error": otp_error,
            "declarations": [(record, services.declaration_signed(record)) for record in filing.records],
        },
        status=400 if error or otp_error else 200,
    )


@require_GET
def signed_file(request, signature_id):
    """The signed PDF: for the applicant, and for officers of the record's agency; 404 for anyone else."""
    signature = get_object_or_404(CitizenSignature.objects.select_related("record__agency"), pk=signature_id)
    user = request.user
    record = signature.record
    if not user.is_authenticated or not (record.applicant_id == user.pk or has_role(user, record.agency)):
        raise Http404
    if record.applicant_id == user.pk and (stepping_up := step_up_for(request, record)):
        return stepping_up
    name = "to-khai" if signature.target == CitizenSignature.Target.DECLARATION else "giay-to"
    return FileResponse(
        signature.file.open("rb"),
        as_attachment=True,
        filename=f"{name}-da-ky-{signature.pk.hex[:8]}.pdf",
        content_type="application/pdf",
    )
