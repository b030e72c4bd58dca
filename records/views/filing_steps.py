"""The filing journey's steps for a draft: eligibility, the e-form, the documents, review and submit; then the
confirmation, or deleting the draft."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from common.net import client_ip
from eservices import eforms, person_checks, prefill
from identity.decorators import citizen_required
from procedures.models import DocumentComponent

from .. import reuse, services
from ..constants import Channel
from ..filing import Filing, expired
from ..forms import AgencyChoiceForm, ApplicantForm
from ..models import Attachment
from ..presenters import answers_shown
from .access import step_up_first

STEPS = ["eligibility", "form", "attachments", "review"]


STEP_TITLES = {
    "eligibility": gettext_lazy("Điều kiện"),
    "form": gettext_lazy("Tờ khai"),
    "attachments": gettext_lazy("Giấy tờ"),
    "review": gettext_lazy("Kiểm tra và nộp"),
}


@require_http_methods(["GET", "POST"])
@citizen_required
def step(request, pk, step):
    if step not in STEPS:
        raise Http404
    filing = Filing.load(pk, request.user)
    if not filing.is_draft:
        return redirect("records:detail", pk=filing.first.pk)
    # A draft started at level 2 and continued from a level-1 login: raise the level, then come back here.
    if stepping_up := step_up_first(request, filing.definition):
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
        try:
            refusals = services.save_eligibility_step(
                filing.records, answers, questions, version=_posted_version(request.POST)
            )
        except services.StaleDraft as stale:
            # Nothing kept: the page says what changed, offers the newer answers and shows these again.
            context["stale"] = _stale_notice(filing, "eligibility", _changed_answers(stale, questions))
            context["draft_version"] = stale.version
            context["questions"] = _questions(questions, answers, [])
            return render(request, "records/step_eligibility.html", {**context, "has_errors": True}, status=409)
        if not unanswered and not refusals:
            return redirect("records:step", pk=filing.pk, step="form")
    else:  # back here with answers that stop the filing: say so again
        refusals = services.eligibility_refusals(filing.first.eligibility_answers or {}, questions)
    answers = filing.first.eligibility_answers
    context["draft_version"] = filing.first.draft_version
    context["questions"] = _questions(questions, answers, unanswered)
    context["errors"] = [
        (f"#{q['id']}-yes", f"{q['text']}: {_('Hãy chọn Có hoặc Không.')}")
        for q in context["questions"]
        if q["unanswered"]
    ]
    # A refusal links to its question: the citizen who answered by mistake can change the answer.
    context["refusals"] = [(f"#{qid}-{'yes' if answers.get(qid) else 'no'}", message) for qid, message in refusals]
    return _render_step(request, "records/step_eligibility.html", context, errors=bool(refusals or unanswered))


def _questions(questions, answers, unanswered) -> list[dict]:
    return [
        {
            "id": q["id"],
            "text": eforms.text(q["question"]),
            "answer": answers.get(q["id"]),
            "unanswered": q["id"] in unanswered,
        }
        for q in questions
    ]


def _changed_answers(stale, questions) -> list[tuple[str, str]]:
    """(question, answer now) of what the other tab changed."""
    now = stale.record.eligibility_answers or {}
    return [
        (eforms.text(q["question"]), {True: _("Có"), False: _("Không")}.get(now.get(q["id"]), _("(để trống)")))
        for q in questions
        if f"eligibility:{q['id']}" in stale.changed
    ]


def _stale_notice(filing, step: str, changed: list[tuple[str, str]]) -> dict:
    """What a page that was behind says: what changed (and to what) and where the newer draft is."""
    message = _(
        "Bản nháp này đã được lưu ở một thẻ hoặc thiết bị khác sau khi trang này được mở, nên những gì bạn vừa "
        "nhập ở đây chưa được lưu. Đã thay đổi: %(fields)s."
    ) % {"fields": ", ".join(label for label, _value in changed)}
    reload = reverse("records:step", args=[filing.pk, step])
    save_label = _("Lưu nháp") if step == "form" else _("Tiếp tục")
    return {"message": message, "changed": changed, "reload": reload, "save_label": save_label}


def _render_step(request, template: str, context: dict, *, errors: bool):
    """A step's page; with ``errors``, status 400 and a page title that starts with "Lỗi:"."""
    context["has_errors"] = errors
    return render(request, template, context, status=400 if errors else 200)


APPLICANT_PREFIX = "applicant"


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
        if form.is_valid():  # the persons it names, against the population registry: the field that disagrees
            person_checks.add_errors(
                form,
                definition,
                applicant_id_number=first.applicant_id_number,
                as_of=lambda: services.result_date_of(definition),
            )
        valid = form.is_valid() & applicant_form.is_valid()
        adding_row = bool(request.POST.get(eforms.ADD_ROW))  # "Thêm dòng" of a repeating group: keep as typed
        data = form.as_json() if form.is_valid() and not adding_row else _raw_values(form, request.POST, prefilled)
        try:
            version = services.save_form_step(
                filing.records,
                version=_posted_version(request.POST),
                data=data,
                prefilled_fields=list(prefilled),
                applicant=applicant_form.cleaned_data
                if applicant_form.is_valid()
                else {k: request.POST.get(applicant_form.add_prefix(k), "") for k in applicant_form.fields},
                agency=agency_form.cleaned_data.get("agency")
                if agency_form is not None and agency_form.is_valid()
                else None,
            )
        except services.StaleDraft as stale:
            return _stale_form(
                request,
                filing,
                context,
                stale,
                form=form,
                applicant_form=applicant_form,
                agency_form=agency_form,
                prefilled=prefilled,
                registry=registry,
            )
        if "autosave" in request.POST:
            # The draft's new version: the page's copy of what was typed is no longer needed (autosave.js).
            return HttpResponse(status=204, headers={"X-Draft-Version": str(version)})
        if adding_row:  # the draft now holds one more blank row: the page comes again, at the group
            anchor = (
                form[request.POST[eforms.ADD_ROW]].auto_id if request.POST[eforms.ADD_ROW] in form.fields else "main"
            )
            return redirect(reverse("records:step", kwargs={"pk": filing.pk, "step": "form"}) + f"#{anchor}")
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
            "draft_version": filing.first.draft_version,
        }
    )
    return _render_step(request, "records/step_form.html", context, errors=not valid)


def _posted_version(post) -> int | None:
    """The draft's version the page was loaded with; None from a page without one (loaded before versions)."""
    value = post.get("draft_version", "")
    return int(value) if value.isdigit() else None


def _stale_form(request, filing, context, stale, *, form, applicant_form, agency_form, prefilled, registry):
    """The page was behind: another tab or device saved the draft since. Nothing of this save is kept; the page
    says what changed and to what, offers the newer draft, and shows what was typed here again. It then carries
    the newer version: saving again, after seeing both, keeps what was typed here."""
    notice = _stale_notice(filing, "form", _changed_fields(stale, form, applicant_form, agency_form))
    if "autosave" in request.POST:
        return JsonResponse(
            {
                "message": notice["message"],
                "changed": [label for label, _value in notice["changed"]],
                "reload": notice["reload"],
                "reload_label": _("Tải lại bản mới nhất"),
                "version": stale.version,
            },
            status=409,
        )
    context.update(
        {
            "form": form,
            "agency_form": agency_form,
            "applicant_form": applicant_form,
            "prefilled": prefilled,
            "wallet_fields": prefill.wallet_fields(filing.definition.prefill_map),
            "has_registry": registry is not None,
            "draft_version": stale.version,
            "stale": notice,
            "has_errors": True,
        }
    )
    return render(request, "records/step_form.html", context, status=409)


def _changed_fields(stale, form, applicant_form, agency_form) -> list[tuple[str, str]]:
    """(label, value now) of what the other tab changed, as the citizen reads them on the form."""
    record, shown = stale.record, []
    for name in stale.changed:
        if name == "agency":
            label = agency_form.fields["agency"].label if agency_form is not None else _("Cơ quan giải quyết")
            shown.append((str(label), record.agency.display_name))
            continue
        if name.startswith("applicant:"):
            field_name = name.removeprefix("applicant:")
            field, value = applicant_form.fields.get(field_name), getattr(record, field_name, "")
        else:
            field, value = form.fields.get(name), record.form_data.get(name, "")
        if field is None:
            continue
        if getattr(field.widget, "is_group", False):  # a repeating group's rows, as one line
            value = field.as_text(value)
        else:
            choices = dict(getattr(field, "choices", None) or [])
            value = choices.get(value, value)
        shown.append((str(field.label), str(value) if value not in ("", None) else _("(để trống)")))
    return shown


def _raw_values(form, post, prefilled) -> dict:
    """What the citizen typed, as typed, so an invalid form is saved and shown again intact."""
    values = {name: post.get(name, "") for name in form.fields if post.get(name, "") != ""}
    for name, field in form.fields.items():
        if getattr(field.widget, "is_group", False):
            # A repeating group's rows as typed, blank ones too (the one "Thêm dòng" just added).
            rows = field.widget.value_from_datadict(post, {}, name)
            if isinstance(rows, list) and rows:
                values[name] = rows
            continue
        if getattr(field.widget, "is_address", False) and name not in values:
            # Province, commune and street come as three inputs: kept as the three parts, drawn back in the pickers.
            parts = field.widget.value_from_datadict(post, {}, name)
            if isinstance(parts, list) and any(parts):
                values[name] = parts
    return {**values, **prefilled}


def _attachments(request, filing, context):
    """Each document's problems are shown in its own section and in the summary, linked to its file input."""
    registry = filing.registry_data()
    errors, target = {}, ""
    request.storage_unavailable = False  # set when the upload storage refused a file: the page answers 503
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
            except services.StorageUnavailable as error:
                errors, request.storage_unavailable = {target: [str(error.message)]}, True
            else:
                # Back to the document just changed, not the top of the page.
                return redirect(reverse("records:step", args=[filing.pk, "attachments"]) + f"#slot-{target}")
    slots = filing.slots(registry)
    for slot in slots:
        slot.errors = errors.get(slot.key, [])
    summary = [(f"#{_slot_input(slot)}", f"{slot.component.name}: {m}") for slot in slots for m in slot.errors]
    summary += [("", message) for message in errors.get("", [])]  # not about one document (a forged request)
    context.update({"slots": slots, "errors": summary, "storage_unavailable": request.storage_unavailable})
    response = _render_step(request, "records/step_attachments.html", context, errors=bool(summary))
    if request.storage_unavailable:  # not the citizen's mistake: try again later, nothing typed is lost
        response.status_code, response["Retry-After"] = 503, "300"
    return response


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
        except services.StorageUnavailable as error:
            errors.setdefault(key, []).append(str(error.message))
            request.storage_unavailable = True
            break  # the storage is full or failing: the other files would fail too
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
    if slot.store_choices:
        return _(
            "Chưa có giấy tờ này. Bấm “Dùng giấy tờ này” để dùng giấy tờ trong Kho dữ liệu cá nhân, hoặc tải bản chụp "
            "lên."
        )
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
        document = prefill.wallet_document(registry, source, number)
        if document is None or expired(document):
            raise ValidationError(_("Không tìm thấy giấy tờ này trong ví giấy tờ điện tử của bạn."))
        services.use_wallet_document(record, component, source, document)
    elif action == "unwallet":
        services.use_wallet_document(record, component, _wallet_source(record, component), None)
    elif action == "store":
        # An item of the citizen's personal data store, valid and of this paper's kind (``reuse``).
        kinds = {component.paper_type, services.wallet_source(record.service, component) or ""}
        item = reuse.store_item(record.applicant_id_number, request.POST.get("item", ""))
        if item is None or item["kind"] not in kinds - {""}:
            raise ValidationError(_("Không tìm thấy giấy tờ còn hiệu lực này trong Kho dữ liệu cá nhân của bạn."))
        services.use_wallet_document(record, component, reuse.SOURCE, item)
    elif action == "unstore":
        services.use_wallet_document(record, component, reuse.SOURCE, None)
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
    source = services.wallet_source(record.service, component)
    if source is None:
        raise ValidationError(_("Giấy tờ này không thể thay bằng giấy tờ điện tử."))
    return source


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


@require_GET
@citizen_required
def done(request, pk):
    filing = Filing.load(pk, request.user)
    if filing.is_draft:
        return redirect("records:step", pk=filing.pk, step="review")
    if stepping_up := step_up_first(request, filing.definition):
        return stepping_up  # the filed records' codes, agency and fees, as on their pages: at the level they asked
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
    if stepping_up := step_up_first(request, filing.definition, reverse("records:discard", args=[pk])):
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
