"""What every form says to people: a missing answer names its field ("Vui lòng nhập Họ và tên", not Django's
"Trường này là bắt buộc."), and a person's name is letters only."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Letters of any script (Vietnamese with its marks, after NFC), words apart by spaces, an apostrophe (H'Hen) or a
# hyphen (Ánh-Tuyết); no digit, underscore or other symbol.
PERSON_NAME = re.compile(r"[^\W\d_]+(?:[\s'’-]+[^\W\d_]+)*")


def required_message(field: forms.Field, label) -> str:
    """A message naming ``field`` by ``label``: "Vui lòng nhập …", "Vui lòng chọn …" or "Vui lòng đánh dấu …"."""
    if isinstance(field, forms.BooleanField):
        return _("Vui lòng đánh dấu “%(label)s”.") % {"label": label}
    if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField, forms.FileField)):
        return _("Vui lòng chọn %(label)s.") % {"label": label}
    return _("Vui lòng nhập %(label)s.") % {"label": label}


def name_required_fields(form: forms.BaseForm) -> None:
    """Give each field of ``form`` whose required message is Django's generic one a message naming it. Call at the
    end of ``__init__`` (fields are per form instance there), in the language of the request."""
    generic = str(forms.Field.default_error_messages["required"])
    for field in form.fields.values():
        if str(field.error_messages.get("required", generic)) == generic and field.label:
            field.error_messages["required"] = required_message(field, field.label)


def person_name_message(label) -> str:
    return _("%(label)s chỉ gồm chữ cái, dấu cách, dấu nháy (') và gạch nối (-): hãy bỏ chữ số và ký hiệu khác.") % {
        "label": label
    }


def is_person_name(value: str) -> bool:
    return bool(PERSON_NAME.fullmatch(value.strip()))


class PersonNameValidator:
    """Refuses a person's name holding digits or symbols, with a message naming the field."""

    def __init__(self, label):
        self.label = label

    def __call__(self, value):
        if isinstance(value, str) and value.strip() and not is_person_name(value):
            raise ValidationError(person_name_message(self.label), code="person_name")

    def __eq__(self, other):
        return isinstance(other, PersonNameValidator) and str(other.label) == str(self.label)
