"""Ratings and feedback in the admin: read only (ratings are the citizens', answers are given in the back-office)."""

from django.contrib import admin

from common.admin import ReadOnlyAdmin

from .models import Feedback, FeedbackEvent, Rating


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdmin):
    list_display = ["record", "agency", "overall", "created_at"]
    list_filter = ["overall", "agency"]
    search_fields = ["record__code", "comment"]
    list_select_related = ["record", "agency"]


class FeedbackEventInline(admin.TabularInline):
    model = FeedbackEvent
    extra = 0
    fields = ["at", "action", "actor", "client_ip"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdmin):
    list_display = ["code", "title", "agency", "state", "due_date", "published"]
    list_filter = ["state", "published", "kind", "channel"]
    search_fields = ["code", "title"]
    list_select_related = ["agency"]
    inlines = [FeedbackEventInline]
