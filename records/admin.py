from django.contrib import admin

from .models import DayOff, Record, RecordEvent


class RecordEventInline(admin.TabularInline):
    model = RecordEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "actor", "role", "action", "from_state", "to_state", "reason", "client_ip")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Record)
class RecordAdmin(admin.ModelAdmin):
    """Read-only in the admin: records change only through the workflow."""

    list_display = ("code", "service", "agency", "state", "channel", "submitted_at", "due_date")
    list_filter = ("state", "channel")
    search_fields = ("code", "applicant_id_number")
    inlines = [RecordEventInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin):
    list_display = ("date", "note")
