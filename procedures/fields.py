"""A set of choices stored in one text column (",central,province,").

Works identically on PostgreSQL and SQLite, and a membership filter is a
plain ``__contains=",province,"`` that cannot match a neighbouring value.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ChoiceSetField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None:
            return []
        if isinstance(value, (list, tuple, set)):
            return [v for v in value if v]
        return [v for v in value.split(",") if v]

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value  # lookups such as __contains pass raw fragments
        values = [v for v, _ in self.choices if v in (value or [])]
        return f",{','.join(values)}," if values else ""

    def validate(self, value, model_instance):
        valid = {v for v, _ in self.choices}
        unknown = [v for v in value if v not in valid]
        if unknown:
            raise ValidationError(f"Unknown values: {', '.join(unknown)}")
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            initial=self.default() if callable(self.default) else self.default,
        )

    @staticmethod
    def member(value: str) -> str:
        """The fragment to pass to ``__contains`` to test membership of ``value``."""
        return f",{value},"
