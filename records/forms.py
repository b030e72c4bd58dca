"""Forms of the filing journey that are not the service's own e-form."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from identity.validators import id_number_validator

from .constants import ApplicantRole, Relationship

TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")


class ApplicantForm(forms.Form):
    """For whom the record is filed: oneself, another person (with the relationship), or a business."""

    applicant_role = forms.ChoiceField(
        label=_("Bạn nộp hồ sơ với tư cách"),
        choices=ApplicantRole.choices,
        initial=ApplicantRole.SELF,
        widget=forms.RadioSelect,
        required=False,
    )
    subject_name = forms.CharField(
        label=_("Họ tên người được giải quyết hoặc tên doanh nghiệp"), max_length=255, required=False
    )
    subject_id_number = forms.CharField(
        label=_("Số định danh cá nhân hoặc mã số doanh nghiệp"), max_length=20, required=False
    )
    relationship = forms.ChoiceField(
        label=_("Quan hệ với người được giải quyết"),
        choices=[("", _("— Chọn —"))] + list(Relationship.choices),
        required=False,
    )

    def __init__(self, *args, applicant_types=None, **kwargs):
        super().__init__(*args, **kwargs)
        if applicant_types and "business" not in applicant_types:
            # A procedure only citizens carry out is not filed for a business.
            field = self.fields["applicant_role"]
            field.choices = [(value, label) for value, label in field.choices if value != ApplicantRole.BUSINESS]

    def clean(self):
        cleaned = super().clean()
        role = cleaned["applicant_role"] = cleaned.get("applicant_role") or ApplicantRole.SELF
        if role == ApplicantRole.SELF:
            return {**cleaned, "subject_name": "", "subject_id_number": "", "relationship": ""}
        # A field that already failed (too long, say) keeps its one message, not a second contradicting it.
        failed = set(self.errors)
        if not cleaned.get("subject_name") and "subject_name" not in failed:
            self.add_error("subject_name", _("Hãy nhập tên người hoặc doanh nghiệp bạn nộp thay."))
        if role == ApplicantRole.REPRESENTATIVE and not cleaned.get("relationship") and "relationship" not in failed:
            self.add_error("relationship", _("Hãy chọn quan hệ của bạn với người được giải quyết."))
        number = cleaned.get("subject_id_number", "")
        if "subject_id_number" in failed:
            pass
        elif role == ApplicantRole.REPRESENTATIVE:
            try:
                id_number_validator(number)
            except ValidationError as error:
                self.add_error("subject_id_number", error)
        elif role == ApplicantRole.BUSINESS and not TAX_CODE.match(number):
            self.add_error("subject_id_number", _("Mã số doanh nghiệp gồm 10 chữ số (chi nhánh: thêm -3 chữ số)."))
        return cleaned
