from django.contrib import admin

from .models import VNeIDAccount


@admin.register(VNeIDAccount)
class VNeIDAccountAdmin(admin.ModelAdmin):
    list_display = ("person", "level", "failed_attempts", "last_login")
    list_filter = ("level",)
    search_fields = ("person__id_number", "person__full_name")
    raw_id_fields = ("person",)
    readonly_fields = ("password", "last_login", "created_at")
    actions = ["reset_failures"]

    @admin.action(description="Đặt lại số lần nhập sai")
    def reset_failures(self, request, queryset):
        queryset.update(failed_attempts=0)
