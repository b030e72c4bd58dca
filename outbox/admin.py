"""The outbox for administrators: what is stuck or failed, why, and a send-again action."""

from datetime import timedelta

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Entry, EntryStatus


class StateFilter(admin.SimpleListFilter):
    """Opened from the admin index, the list shows what needs attention: the stuck rows."""

    title = _("tình trạng")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("stuck", _("Bị kẹt (thất bại, hoặc chờ quá 5 phút)")),
            ("pending", _("Chờ thực hiện")),
            ("failed", _("Thất bại")),
            ("done", _("Đã thực hiện")),
            ("all", _("Tất cả")),
        ]

    def value(self):
        return super().value() or "stuck"

    def choices(self, changelist):
        # No separate "All" entry: "all" is one of the lookups, "stuck" the default.
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == "stuck":
            return queryset.filter(pk__in=services.stuck(timedelta(minutes=5)).values("pk"))
        if value in EntryStatus.values:
            return queryset.filter(status=value)
        return queryset


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ("key", "task", "queue", "status", "attempts", "dispatches", "created_at", "due_at", "short_error")
    list_filter = (StateFilter, "queue", "task")
    search_fields = ("key", "task", "last_error")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    readonly_fields = [field.name for field in Entry._meta.fields]
    actions = ["send_again"]

    @admin.display(description=_("lỗi gần nhất"))
    def short_error(self, obj):
        return (obj.last_error or "")[:120]

    @admin.action(description=_("Gửi lại ngay"))
    def send_again(self, request, queryset):
        sent = services.retry(queryset)
        self.message_user(
            request,
            ngettext("Đã gửi lại %(count)d tác vụ.", "Đã gửi lại %(count)d tác vụ.", sent) % {"count": sent},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # done rows go by themselves after OUTBOX_KEEP_DONE_DAYS (services.purge)
