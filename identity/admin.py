from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from common.admin import ReadOnlyAdmin

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


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "agency__name", "agency__code")
    autocomplete_fields = ["user", "agency"]


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
class AuthEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "source", "kind", "identifier", "ip_address", "detail")
    list_filter = ("source", "kind")
    search_fields = ("identifier",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
    list_filter = ("kind",)
    search_fields = ("officer__username", "actor__username", "agency__code")


@admin.register(ActivationCode)
class ActivationCodeAdmin(ReadOnlyAdmin):
    """Codes are kept hashed: the list says only who has one, until when, and whether it was used."""

    list_display = ("user", "agency", "issued_by", "created_at", "expires_at", "used_at", "revoked_at")
    search_fields = ("user__username",)
    exclude = ("code_hash",)
