from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "get_full_name", "kind", "is_staff", "is_active")
    list_filter = ("kind", "is_staff", "is_active")
    fieldsets = BaseUserAdmin.fieldsets + ((None, {"fields": ("kind",)}),)
