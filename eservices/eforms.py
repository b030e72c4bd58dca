"""E-forms: a JSON Schema for the data, a small UI description for people.

The schema is the contract (records store data that validates against it);
the UI description says how to ask: order and fieldsets, labels and help in
Vietnamese and English, widgets, and fields shown only when another field has
a given value. ``build_form`` turns both into an ordinary Django form, so the
rendering is server-side, accessible and works without JavaScript.

UI description::

    {"fieldsets": [{"legend": {"vi": "...", "en": "..."}, "fields": ["full_name", ...]}],
     "fields": {"reason": {"label": {"vi": "...", "en": "..."}, "help": {...},
                           "widget": "radio", "choices": {"lost": {"vi": "Bị mất", "en": "Lost"}}},
                "lost_details": {"widget": "textarea", "show_if": {"field": "reason", "equals": "lost"},
                                 "required_when_shown": true},
                "child_birth_date": {"widget": "date", "not_future": true}}}

A repeating group (``"widget": "group"``) is a field holding a list of rows, each an object of its own sub-fields
(a household's members: name, birth date, relationship)::

    schema: {"members": {"type": "array", "minItems": 1, "maxItems": 10,
                         "items": {"type": "object", "properties": {"full_name": {...}, "birth_date": {...}},
                                   "required": ["full_name"]}}}
    ui:     {"members": {"label": {...}, "widget": "group", "order": ["full_name", "birth_date"],
                         "fields": {"full_name": {"label": {...}}, "birth_date": {"widget": "date"}}}}

Each sub-field's options are those of a field (label, help, widget, choices, not_future...). The page shows the rows
as a table with a "Thêm dòng" button (``eservices.groups``).

``person_name`` (true by default for ``full_name`` and ``*_full_name``) takes letters, spaces, apostrophes and
hyphens only. ``not_future`` refuses a date after today (a birth, a death). A ``pattern`` of digits only
(``^\\d{12}$``) is explained as "exactly 12 digits"; any other pattern can say what it wants
in the field's ``pattern_message`` ({"vi": ..., "en": ...}).
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass

import jsonschema
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from common.forms import PersonNameValidator, is_person_name, name_required_fields, person_name_message

SUPPORTED_TYPES = {"string", "integer", "number", "boolean", "array"}
# What a repeating group's sub-field may be: a value in a table's cell (no address, no group in a group).
ROW_TYPES = {"string", "integer", "number", "boolean"}
WIDGETS = {"text", "textarea", "select", "radio", "date", "email", "tel", "checkbox", "number", "amount", "address"}
WIDGETS |= {"group"}
# The name of a repeating group's "Thêm dòng" button; its value is the group's name (``eservices.groups``).
ADD_ROW = "add_row"


def text(value, default: str = "") -> str:
    """A ``{"vi": ..., "en": ...}`` text in the current language (Vietnamese when missing)."""
    if isinstance(value, dict):
        language = (get_language() or "vi")[:2]
        return value.get(language) or value.get("vi") or default
    return value or default


def check_definition(schema: dict, ui: dict) -> None:
    """Refuse a schema or UI description the renderer cannot honour, saying why."""
    if not isinstance(schema, dict) or not isinstance(ui, dict):
        raise ValidationError(_("Lược đồ và mô tả giao diện phải là đối tượng JSON ({…})."))
    _check_bounds(schema, ui)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        raise ValidationError(_("Lược đồ JSON không hợp lệ: %(error)s") % {"error": error.message}) from None
    if schema.get("type") != "object" or not isinstance(schema.get("properties"), dict):
        raise ValidationError(_("Lược đồ phải là một đối tượng (type: object) có properties."))
    properties = schema["properties"]
    for name, spec in properties.items():
        if spec.get("type") not in SUPPORTED_TYPES:
            raise ValidationError(
                _("Trường “%(name)s” có kiểu “%(type)s” chưa được hỗ trợ.") % {"name": name, "type": spec.get("type")}
            )
        if spec.get("type") == "array":
            _check_group(name, spec, ui.get("fields", {}).get(name) or {})
    unknown_required = set(schema.get("required", [])) - set(properties)
    if unknown_required:
        raise ValidationError(
            _("Trường bắt buộc không có trong lược đồ: %(names)s") % {"names": ", ".join(sorted(unknown_required))}
        )
    ui_fields = ui.get("fields", {})
    placed = [name for fieldset in ui.get("fieldsets", []) for name in fieldset.get("fields", [])]
    for name in list(ui_fields) + placed:
        if name not in properties:
            raise ValidationError(
                _("Mô tả giao diện nhắc tới trường “%(name)s” không có trong lược đồ.") % {"name": name}
            )
    for name, options in ui_fields.items():
        widget = options.get("widget")
        if widget and widget not in WIDGETS:
            raise ValidationError(_("Kiểu hiển thị “%(widget)s” không được hỗ trợ.") % {"widget": widget})
        condition = options.get("show_if")
        if condition and condition.get("field") not in properties:
            raise ValidationError(_("Điều kiện hiển thị của “%(name)s” dựa vào trường không tồn tại.") % {"name": name})


def _check_group(name: str, spec: dict, options: dict) -> None:
    """A repeating group: rows that are objects of plain values, and a UI description of those values only."""
    items = spec.get("items")
    if not isinstance(items, dict) or items.get("type") != "object" or not isinstance(items.get("properties"), dict):
        raise ValidationError(
            _(
                "Trường “%(name)s” có kiểu “array” chưa được hỗ trợ, trừ khi là một nhóm lặp lại: items là một "
                "đối tượng (type: object) có properties."
            )
            % {"name": name}
        )
    columns = items["properties"]
    if not columns:
        raise ValidationError(_("Nhóm lặp lại “%(name)s” chưa có trường con nào.") % {"name": name})
    for column, column_spec in columns.items():
        if not isinstance(column_spec, dict) or column_spec.get("type") not in ROW_TYPES:
            raise ValidationError(
                _("Trường con “%(column)s” của nhóm “%(name)s” có kiểu chưa được hỗ trợ trong một dòng.")
                % {"column": column, "name": name}
            )
    unknown = set(items.get("required") or []) | set(options.get("fields") or {}) | set(options.get("order") or [])
    unknown -= set(columns)
    if unknown:
        raise ValidationError(
            _("Nhóm “%(name)s” nhắc tới trường con không có trong lược đồ: %(names)s")
            % {"name": name, "names": ", ".join(sorted(unknown))}
        )
    for column_options in (options.get("fields") or {}).values():
        widget = (column_options or {}).get("widget")
        if widget and widget not in WIDGETS - {"group", "address"}:
            raise ValidationError(_("Kiểu hiển thị “%(widget)s” không được hỗ trợ.") % {"widget": widget})


def group_columns(spec: dict, options: dict) -> list[str]:
    """A group's sub-fields in the order the UI description gives, the others after."""
    columns = list((spec.get("items") or {}).get("properties") or {})
    order = [name for name in options.get("order") or [] if name in columns]
    return list(dict.fromkeys(order + columns))


def is_group(spec) -> bool:
    return isinstance(spec, dict) and spec.get("type") == "array"


@dataclass
class Fieldset:
    legend: str
    fields: list


def field_order(schema: dict, ui: dict) -> list[tuple[str, list[str]]]:
    """(legend, field names) groups in display order; fields not placed go last."""
    groups, placed = [], set()
    for fieldset in ui.get("fieldsets", []):
        names = [n for n in fieldset.get("fields", []) if n in schema["properties"]]
        placed.update(names)
        groups.append((text(fieldset.get("legend")), names))
    rest = [n for n in schema["properties"] if n not in placed]
    if rest:
        groups.append(("", rest))
    return groups


def is_shown(name: str, ui: dict, data: dict) -> bool:
    condition = ui.get("fields", {}).get(name, {}).get("show_if")
    if not condition:
        return True
    return str(data.get(condition["field"], "")) == str(condition.get("equals"))


class _ComposedText:
    """Text in Unicode NFC: "Nguyễn" typed with combining marks is kept composed, and counted as 6 characters."""

    def to_python(self, value):
        value = super().to_python(value)
        return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


class _CharField(_ComposedText, forms.CharField):
    pass


class _EmailField(_ComposedText, forms.EmailField):
    pass


class _ChoiceField(_ComposedText, forms.ChoiceField):
    pass


GROUPED_DIGITS = re.compile(r"\d{1,3}(?:([.,\s\u00a0])\d{3})(?:\1\d{3})*")


class WholeNumberField(forms.IntegerField):
    """A whole number as people write amounts: "500.000.000", "500,000,000" and "500 000 000" are all 500000000.

    A text input with the numeric keypad: ``type=number`` drops or misreads the grouping dots Vietnamese use
    (500.000.000 became 500). Limits are said with grouped digits, never as Django's raw "1000000 ."
    """

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def __init__(self, *, minimum=None, maximum=None, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("Chỉ nhập chữ số, có thể có dấu chấm phân cách, ví dụ 500.000.000.")
        if minimum is not None:
            message = _("Không được nhỏ hơn %(limit)s.") % {"limit": _grouped(minimum)}
            self.validators.append(MinValueValidator(minimum, message=message))
        if maximum is not None:
            message = _("Không được lớn hơn %(limit)s.") % {"limit": _grouped(maximum)}
            self.validators.append(MaxValueValidator(maximum, message=message))

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            typed = value.strip()
            negative = typed.startswith("-")
            digits = typed.removeprefix("-").strip()
            if GROUPED_DIGITS.fullmatch(digits):
                digits = re.sub(r"\D", "", digits)
            elif not digits.isascii() or not digits.isdigit():
                # Django would drop a trailing ".000" or ".00": 25000000.000 read as 25 million. Say so instead.
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            value = f"-{digits}" if negative else digits
        return super().to_python(value)

    def prepare_value(self, value):
        return _grouped(value) if isinstance(value, int) and not isinstance(value, bool) else value


class EForm(forms.Form):
    """A form built from a schema; ``prefilled`` fields are shown read-only and never taken from the POST."""

    def __init__(
        self, *args, schema: dict, ui: dict, prefilled: dict | None = None, suggested: dict | None = None, **kwargs
    ):
        """``suggested``: values the registry makes likely (the spouse as the other parent), put in the fields the
        citizen has not filled yet, editable and said to come from the registry."""
        self.schema, self.ui, self.prefilled = schema, ui, prefilled or {}
        self.suggested = {name: value for name, value in (suggested or {}).items() if name not in self.prefilled}
        if self.suggested and not args and "data" not in kwargs:
            initial = kwargs.get("initial") or {}
            kwargs["initial"] = {**{k: v for k, v in self.suggested.items() if initial.get(k) in (None, "")}, **initial}
        super().__init__(*args, **kwargs)
        required = set(schema.get("required", []))
        for _legend, names in field_order(schema, ui):
            for name in names:
                self.fields[name] = _make_field(
                    name, schema["properties"][name], ui.get("fields", {}).get(name, {}), required=name in required
                )
                if name in self.prefilled:
                    self.fields[name].disabled = True
                    self.fields[name].initial = self.prefilled[name]
        for name, field in self.fields.items():
            hints = [field.help_text, self._condition_hint(name)]
            if name in self.suggested:
                hints.append(_("Gợi ý từ Cơ sở dữ liệu quốc gia về dân cư; hãy sửa nếu không đúng."))
            field.help_text = " ".join(str(hint) for hint in hints if hint)
        name_required_fields(self)

    def _condition_hint(self, name: str) -> str:
        """When a conditional field applies, said beside it: without JavaScript every field is on the page."""
        condition = self.condition_of(name)
        controller = self.fields.get((condition or {}).get("field"))
        if controller is None or name in self.prefilled:
            return ""
        equals = condition.get("equals")
        if isinstance(controller, forms.BooleanField):
            choice = _("Có") if str(equals).lower() in ("true", "1", "yes") else _("Không")
        else:
            choice = dict(getattr(controller, "choices", None) or []).get(str(equals), str(equals))
        return _("Chỉ điền khi chọn “%(choice)s” ở mục “%(field)s”.") % {"choice": choice, "field": controller.label}

    def prefilled_text(self) -> dict[str, str]:
        """Each prefilled value as the citizen reads it: a choice by its label, a date as d/m/Y."""
        shown = {}
        for name, value in self.prefilled.items():
            field = self.fields.get(name)
            if field is None:
                continue
            if isinstance(field, forms.ChoiceField):
                value = dict(field.choices).get(value, value)
            elif isinstance(field, forms.DateField):
                try:
                    value = datetime.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
                except ValueError:
                    pass
            elif isinstance(field, forms.BooleanField):
                value = _("Có") if value else _("Không")
            shown[name] = str(value)
        return shown

    def fieldsets(self) -> list[Fieldset]:
        return [Fieldset(legend, [self[name] for name in names]) for legend, names in field_order(self.schema, self.ui)]

    def condition_of(self, name: str) -> dict | None:
        return self.ui.get("fields", {}).get(name, {}).get("show_if")

    def full_clean(self):
        # A field hidden by its condition is not required and its value is dropped.
        # QueryDict.get gives the single value; unpacking a QueryDict would give lists.
        raw = {name: self.data.get(self.add_prefix(name)) for name in self.fields} if self.is_bound else {}
        for name, field in self.fields.items():
            if not is_shown(name, self.ui, {**raw, **self.prefilled}):
                field.required = False
            elif self.ui.get("fields", {}).get(name, {}).get("required_when_shown") and name not in self.prefilled:
                field.required = True
        super().full_clean()

    def clean(self):
        cleaned = super().clean()
        data = self.as_json(cleaned)
        try:
            errors = schema_errors(self.schema, data)
        except DefinitionUnusable:
            self.add_error(None, unusable_message())
            return cleaned
        for error in errors:
            field = error.path[0] if error.path else _missing_property(error)
            message = _located_message(self.schema, self.ui, error)
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
            elif field is None:
                self.add_error(None, message)
        return cleaned

    def values_as_typed(self) -> dict:
        """What a bound form holds, unchecked, as its widgets read it: the initial values of the same form drawn
        again (a repeating group's rows, the blank one "Thêm dòng" added included)."""
        return {
            name: field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            for name, field in self.fields.items()
            if name not in self.prefilled
        }

    def as_json(self, cleaned: dict | None = None) -> dict:
        """Cleaned values as JSON types (dates as ISO strings); hidden and empty fields left out."""
        cleaned = self.cleaned_data if cleaned is None else cleaned
        values = {**cleaned, **self.prefilled}
        out = {}
        for name in self.fields:
            value = values.get(name)
            if value in (None, "", []) or not is_shown(name, self.ui, values):
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()
            elif isinstance(value, str):
                value = unicodedata.normalize("NFC", value)
            out[name] = value
        return out


def _make_field(name: str, spec: dict, options: dict, *, required: bool) -> forms.Field:
    label = text(options.get("label"), spec.get("title", name))
    help_text = text(options.get("help"), spec.get("description", ""))
    widget_name = options.get("widget")
    common = {"label": label, "help_text": help_text, "required": required}
    kind = spec["type"]
    if kind == "array":
        from .groups import RowsField

        columns = []
        for column in group_columns(spec, options):
            column_spec = spec["items"]["properties"][column]
            column_options = dict((options.get("fields") or {}).get(column) or {})
            if column_options.get("widget") == "radio":  # a drop-down fits a table's cell
                column_options["widget"] = "select"
            column_required = column in (spec["items"].get("required") or [])
            columns.append((column, _make_field(column, column_spec, column_options, required=column_required)))
        return RowsField(
            name=name, columns=columns, min_rows=spec.get("minItems"), max_rows=spec.get("maxItems"), **common
        )
    if "enum" in spec:
        labels = options.get("choices", {})
        choices = [(value, text(labels.get(str(value)), str(value))) for value in spec["enum"]]
        if widget_name == "radio":
            return _ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        return _ChoiceField(choices=[("", _("— Chọn —"))] + choices, **common)
    if kind == "boolean":
        return forms.BooleanField(**{**common, "required": required})
    if kind == "integer":
        if widget_name == "amount":  # an amount in đồng: said beside the box, as people write it
            unit = _("Số tiền tính bằng đồng, ví dụ 1.500.000.")
            common["help_text"] = f"{help_text} {unit}".strip()
        return WholeNumberField(minimum=spec.get("minimum"), maximum=spec.get("maximum"), **common)
    if kind == "number":
        return forms.DecimalField(min_value=spec.get("minimum"), max_value=spec.get("maximum"), **common)
    if spec.get("format") == "date" or widget_name == "date":
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d", "%d/%m/%Y"],
            validators=[_not_after_today] if options.get("not_future") else [],
            **common,
        )
    if widget_name == "address":
        from .address import AddressField

        return AddressField(max_length=spec.get("maxLength"), min_length=spec.get("minLength"), **common)
    if spec.get("format") == "email" or widget_name == "email":
        return _EmailField(max_length=spec.get("maxLength"), **common)
    widget = forms.Textarea(attrs={"rows": 4}) if widget_name == "textarea" else None
    if widget_name == "tel":
        widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
    named = [PersonNameValidator(label)] if is_person_name_field(name, options) else []
    length = {"max_length": spec.get("maxLength"), "min_length": spec.get("minLength")}
    return _CharField(widget=widget, validators=named, **length, **common)


def is_person_name_field(name: str, options: dict) -> bool:
    """A field holding a person's name: ``person_name`` in its UI options, else by name (``full_name``)."""
    return bool(options.get("person_name", name == "full_name" or str(name).endswith("_full_name")))


def _missing_property(error: jsonschema.ValidationError) -> str | None:
    """The field a ``required`` error is about (jsonschema reports it on the parent object)."""
    if error.validator == "required":
        match = re.match(r"'([^']+)' is a required property", error.message)
        return match.group(1) if match else None
    return None


def _not_after_today(value: datetime.date) -> None:
    from django.utils import timezone

    if value > timezone.localdate():
        raise ValidationError(_("Ngày này chưa tới; hãy kiểm tra lại ngày, tháng, năm."))


def _schema_error_message(error: jsonschema.ValidationError, options: dict | None = None) -> str:
    """What is wrong with a field's value, in the page's language; never the value itself."""
    rule, limit = error.validator, error.validator_value
    if rule == "pattern":
        if (options or {}).get("pattern_message"):
            return text(options["pattern_message"])
        digits = re.fullmatch(r"\^\\d\{(\d+)\}\$", str(limit))
        if digits:
            return _("Gồm đúng %(count)s chữ số, không có dấu cách.") % {"count": digits.group(1)}
        return _("Giá trị không đúng định dạng.")
    if rule == "required":
        return _("Thiếu thông tin bắt buộc.")
    if rule in ("enum", "const"):
        return _("Không phải là một lựa chọn hợp lệ.")
    if rule == "maxLength":
        return ngettext("Tối đa %(limit)s ký tự.", "Tối đa %(limit)s ký tự.", limit) % {"limit": limit}
    if rule == "minLength":
        return ngettext("Tối thiểu %(limit)s ký tự.", "Tối thiểu %(limit)s ký tự.", limit) % {"limit": limit}
    bounds = {
        "minimum": _("Không được nhỏ hơn %(limit)s."),
        "maximum": _("Không được lớn hơn %(limit)s."),
        "exclusiveMinimum": _("Phải lớn hơn %(limit)s."),
        "exclusiveMaximum": _("Phải nhỏ hơn %(limit)s."),
    }
    if rule in bounds:
        return bounds[rule] % {"limit": _grouped(limit)}
    if rule == "type":
        types = {
            "string": _("Phải là văn bản."),
            "integer": _("Phải là một số nguyên."),
            "number": _("Phải là một số."),
            "boolean": _("Phải là có hoặc không."),
            "array": _("Phải là một danh sách các dòng."),
            "object": _("Mỗi dòng phải là một đối tượng JSON ({…})."),
        }
        return types.get(limit if isinstance(limit, str) else "", _("Giá trị không đúng kiểu."))
    if rule == "format":
        formats = {"date": _("Không phải là một ngày hợp lệ."), "email": _("Địa chỉ thư điện tử không hợp lệ.")}
        return formats.get(limit, _("Giá trị không đúng định dạng."))
    if rule == "additionalProperties":
        return _("Tờ khai có thông tin không thuộc mẫu.")
    if rule == "minItems":
        return ngettext("Cần ít nhất %(limit)s dòng.", "Cần ít nhất %(limit)s dòng.", limit) % {"limit": limit}
    if rule == "maxItems":
        return ngettext("Tối đa %(limit)s dòng.", "Tối đa %(limit)s dòng.", limit) % {"limit": limit}
    return _("Giá trị không hợp lệ.")


def _located_message(schema: dict, ui: dict, error: jsonschema.ValidationError) -> str:
    """What is wrong, and where inside a repeating group: "Dòng 2, Họ tên: Thiếu thông tin bắt buộc."."""
    path = list(error.path)
    name = path[0] if path else _missing_property(error)
    options = (ui.get("fields") or {}).get(name, {}) if isinstance(name, str) else {}
    spec = (schema.get("properties") or {}).get(name) if isinstance(name, str) else None
    if not is_group(spec) or len(path) < 2 or not isinstance(path[1], int):
        return _schema_error_message(error, options)
    column = path[2] if len(path) > 2 else _missing_property(error)
    column_options = (options.get("fields") or {}).get(column) or {}
    message = _schema_error_message(error, column_options)
    if column is None:
        return _("Dòng %(row)s: %(message)s") % {"row": path[1] + 1, "message": message}
    column_spec = ((spec.get("items") or {}).get("properties") or {}).get(column) or {}
    return _("Dòng %(row)s, %(column)s: %(message)s") % {
        "row": path[1] + 1,
        "column": text(column_options.get("label"), column_spec.get("title", str(column))),
        "message": message,
    }


def _grouped(number) -> str:
    """``1.000.000`` in Vietnamese, ``1,000,000`` in English."""
    grouped = f"{number:,}"
    if (get_language() or "vi").startswith("en"):
        return grouped
    return grouped.translate(str.maketrans(",.", ".,"))


def validate_data(schema: dict, data: dict, ui: dict | None = None) -> list[str]:
    """A "Label: what is wrong" message for each way data breaks the schema (empty when valid).

    Labels come from ``ui`` as in the form, else the schema's title, else the field name.
    """
    ui_fields = (ui or {}).get("fields", {})
    messages = []
    try:
        errors = schema_errors(schema, data)
    except DefinitionUnusable:
        return [unusable_message()]
    for error in errors:
        name = error.path[0] if error.path else _missing_property(error)
        message = _located_message(schema, ui or {}, error)
        if name is None:
            messages.append(message)
            continue
        spec = schema.get("properties", {}).get(name, {})
        options = ui_fields.get(name, {}) if isinstance(name, str) else {}
        messages.append(f"{text(options.get('label'), spec.get('title', str(name)))}: {message}")
    for name, value in data.items():  # a person's name is letters only, as in the form
        options = ui_fields.get(name, {}) if isinstance(ui_fields.get(name), dict) else {}
        named = isinstance(value, str) and is_person_name_field(name, options)
        if named and value.strip() and not is_person_name(value):
            label = text(options.get("label"), schema.get("properties", {}).get(name, {}).get("title", str(name)))
            messages.append(f"{label}: {person_name_message(label)}")
    return messages


# --- What a definition may hold, and how it is applied (issue #15 item 17) ------------------------------------------
# A definition is written by administrators and applied to what citizens type, on every validation:
# - ``$ref`` resolves inside the definition only. jsonschema fetched any other address from the server, with no
#   timeout, at each validation (a host that never answers held the request; any internal address was reachable).
# - ``pattern`` runs on RE2, whose time grows with the text, never exponentially: Python's ``re`` took 1.2 s for
#   ``^(a+)+$`` against 25 characters, doubling with each one more. A pattern RE2 cannot compile (back-references,
#   look-around) is refused when the definition is saved.
# - Its size and nesting are bounded, so that checking and rendering it stays cheap and never exhausts the stack.
MAX_DEFINITION_BYTES = 200_000
MAX_DEFINITION_DEPTH = 16
MAX_PATTERN_LENGTH = 500
# Keywords whose values are regular expressions jsonschema would run with ``re``: no e-form needs them.
REGEX_KEYWORDS = frozenset({"patternProperties"})


class DefinitionUnusable(Exception):
    """A saved definition that cannot be applied (made before these checks): a remote reference, say."""


def _re2_options():
    import re2

    options = re2.Options()
    options.log_errors = False
    return options


@functools.lru_cache(maxsize=512)
def _re2(pattern: str):
    import re2

    return re2.compile(pattern, _re2_options())


def _pattern(validator, pattern, instance, schema):
    """jsonschema's ``pattern`` keyword on RE2 (linear time)."""
    if not validator.is_type(instance, "string"):
        return
    try:
        compiled = _re2(pattern)
    except Exception:
        raise DefinitionUnusable(pattern) from None
    if not compiled.search(instance):
        yield jsonschema.ValidationError(f"does not match {pattern!r}")


def _refuse_retrieval(uri: str):
    import referencing.exceptions

    raise referencing.exceptions.NoSuchResource(ref=uri)


_EFormValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})
# Every format jsonschema checks, but "regex", which would compile what a citizen types with Python's ``re``.
_FORMAT_CHECKER = jsonschema.FormatChecker(
    formats=[name for name in jsonschema.FormatChecker.checkers if name != "regex"]
)


def _validator(schema: dict):
    """A validator of ``schema`` that never reaches outside it and runs patterns on RE2."""
    from referencing import Registry

    return _EFormValidator(
        schema,
        registry=Registry(retrieve=_refuse_retrieval),
        format_checker=_FORMAT_CHECKER,
    )


def schema_errors(schema: dict, data: dict) -> list:
    """jsonschema's errors of ``data``; ``DefinitionUnusable`` when the definition itself cannot be applied."""
    import referencing.exceptions

    try:
        return list(_validator(schema).iter_errors(data))
    except (referencing.exceptions.Unresolvable, RecursionError) as error:
        raise DefinitionUnusable(str(error)) from None


def unusable_message() -> str:
    return _(
        "Biểu mẫu điện tử của dịch vụ này đang được cơ quan cập nhật nên chưa kiểm tra được tờ khai. "
        "Những gì bạn đã nhập vẫn được giữ; hãy thử lại sau hoặc liên hệ cơ quan giải quyết."
    )


def _check_bounds(schema: dict, ui: dict) -> None:
    """Refuse a definition too large or too deeply nested to check and render cheaply, or that reaches outside
    itself (``$ref`` not starting with ``#``), or whose patterns RE2 cannot run."""
    import json

    from common import jsoninput

    size = len(json.dumps([schema, ui], ensure_ascii=False))
    if size > MAX_DEFINITION_BYTES:
        raise ValidationError(
            _("Định nghĩa biểu mẫu quá lớn (%(size)s ký tự, tối đa %(limit)s); hãy rút gọn hoặc tách dịch vụ.")
            % {"size": _grouped(size), "limit": _grouped(MAX_DEFINITION_BYTES)}
        )
    for value in (schema, ui):
        try:
            jsoninput.check(value, MAX_DEFINITION_DEPTH)
        except jsoninput.UnsafeJSON:
            raise ValidationError(
                _("Định nghĩa biểu mẫu lồng nhau quá sâu (tối đa %(limit)s cấp); hãy đơn giản hóa lược đồ.")
                % {"limit": MAX_DEFINITION_DEPTH}
            ) from None
    pending = [schema]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        pending.extend(item.values())
        for keyword in ("$ref", "$dynamicRef"):
            reference = item.get(keyword)
            if isinstance(reference, str) and not reference.startswith("#"):
                raise ValidationError(
                    _(
                        "Lược đồ tham chiếu tới “%(ref)s” bên ngoài biểu mẫu; chỉ được tham chiếu trong chính "
                        "lược đồ (bắt đầu bằng #, ví dụ #/$defs/dia_chi)."
                    )
                    % {"ref": reference[:200]}
                )
        if used := REGEX_KEYWORDS & set(item):
            raise ValidationError(
                _("Lược đồ dùng “%(keyword)s”, không được hỗ trợ trong biểu mẫu điện tử.")
                % {"keyword": ", ".join(sorted(used))}
            )
        pattern = item.get("pattern")
        if isinstance(pattern, str):
            _check_pattern(pattern)


def _check_pattern(pattern: str) -> None:
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValidationError(
            _("Mẫu (pattern) dài %(length)s ký tự, tối đa %(limit)s.")
            % {"length": len(pattern), "limit": MAX_PATTERN_LENGTH}
        )
    try:
        _re2(pattern)
    except Exception as error:
        raise ValidationError(
            _(
                "Mẫu (pattern) “%(pattern)s” không dùng được: %(error)s. Mẫu không được dùng tham chiếu ngược "
                "(\\1) hay nhìn trước, nhìn sau ((?=…), (?!…), (?<=…)), và số lần lặp tối đa 1000."
            )
            % {
                "pattern": pattern[:100],
                "error": _re2_error(error),
            }
        ) from None


def _re2_error(error: Exception) -> str:
    """RE2's reason (it comes as bytes: ``invalid escape sequence: \\1``)."""
    reason = error.args[0] if error.args else error
    return reason.decode(errors="replace") if isinstance(reason, bytes) else str(reason)


JSON_TYPES = {
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: (
        (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())
    ),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "array": lambda value: isinstance(value, list),
}


def json_typed_values(schema: dict, values: dict, ui: dict | None = None) -> tuple[dict, dict[str, list[str]]]:
    """``values`` as sent in JSON, checked against the types the schema says, and the fields that are not of
    theirs: a list or an object for a text (it would be kept as Python's rendering of it), a number written as
    text, ``true`` for a number. An integral number (``9e8``) for an integer is that integer; a null is a field
    left empty. Fields the schema does not have are left to the form (which ignores them)."""
    typed, errors = dict(values), {}
    for name, value in values.items():
        spec = schema.get("properties", {}).get(name)
        if not isinstance(spec, dict) or value is None:
            continue
        if is_group(spec) and isinstance(value, list):
            rows, row_errors = _typed_rows(spec, ((ui or {}).get("fields") or {}).get(name) or {}, value)
            if row_errors:
                errors[name] = row_errors
            typed[name] = rows
            continue
        accepts = JSON_TYPES.get(spec.get("type"))
        if accepts is not None and not accepts(value):
            error = jsonschema.ValidationError("type", validator="type", validator_value=spec.get("type"))
            errors[name] = [_schema_error_message(error)]
        elif spec.get("type") == "integer" and isinstance(value, float):
            typed[name] = int(value)
    return typed, errors


def _typed_rows(spec: dict, options: dict, rows: list) -> tuple[list, list[str]]:
    """A repeating group's rows as sent in JSON, each value checked against its sub-field's type."""
    columns = (spec.get("items") or {}).get("properties") or {}
    typed, errors = [], []
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            errors.append(
                _("Dòng %(row)s: %(message)s")
                % {"row": number, "message": _("Mỗi dòng phải là một đối tượng JSON ({…}).")}
            )
            continue
        row = dict(row)
        for column, value in list(row.items()):
            column_spec = columns.get(column)
            if not isinstance(column_spec, dict) or value is None:
                continue
            accepts = JSON_TYPES.get(column_spec.get("type"))
            if accepts is not None and not accepts(value):
                error = jsonschema.ValidationError("type", validator="type", validator_value=column_spec.get("type"))
                label = text(
                    ((options.get("fields") or {}).get(column) or {}).get("label"), column_spec.get("title", column)
                )
                errors.append(
                    _("Dòng %(row)s, %(column)s: %(message)s")
                    % {"row": number, "column": label, "message": _schema_error_message(error)}
                )
            elif column_spec.get("type") == "integer" and isinstance(value, float):
                row[column] = int(value)
        typed.append(row)
    return typed, errors
