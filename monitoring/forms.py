from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import reports


class StatisticsForm(forms.Form):
    """The period picker of the statistics pages (GET): a bad value is said on the page, which shows this year."""

    level = forms.ChoiceField(choices=list(reports.LEVELS.items()), required=False, widget=forms.HiddenInput)
    code = forms.CharField(required=False, widget=forms.HiddenInput)
    period = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=list(reports.PERIODS.items()), required=False)
    date = forms.DateField(
        label=_("Ngày trong kỳ"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start = forms.DateField(
        label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        data = super().clean()
        try:
            data["target"] = reports.target(data.get("level") or "national", data.get("code") or "")
        except ValidationError as error:
            raise ValidationError({"code": error.messages}) from None
        try:
            data["period_value"] = reports.period_of(
                data.get("period") or "year", data.get("date"), data.get("start"), data.get("end")
            )
        except ValidationError as error:
            raise ValidationError({"period": error.messages}) from None
        return data
