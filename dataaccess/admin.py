"""The access log and citizens' reports, for system administrators (everything) and agency heads with an admin
account (their agencies'). The log cannot be added to, changed or deleted here; of a report only its handling
status changes."""

from django.contrib import admin

from identity.constants import StaffRole

from .models import AccessReport, DataAccess


def _visible(request, queryset):
    """Superusers see every row; anyone else the rows of agencies they head."""
    if request.user.is_superuser:
        return queryset
    from identity.models import StaffMembership

    headed = StaffMembership.objects.filter(user=request.user, role=StaffRole.AGENCY_HEAD).values("agency_id")
    return queryset.filter(agency_id__in=headed)


@admin.register(DataAccess)
class DataAccessAdmin(admin.ModelAdmin):
    list_display = ("created_at", "subject_id_number", "kind", "officer_name", "agency_name", "record_code", "detail")
    list_filter = ("kind",)
    search_fields = ("subject_id_number", "officer_name", "record_code", "agency_name")
    date_hierarchy = "created_at"
    list_select_related = True

    def get_queryset(self, request):
        return _visible(request, super().get_queryset(request))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessReport)
class AccessReportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "status", "subject_id_number", "agency", "access")
    list_filter = ("status",)
    search_fields = ("subject_id_number", "access__officer_name", "access__record_code")
    list_select_related = ("agency", "access")
    fields = ("created_at", "status", "subject_id_number", "reporter", "agency", "access", "message", "ip_address")
    readonly_fields = ("created_at", "subject_id_number", "reporter", "agency", "access", "message", "ip_address")

    def get_queryset(self, request):
        return _visible(request, super().get_queryset(request))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
