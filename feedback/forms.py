"""The rating form and the public feedback form, with Vietnamese messages that name their field."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.forms import PersonNameValidator, name_required_fields
from procedures.models import Agency, Procedure

from .constants import FeedbackChannel, FeedbackKind
from .models import Rating
from .services import RATING_CRITERIA

PHONE = re.compile(r"^(\+84|0)\d{9,10}$")


class RatingForm(forms.ModelForm):
    """Every criterion on its scale, each a group of radio buttons; the comment is optional."""

    class Meta:
        model = Rating
        fields = [*RATING_CRITERIA, "comment"]
        widgets = dict.fromkeys(RATING_CRITERIA, forms.RadioSelect) | {
            "comment": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RATING_CRITERIA:
            field = self.fields[name]
            field.choices = [choice for choice in field.choices if choice[0] != ""]  # no empty "---------" radio
        self.fields["comment"].required = False
        name_required_fields(self)


class AgencyField(forms.ModelChoiceField):
    def label_from_instance(self, agency) -> str:
        return agency.display_name


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại"),
        choices=FeedbackKind.choices,
        widget=forms.RadioSelect,
        initial=FeedbackKind.REFLECTION,
    )
    agency = AgencyField(
        label=gettext_lazy("Cơ quan nhận phản ánh, kiến nghị"),
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("— Chọn cơ quan —"),
    )
    procedure_code = forms.CharField(
        label=gettext_lazy("Mã thủ tục hành chính (nếu phản ánh về một thủ tục)"),
        max_length=12,
        required=False,
        help_text=gettext_lazy("Ví dụ 1.001234, in trên trang thủ tục."),
    )
    record_code = forms.CharField(
        label=gettext_lazy("Mã hồ sơ của bạn (nếu phản ánh về một hồ sơ)"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("Chỉ hồ sơ do chính bạn nộp; cơ quan nhận là cơ quan giải quyết hồ sơ."),
    )
    title = forms.CharField(label=gettext_lazy("Tiêu đề"), max_length=200)
    content = forms.CharField(
        label=gettext_lazy("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6, "maxlength": 5000})
    )
    sender_name = forms.CharField(
        label=gettext_lazy("Họ tên (không bắt buộc)"),
        max_length=150,
        required=False,
        validators=[PersonNameValidator(gettext_lazy("Họ tên"))],
    )
    sender_contact = forms.CharField(
        label=gettext_lazy("Số điện thoại hoặc thư điện tử (không bắt buộc)"),
        max_length=254,
        required=False,
        help_text=gettext_lazy("Để cơ quan liên hệ khi cần; không công khai."),
    )
    channel = forms.ChoiceField(choices=FeedbackChannel.choices, widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.is_citizen = bool(getattr(user, "is_authenticated", False) and getattr(user, "is_citizen", False))
        if not self.is_citizen:
            del self.fields["record_code"]
        name_required_fields(self)

    def clean_procedure_code(self):
        code = self.cleaned_data["procedure_code"].strip()
        if not code:
            return None
        procedure = Procedure.objects.filter(code=code).first()
        if procedure is None:
            raise ValidationError(
                _("Không có thủ tục mã %(code)s. Hãy kiểm tra lại mã trên trang thủ tục.") % {"code": code}
            )
        return procedure

    def clean_record_code(self):
        from records.models import Record

        code = "".join(self.cleaned_data.get("record_code", "").split()).upper()
        if not code:
            return None
        record = Record.objects.filter(code=code, applicant=self.user).select_related("agency").first()
        if record is None:
            raise ValidationError(_("Không tìm thấy hồ sơ %(code)s trong các hồ sơ bạn đã nộp.") % {"code": code})
        return record

    def clean_sender_contact(self):
        value = self.cleaned_data["sender_contact"].strip()
        if not value:
            return ""
        if "@" in value:
            try:
                validate_email(value)
            except ValidationError:
                raise ValidationError(_("Địa chỉ thư điện tử không đúng, ví dụ ten@example.vn."))
            return value
        digits = re.sub(r"[\s.\-()]", "", value)
        if not PHONE.match(digits):
            raise ValidationError(_("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)."))
        return digits

    def clean(self):
        cleaned = super().clean()
        failed = set(self.errors)
        if not cleaned.get("agency") and not cleaned.get("record_code") and not {"agency", "record_code"} & failed:
            self.add_error("agency", _("Vui lòng chọn cơ quan nhận phản ánh, kiến nghị."))
        cleaned["channel"] = cleaned.get("channel") or FeedbackChannel.WEB
        return cleaned


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Nội dung trả lời"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Công khai câu hỏi và trả lời trên Cổng (không kèm họ tên, liên hệ của người gửi)"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_required_fields(self)


class StatusForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã tra cứu phản ánh, kiến nghị"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_required_fields(self)
