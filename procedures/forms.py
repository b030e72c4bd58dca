"""Validation of catalogue search parameters, shared by the pages and the API."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .constants import MAX_QUERY_LENGTH, AgencyLevel, DeliveryLevel
from .models import AdministrativeUnit, Agency, Sector


class CodeChoiceField(forms.ModelChoiceField):
    """Looks an object up by its public code; an unknown code is an error that names the value."""

    default_error_messages = {
        "invalid_choice": _("Không có giá trị “%(value)s” trong danh mục."),
    }

    def label_from_instance(self, obj):
        return obj.display_name


class ProcedureSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Từ khóa"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Từ khóa tìm kiếm dài tối đa %(limit_value)d ký tự (đang có %(show_value)d)."),
        },
    )
    sector = CodeChoiceField(
        label=_("Lĩnh vực"),
        queryset=Sector.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Tất cả"),
    )
    level = forms.ChoiceField(
        label=_("Cấp thực hiện"),
        choices=[("", _("Tất cả"))] + list(AgencyLevel.choices),
        required=False,
        error_messages={
            "invalid_choice": _("Cấp thực hiện “%(value)s” không hợp lệ; chọn central, province hoặc commune.")
        },
    )
    agency = CodeChoiceField(
        label=_("Cơ quan thực hiện"),
        queryset=Agency.objects.filter(is_active=True),
        to_field_name="code",
        required=False,
        empty_label=_("Tất cả"),
    )
    unit = CodeChoiceField(
        label=_("Địa phương"),
        queryset=AdministrativeUnit.objects.filter(retired_on__isnull=True),
        to_field_name="code",
        required=False,
        empty_label=_("Tất cả"),
    )
    delivery = forms.ChoiceField(
        label=_("Mức độ trực tuyến"),
        choices=[("", _("Tất cả"))] + list(DeliveryLevel.choices),
        required=False,
        error_messages={
            "invalid_choice": _(
                "Mức độ “%(value)s” không hợp lệ; chọn full_online, partly_online hoặc information_only."
            )
        },
    )

    def __init__(self, *args, with_display_choices=False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_display_choices:
            self._set_display_choices()
            self._name_choices_by_label()

    def _set_display_choices(self):
        """Short lists for the HTML filters: provinces and central/provincial agencies.

        Validation still accepts any active unit or agency code (communes too);
        the API skips building these lists.
        """
        self.fields["unit"].widget.choices = [("", _("Tất cả"))] + [
            (u.code, u.display_name)
            for u in AdministrativeUnit.objects.filter(retired_on__isnull=True, level="province")
        ]
        self.fields["agency"].widget.choices = [("", _("Tất cả"))] + [
            (a.code, a.display_name) for a in Agency.objects.filter(is_active=True, level__in=["central", "province"])
        ]

    def _name_choices_by_label(self):
        """On the pages a wrong level or delivery value is explained with the labels shown in the filters; the
        API keeps naming its codes."""
        for name, field_label in (("level", _("Cấp thực hiện")), ("delivery", _("Mức độ trực tuyến"))):
            field = self.fields[name]
            labels = [str(label) for value, label in field.choices if value]
            field.error_messages["invalid_choice"] = format_lazy(
                _("{field} “%(value)s” không hợp lệ; hãy chọn {choices}."),
                field=field_label,
                choices=format_lazy(_("{first} hoặc {last}"), first=", ".join(labels[:-1]), last=labels[-1]),
            )

    def error_summary(self) -> list[tuple[str, str]]:
        """(field id, message) pairs for the error summary at the top of the page."""
        return [(f"id_{name}", str(message)) for name, messages in self.errors.items() for message in messages]
