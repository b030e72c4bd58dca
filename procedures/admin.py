"""Catalogue administration: administrators edit drafts, publish them, and retire procedures."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import process, services
from .constants import VersionStatus
from .models import (
    AdministrativeUnit,
    Agency,
    DocumentComponent,
    Fee,
    InternalProcess,
    LegalBasis,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    Sector,
)


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent", "successor", "retired_on")
    list_filter = ("level", ("retired_on", admin.EmptyFieldListFilter))
    search_fields = ("code", "name")
    autocomplete_fields = ("parent", "successor")


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en")
    search_fields = ("code", "name")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "unit", "governing_body", "is_active")
    list_filter = ("level", "is_active")
    search_fields = ("code", "name")
    autocomplete_fields = ("parent", "governing_body", "unit")


class PublishedReadOnlyInline(admin.TabularInline):
    """Inlines of a published version can be read but not changed."""

    extra = 0

    def _editable(self, obj):
        return obj is None or not obj.is_published

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class FeeInline(PublishedReadOnlyInline):
    model = Fee


class ComponentInline(PublishedReadOnlyInline):
    model = DocumentComponent


class LegalBasisInline(PublishedReadOnlyInline):
    model = LegalBasis


class ProcessStepFormSet(forms.BaseInlineFormSet):
    """The working time of each process (the common one, each agency's) adds up to the legal time limit."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        steps = [
            (form.cleaned_data.get("agency"), form.cleaned_data.get("working_hours"))
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        problems = process.check_step_times(self.instance.processing_days, steps)
        if problems:
            raise ValidationError(problems)


class ProcessStepInline(admin.TabularInline):
    model = ProcessStep
    formset = ProcessStepFormSet
    extra = 0
    autocomplete_fields = ("agency",)


@admin.register(InternalProcess)
class InternalProcessAdmin(admin.ModelAdmin):
    """The internal process of a version, published or not: only its steps are edited here."""

    list_display = ("procedure", "number", "name", "processing_days", "status")
    list_filter = ("status", "sector")
    search_fields = ("procedure__code", "name")
    fields = ("procedure", "number", "name", "processing_days")
    readonly_fields = fields
    inlines = [ProcessStepInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        """The version itself is not changed here (a published one never is): only its steps are saved."""


class InForceFilter(admin.SimpleListFilter):
    """Published versions by where they stand today: in force, coming into force, no longer in force."""

    title = _("hiệu lực")
    parameter_name = "in_force"

    def lookups(self, request, model_admin):
        return [
            ("current", _("Đang có hiệu lực")),
            ("scheduled", _("Sắp có hiệu lực")),
            ("superseded", _("Hết hiệu lực")),
        ]

    def queryset(self, request, queryset):
        published = queryset.filter(status=VersionStatus.PUBLISHED)
        today = timezone.localdate()
        if self.value() == "current":
            return published.filter(superseded_on__isnull=True, effective_from__lte=today)
        if self.value() == "scheduled":
            return published.filter(effective_from__gt=today)
        if self.value() == "superseded":
            return published.filter(superseded_on__isnull=False)
        return queryset


@admin.display(description=_("trạng thái"))
def standing(version):
    """Draft, in force since, in force from a later date, or no longer in force since (with the date)."""
    return version.standing


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    list_display = ("procedure", "number", "name", standing, "effective_from", "published_at")
    list_filter = ("status", InForceFilter, "delivery_level", "sector")
    search_fields = ("procedure__code", "name")
    autocomplete_fields = ("procedure", "sector", "agencies")
    readonly_fields = ("number", standing, "published_at", "published_by")
    inlines = [ComponentInline, FeeInline, LegalBasisInline]
    actions = ["publish", "new_draft"]
    fieldsets = (
        (None, {"fields": ("procedure", "number", standing, "effective_from", "published_at", "published_by")}),
        (_("Nội dung"), {"fields": ("name", "name_en", "sector", "levels", "agencies", "applicant_types")}),
        (
            _("Thực hiện"),
            {
                "fields": (
                    "processing_days",
                    "processing_note",
                    "retention_years",
                    "methods",
                    "delivery_level",
                    "description",
                    "requirements",
                )
            },
        ),
        (_("Kết quả"), {"fields": ("result_name", "result_name_en", "result_template")}),
    )

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)

    @admin.action(description=_("Công bố các phiên bản đã chọn"))
    def publish(self, request, queryset):
        """Each publication says what followed the new version: the online services and bundles moved onto it, and
        those held from filing until they are reviewed, with what to review (``signals.version_in_force``)."""
        for version in queryset:
            try:
                publication = services.publish(version, by=request.user)
            except ValidationError as error:
                self.message_user(
                    request, f"{version.procedure.code} v{version.number}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                self.message_user(request, _("Đã công bố %(v)s.") % {"v": version}, messages.SUCCESS)
                for notice in publication.notices:
                    self.message_user(request, str(notice), messages.WARNING if notice.needs_review else messages.INFO)

    @admin.action(description=_("Tạo bản nháp mới từ phiên bản đã chọn"))
    def new_draft(self, request, queryset):
        for version in queryset:
            try:
                draft = services.create_draft(version.procedure, source=version)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, _("Đã tạo bản nháp %(v)s.") % {"v": draft}, messages.SUCCESS)


class VersionInline(admin.TabularInline):
    model = ProcedureVersion
    fields = ("number", "name", standing, "effective_from", "published_at")
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "current_version", "retired_at", "view_count")
    list_filter = (("retired_at", admin.EmptyFieldListFilter),)
    search_fields = ("code", "search_text")
    readonly_fields = ("current_version", "name", "retired_at", "view_count")
    inlines = [VersionInline]
    actions = ["retire", "reinstate"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "search_keywords" in form.changed_data:
            services.refresh_search_fields(obj)  # search finds the procedure by its new keywords at once

    def get_search_results(self, request, queryset, search_term):
        from .text import fold

        return super().get_search_results(
            request, queryset, fold(search_term) if not search_term[:1].isdigit() else search_term
        )

    @admin.action(description=_("Bãi bỏ (ẩn khỏi tìm kiếm, giữ trang với thông báo)"))
    def retire(self, request, queryset):
        for procedure in queryset:
            services.retire_procedure(procedure, note=procedure.retirement_note)
        self.message_user(request, _("Đã bãi bỏ %(n)d thủ tục.") % {"n": queryset.count()}, messages.SUCCESS)

    @admin.action(description=_("Khôi phục thủ tục đã bãi bỏ"))
    def reinstate(self, request, queryset):
        for procedure in queryset:
            services.reinstate_procedure(procedure)
        self.message_user(request, _("Đã khôi phục %(n)d thủ tục.") % {"n": queryset.count()}, messages.SUCCESS)
