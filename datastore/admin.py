from django.contrib import admin

from common.admin import ReadOnlyAdmin

from .models import StoreConsent, StoreItem


@admin.register(StoreItem)
class StoreItemAdmin(ReadOnlyAdmin):
    list_display = ("title", "number", "owner_id_number", "source", "kind", "valid_until", "created_at")
    list_filter = ("source", "kind")
    search_fields = ("owner_id_number", "number", "title")


@admin.register(StoreConsent)
class StoreConsentAdmin(ReadOnlyAdmin):
    list_display = ("id_number", "digitise", "updated_at")
    search_fields = ("id_number",)
