"""The citizen's side of records: the filing journey, "Hồ sơ của tôi", downloads and public lookup."""

import re
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eservices import eforms, prefill
from eservices.constants import ReplacementSource
from identity.decorators import citizen_required
from identity.services import assurance_satisfied, has_role
from portal.files import private_file_response
from portal.net import client_ip
from procedures.models import Agency, DocumentComponent

from . import selectors, services
from .constants import Channel, RecordState
from .filing import Filing
from .forms import ApplicantForm
from .models import Attachment, Record
from .throttles import LookupThrottle

# Back-office bookkeeping the citizen's history does not show.
INTERNAL_EVENTS = ["create", "reassign", "reminder", "attach_result", "overdue"]

STEPS = ["eligibility", "form", "attachments", "review"]
STEP_TITLES = {
    "eligibility": gettext_lazy("Điều kiện"),
    "form": gettext_lazy("Tờ khai"),
    "attachments": gettext_lazy("Giấy tờ"),
    "review": gettext_lazy("Kiểm tra và nộp"),
}


def _step_up_first(request, definition, come_back: str | None = None):
    """A redirect to raise the session's VNeID level when ``definition`` (a service or an integrated service) needs
    more than it has; None when it may go on. Reading or changing a record asks for the level its filing asked."""
    if definition.needs_step_up and not assurance_satisfied(request, definition.required_assurance):
        return redirect(f"{reverse('identity:step_up')}?{urlencode({'next': come_back or request.get_full_path()})}")
    return None


def _step_up_for(request, record: Record, come_back: str | None = None):
    """``_step_up_first`` for a filed record: an online filing's level. A record filed at the desk asked for no
    VNeID level (the officer saw the citizen's papers), so a citizen with a level-1 account still reads it."""
    if record.channel != Channel.ONLINE:
        return None
    return _step_up_first(request, record.definition, come_back)


@require_http_methods(["GET", "POST"])
@citizen_required
def step(request, pk, step):
    if step not in STEPS:
        raise Http404
    filing = Filing.load(pk, request.user)
    if not filing.is_draft:
        return redirect("records:detail", pk=filing.first.pk)
    # A draft started at level 2 and continued from a level-1 login: raise the level, then come back here.
    if stepping_up := _step_up_first(request, filing.definition):
        return stepping_up
    if step != "eligibility" and _eligibility_pending(filing):
        return redirect("records:step", pk=filing.pk, step="eligibility")
    handler = {"eligibility": _eligibility, "form": _form, "attachments": _attachments, "review": _review}[step]
    steps = [s for s in STEPS if s != "eligibility" or filing.definition.eligibility]
    context = {"filing": filing, "step": step, "steps": [(s, STEP_TITLES[s]) for s in steps]}
    return handler(request, filing, context)


def _eligibility_pending(filing) -> bool:
    """An online draft whose eligibility questions are unanswered, or answered so that it cannot be filed online."""
    questions = filing.definition.eligibility or []
    first = filing.first
    if not questions or first.channel != Channel.ONLINE:
        return False
    answers = first.eligibility_answers or {}
    return bool(services.unanswered_questions(answers, questions) or services.eligibility_refusals(answers, questions))


def _eligibility(request, filing, context):
    questions = filing.definition.eligibility
    refusals, unanswered = [], []
    if request.method == "POST":
        answers = {
            q["id"]: request.POST.get(q["id"]) == "yes" for q in questions if request.POST.get(q["id"]) in ("yes", "no")
        }
        unanswered = [q["id"] for q in questions if q["id"] not in answers]
        for record in filing.records:
            refusals = services.save_eligibility(record, answers, questions)
        if not unanswered and not refusals:
            return redirect("records:step", pk=filing.pk, step="form")
    else:  # back here with answers that stop the filing: say so again
        refusals = services.eligibility_refusals(filing.first.eligibility_answers or {}, questions)
    answers = filing.first.eligibility_answers
    context["questions"] = [
        {
            "id": q["id"],
            "text": eforms.text(q["question"]),
            "answer": answers.get(q["id"]),
            "unanswered": q["id"] in unanswered,
        }
        for q in questions
    ]
    context["errors"] = [
        (f"#{q['id']}-yes", f"{q['text']}: {_('Hãy chọn Có hoặc Không.')}")
        for q in context["questions"]
        if q["unanswered"]
    ]
    # A refusal links to its question: the citizen who answered by mistake can change the answer.
    context["refusals"] = [(f"#{qid}-{'yes' if answers.get(qid) else 'no'}", message) for qid, message in refusals]
    return _render_step(request, "records/step_eligibility.html", context, errors=bool(refusals or unanswered))


def _render_step(request, template: str, context: dict, *, errors: bool):
    """A step's page; with ``errors``, status 400 and a page title that starts with "Lỗi:"."""
    context["has_errors"] = errors
    return render(request, template, context, status=400 if errors else 200)


APPLICANT_PREFIX = "applicant"


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, agency) -> str:
        return agency.display_name  # English name on the English site


class AgencyChoiceForm(forms.Form):
    agency = AgencyChoiceField(
        required=False,
        queryset=Agency.objects.none(),
        label=gettext_lazy("Cơ quan giải quyết"),
        to_field_name="code",
        empty_label=None,  # the record always has one: the agency of the citizen's residence is chosen first
    )

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        field.queryset = (
            record.procedure_version.agencies.filter(is_active=True).select_related("unit__parent").order_by("name")
        )
        field.initial = record.agency.code
        # Dozens of communes across provinces: grouped by province, the citizen's own province first.
        groups: dict[str, list] = {}
        for agency in field.queryset:
            unit = agency.unit
            province = unit.parent if unit is not None and unit.parent_id else unit  # a province's own agency: itself
            label = province.display_name if province is not None else ""
            groups.setdefault(label, []).append((agency.code, field.label_from_instance(agency)))
        own = next((label for label, options in groups.items() if record.agency.code in dict(options)), None)
        ordered = sorted(groups.items(), key=lambda item: (item[0] != own, item[0]))
        if len(ordered) > 1:
            field.widget.choices = ordered


def _form(request, filing, context):
    definition = filing.definition
    registry = filing.registry_data()
    prefilled = prefill.prefill_values(definition.prefill_map, registry)
    agency_form = None if filing.group else AgencyChoiceForm(request.POST or None, record=filing.first)
    first = filing.first
    applicant_form = ApplicantForm(
        request.POST or None,
        prefix=APPLICANT_PREFIX,  # the e-form may have fields of the same names (a birth form's "relationship")
        applicant_types=first.procedure_version.applicant_types,
        initial={
            "applicant_role": first.applicant_role,
            "subject_name": first.subject_name,
            "subject_id_number": first.subject_id_number,
            "relationship": first.relationship,
        },
    )
    if request.method == "POST":
        form = eforms.EForm(request.POST, schema=definition.form_schema, ui=definition.form_ui, prefilled=prefilled)
        valid = form.is_valid() & applicant_form.is_valid()
        data = form.as_json() if form.is_valid() else _raw_values(form, request.POST, prefilled)
        services.save_form(filing.records, data, list(prefilled))
        services.save_applicant(
            filing.records,
            applicant_form.cleaned_data
            if applicant_form.is_valid()
            else {k: request.POST.get(applicant_form.add_prefix(k), "") for k in applicant_form.fields},
        )
        if agency_form is not None and agency_form.is_valid() and agency_form.cleaned_data["agency"]:
            services.change_agency(filing.first, agency_form.cleaned_data["agency"])
        if "autosave" in request.POST:
            # The draft's new version: the page's copy of what was typed is no longer needed (autosave.js).
            return HttpResponse(status=204, headers={"X-Draft-Version": filing.first.updated_at.isoformat()})
        if "save" in request.POST:
            messages.success(request, _("Đã lưu bản nháp. Bạn có thể tiếp tục sau tại “Hồ sơ của tôi”."))
            return redirect("records:step", pk=filing.pk, step="form")
        if valid:
            return redirect("records:step", pk=filing.pk, step="attachments")
    else:
        form = eforms.EForm(
            initial=filing.form_data,
            schema=definition.form_schema,
            ui=definition.form_ui,
            prefilled=prefilled,
            suggested=prefill.prefill_values(definition.suggest_map, registry),
        )
        valid = True
    context.update(
        {
            "form": form,
            "agency_form": agency_form,
            "applicant_form": applicant_form,
            "prefilled": prefilled,
            "wallet_fields": prefill.wallet_fields(definition.prefill_map),
            "has_registry": registry is not None,
        }
    )
    return _render_step(request, "records/step_form.html", context, errors=not valid)


def _raw_values(form, post, prefilled) -> dict:
    """What the citizen typed, as typed, so an invalid form is saved and shown again intact."""
    values = {name: post.get(name, "") for name in form.fields if post.get(name, "") != ""}
    return {**values, **prefilled}


def _attachments(request, filing, context):
    """Each document's problems are shown in its own section and in the summary, linked to its file input."""
    registry = filing.registry_data()
    errors, target = {}, ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "continue" or action.startswith("upload:"):
            # One form carries every file input: a file chosen is uploaded whichever button is pressed,
            # so choosing a file and then "Tiếp tục" (not "Tải lên") loses nothing.
            errors = _store_chosen_files(request, filing)
            target = action.removeprefix("upload:") if action != "continue" else ""
            if target and not errors:
                if not any(field.startswith("file-") for field in request.FILES):
                    errors = {target: [_("Hãy chọn tệp để tải lên.")]}
                else:
                    return redirect(reverse("records:step", args=[filing.pk, "attachments"]) + f"#slot-{target}")
            elif not target and not errors:
                missing = [s for s in filing.slots(registry) if s.component.mandatory and not s.satisfied]
                if not missing:
                    return redirect("records:step", pk=filing.pk, step="review")
                errors = {slot.key: [_missing_message(slot)] for slot in missing}
        else:
            try:
                target = _slot_key(filing, request.POST)
                _change_slot(request, filing, registry, action)
            except ValidationError as error:
                errors = {target: error.messages}
            else:
                # Back to the document just changed, not the top of the page.
                return redirect(reverse("records:step", args=[filing.pk, "attachments"]) + f"#slot-{target}")
    slots = filing.slots(registry)
    for slot in slots:
        slot.errors = errors.get(slot.key, [])
    summary = [(f"#{_slot_input(slot)}", f"{slot.component.name}: {m}") for slot in slots for m in slot.errors]
    summary += [("", message) for message in errors.get("", [])]  # not about one document (a forged request)
    context.update({"slots": slots, "errors": summary})
    return _render_step(request, "records/step_attachments.html", context, errors=bool(summary))


def _store_chosen_files(request, filing) -> dict[str, list[str]]:
    """Attach each file chosen on the page (field ``file-<record>-<component>``); the refusals by slot key."""
    errors, stored = {}, []
    for field, uploaded in request.FILES.items():
        if not field.startswith("file-"):
            continue
        key = field.removeprefix("file-")
        record_pk, _dash, component_pk = key.rpartition("-")
        try:
            record, component = _slot_target(filing, {"record": record_pk, "component": component_pk})
        except ValidationError as error:  # not a document of this filing: a stale page, or a forged request
            errors.setdefault("", []).extend(error.messages)
            continue
        try:
            services.attach(record, component, uploaded, by=request.user, from_citizen=True)
        except ValidationError as error:
            errors.setdefault(key, []).extend(error.messages)
        else:
            stored.append(uploaded.name)
    if stored:
        messages.success(request, _("Đã tải lên: %(names)s.") % {"names": ", ".join(f"“{n}”" for n in stored)})
    return errors


def _slot_key(filing, post) -> str:
    record, component = _slot_target(filing, post)
    return f"{record.pk}-{component.pk}"


def _slot_input(slot) -> str:
    """Where the citizen fixes the slot: its file input, or the choice of wallet document when it has no upload."""
    if slot.wallet_used:
        return f"slot-{slot.key}"
    return f"file-{slot.key}"


def _missing_message(slot) -> str:
    if slot.wallet_choices:
        return _("Chưa có giấy tờ này. Bấm “Dùng giấy tờ này” để dùng giấy tờ trong ví VNeID, hoặc tải bản chụp lên.")
    return _("Chưa có giấy tờ này. Hãy tải bản chụp hoặc bản điện tử lên.")


def _change_slot(request, filing, registry, action) -> None:
    record, component = _slot_target(filing, request.POST)
    if action == "upload":
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise ValidationError(_("Hãy chọn tệp để tải lên."))
        services.attach(record, component, uploaded, by=request.user, from_citizen=True)
        messages.success(request, _("Đã tải lên “%(name)s”.") % {"name": uploaded.name})
    elif action == "remove":
        attachment = Attachment.objects.filter(pk=request.POST.get("attachment"), record=record).first()
        if attachment is not None:  # else removed already: a double tap, or "Xóa" again after going back
            services.remove_attachment(attachment)
    elif action == "wallet":
        source = _wallet_source(record, component)
        number = request.POST.get("document")
        if not number:
            raise ValidationError(_("Hãy chọn một giấy tờ trong ví rồi bấm “Dùng giấy tờ này”."))
        document = next((d for d in prefill.wallet_documents(registry, source) if d["number"] == number), None)
        if document is None:
            raise ValidationError(_("Không tìm thấy giấy tờ này trong ví giấy tờ điện tử của bạn."))
        services.use_wallet_document(record, component, source, document)
    elif action == "unwallet":
        services.use_wallet_document(record, component, _wallet_source(record, component), None)
    else:
        raise ValidationError(_("Thao tác không hợp lệ."))


def _slot_target(filing, post):
    record = next((r for r in filing.records if str(r.pk) == post.get("record")), None)
    if record is None:
        raise ValidationError(_("Thao tác không hợp lệ."))
    component = DocumentComponent.objects.filter(pk=post.get("component"), version=record.procedure_version).first()
    if component is None:
        raise ValidationError(_("Thao tác không hợp lệ."))
    return record, component


def _wallet_source(record, component) -> str:
    replacement = record.service.replacements.filter(component=component).first()
    if replacement is None or replacement.source == ReplacementSource.POPULATION_REGISTRY:
        raise ValidationError(_("Giấy tờ này không thể thay bằng giấy tờ điện tử."))
    return replacement.source


def _review(request, filing, context):
    definition = filing.definition
    errors = []
    if request.method == "POST":
        try:
            if filing.group:
                services.submit_group(filing.group, actor=request.user, client_ip=client_ip(request))
            else:
                services.submit(filing.first, actor=request.user, client_ip=client_ip(request))
        except ValidationError as error:
            if not Filing.load(filing.pk, request.user).is_draft:
                # A double click: the other request submitted it a moment ago. Show its confirmation.
                return redirect("records:done", pk=filing.pk)
            errors = _review_problems(filing, request.user) or [("", message) for message in error.messages]
        else:
            return redirect("records:done", pk=filing.pk)
    members = services.bundle_members(filing.first)
    context.update(
        {
            "answers": answers_shown(definition, filing.form_data, filing.first.prefilled_fields),
            "slots": filing.slots(filing.registry_data()),
            "errors": errors,
            # Within an integrated filing a procedure may have less time than on its own.
            "time_limits": [(record, services.time_limit(record, members)) for record in filing.records],
        }
    )
    return _render_step(request, "records/step_review.html", context, errors=bool(errors))


def _review_problems(filing, user) -> list[tuple[str, str]]:
    """(link to the step where it is fixed, message) for what stops the filing being submitted.

    An integrated filing shares its form and answers: their problems are said once, a document's per record."""
    problems = []
    for record in Filing.load(filing.pk, user).records:  # read again: the failed submit may have seen newer data
        for where, message in services.located_submission_problems(record):
            if where in ("eligibility", "form"):
                item = (reverse("records:step", args=[filing.pk, where]), message)
            else:
                link = reverse("records:step", args=[filing.pk, "attachments"]) + f"#file-{record.pk}-{where.pk}"
                item = (link, f"{record.service.display_name}: {message}" if filing.group else message)
            if item not in problems:
                problems.append(item)
    return problems


def answers_shown(definition, data: dict, prefilled_fields: list) -> list:
    """(legend, items) of the form's answers as read back: choice labels, yes/no, and where prefilled values
    came from (the population registry or the VNeID e-document wallet)."""
    form = eforms.EForm(initial=data, schema=definition.form_schema, ui=definition.form_ui)
    from_wallet = prefill.wallet_fields(definition.prefill_map)
    rows = []
    for fieldset in form.fieldsets():
        items = []
        for bound in fieldset.fields:
            if bound.name not in data:
                continue
            value = data[bound.name]
            choices = dict(getattr(bound.field, "choices", []) or [])
            if isinstance(value, bool):
                value = _("Có") if value else _("Không")
            elif not choices:
                value = bound.field.prepare_value(value)  # an amount as 500.000.000
            source = ""
            if bound.name in prefilled_fields:
                source = "wallet" if bound.name in from_wallet else "registry"
            items.append({"label": bound.label, "value": choices.get(value, value), "source": source})
        if items:
            rows.append((fieldset.legend, items))
    return rows


@require_GET
@citizen_required
def done(request, pk):
    filing = Filing.load(pk, request.user)
    if filing.is_draft:
        return redirect("records:step", pk=filing.pk, step="review")
    return render(request, "records/done.html", {"filing": filing})


@require_http_methods(["GET", "POST"])
@citizen_required
def discard(request, pk):
    """Delete a draft the citizen no longer wants, after asking once."""
    filing = Filing.load(pk, request.user)
    if filing.group is not None and str(filing.group.pk) != str(pk):
        return redirect("records:discard", pk=filing.group.pk)  # one record of an integrated filing: all of it
    if not filing.is_draft:
        return redirect("records:detail", pk=filing.first.pk)
    if stepping_up := _step_up_first(request, filing.definition, reverse("records:discard", args=[pk])):
        return stepping_up
    if request.method == "POST":
        try:
            services.discard_draft(filing.records, filing.group, actor=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect("records:mine")
        messages.success(request, _("Đã xóa bản nháp “%(title)s”.") % {"title": filing.title})
        return redirect("records:mine")
    attachments = Attachment.objects.filter(record__in=filing.records).count()
    return render(request, "records/discard.html", {"filing": filing, "attachments": attachments})


@require_GET
@citizen_required
def my_records(request):
    page = selectors.records_of(request.user, request.GET.get("page"))
    # An integrated filing still in draft is one filing to continue or delete: one line, not one per record.
    rows, seen_groups = [], set()
    for record in page:
        if record.is_draft and record.group_id:
            if record.group_id in seen_groups:
                continue
            seen_groups.add(record.group_id)
        rows.append(record)
    return render(request, "records/my_records.html", {"page": page, "rows": rows})


@require_GET
@citizen_required
def detail(request, pk):
    record = get_object_or_404(selectors.records_of_applicant(request.user), pk=pk)
    if record.is_draft:
        if record.channel != Channel.ONLINE:
            raise Http404  # an officer is still preparing it at the desk
        return redirect("records:step", pk=record.group_id or record.pk, step="form")
    if stepping_up := _step_up_for(request, record):
        return stepping_up
    definition = record.definition
    return render(
        request,
        "records/detail.html",
        {
            "record": record,
            "answers": answers_shown(definition, record.form_data, record.prefilled_fields),
            "attachments": record.attachments.select_related("component"),
            "events": record.events.exclude(action__in=INTERNAL_EVENTS),
            "siblings": record.group.records.exclude(pk=record.pk) if record.group else [],
            "can_withdraw": services.can_withdraw(record),
            "supplement_request": _last_event(record, "request_supplement")
            if record.state == RecordState.SUPPLEMENT_REQUESTED
            else None,
            "apology": _last_event(record, "apologise") if record.new_appointment_date else None,
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
    if stepping_up := _step_up_for(request, record, reverse("records:detail", args=[record.pk])):
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
    return redirect("records:detail", pk=record.pk)


@require_GET
@citizen_required
def result(request, pk):
    """The result the agency returned, for the applicant only."""
    record = get_object_or_404(selectors.records_of_applicant(request.user), pk=pk, state=RecordState.RESULT_RETURNED)
    if stepping_up := _step_up_for(request, record):
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
    if stepping_up := _step_up_for(request, record, reverse("records:withdraw", args=[record.pk])):
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
        if stepping_up := _step_up_for(request, record):
            return stepping_up
    elif (record.is_draft and record.channel == Channel.ONLINE) or not has_role(user, record.agency):
        raise Http404  # a citizen's online draft is theirs alone until it is filed
    return private_file_response(
        attachment.file,
        content_type=attachment.content_type,
        filename=attachment.original_name,
        inline=request.GET.get("inline") == "1",
    )


class LookupForm(forms.Form):
    """Code and ID number as people type them on a phone: any case, with spaces or dots between groups."""

    code = forms.CharField(
        label=gettext_lazy("Mã hồ sơ"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )
    id_number = forms.CharField(
        label=gettext_lazy("Số định danh cá nhân của người nộp"),
        max_length=24,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper()

    def clean_id_number(self) -> str:
        digits = re.sub(r"[\s.\-]", "", self.cleaned_data["id_number"])
        if not re.fullmatch(r"\d{12}", digits):
            raise ValidationError(_("Số định danh cá nhân gồm đúng 12 chữ số."))
        return digits


@require_GET
def lookup(request):
    form = LookupForm(request.GET or None)
    record = None
    not_found = False
    throttle = LookupThrottle()
    if request.GET and not throttle.allow_request(request, None):
        minutes = max(1, round((throttle.wait() or 60) / 60))
        message = _("Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau %(minutes)s phút.") % {"minutes": minutes}
        return render(request, "records/lookup.html", {"form": LookupForm(), "throttled": message}, status=429)
    if request.GET and form.is_valid():
        record = selectors.lookup(form.cleaned_data["code"], form.cleaned_data["id_number"])
        not_found = record is None
    invalid = bool(request.GET) and not form.is_valid()
    context = {"form": form, "record": record, "not_found": not_found, "has_errors": invalid}
    return render(request, "records/lookup.html", context, status=400 if invalid else (404 if not_found else 200))
