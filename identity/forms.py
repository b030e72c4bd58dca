"""Forms of the activation page and of the staff pages: they parse and check what was typed; the rules that decide
(who may grant what, the last head) live in ``identity.staffing``."""

import re

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .constants import IdentityCheck, StaffRole

# Checked as typed; kept in lower case (``clean_username``), as an existing account is found whatever its case.
USERNAME = RegexValidator(
    r"^[a-z0-9][a-z0-9._-]{2,59}$",
    _("Tên đăng nhập gồm 3–60 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới."),
    flags=re.IGNORECASE,
)


class ActivationCodeForm(forms.Form):
    """An officer already logged in with their password: the code only."""

    code = forms.CharField(label=_("Mã kích hoạt"), max_length=40)


class FirstActivationForm(ActivationCodeForm):
    """A new officer, whose account has no password yet: username, code, and the password they choose."""

    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    password1 = forms.CharField(label=_("Mật khẩu mới"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Nhập lại mật khẩu mới"), widget=forms.PasswordInput, strip=False)

    field_order = ["username", "code", "password1", "password2"]

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        validate_password(password)
        return password

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("Hai mật khẩu không giống nhau."))
        return data


class AddOfficerForm(forms.Form):
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=60,
        validators=[USERNAME],
        help_text=_("Tài khoản cán bộ đã có (ở cơ quan khác) thì nhập đúng tên đăng nhập của tài khoản đó."),
    )
    full_name = forms.CharField(
        label=_("Họ và tên"), max_length=150, required=False, help_text=_("Bắt buộc khi tạo tài khoản mới.")
    )
    email = forms.EmailField(label=_("Thư điện tử công vụ"), required=False)
    roles = forms.MultipleChoiceField(
        label=_("Vai trò"), choices=StaffRole.choices, widget=forms.CheckboxSelectMultiple
    )

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Các vai trò của cán bộ tại cơ quan"), choices=StaffRole.choices, widget=forms.CheckboxSelectMultiple
    )


class ResetSecondFactorForm(forms.Form):
    checked_by = forms.ChoiceField(label=_("Cách đã xác minh danh tính"), choices=IdentityCheck.choices)
    note = forms.CharField(
        label=_("Ghi chú xác minh"),
        max_length=300,
        help_text=_("Ví dụ: số căn cước đã đối chiếu, người chứng kiến, thời điểm."),
    )
