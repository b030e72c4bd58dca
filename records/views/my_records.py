"""“Hồ sơ của tôi”: the citizen's records, one record's page, and what the citizen may still do with it
(supplement, withdraw, download the result or a paper they sent)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.files import private_file_response
from common.net import client_ip
from dataaccess.constants import AccessKind
from dataaccess.services import log_access
from identity.decorators import citizen_required
from identity.services import has_role
from procedures.models import DocumentComponent

from .. import participants, selectors, services
from ..constants import Channel, RecordState
from ..constants import WorkflowAction as A
from ..history import history
from ..models import Attachment
from ..presenters import INTERNAL_EVENTS, answers_shown
from .access import step_up_for


@require_GET
@citizen_required
def my_records(request):
    page = selectors.records_of(request.user, request.GET.get("page"))
    # An integrated filing is one line: in draft, one filing to continue or delete; once filed, one group named
    # after the bundle with its member records inside (all of them, even those on another page of the list).
    rows, seen_groups = [], set()
    filed_groups = {record.group_id for record in page if record.group_id and not record.is_draft}
    members = selectors.filed_group_members(request.user, filed_groups)
    for record in page:
        if record.group_id:
            if record.group_id in seen_groups:
                continue
            seen_groups.add(record.group_id)
            if not record.is_draft:
                record.bundle_members = members.get(record.group_id, [record])
        rows.append(record)
    # Others' records that name the citizen (the other parent, the spouse to be): read-only, listed apart.
    named = participants.records_naming(request.user, request.session)[:50]
    return render(request, "records/my_records.html", {"page": page, "rows": rows, "named_records": named})


@require_GET
@citizen_required
def detail(request, pk):
    record = get_object_or_404(selectors.records_of_applicant(request.user), pk=pk)
    if record.is_draft:
        if record.channel != Channel.ONLINE:
            raise Http404  # an officer is still preparing it at the desk
        return redirect("records:step", pk=record.group_id or record.pk, step="form")
    if stepping_up := step_up_for(request, record):
        return stepping_up
    definition = record.definition
    return render(
        request,
        "records/detail.html",
        {
            "record": record,
            "answers": answers_shown(definition, record.form_data, record.prefilled_fields),
            "attachments": record.attachments.select_related("component"),
            "events": history(record, record.events.exclude(action__in=INTERNAL_EVENTS)),
            "siblings": record.group.records.exclude(pk=record.pk) if record.group else [],
            "can_withdraw": services.can_withdraw(record),
            "supplement_request": _last_event(record, A.REQUEST_SUPPLEMENT)
            if record.state == RecordState.SUPPLEMENT_REQUESTED
            else None,
            "apology": _last_event(record, A.APOLOGISE) if record.new_appointment_date else None,
            "result": record.current_result if record.state == RecordState.RESULT_RETURNED else None,
            "components": record.procedure_version.components.all()
            if record.state == RecordState.SUPPLEMENT_REQUESTED
            else [],
        },
    )


def _last_event(record, action):
    return record.events.filter(action=action).order_by("-at", "-id").first()


@require_POST
@citizen_required
def supplement(request, pk):
    """The citizen adds the papers asked for, then hands the record back: the clock starts again."""
    record = get_object_or_404(selectors.records_of_applicant(request.user), pk=pk)
    if stepping_up := step_up_for(request, record, reverse("records:detail", args=[record.pk])):
        return stepping_up
    try:
        if request.POST.get("action") == "upload":
            component = DocumentComponent.objects.filter(
                pk=request.POST.get("component"), version=record.procedure_version
            ).first()
            uploaded = request.FILES.get("file")
            if uploaded is None:
                raise ValidationError(_("Hãy chọn tệp để tải lên."))
            services.attach(record, component, uploaded, by=request.user)
            messages.success(request, _("Đã tải lên “%(name)s”.") % {"name": uploaded.name})
        else:
            services.supplement(record, actor=request.user, client_ip=client_ip(request))
            messages.success(request, _("Đã nộp bổ sung hồ sơ %(code)s.") % {"code": record.code})
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    except services.StorageUnavailable as error:  # the upload storage is full or failing: try again later
        messages.error(request, str(error.message))
    return redirect("records:detail", pk=record.pk)


@require_GET
@citizen_required
def result(request, pk):
    """The result the agency returned, for the applicant only."""
    record = get_object_or_404(selectors.records_of_applicant(request.user), pk=pk, state=RecordState.RESULT_RETURNED)
    if stepping_up := step_up_for(request, record):
        return stepping_up
    current = record.current_result
    if current is None:
        raise Http404
    from .backoffice import serve_result

    return serve_result(request, current)


@require_http_methods(["GET", "POST"])
@citizen_required
def withdraw(request, pk):
    """Withdraw a submitted record, after a page that says what that means."""
    record = get_object_or_404(selectors.records_of_applicant(request.user), pk=pk)
    if stepping_up := step_up_for(request, record, reverse("records:withdraw", args=[record.pk])):
        return stepping_up
    if request.method == "GET":
        if not services.can_withdraw(record):
            return redirect("records:detail", pk=record.pk)
        return render(request, "records/withdraw.html", {"record": record})
    try:
        services.withdraw(
            record, actor=request.user, reason=request.POST.get("reason", "")[:500], client_ip=client_ip(request)
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Đã rút hồ sơ %(code)s.") % {"code": record.code})
    return redirect("records:detail", pk=record.pk)


@require_GET
def download_attachment(request, pk, attachment_id):
    """Only the applicant and staff of the handling agency; anyone else gets a 404, not a hint."""
    attachment = get_object_or_404(
        Attachment.objects.select_related("record__agency", "record__service", "record__group__bundle"),
        pk=attachment_id,
        record_id=pk,
    )
    record = attachment.record
    user = request.user
    if not user.is_authenticated:
        raise Http404
    if record.applicant_id == user.pk:
        if stepping_up := step_up_for(request, record):
            return stepping_up
    elif (record.is_draft and record.channel == Channel.ONLINE) or not has_role(user, record.agency):
        raise Http404  # a citizen's online draft is theirs alone until it is filed
    else:
        log_access(request, AccessKind.ATTACHMENT_DOWNLOAD, record, detail=attachment.original_name)
    return private_file_response(
        attachment.file,
        content_type=attachment.content_type,
        filename=attachment.original_name,
        inline=request.GET.get("inline") == "1",
    )
