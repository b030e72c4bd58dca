"""Records in the admin: read only, and nothing filed can be deleted from here (nor anywhere: migration 0007).

A record changes only through the workflow; a filed record, its history, files and results are evidence kept
for the retention period of their procedure and then archived, never removed.
"""

from django.contrib import admin

from common.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import Attachment, DayOff, Record, RecordEvent, ResultDocument


class NeverDeletedAdmin(ReadOnlyAdmin):
    """No delete view, no "Xóa ... đã chọn" action, no add or change: the rows are looked at, never altered."""


class RecordEventInline(ReadOnlyInline):
    model = RecordEvent
    readonly_fields = ("at", "actor", "role", "action", "from_state", "to_state", "reason", "client_ip")
    fields = readonly_fields


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    readonly_fields = ("component", "original_name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at")
    fields = readonly_fields


class ResultDocumentInline(ReadOnlyInline):
    model = ResultDocument
    readonly_fields = ("original_name", "document_id", "note", "size", "sha256", "uploaded_by", "uploaded_at")
    fields = readonly_fields


@admin.register(Record)
class RecordAdmin(NeverDeletedAdmin):
    """Read-only in the admin: records change only through the workflow, and are never deleted."""

    list_display = ("code", "service", "agency", "state", "channel", "submitted_at", "due_date", "archived_at")
    list_filter = ("state", "channel", ("archived_at", admin.EmptyFieldListFilter))
    search_fields = ("code", "applicant_id_number")
    readonly_fields = ("archived_at", "retain_until")
    inlines = [RecordEventInline, AttachmentInline, ResultDocumentInline]


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin):
    list_display = ("date", "note")
