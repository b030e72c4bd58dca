from django.contrib import admin

from common.admin import ReadOnlyAdmin as ReadOnly  # what the nation received is evidence: read, never edited

from .models import RecordStatus, StatusReport


@admin.register(StatusReport)
class StatusReportAdmin(ReadOnly):
    list_display = ["event_id", "record_code", "agency_code", "status", "event_at", "arrived_at"]
    list_filter = ["status"]
    search_fields = ["record_code", "agency_code"]


@admin.register(RecordStatus)
class RecordStatusAdmin(ReadOnly):
    list_display = ["record_code", "agency_code", "status", "channel", "due_date", "finished_at", "on_time"]
    list_filter = ["status", "channel", "on_time"]
    search_fields = ["record_code", "agency_code"]
