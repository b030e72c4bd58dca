"""Forms of the filing journey that are not the service's own e-form."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from common.forms import name_required_fields
from identity.validators import id_number_validator
from procedures.models import Agency

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


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, agency) -> str:
        return agency.display_name  # English name on the English site


class AgencyChoiceForm(forms.Form):
    agency = AgencyChoiceField(
        required=False,
        queryset=Agency.objects.none(),
        label=gettext_lazy("Cơ quan giải quyết"),
        to_field_name="code",
        empty_label=None,  # the record always has one: the agency of the citizen's residence is chosen first
    )

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        field.queryset = (
            record.procedure_version.agencies.filter(is_active=True).select_related("unit__parent").order_by("name")
        )
        field.initial = record.agency.code
        # Dozens of communes across provinces: grouped by province, the citizen's own province first.
        groups: dict[str, list] = {}
        for agency in field.queryset:
            unit = agency.unit
            province = unit.parent if unit is not None and unit.parent_id else unit  # a province's own agency: itself
            label = province.display_name if province is not None else ""
            groups.setdefault(label, []).append((agency.code, field.label_from_instance(agency)))
        own = next((label for label, options in groups.items() if record.agency.code in dict(options)), None)
        ordered = sorted(groups.items(), key=lambda item: (item[0] != own, item[0]))
        if len(ordered) > 1:
            field.widget.choices = ordered


# An ID number as people type it: 12 ASCII digits, with spaces, dots or dashes anywhere between them.
ID_NUMBER_AS_TYPED = r"^[\s.\-]*(?:[0-9][\s.\-]*){12}$"


class LookupForm(forms.Form):
    """Code and ID number as people type them on a phone: any case, with spaces or dots between groups."""

    code = forms.CharField(
        label=gettext_lazy("Mã hồ sơ"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )
    id_number = forms.CharField(
        label=gettext_lazy("Số định danh cá nhân của người nộp"),
        max_length=24,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_required_fields(self)

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper()

    def clean_id_number(self) -> str:
        if not re.fullmatch(ID_NUMBER_AS_TYPED, self.cleaned_data["id_number"]):
            raise ValidationError(_("Số định danh cá nhân gồm đúng 12 chữ số."))
        return re.sub(r"[\s.\-]", "", self.cleaned_data["id_number"])
