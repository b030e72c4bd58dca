"""Administrators define online services and their e-forms, with a live preview of the form."""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.fields import InvalidJSONInput
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from common import jsoninput

from . import eforms, versioning
from .builder import json_error_message, ordered, ordered_map, read_json
from .builder_admin import EFormBuilderMixin, citizen_page
from .models import BundleMember, ComponentReplacement, IntegratedService, OnlineService


def only_the_versions_papers(field, service) -> None:
    """A paper drop-down of a service lists its procedure version's papers only; before the service has a version,
    every paper is named with its procedure and version (many procedures have a "Tờ khai" or "Đơn đề nghị")."""
    if field is None:
        return
    if service is not None:
        field.queryset = service.version.components.all()
    else:
        field.queryset = field.queryset.select_related("version__procedure")
        field.label_from_instance = lambda component: (
            f"{component.name} ({component.version.procedure.code} v{component.version.number})"
        )


class ComponentReplacementInline(admin.TabularInline):
    model = ComponentReplacement
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        only_the_versions_papers(formset.form.base_fields.get("component"), obj)
        return formset


class BundleMemberInline(admin.TabularInline):
    model = BundleMember
    extra = 0
    autocomplete_fields = ["service"]


class EFormPreviewMixin:
    """Adds ``…/preview/``: the admin's change form posts the definition there and shows, in a frame, the citizen's
    form page it makes (the portal's styling, prefilled fields as the citizen sees them), saved or not."""

    change_form_template = "admin/services/eform_change_form.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        extra = [path("preview/", self.admin_site.admin_view(self.preview), name="{}_{}_preview".format(*info))]
        return extra + super().get_urls()

    def preview(self, request):
        if request.method != "POST" or not self.has_change_permission(request):
            return HttpResponse(status=405)
        parts = {}
        try:
            for key in ("form_schema", "form_ui", "prefill_map", "suggest_map"):
                parts[key] = read_json(request.POST.get(key) or "{}")
        except ValidationError as error:
            return HttpResponse(self.render_problem(" ".join(error.messages)), status=400)
        html = self.render_preview(request, None, *parts.values())
        return HttpResponse(html, status=400 if 'class="errornote"' in html else 200)

    def render_problem(self, problem: str) -> str:
        return format_html('<p class="errornote">{}: {}</p>', _("Chưa xem trước được"), problem)

    def render_preview(self, request, obj, schema, ui, prefill_map=None, suggest_map=None) -> str:
        """The citizen's page for this definition (a whole document), or why it cannot be shown yet.

        Its fields carry the prefix ``preview-``, as they did when the preview sat in the change page itself."""
        try:
            eforms.check_definition(schema, ui)
        except (ValueError, ValidationError) as error:
            return self.render_problem(" ".join(getattr(error, "messages", [str(error)])))
        return citizen_page(request, obj, schema, ui, prefill_map, suggest_map, prefix="preview")

    def preview_context(self, request, obj, schema, ui, prefill_map, suggest_map) -> dict:
        """Shown at once, without JavaScript; the page's script redraws it as the definition is edited."""
        html = self.render_preview(request, obj, schema, ui, prefill_map, suggest_map)
        problem = html.startswith('<p class="errornote">')
        return {"eform_preview": "" if problem else html, "eform_problem": html if problem else ""}

    def add_view(self, request, form_url="", extra_context=None):
        # Before the first save: the empty form a new service starts with, as the citizen would see it.
        preview = self.preview_context(request, None, {"type": "object", "properties": {}}, {}, {}, {})
        return super().add_view(request, form_url, {**(extra_context or {}), **preview})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is not None:
            definition = obj.form_schema, obj.form_ui, obj.prefill_map, obj.suggest_map
            extra_context = {**(extra_context or {}), **self.preview_context(request, obj, *definition)}
        return super().change_view(request, object_id, form_url, extra_context)


class JsonTextarea(forms.Textarea):
    def format_value(self, value):
        if isinstance(value, str):
            try:
                value = jsoninput.loads(value)
            except ValueError:
                return value
        return json.dumps(value, ensure_ascii=False, indent=2)


class EFormAdminForm(forms.ModelForm):
    """The saved definition shown in the builder's one key order. PostgreSQL keeps JSON keys in its own order
    (jsonb), not in the typed one: without this, fields came back re-sorted after a save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schema, ui = self.initial.get("form_schema"), self.initial.get("form_ui")
        if isinstance(schema, dict) and isinstance(ui, dict):
            schema, ui = ordered(schema, ui)
            self.initial["form_schema"], self.initial["form_ui"] = schema, ui
            for key in ("prefill_map", "suggest_map"):
                if isinstance(self.initial.get(key), dict):
                    self.initial[key] = ordered_map(self.initial[key], schema, ui)


class BoundedJSONField(forms.JSONField):
    """Django's JSON form field through ``common.jsoninput``: JSON nested thousands deep raised RecursionError (a
    500 when an administrator saved it); now it is a validation error on the field, kept as typed."""

    def to_python(self, value):
        if isinstance(value, str) and value and not self.disabled:
            try:
                jsoninput.loads(value)
            except jsoninput.UnsafeJSON as error:
                raise ValidationError(str(error), code="invalid") from None
            except json.JSONDecodeError as error:
                raise ValidationError(json_error_message(error), code="invalid") from None
            except ValueError:
                pass  # Django's own message for other JSON that does not parse
        return super().to_python(value)

    def bound_data(self, data, initial):
        if isinstance(data, str) and not self.disabled:
            try:
                jsoninput.loads(data)
            except ValueError:
                return InvalidJSONInput(data)
        return super().bound_data(data, initial)


class HeldFilter(admin.SimpleListFilter):
    title = _("nhận hồ sơ trực tuyến")
    parameter_name = "held"

    def lookups(self, request, model_admin):
        return [("yes", _("Tạm ngừng, chờ rà soát")), ("no", _("Đang nhận"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(held_since__isnull=False)
        if self.value() == "no":
            return queryset.filter(held_since__isnull=True)
        return queryset


@admin.display(description=_("nhận hồ sơ"))
def filing_state(definition):
    if definition.is_held:
        return _("Tạm ngừng, chờ rà soát")
    return _("Đang nhận") if definition.is_active else _("Không cung cấp")


class HeldForReviewMixin:
    """A service or bundle its procedure's new version held from filing (``versioning``): the list says which, the
    change page says what to review, and an action reopens filing once it is done."""

    actions = ["mark_reviewed"]

    def get_list_display(self, request):
        return (*super().get_list_display(request), filing_state)

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), HeldFilter)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "review_needed") if obj is not None and obj.is_held else readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.is_held:
            return fieldsets
        rest = [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != "review_needed"]}) for name, opts in fieldsets
        ]
        return [(_("Cần rà soát theo phiên bản mới của thủ tục"), {"fields": ["review_needed"]}), *rest]

    @admin.display(description=_("tạm ngừng nhận hồ sơ, cần rà soát"))
    def review_needed(self, obj):
        return format_html(
            "<p>{}</p><ol>{}</ol>",
            _("Từ %(date)s; sau khi rà soát, dùng thao tác “Đánh dấu đã rà soát, mở lại nhận hồ sơ” ở danh sách.")
            % {"date": timezone.localtime(obj.held_since).strftime("%H:%M %d/%m/%Y")},
            format_html_join("", "<li>{}</li>", ((note,) for note in obj.review_notes)),
        )

    @admin.action(description=_("Đánh dấu đã rà soát, mở lại nhận hồ sơ"))
    def mark_reviewed(self, request, queryset):
        held = [definition for definition in queryset if definition.is_held]
        for definition in held:
            versioning.mark_reviewed(definition)
            self.log_change(request, definition, _("Đã rà soát theo phiên bản mới của thủ tục; mở lại nhận hồ sơ."))
        self.message_user(
            request,
            _("Đã mở lại nhận hồ sơ trực tuyến cho %(n)d dịch vụ.") % {"n": len(held)}
            if held
            else _("Không dịch vụ nào đã chọn đang tạm ngừng chờ rà soát; không có gì thay đổi."),
            messages.SUCCESS if held else messages.WARNING,
        )


JSON_WIDGETS = {
    name: JsonTextarea(attrs={"rows": 14, "class": "vLargeTextField json-editor"})
    for name in ("form_schema", "form_ui", "prefill_map", "suggest_map", "eligibility", "named_persons")
}
JSON_FIELDS = dict.fromkeys(JSON_WIDGETS, BoundedJSONField)


@admin.register(OnlineService)
class OnlineServiceAdmin(HeldForReviewMixin, EFormBuilderMixin, EFormPreviewMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "version", "delivery", "required_assurance", "is_active")
    list_filter = ("delivery", "required_assurance", "is_active")
    search_fields = ("name", "slug", "version__procedure__code")
    autocomplete_fields = ["version"]
    inlines = [ComponentReplacementInline]
    formfield_overrides = {}

    form = EFormAdminForm

    def get_form(self, request, obj=None, **kwargs):
        kwargs["widgets"] = JSON_WIDGETS
        kwargs["field_classes"] = JSON_FIELDS
        form = super().get_form(request, obj, **kwargs)
        only_the_versions_papers(form.base_fields.get("form_component"), obj)
        return form


@admin.register(IntegratedService)
class IntegratedServiceAdmin(HeldForReviewMixin, EFormBuilderMixin, EFormPreviewMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "is_active")
    search_fields = ("name", "slug")
    inlines = [BundleMemberInline]

    form = EFormAdminForm

    def get_form(self, request, obj=None, **kwargs):
        kwargs["widgets"] = JSON_WIDGETS
        kwargs["field_classes"] = JSON_FIELDS
        return super().get_form(request, obj, **kwargs)
