from django.contrib import admin

from .models import VNeIDAccount


@admin.register(VNeIDAccount)
class VNeIDAccountAdmin(admin.ModelAdmin):
    list_display = ("person", "level", "failed_attempts", "locked_until", "last_login")
    list_filter = ("level",)
    search_fields = ("person__id_number", "person__full_name")
    raw_id_fields = ("person",)
    readonly_fields = ("password", "last_login", "created_at")
    actions = ["unlock"]

    @admin.action(description="Mở khóa tài khoản")
    def unlock(self, request, queryset):
        queryset.update(failed_attempts=0, locked_until=None)
