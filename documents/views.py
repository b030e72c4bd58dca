"""The public verify page (the QR code's target) and the download of an issued PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from common.files import private_file_response
from dataaccess.constants import AccessKind
from dataaccess.services import log_access
from records.views.access import applicant_step_up

from . import services
from .access import can_download, record_of
from .constants import MAX_UPLOAD_BYTES
from .forms import VerifyUploadForm
from .models import Document

# Room for the multipart envelope around a file of the largest accepted size.
_MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024


@require_http_methods(["GET", "POST"])
def verify(request, document_id):
    document = Document.objects.select_related("agency").filter(pk=document_id).first()
    if document is None:
        # Not the generic 404 ("search for a procedure"): someone holding a paper with this QR code or
        # address needs to know the portal never issued it, and how to check the paper.
        return render(request, "documents/verify_unknown.html", {"document_id": document_id}, status=404)
    form, upload_matches, status = VerifyUploadForm(), None, 200
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > _MAX_REQUEST_BYTES:
            # Refuse before Django reads the body.
            limit = filesizeformat(MAX_UPLOAD_BYTES)
            form.errors["file"] = form.error_class([_("Tệp quá lớn: tối đa %(size)s.") % {"size": limit}])
            status = 413
        else:
            form = VerifyUploadForm(request.POST, request.FILES)
            if form.is_valid():
                upload_matches = services.matches_issued_pdf(document, form.cleaned_data["file"])
            else:
                status = 400
    return render(
        request,
        "documents/verify.html",
        {
            "document": document,
            "subject_status": services.public_subject_status(document),
            "record_code": document.context.get("record_code"),
            "form": form,
            "upload_matches": upload_matches,
        },
        status=status,
    )


@require_GET
@login_required
def download(request, document_id):
    document = get_object_or_404(Document.objects.select_related("content_type"), pk=document_id)
    subject = document.subject
    if not can_download(request.user, document, subject):
        raise Http404  # not 403: another citizen (or agency) must not learn that this document exists
    record = record_of(document, subject)
    if record is not None and (stepping_up := applicant_step_up(request, record)):
        return stepping_up  # the level the record's filing asked for, as at the record's page
    if not document.is_issued:
        raise Http404
    _log_officer_download(request, document)
    return private_file_response(
        document.file, content_type="application/pdf", filename=f"{document.kind}-{document.number}.pdf"
    )


def _log_officer_download(request, document) -> None:
    """An officer's download of a record's document (or a payment's, for a record) goes in the citizen's data
    access log; the citizen's own downloads do not."""
    if not getattr(request.user, "is_officer", False):
        return
    subject = document.subject
    record = subject if hasattr(subject, "applicant_id_number") else getattr(subject, "record", None)
    if record is not None:
        log_access(
            request, AccessKind.ATTACHMENT_DOWNLOAD, record, detail=f"{document.get_kind_display()} {document.number}"
        )
