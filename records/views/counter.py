"""The one-stop desk's intake pages: pick the procedure, look the applicant up (or type them in), start the record,
tick and scan the papers, then receive (Mẫu 01), ask for completion (Mẫu 02) or refuse (Mẫu 03).

Business rules are in ``records.counter``; a look-up is logged in the citizen's data-access list and creates nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.net import client_ip
from dataaccess.constants import AccessKind
from dataaccess.services import log_access
from eservices import eforms, prefill
from identity import services as identity
from identity.constants import StaffRole
from identity.decorators import staff_required
from procedures.models import Agency

from .. import services
from ..constants import Channel, RecordState
from ..models import CounterVisit, Record


@require_http_methods(["GET", "POST"])
@staff_required
def counter_start(request, code):
    agency = get_object_or_404(Agency, code=code)
    identity.require_role(request.user, agency, StaffRole.RECEIVER)
    procedures = services.counter_procedures(agency)
    errors, found, typed = [], None, False
    values = request.POST if request.method == "POST" else request.GET
    chosen = next((p for p in procedures if p.code == values.get("procedure")), None)
    if request.method == "POST":
        step = request.POST.get("step", "lookup")
        if chosen is None:
            errors.append(_("Hãy chọn thủ tục."))
        elif step == "lookup":
            id_number = request.POST.get("id_number", "").strip()
            found = services.look_up(id_number)
            if found is None:
                errors.append(
                    _(
                        "Không tìm thấy số định danh này trong Cơ sở dữ liệu quốc gia về dân cư: kiểm tra lại, "
                        "hoặc nhập thông tin người nộp (người nước ngoài...)."
                    )
                )
                typed = True
            else:
                log_access(request, AccessKind.REGISTRY_LOOKUP, subject_id_number=found.id_number, agency=agency)
        else:
            typed = step == "typed"
            try:
                draft = services.start_counter_record(
                    version=chosen.current_version,
                    agency=agency,
                    officer=request.user,
                    id_number=request.POST.get("id_number", ""),
                    typed={k: request.POST.get(k, "") for k in ("full_name", "id_number")} if typed else None,
                )
            except ValidationError as error:
                errors += error.messages
            else:
                return redirect("backoffice:counter_form", pk=draft.pk)
    return render(
        request,
        "backoffice/counter_start.html",
        {
            "agency": agency,
            "procedures": procedures,
            "chosen": chosen,
            "found": found,
            "typed": typed or values.get("typed") == "1",
            "errors": errors,
            "values": values,
        },
        status=400 if errors else 200,
    )


def _ticked(post, components) -> tuple[list[dict], list[str]]:
    ticked, errors = [], []
    for component in components:
        if not post.get(f"received_{component.pk}"):
            continue
        form = post.get(f"form_{component.pk}", "original")
        try:
            copies = int(post.get(f"copies_{component.pk}", "1"))
        except ValueError:
            copies = 0
        if form not in ("original", "copy"):
            form = "original"
        if not 1 <= copies <= 99:
            errors.append(_("%(paper)s: số bản phải từ 1 đến 99.") % {"paper": component.name})
            continue
        ticked.append({"component": component.pk, "form": form, "copies": copies})
    return ticked, errors


@require_http_methods(["GET", "POST"])
@staff_required
def counter_form(request, pk):
    """The e-form when the procedure has one, the checklist of papers against its components, and the outcome."""
    record = get_object_or_404(
        Record.objects.select_related("service", "agency", "procedure_version"),
        pk=pk,
        channel=Channel.COUNTER,
        state=RecordState.DRAFT,
    )
    if not identity.has_role(request.user, record.agency, StaffRole.RECEIVER):
        raise Http404
    definition = record.service
    has_form = bool((definition.form_schema or {}).get("properties"))
    log_access(request, AccessKind.COUNTER_INTAKE, record)
    registry = prefill.registry_data(record.applicant_id_number) if has_form else {}
    prefilled = prefill.prefill_values(definition.prefill_map, registry) if has_form else {}
    components = list(record.procedure_version.components.all())
    errors, ticked = [], []
    form = None
    if request.method == "POST" and has_form and request.POST.get(eforms.ADD_ROW):
        # "Thêm dòng" of a repeating group: the form again, as typed, with one more row; nothing checked or saved.
        posted = eforms.EForm(request.POST, schema=definition.form_schema, ui=definition.form_ui, prefilled=prefilled)
        form = eforms.EForm(
            initial=posted.values_as_typed(), schema=definition.form_schema, ui=definition.form_ui, prefilled=prefilled
        )
    elif request.method == "POST":
        outcome = request.POST.get("outcome", "save")
        if has_form:
            form = eforms.EForm(request.POST, schema=definition.form_schema, ui=definition.form_ui, prefilled=prefilled)
            if form.is_valid():
                services.save_form([record], form.as_json(), list(prefilled))
            elif outcome not in ("refuse", "complete"):  # refusing or asking for completion needs no valid e-form
                errors += [f"{name}: {' '.join(ms)}" for name, ms in form.errors.items()]
        for component in components:
            uploaded = request.FILES.get(f"file_{component.pk}")
            if uploaded is not None:
                try:
                    services.attach(record, component, uploaded, by=request.user)
                except ValidationError as error:
                    errors += error.messages
                except services.StorageUnavailable as error:  # full disk: the record and the form are kept
                    errors.append(str(error.message))
        ticked, tick_errors = _ticked(request.POST, components)
        errors += tick_errors
        if not tick_errors and outcome == "complete":
            # Mẫu 02 on the spot: nothing is received; the form's errors do not matter, the papers are incomplete.
            try:
                visit = services.ask_completion_at_counter(
                    record, ticked, officer=request.user, note=request.POST.get("reason", "")
                )
            except ValidationError as error:
                errors += error.messages
            else:
                return redirect("backoffice:counter_visit", pk=visit.pk)
        if not errors and outcome in ("receive", "refuse"):
            try:
                if outcome == "receive":
                    services.receive_at_counter(
                        record,
                        ticked,
                        officer=request.user,
                        client_ip=client_ip(request),
                        digitise_consent=request.POST.get("digitise_consent") == "on",
                    )
                else:
                    services.refuse_at_counter(
                        record,
                        officer=request.user,
                        reason=request.POST.get("reason", "")[:2000],
                        client_ip=client_ip(request),
                    )
            except (ValidationError, PermissionDenied) as error:
                errors += getattr(error, "messages", [str(error)])
            else:
                done = (
                    _("Đã tiếp nhận hồ sơ %(code)s tại quầy.")
                    if outcome == "receive"
                    else _("Đã từ chối tiếp nhận hồ sơ %(code)s tại quầy.")
                )
                messages.success(request, done % {"code": record.code})
                return redirect("backoffice:record", pk=record.pk)
        if not errors and outcome == "save":
            return redirect("backoffice:counter_form", pk=record.pk)
    elif has_form:
        form = eforms.EForm(
            initial=record.form_data, schema=definition.form_schema, ui=definition.form_ui, prefilled=prefilled
        )
    attached = {}
    for attachment in record.attachments.all():
        attached.setdefault(attachment.component_id, []).append(attachment)
    ticks = {t["component"]: t for t in ticked}
    rows = [(c, attached.get(c.pk, []), ticks.get(c.pk)) for c in components]
    return render(
        request,
        "backoffice/counter_form.html",
        {
            "record": record,
            "form": form,
            "has_form": has_form,
            "prefilled": prefilled,
            "components": rows,
            "errors": errors,
            "values": request.POST,
            "form_component_id": definition.form_component_id if has_form else None,
            "back": reverse("backoffice:queue", args=[record.agency.code]),
        },
        status=400 if errors else 200,
    )


@require_http_methods(["GET"])
@staff_required
def counter_visit(request, pk):
    """A desk visit that ended with a Mẫu 02 and no record: what to complete, and the slip to print."""
    visit = get_object_or_404(CounterVisit.objects.select_related("agency", "procedure_version"), pk=pk)
    if not identity.has_role(request.user, visit.agency, StaffRole.RECEIVER):
        raise Http404
    return render(request, "backoffice/counter_visit.html", {"visit": visit})
