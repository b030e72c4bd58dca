from django.contrib import admin

from .models import GatewayRefund, MerchantTransaction


@admin.register(MerchantTransaction)
class MerchantTransactionAdmin(admin.ModelAdmin):
    list_display = ["transaction_id", "reference", "amount", "status", "method", "created_at", "callback_delivered_at"]
    list_filter = ["status"]
    search_fields = ["transaction_id", "reference"]


admin.site.register(GatewayRefund)
