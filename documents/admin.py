"""Issued documents are read-only in the admin: they are evidence, changed by nobody."""

from django.contrib import admin

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "agency", "status", "issued_at", "created_at")
    list_filter = ("kind", "status")
    search_fields = ("=id", "object_id", "sha256", "agency__code", "agency__name")
    date_hierarchy = "created_at"
    list_select_related = ("agency",)
    readonly_fields = [field.name for field in Document._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
