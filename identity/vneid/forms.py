from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..validators import parse_id_number


class LoginForm(forms.Form):
    id_number = forms.CharField(
        label=_("Số định danh cá nhân"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def clean_id_number(self):
        value = self.cleaned_data["id_number"].strip().replace(" ", "")
        try:
            parse_id_number(value)
        except ValidationError as error:
            raise ValidationError(error.messages)
        return value


class OneTimeCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã OTP"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )
