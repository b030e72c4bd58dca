from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Preference


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["email_enabled", "sms_enabled", "language"]
        help_texts = {
            "email_enabled": _("Gửi đến địa chỉ thư điện tử trong tài khoản VNeID của bạn."),
            "sms_enabled": _("Gửi đến số điện thoại trong tài khoản VNeID của bạn."),
        }
