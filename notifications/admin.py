"""The delivery log for administrators: what failed, why, and a resend action."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Delivery, Message, Preference


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = ("channel", "address", "status", "attempts", "last_error", "sent_at", "updated_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("subject", "event", "recipient", "language", "created_at", "read_at")
    list_filter = ("event", "language")
    search_fields = ("subject", "idempotency_key", "recipient__username")
    date_hierarchy = "created_at"
    list_select_related = ("recipient",)
    readonly_fields = [field.name for field in Message._meta.fields if field.name != "id"]
    inlines = [DeliveryInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # what a citizen was told about their record is kept with it


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "message",
        "recipient",
        "channel",
        "address",
        "status",
        "attempts",
        "last_error",
        "updated_at",
    )
    list_filter = ("status", "channel", "message__event")
    search_fields = ("address", "message__subject", "message__recipient__username")
    date_hierarchy = "created_at"
    list_select_related = ("message__recipient",)
    readonly_fields = [field.name for field in Delivery._meta.fields if field.name != "id"]
    actions = ["resend"]

    @admin.display(description=_("người nhận"))
    def recipient(self, obj):
        return obj.message.recipient

    @admin.action(description=_("Gửi lại các thông báo đã chọn"), permissions=["resend"])
    def resend(self, request, queryset):
        count = services.resend(queryset)
        self.message_user(
            request,
            ngettext("Đã đưa %(count)d lượt gửi vào hàng đợi.", "Đã đưa %(count)d lượt gửi vào hàng đợi.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def has_resend_permission(self, request):
        return request.user.has_perm("notifications.change_delivery")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "email_enabled", "sms_enabled", "language", "updated_at")
    list_filter = ("email_enabled", "sms_enabled", "language")
    search_fields = ("user__username",)
    raw_id_fields = ("user",)
