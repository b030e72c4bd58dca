"""Counters, service groups and office hours are managed in the admin; bookings and their history are read only
there (citizens book on the portal, officers serve them in the back-office)."""

from django.contrib import admin

from common.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import Booking, BookingEvent, Counter, CounterService, ServiceGroup, Slot


@admin.register(ServiceGroup)
class ServiceGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "agency"]
    search_fields = ["name", "agency__name", "agency__code"]
    autocomplete_fields = ["agency"]
    filter_horizontal = ["sectors"]


class CounterServiceInline(admin.TabularInline):
    model = CounterService
    extra = 1
    autocomplete_fields = ["group"]


@admin.register(Counter)
class CounterAdmin(admin.ModelAdmin):
    list_display = ["__str__", "agency", "office_periods", "slot_minutes", "is_active"]
    list_filter = ["is_active", "slot_minutes"]
    search_fields = ["name", "agency__name", "agency__code"]
    autocomplete_fields = ["agency"]
    inlines = [CounterServiceInline]


@admin.register(Slot)
class SlotAdmin(ReadOnlyAdmin):
    list_display = ["counter", "group", "starts_at", "capacity", "booked"]
    list_filter = ["group__agency"]
    date_hierarchy = "starts_at"
    list_select_related = ["counter", "group"]


class BookingEventInline(ReadOnlyInline):
    model = BookingEvent
    fields = ["at", "action", "actor", "client_ip", "data"]


@admin.register(Booking)
class BookingAdmin(ReadOnlyAdmin):
    list_display = ["code", "agency", "slot", "purpose", "state", "queue_number"]
    list_filter = ["state", "purpose"]
    search_fields = ["code", "record__code"]
    list_select_related = ["agency", "slot__counter"]
    inlines = [BookingEventInline]
