from django.contrib import admin

from .models import CallbackLog, Exemption, Payment, PaymentEvent, Refund


class PaymentEventInline(admin.TabularInline):
    model = PaymentEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "from_state", "to_state", "source", "note"]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ["reference", "record", "amount", "state", "method", "receipt_number", "created_at", "paid_at"]
    list_filter = ["state", "provider"]
    search_fields = ["reference", "receipt_number", "provider_transaction_id", "record__code"]
    readonly_fields = [f.name for f in Payment._meta.fields]
    inlines = [PaymentEventInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a payment is evidence of money taken: kept, like its record


@admin.register(CallbackLog)
class CallbackLogAdmin(admin.ModelAdmin):
    list_display = ["received_at", "reference", "outcome", "remote_addr", "detail"]
    list_filter = ["outcome", "provider"]
    search_fields = ["reference"]
    readonly_fields = [f.name for f in CallbackLog._meta.fields]


@admin.register(Exemption, Refund)
class KeptAdmin(admin.ModelAdmin):
    """Fee exemptions and refunds belong to a filed record's history: never deleted."""

    def has_delete_permission(self, request, obj=None):
        return False
