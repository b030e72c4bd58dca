"""The e-form builder's pages in the admin: build, preview, save, export and import a service's e-form.

Reached from an online service's (or an integrated service's) change page. The page is an ordinary form: every
button (add a field, move it, remove it, preview, save, import) posts the whole form and the server answers the
page again, so it works without JavaScript; ``static/js/eform_builder.js`` only refreshes the preview and the
messages while the administrator types. The server's check (``builder.check``) decides what may be saved.
"""

from __future__ import annotations

import hashlib
import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _

from . import builder, eforms, prefill
from .models import ComponentReplacement, OnlineService

# The person whose registry data fills the preview: what a citizen sees in place of their own.
SAMPLE_PERSON = {
    "name": "Nguyễn Thị Mẫu",
    "id_number": "001190000001",
    "birthdate": "1990-01-15",
    "gender": "female",
    "nationality": "Việt Nam",
    "ethnicity": "Kinh",
    "place_of_origin": "Xã Mẫu Sơn, tỉnh Lạng Sơn",
    "permanent_address": {"formatted": "Số 1 phố Mẫu, Phường Ba Đình, Thành phố Hà Nội"},
    "temporary_address": None,
    "phone_number": "0912345678",
    "email": "mau@example.vn",
    "household": {
        "code": "HN0000001",
        "head": {"name": "Nguyễn Thị Mẫu", "id_number": "001190000001"},
        "spouse": {"name": "Trần Văn Mẫu", "id_number": "001088000002"},
        "father": {"name": "Nguyễn Văn Cha", "id_number": "001060000003"},
        "mother": {"name": "Lê Thị Mẹ", "id_number": "001162000004"},
    },
    "edocuments": [
        {"type": "driving_licence", "number": "012345678901", "class": "B"},
        {"type": "health_insurance", "number": "GD4010123456789"},
        {"type": "vehicle_registration", "number": "29A-123.45"},
    ],
}


def components_of(obj) -> list:
    """The papers of the service's procedure version that a prefilled field may stand for (none for a bundle)."""
    return list(obj.version.components.all()) if isinstance(obj, OnlineService) else []


def definition_state(obj) -> dict:
    state = builder.from_definition(obj.form_schema, obj.form_ui or {}, obj.prefill_map, obj.suggest_map)
    if isinstance(obj, OnlineService):
        builder.attach_replacements(state, [(r.component_id, r.source) for r in obj.replacements.all()])
    return state


def check(state: dict, components: list) -> tuple[dict, list]:
    errors, general = builder.check(state)
    allowed = {str(c.pk) for c in components}
    for index, field in enumerate(state["fields"]):
        if field["replaces"] and field["replaces"] not in allowed:
            errors.setdefault(f"f-{index}-replaces", _("Giấy tờ đã chọn không thuộc phiên bản thủ tục của dịch vụ."))
    return errors, general


class EditedMeanwhile(Exception):
    """The form was saved by someone else (or in another tab) after this page was opened."""


def fingerprint(obj) -> str:
    """What the builder's page started from: a save over someone else's newer save is said, not done silently."""
    replacements = []
    if isinstance(obj, OnlineService):
        replacements = sorted(obj.replacements.values_list("component_id", "source"))
    data = [obj.form_schema, obj.form_ui, obj.prefill_map, obj.suggest_map, obj.named_persons, obj.eligibility]
    text = json.dumps([data, replacements], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


@transaction.atomic
def save_form(obj, state: dict, *, publish: bool = False):
    """Write a checked state into the service: its e-form, prefill and suggestions, and the papers they replace.
    Returns the service as saved.

    ``ValidationError`` (in Vietnamese) when the service as a whole refuses it, e.g. a named person whose field
    was removed; ``EditedMeanwhile`` when it changed since the page was opened (nothing is written then)."""
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if state["meta"].get("base") and state["meta"]["base"] != fingerprint(obj):
        raise EditedMeanwhile
    schema, ui, prefill_map, suggest_map = builder.to_definition(state)
    obj.form_schema, obj.form_ui, obj.prefill_map, obj.suggest_map = schema, ui, prefill_map, suggest_map
    for key in ("named_persons", "eligibility"):
        if state["meta"].get(key):  # brought by an imported file
            setattr(obj, key, json.loads(state["meta"][key]))
    if publish:
        obj.is_active = True
    obj.full_clean()
    # Only what the builder edits: the service's other settings may have changed meanwhile (its version moved).
    fields = ["form_schema", "form_ui", "prefill_map", "suggest_map", "named_persons", "eligibility", "is_active"]
    obj.save(update_fields=fields)
    if isinstance(obj, OnlineService):
        wanted = builder.replacements_of(state)
        ComponentReplacement.objects.filter(service=obj).exclude(component_id__in=wanted).delete()
        for component_id, source in wanted.items():
            ComponentReplacement.objects.update_or_create(
                service=obj, component_id=component_id, defaults={"source": source}
            )
    return obj


def preview_document(request, obj, state: dict) -> str:
    """The citizen's form page for this state, as a whole HTML document (shown in the builder's frame)."""
    return citizen_page(request, obj, *builder.to_definition(state))


def citizen_page(request, obj, schema, ui, prefill_map, suggest_map, *, prefix=None) -> str:
    """The citizen's form step for a definition, as a whole HTML document in the portal's styling, prefilled with
    the sample citizen's registry data. ``obj``: the service (None on a service not saved yet)."""
    prefill_map = prefill_map if isinstance(prefill_map, dict) else {}
    suggest_map = suggest_map if isinstance(suggest_map, dict) else {}
    prefilled = prefill.prefill_values(prefill_map, SAMPLE_PERSON)
    form = eforms.EForm(
        schema=schema,
        ui=ui,
        prefilled=prefilled,
        suggested=prefill.prefill_values(suggest_map, SAMPLE_PERSON),
        prefix=prefix,
    )
    context = {
        "service": obj,
        "form": form,
        "prefilled": prefilled,
        "wallet_fields": prefill.wallet_fields(prefill_map),
    }
    return render_to_string("services/eform_preview_page.html", context, request=request)


class EFormBuilderMixin:
    """``…/<id>/eform/``: the builder; ``…/eform/preview/``: its live check; ``…/eform/export/``: the form file."""

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        view = self.admin_site.admin_view
        extra = [
            path("<path:object_id>/eform/", view(self.builder_view), name="{}_{}_builder".format(*info)),
            path(
                "<path:object_id>/eform/preview/",
                view(self.builder_preview),
                name="{}_{}_builder_preview".format(*info),
            ),
            path("<path:object_id>/eform/export/", view(self.export_view), name="{}_{}_export".format(*info)),
        ]
        return extra + super().get_urls()

    def get_changeform_initial_data(self, request):
        # A new service starts with an empty form, built afterwards in the builder: no JSON to type. It is not
        # offered to citizens until the builder's "Lưu và mở cho công dân nộp" (an empty form is nothing to file).
        empty = {"form_schema": {"type": "object", "properties": {}}, "form_ui": {}, "is_active": False}
        return {**empty, **super().get_changeform_initial_data(request)}

    def _object(self, request, object_id, *, change: bool = True):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is None:
            raise Http404
        allowed = self.has_change_permission(request, obj) if change else self.has_view_permission(request, obj)
        if not allowed:
            raise PermissionDenied
        return obj

    def builder_view(self, request, object_id):
        obj = self._object(request, object_id)
        components = components_of(obj)
        general = []
        if request.method == "POST":
            action = request.POST.get("action", "")
            state = builder.from_post(request.POST)
            if action == "import":
                upload = request.FILES.get("form_file")
                try:
                    if upload is None:
                        raise ValidationError(_("Hãy chọn tệp biểu mẫu (.json) để nhập."))
                    if upload.size > eforms.MAX_DEFINITION_BYTES * 2:
                        raise ValidationError(_("Tệp quá lớn để là một biểu mẫu."))
                    document = builder.import_document(upload.read())
                    state = builder.from_definition(
                        document["form_schema"],
                        document.get("form_ui", {}),
                        document.get("prefill_map"),
                        document.get("suggest_map"),
                    )
                except (ValidationError, builder.CannotBuild) as error:
                    general = list(getattr(error, "messages", [str(error)]))
                else:
                    if isinstance(obj, OnlineService):  # papers are this service's own: a file does not carry them
                        replacements = [(r.component_id, r.source) for r in obj.replacements.all()]
                        builder.attach_replacements(state, replacements)
                    for key in ("named_persons", "eligibility"):
                        state["meta"][key] = json.dumps(document.get(key) or [], ensure_ascii=False)
                    state["meta"]["base"] = request.POST.get("base", "")
                    messages.info(
                        request,
                        _("Đã nạp biểu mẫu từ tệp “%(name)s”. Kiểm tra bản xem trước rồi bấm “Lưu biểu mẫu”.")
                        % {"name": upload.name},
                    )
            else:
                builder.fill_names(state)
                state = builder.apply_action(state, action)
            if action in ("save", "publish"):
                errors, general = check(state, components)
                if not errors and not general:
                    try:
                        obj = save_form(obj, state, publish=action == "publish")
                    except ValidationError as error:
                        general = [str(m) for m in error.messages]
                    except EditedMeanwhile:
                        obj.refresh_from_db()
                        state["meta"]["base"] = fingerprint(obj)  # saving again, now, overwrites knowingly
                        general = [
                            _(
                                "Biểu mẫu vừa được lưu ở nơi khác (người khác hoặc thẻ trình duyệt khác) sau khi bạn "
                                "mở trang này, nên chưa lưu. Những gì bạn sửa vẫn còn trên trang; bấm “Lưu biểu mẫu” "
                                "lần nữa để thay bằng bản của bạn, hoặc mở lại trang để xem bản đã lưu."
                            )
                        ]
                    else:
                        self.log_change(request, obj, _("Sửa biểu mẫu điện tử bằng trình thiết kế."))
                        messages.success(request, _("Đã lưu biểu mẫu điện tử của “%(name)s”.") % {"name": obj})
                        return HttpResponseRedirect(request.path)
        else:
            try:
                state = definition_state(obj)
                state["meta"]["base"] = fingerprint(obj)
            except builder.CannotBuild as error:
                messages.error(request, str(error))
                return HttpResponseRedirect(self._change_url(obj))
        state["fields"] = builder.ordered_fields(state)
        added = state.pop("added", None)
        added_sub = state.pop("added_sub", None)
        focus = next((i for i, f in enumerate(state["fields"]) if f is added), None)
        if added_sub is not None:  # the sub-field just added: "3-1" (field 3, its sub-field 1)
            focus = next(
                (
                    f"{i}-{j}"
                    for i, f in enumerate(state["fields"])
                    for j, sub in enumerate(f.get("subfields") or [])
                    if sub is added_sub
                ),
                None,
            )
        errors, definition_errors = check(state, components)
        general = general or definition_errors
        return self._render_builder(request, obj, state, components, errors, general, focus)

    def builder_preview(self, request, object_id):
        """The check and the preview of a posted state, for the page's script: JSON, nothing saved."""
        obj = self._object(request, object_id)
        if request.method != "POST":
            return HttpResponse(status=405)
        state = builder.from_post(request.POST)
        builder.fill_names(state)
        errors, general = check(state, components_of(obj))
        preview = "" if errors or general else preview_document(request, obj, state)
        return JsonResponse({"errors": errors, "general": general, "preview": preview})

    def export_view(self, request, object_id):
        obj = self._object(request, object_id, change=False)
        response = HttpResponse(builder.export_text(obj), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bieu-mau-{obj.slug}.json"'
        return response

    def _change_url(self, obj) -> str:
        info = self.model._meta.app_label, self.model._meta.model_name
        return reverse("admin:{}_{}_change".format(*info), args=[obj.pk], current_app=self.admin_site.name)

    def _render_builder(self, request, obj, state, components, errors, general, focus=None):
        from django.template.response import TemplateResponse

        info = self.model._meta.app_label, self.model._meta.model_name
        sections = []
        for index, section in enumerate(state["sections"]):
            sections.append(
                {"index": index, "index_str": str(index), "data": section, "errors": _errors_of(errors, f"s-{index}-")}
            )
        conditions = builder.condition_options(state)
        shown_conditions = dict(conditions)
        fields = []
        for index, field in enumerate(state["fields"]):
            field_errors = _errors_of(errors, f"f-{index}-")
            subs = []
            for number, sub in enumerate(field.get("subfields") or []):
                prefix = f"s-{number}-"
                subs.append(
                    {
                        "index": number,
                        "prefix": f"f-{index}-{prefix}",
                        "data": sub,
                        "errors": _errors_of(field_errors, prefix),
                        "kind_label": builder.KINDS.get(sub["kind"], sub["kind"]),
                        "focus": focus == f"{index}-{number}",
                    }
                )
            fields.append(
                {
                    "index": index,
                    "index_str": str(index),
                    "data": field,
                    "errors": field_errors,
                    "subs": subs,
                    "kind_label": builder.KINDS.get(field["kind"], field["kind"]),
                    # New fields and fields with something to fix are shown open; the others folded.
                    "open": bool(field_errors) or not field["label_vi"] or focus == f"{index}-{len(subs) - 1}",
                    "focus": index == focus,
                    "condition_missing": (
                        _("(Điều kiện không còn dùng được: %(value)s)") % {"value": field["show_if"]}
                        if field["show_if"] and field["show_if"] not in shown_conditions
                        else ""
                    ),
                }
            )
        groups = [
            {"section": section, "fields": [f for f in fields if f["data"]["section"] == str(section["index"])]}
            for section in sections
        ]
        loose = [
            f for f in fields if not (f["data"]["section"].isdigit() and int(f["data"]["section"]) < len(sections))
        ]
        definition = ("", "")
        if not errors:
            schema, ui, prefill_map, suggest_map = builder.to_definition(state)
            definition = (
                json.dumps({"form_schema": schema, "form_ui": ui}, ensure_ascii=False, indent=2),
                json.dumps({"prefill_map": prefill_map, "suggest_map": suggest_map}, ensure_ascii=False, indent=2),
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": _("Thiết kế biểu mẫu: %(name)s") % {"name": obj},
            "state": state,
            "groups": groups,
            "loose": loose,
            "sections": sections,
            "errors": errors,
            "error_items": [(key, message) for key, message in errors.items()],
            "general": general,
            "kinds": list(builder.KINDS.items()),
            "sub_kinds": list(builder.SUB_KINDS.items()),
            "prefill_modes": list(builder.PREFILL_MODES.items()),
            "prefill_paths": _paths(state),
            "conditions": conditions,
            "components": components,
            "component_options": [(str(c.pk), c.name) for c in components],
            "section_options": [
                (
                    str(s["index"]),
                    _("Phần %(number)s: %(name)s") % {"number": s["index"] + 1, "name": s["data"]["legend_vi"]},
                )
                for s in sections
            ],
            "choice_styles": [("radio", _("Nút chọn, hiện hết các lựa chọn")), ("select", _("Danh sách thả xuống"))],
            "preview": "" if errors or general else preview_document(request, obj, state),
            "definition": definition,
            "change_url": self._change_url(obj),
            "preview_url": reverse(f"admin:{info[0]}_{info[1]}_builder_preview", args=[obj.pk]),
            "export_url": reverse(f"admin:{info[0]}_{info[1]}_export", args=[obj.pk]),
            "can_publish": not obj.is_active,
        }
        return TemplateResponse(request, "admin/services/eform_builder.html", context)


def _errors_of(errors: dict, prefix: str) -> dict:
    return {key.removeprefix(prefix): message for key, message in errors.items() if key.startswith(prefix)}


def _paths(state: dict) -> list[tuple[str, str]]:
    """Known registry paths, and any other a field already uses (kept, so the form opens as it was)."""
    paths = [(key, f"{label} ({key})") for key, label in builder.PREFILL_PATHS.items()]
    known = set(builder.PREFILL_PATHS)
    for field in state["fields"]:
        if field["prefill_path"] and field["prefill_path"] not in known:
            paths.append((field["prefill_path"], field["prefill_path"]))
            known.add(field["prefill_path"])
    return paths
