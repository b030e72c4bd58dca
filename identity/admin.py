from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from common.admin import ReadOnlyAdmin

from . import audit
from .constants import StaffEventKind
from .models import (
    ActivationCode,
    AuthEvent,
    EDocument,
    Household,
    Person,
    ProvinceAdministrator,
    StaffEvent,
    StaffMembership,
    User,
)


def _record_role(request, kind, membership, detail=""):
    """A role given or taken in the admin goes in the staff audit list, as one given on the staff pages does."""
    audit.record_staff(
        request,
        kind=kind,
        agency=membership.agency,
        actor=request.user,
        officer=membership.user,
        role=membership.role,
        detail=detail or "admin",
    )


def _record_membership_changes(request, membership, change):
    """Granted if new; if its agency or role was changed in place, the old one removed and the new granted."""
    if change and membership.pk:
        before = StaffMembership.objects.filter(pk=membership.pk).select_related("agency", "user").first()
        if before and (before.agency_id, before.role) != (membership.agency_id, membership.role):
            _record_role(request, StaffEventKind.ROLE_REMOVED, before)
            _record_role(request, StaffEventKind.ROLE_GRANTED, membership)
        return
    _record_role(request, StaffEventKind.ROLE_GRANTED, membership)


# The account fields that give powers: a change of any of them is a role change for the audit.
PRIVILEGE_FIELDS = ("kind", "is_staff", "is_superuser", "is_active")


class StaffMembershipInline(admin.TabularInline):
    model = StaffMembership
    extra = 0
    autocomplete_fields = ["agency"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "full_name", "kind", "is_staff", "is_active")
    list_filter = ("kind", "is_staff", "is_active")
    fieldsets = BaseUserAdmin.fieldsets + ((None, {"fields": ("kind",)}),)
    inlines = [StaffMembershipInline]

    @admin.display(description=_("Họ và tên"), ordering="last_name")
    def full_name(self, user):
        return user.get_full_name()

    def save_model(self, request, obj, form, change):
        before = User.objects.filter(pk=obj.pk).values(*PRIVILEGE_FIELDS).first() if change else None
        super().save_model(request, obj, form, change)
        changes = [
            f"{name}: {before[name]} → {getattr(obj, name)}"
            for name in PRIVILEGE_FIELDS
            if before is not None and before[name] != getattr(obj, name)
        ]
        if changes:
            audit.record_staff(
                request,
                kind=StaffEventKind.ROLE_GRANTED,
                actor=request.user,
                officer=obj,
                detail="admin: " + "; ".join(changes),
            )

    def save_related(self, request, form, formsets, change):
        groups_before = set(form.instance.groups.values_list("name", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        groups_after = set(form.instance.groups.values_list("name", flat=True))
        if groups_before != groups_after:
            audit.record_staff(
                request,
                kind=StaffEventKind.ROLE_GRANTED if groups_after - groups_before else StaffEventKind.ROLE_REMOVED,
                actor=request.user,
                officer=form.instance,
                detail=f"admin: groups {sorted(groups_before)} → {sorted(groups_after)}",
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is not StaffMembership:
            return super().save_formset(request, form, formset, change)
        for inline_form in formset.forms:
            if inline_form in formset.deleted_forms and inline_form.instance.pk:
                _record_role(request, StaffEventKind.ROLE_REMOVED, inline_form.instance)
            elif inline_form.has_changed() and inline_form not in formset.deleted_forms and inline_form.is_valid():
                _record_membership_changes(request, inline_form.instance, change=bool(inline_form.instance.pk))
        return super().save_formset(request, form, formset, change)


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "agency__name", "agency__code")
    autocomplete_fields = ["user", "agency"]

    def save_model(self, request, obj, form, change):
        _record_membership_changes(request, obj, change)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        _record_role(request, StaffEventKind.ROLE_REMOVED, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for membership in queryset.select_related("agency", "user"):
            _record_role(request, StaffEventKind.ROLE_REMOVED, membership)
        super().delete_queryset(request, queryset)


class EDocumentInline(admin.TabularInline):
    model = EDocument
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    """The simulated population registry; in production it is read-only from the portal."""

    list_display = ("id_number", "full_name", "birth_date", "sex", "permanent_unit")
    list_filter = ("sex", "marital_status")
    search_fields = ("id_number", "full_name")
    raw_id_fields = ("father", "mother", "spouse", "household", "permanent_unit", "temporary_unit")
    inlines = [EDocumentInline]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ("code", "head", "unit")
    search_fields = ("code", "head__full_name")
    raw_id_fields = ("head", "unit")


@admin.register(AuthEvent)
class AuthEventAdmin(ReadOnlyAdmin):
    """The login audit, append-only: searched by identifier (username or ID number), kind, source and date."""

    list_display = ("created_at", "source", "kind", "identifier", "ip_address", "detail")
    list_filter = ("kind", "source", "created_at")
    search_fields = ("identifier", "=ip_address")
    date_hierarchy = "created_at"


@admin.register(ProvinceAdministrator)
class ProvinceAdministratorAdmin(admin.ModelAdmin):
    """Who manages the staff of a province's agencies on the back-office's staff pages."""

    list_display = ("user", "province", "created_at")
    search_fields = ("user__username", "province__name", "province__code")
    autocomplete_fields = ["user"]
    raw_id_fields = ["province"]


@admin.register(StaffEvent)
class StaffEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "agency", "actor", "kind", "officer", "role", "detail")
    list_filter = ("kind", "role", "created_at")
    search_fields = ("officer__username", "actor__username", "agency__code")
    date_hierarchy = "created_at"


@admin.register(ActivationCode)
class ActivationCodeAdmin(ReadOnlyAdmin):
    """Codes are kept hashed: the list says only who has one, until when, and whether it was used."""

    list_display = ("user", "agency", "issued_by", "created_at", "expires_at", "used_at", "revoked_at")
    search_fields = ("user__username",)
    exclude = ("code_hash",)
