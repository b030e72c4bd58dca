"""The back-office at ``/backoffice/``: the agency's queue, the record page and its actions, counter intake.

Views parse, authorise and call ``records.services``; reads come from
``records.selectors``. Every record page and action answers 404 for staff who
do not work for the record's agency; the agency pages answer 403 (the officer
knows the agency exists, it is not theirs).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.net import client_ip
from dataaccess.constants import AccessKind
from dataaccess.services import log_access
from identity import services as identity
from identity.constants import StaffRole
from identity.decorators import staff_required
from procedures.models import Agency

from .. import reuse, selectors, services, steps, workflow
from ..constants import Channel
from ..constants import WorkflowAction as A
from ..history import history
from ..models import Record, ResultDocument
from ..presenters import answers_shown, serve_result


def _agency(request, code) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    identity.require_role(request.user, agency)
    return agency


def _record(request, pk) -> Record:
    record = selectors.backoffice_record(request.user, pk)
    if record is None:
        raise Http404
    return record


def _errors(error) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


@require_GET
@staff_required
def home(request):
    """The officer's agencies and roles, each with its queue."""
    memberships = list(identity.memberships(request.user))
    agencies = {}
    for m in memberships:
        agencies.setdefault(m.agency, []).append(m)
    return render(request, "backoffice/home.html", {"agencies": agencies.items(), "memberships": memberships})


@require_GET
@staff_required
def queue(request, code):
    agency = get_object_or_404(Agency, code=code)
    held = identity.staff_roles(request.user, agency)
    if not held:
        identity.require_role(request.user, agency)  # raises, with the message naming the agency
    filters = selectors.QueueFilters.from_query(request.GET)
    page = selectors.queue(agency, request.user, filters)
    if page.past_the_end and page.num_pages is not None and page.number > page.num_pages:
        # A stale link past the last page: show the last one (once: the counts may lag, the redirect never loops).
        return redirect(f"{request.path}?{filters.query_string(page=page.num_pages)}")
    counts = selectors.state_counts(agency)
    states = selectors.state_labels()
    is_head = StaffRole.AGENCY_HEAD in held
    is_receiver = bool({StaffRole.RECEIVER, StaffRole.AGENCY_HEAD} & held)
    return render(
        request,
        "backoffice/queue.html",
        {
            "agency": agency,
            "filters": filters,
            "page": page,
            "counts": [(value, label, counts.get(value, 0)) for value, label in states],
            "states": states,
            "channels": Channel.choices,
            "procedures": selectors.procedure_choices(agency),
            "is_head": is_head,
            "is_receiver": is_receiver,
            "due_counts": selectors.due_counts(agency),
            "can_bulk": is_head or is_receiver,
            "officers": selectors.officers(agency) if (is_head or is_receiver) else [],
        },
    )


@require_GET
@staff_required
def record(request, pk):
    record = _record(request, pk)
    log_access(request, AccessKind.RECORD_VIEW, record)
    definition = record.definition
    actions = services.allowed_actions(record, request.user)
    names = {a.action for a in actions}
    # An agency that sent the record elsewhere sees it read-only, with where it went (``selectors.backoffice_record``).
    sent_to = None if identity.staff_roles(request.user, record.agency) else record.agency
    process = steps.process_of(record)
    next_step = None
    if A.HAND_OVER in names:
        try:
            next_step = steps.next_work_step(record)
        except ValidationError:
            pass
    return render(
        request,
        "backoffice/record.html",
        {
            "record": record,
            "answers": answers_shown(definition, record.form_data, record.prefilled_fields),
            "attachments": record.attachments.select_related("component"),
            "reused": reuse.reused_papers(record),
            "events": history(record, record.events.select_related("actor")),
            "results": record.results.all(),
            "transitions": [a for a in actions if a.changes_state],
            "can": names,
            "officers": selectors.officers(record.agency) if {A.REASSIGN, A.RECEIVE} & names else [],
            "transfer_targets": services.transfer_targets(record)[:200] if A.TRANSFER in names else [],
            "siblings": record.group.records.exclude(pk=record.pk) if record.group_id else [],
            "today": timezone.localdate(),
            "overdue": record.is_overdue(),
            "needs_apology": record.needs_apology(),
            "sent_to": sent_to,
            "process": process,
            "control_rows": steps.control_rows(record) if process else [],
            "step_late": record.step_is_overdue(),
            "next_step": next_step,
        },
    )


@require_POST
@staff_required
def act(request, pk):
    record = _record(request, pk)
    agency_code = record.agency.code
    action = request.POST.get("action", "")
    if action == A.APPROVE:
        # Approval signs the result: it is confirmed on its own page (``views.approval``), never in one click.
        return redirect("backoffice:approve", pk=record.pk)
    data = {}
    if action == A.TRANSFER:
        data["to_agency"] = request.POST.get("to_agency", "")
    elif action == A.REASSIGN or (action == A.RECEIVE and request.POST.get("assigned_to")):
        try:
            data["to" if action == A.REASSIGN else "assigned_to"] = int(request.POST.get("assigned_to", ""))
        except ValueError:
            messages.error(request, _("Hãy chọn cán bộ."))
            return redirect("backoffice:record", pk=record.pk)
    elif action == A.APOLOGISE:
        data["new_appointment"] = request.POST.get("new_appointment", "")
    try:
        services.act(
            record,
            action,
            actor=request.user,
            reason=request.POST.get("reason", "")[:2000],
            client_ip=client_ip(request),
            expected_state=request.POST.get("expected_state") or None,
            data=data,
        )
    except services.RecordChanged as error:
        messages.error(request, _errors(error))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
    else:
        step = workflow.ACTIONS[action]
        messages.success(
            request, _("Đã thực hiện “%(action)s” cho hồ sơ %(code)s.") % {"action": step.label, "code": record.code}
        )
        if selectors.backoffice_record(request.user, record.pk) is None:  # transferred away
            return redirect("backoffice:queue", code=agency_code)
    return redirect("backoffice:record", pk=record.pk)


@require_POST
@staff_required
def result(request, pk):
    """Upload the digitised result, or have the standard result certificate generated and signed."""
    record = _record(request, pk)
    expected = request.POST.get("expected_state") or None
    try:
        if request.POST.get("generate"):
            services.generate_result(record, actor=request.user, client_ip=client_ip(request), expected_state=expected)
        else:
            uploaded = request.FILES.get("file")
            if uploaded is None:
                raise ValidationError(_("Hãy chọn tệp kết quả để tải lên."))
            services.attach_result(
                record,
                uploaded,
                actor=request.user,
                client_ip=client_ip(request),
                expected_state=expected,
                note=request.POST.get("note", ""),
            )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
    except services.StorageUnavailable:  # the upload storage is full or failing: nothing was kept
        messages.error(
            request, _("Hệ thống tạm thời không lưu được tệp kết quả. Chưa có gì thay đổi; hãy thử lại sau ít phút.")
        )
    else:
        messages.success(request, _("Đã lưu văn bản kết quả của hồ sơ %(code)s.") % {"code": record.code})
    return redirect("backoffice:record", pk=record.pk)


@require_GET
@staff_required
def result_file(request, pk, result_id):
    record = _record(request, pk)
    document = get_object_or_404(ResultDocument, pk=result_id, record=record)
    log_access(request, AccessKind.ATTACHMENT_DOWNLOAD, record, detail=document.original_name)
    return serve_result(request, document)


@require_GET
@staff_required
def workload(request, code):
    """The agency head's view: open records per officer and the overdue list."""
    agency = get_object_or_404(Agency, code=code)
    identity.require_role(request.user, agency, StaffRole.AGENCY_HEAD)
    if StaffRole.AGENCY_HEAD not in identity.staff_roles(request.user, agency):
        raise PermissionDenied(_("Chỉ thủ trưởng cơ quan xem được trang này."))
    return render(
        request,
        "backoffice/workload.html",
        {"agency": agency, "rows": selectors.workload(agency), "overdue": selectors.overdue_records(agency)},
    )
