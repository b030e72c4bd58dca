"""The e-form builder's model: a form as sections and fields an administrator edits without reading JSON.

``from_definition`` reads a saved definition (JSON Schema, UI description, prefill and suggestion maps) into a
*state*: plain lists of sections and fields whose values are all strings, as an HTML form posts them, so that a
page can be re-rendered from any state, valid or not, and nothing typed is lost. ``field_errors`` says in
Vietnamese what is wrong, field by field; ``to_definition`` turns a valid state back into the very JSON the
renderer (``eservices.eforms``) reads. What the builder does not edit (a ``pattern_message``, ``person_name``,
``additionalProperties``…) rides along unchanged in each field's ``extra_schema``/``extra_ui``, so a form written
by hand opens in the builder and is saved back as it was.

A repeating group (kind ``group``: a household's members, one row each) holds its own list of sub-fields in the
field's ``subfields``, posted as ``f-<i>-s-<j>-<key>``; each sub-field is edited like a field (type, labels,
required, limits, choices) but is never prefilled, conditional or placed in a section.

Key order: PostgreSQL keeps JSON objects in its own order (jsonb), never in the order they were typed, so every
definition shown, saved or exported goes through ``ordered`` first: fields in the order the citizen sees them,
each field's keys in one fixed order. What an administrator sees before saving is what they see after.
"""

from __future__ import annotations

import json
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from procedures.text import fold

from . import eforms

KINDS = {
    "text": gettext_lazy("Văn bản"),
    "number": gettext_lazy("Số nguyên"),
    "decimal": gettext_lazy("Số có phần thập phân"),
    "amount": gettext_lazy("Số tiền (đồng)"),
    "date": gettext_lazy("Ngày"),
    "choice": gettext_lazy("Lựa chọn"),
    "yesno": gettext_lazy("Có/Không"),
    "id_number": gettext_lazy("Số định danh cá nhân (12 chữ số)"),
    "phone": gettext_lazy("Số điện thoại"),
    "email": gettext_lazy("Thư điện tử"),
    "address": gettext_lazy("Địa chỉ (chọn tỉnh, xã)"),
    "group": gettext_lazy("Nhóm lặp lại (bảng nhiều dòng)"),
}
# What a repeating group's sub-field may be: a value in one cell of a row.
SUB_KINDS = {key: label for key, label in KINDS.items() if key not in ("address", "group")}
NUMERIC_KINDS = {"number", "decimal", "amount"}
TEXT_KINDS = {"text", "phone", "email", "address"}
ID_PATTERN = r"^\d{12}$"

# Where a prefilled value comes from: a path into the citizen's registry data (``eservices.prefill``).
PREFILL_PATHS = {
    "name": gettext_lazy("Họ, chữ đệm và tên"),
    "id_number": gettext_lazy("Số định danh cá nhân"),
    "birthdate": gettext_lazy("Ngày sinh"),
    "gender": gettext_lazy("Giới tính"),
    "nationality": gettext_lazy("Quốc tịch"),
    "ethnicity": gettext_lazy("Dân tộc"),
    "place_of_origin": gettext_lazy("Quê quán"),
    "permanent_address.formatted": gettext_lazy("Nơi thường trú"),
    "temporary_address.formatted": gettext_lazy("Nơi tạm trú"),
    "phone_number": gettext_lazy("Số điện thoại"),
    "email": gettext_lazy("Thư điện tử"),
    "household.code": gettext_lazy("Số hộ"),
    "household.head.name": gettext_lazy("Họ tên chủ hộ"),
    "household.spouse.name": gettext_lazy("Họ tên vợ/chồng"),
    "household.spouse.id_number": gettext_lazy("Số định danh của vợ/chồng"),
    "household.father.name": gettext_lazy("Họ tên cha"),
    "household.mother.name": gettext_lazy("Họ tên mẹ"),
    "wallet.driving_licence.number": gettext_lazy("Số giấy phép lái xe (ví VNeID)"),
    "wallet.driving_licence.class": gettext_lazy("Hạng giấy phép lái xe (ví VNeID)"),
    "wallet.health_insurance.number": gettext_lazy("Số thẻ bảo hiểm y tế (ví VNeID)"),
    "wallet.vehicle_registration.number": gettext_lazy("Số giấy đăng ký xe (ví VNeID)"),
}
PREFILL_MODES = {
    "": gettext_lazy("Công dân tự khai"),
    "prefill": gettext_lazy("Điền sẵn, không sửa được"),
    "suggest": gettext_lazy("Gợi ý, công dân sửa được"),
}
# Which replacement source (``ReplacementSource``) a prefill path stands for: the wallet's kind, else the registry.
WALLET_SOURCES = {"driving_licence", "health_insurance", "vehicle_registration"}

FIELD_KEYS = (
    "name",
    "kind",
    "section",
    "label_vi",
    "label_en",
    "help_vi",
    "help_en",
    "required",
    "minimum",
    "maximum",
    "min_length",
    "max_length",
    "multiline",
    "not_future",
    "choices",
    "choice_style",
    "show_if",
    "prefill_mode",
    "prefill_path",
    "replaces",
    "widget",
    "extra_schema",
    "extra_ui",
    "min_rows",
    "max_rows",
)
# A repeating group's sub-field: a field's own settings, without section, condition, prefill or papers.
SUB_KEYS = tuple(
    key
    for key in FIELD_KEYS
    if key not in ("section", "show_if", "prefill_mode", "prefill_path", "replaces", "min_rows", "max_rows")
)
SECTION_KEYS = ("legend_vi", "legend_en", "extra")
META_KEYS = ("schema_extra", "ui_extra", "other_replacements", "named_persons", "eligibility", "base")
NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")

# Keys the builder writes; any other key of a field is carried along untouched.
MANAGED_SCHEMA = {"type", "enum", "format", "minimum", "maximum", "minLength", "maxLength"}
MANAGED_UI = {"label", "help", "widget", "choices", "show_if", "required_when_shown", "not_future"}
# ...and of a repeating group.
GROUP_SCHEMA = {"items", "minItems", "maxItems"}
GROUP_UI = {"order", "fields"}
SCHEMA_KEY_ORDER = ("type", "title", "description", "format", "enum", "minimum", "maximum", "minLength", "maxLength")
SCHEMA_KEY_ORDER += ("pattern", "minItems", "maxItems", "items")
UI_KEY_ORDER = ("label", "help", "widget", "choices", "show_if", "required_when_shown", "not_future", "person_name")
UI_KEY_ORDER += ("order", "fields")
TOP_SCHEMA_ORDER = ("$schema", "type", "title", "description", "properties", "required", "additionalProperties")

EXPORT_FORMAT = "dichvucong.eform"
EXPORT_VERSION = 1


class CannotBuild(Exception):
    """A definition the builder cannot show (a field of a type it has no editor for): use the JSON view."""


# --- reading a definition -------------------------------------------------------------------------------------


def text_of(value) -> str:
    return eforms.text(value)


def _vi_en(value) -> tuple[str, str]:
    if isinstance(value, dict):
        return str(value.get("vi") or ""), str(value.get("en") or "")
    return (str(value) if value else ""), ""


def kind_of(spec: dict, options: dict, name: str = "") -> str:
    kind, widget = spec.get("type"), options.get("widget")
    if "enum" in spec:
        return "choice"
    if kind == "boolean":
        return "yesno"
    if kind == "integer":
        return "amount" if widget == "amount" else "number"
    if kind == "number":
        return "decimal"
    if kind == "array" and isinstance(spec.get("items"), dict) and spec["items"].get("type") == "object":
        return "group"
    if kind != "string":
        raise CannotBuild(
            _("Trường “%(name)s” có kiểu “%(type)s” mà trình thiết kế chưa sửa được; hãy dùng chế độ JSON.")
            % {"name": text_of(options.get("label")) or name, "type": kind}
        )
    if spec.get("format") == "date" or widget == "date":
        return "date"
    if spec.get("format") == "email" or widget == "email":
        return "email"
    if widget == "tel":
        return "phone"
    if widget == "address":
        return "address"
    if spec.get("pattern") == ID_PATTERN:
        return "id_number"
    return "text"


def _number(value) -> str:
    return "" if value is None else str(value)


def from_definition(schema: dict, ui: dict, prefill_map: dict | None = None, suggest_map: dict | None = None) -> dict:
    """The builder's state of a saved definition (every value a string, as an HTML form posts it)."""
    schema, ui = schema or {}, ui or {}
    properties = schema.get("properties") or {}
    if schema and (schema.get("type") != "object" or not isinstance(properties, dict)):
        raise CannotBuild(_("Lược đồ phải là một đối tượng (type: object) có properties."))
    required = set(schema.get("required") or [])
    ui_fields = ui.get("fields") or {}
    sections, placement = [], {}
    for index, fieldset in enumerate(ui.get("fieldsets") or []):
        vi, en = _vi_en(fieldset.get("legend"))
        extra = {k: v for k, v in fieldset.items() if k not in ("legend", "fields")}
        sections.append({"legend_vi": vi, "legend_en": en, "extra": _dump(extra)})
        for name in fieldset.get("fields") or []:
            placement.setdefault(name, index)
    names = sorted(properties, key=lambda n: (placement.get(n, len(sections)), _position(n, ui, properties)))
    fields = []
    for name in names:
        spec, options = properties[name], ui_fields.get(name) or {}
        field = _field_state(name, spec, options, required=name in required or options.get("required_when_shown"))
        condition = options.get("show_if") or {}
        equals = condition.get("equals")
        if isinstance(equals, bool):
            equals = "true" if equals else "false"
        prefill_mode, path = "", ""
        if name in (prefill_map or {}):
            prefill_mode, path = "prefill", prefill_map[name]
        elif name in (suggest_map or {}):
            prefill_mode, path = "suggest", suggest_map[name]
        field.update(
            {
                "section": str(placement[name]) if name in placement else "",
                "show_if": f"{condition.get('field')}:{equals}" if condition.get("field") else "",
                "prefill_mode": prefill_mode,
                "prefill_path": path,
                "replaces": "",
            }
        )
        fields.append({key: field[key] for key in FIELD_KEYS} | {"subfields": field["subfields"]})
    top = {k: v for k, v in schema.items() if k not in ("type", "properties", "required")}
    if "required" in schema:
        top["required"] = []  # said again on save, even when no field is required
    meta = {
        "schema_extra": _dump(top) if schema else _dump({"additionalProperties": False}),
        "ui_extra": _dump({k: v for k, v in ui.items() if k not in ("fieldsets", "fields")}),
        "other_replacements": "",
        "named_persons": "",
        "eligibility": "",
        "base": "",
    }
    return {"sections": sections, "fields": fields, "meta": meta}


def _field_state(name: str, spec: dict, options: dict, *, required) -> dict:
    """A field's (or a group's sub-field's) own settings as the builder edits them."""
    kind = kind_of(spec, options, name)
    label_vi, label_en = _vi_en(options.get("label"))
    help_vi, help_en = _vi_en(options.get("help"))
    labels = options.get("choices") or {}
    choices = [_choice_line(v, *_vi_en(labels.get(str(v)))) for v in spec.get("enum") or []]
    extra_schema = {k: v for k, v in spec.items() if k not in MANAGED_SCHEMA}
    extra_ui = {k: v for k, v in options.items() if k not in MANAGED_UI}
    if kind == "id_number":
        extra_schema.pop("pattern", None)
    subfields = []
    if kind == "group":
        items = spec["items"]
        columns = items.get("properties") or {}
        sub_required = set(items.get("required") or [])
        sub_options = options.get("fields") or {}
        for column in eforms.group_columns(spec, options):
            sub = _field_state(column, columns[column], sub_options.get(column) or {}, required=column in sub_required)
            if sub["kind"] == "group":
                raise CannotBuild(
                    _("Nhóm “%(name)s” có nhóm lồng bên trong mà trình thiết kế chưa sửa được; hãy dùng chế độ JSON.")
                    % {"name": label_vi or name}
                )
            subfields.append({key: sub[key] for key in SUB_KEYS})
        extra_schema = {k: v for k, v in extra_schema.items() if k not in GROUP_SCHEMA}
        items_extra = {k: v for k, v in items.items() if k not in ("type", "properties", "required")}
        if "required" in items:
            items_extra["required"] = []  # said again on save, even when no sub-field is required
        if items_extra:
            extra_schema["items"] = items_extra
        extra_ui = {k: v for k, v in extra_ui.items() if k not in GROUP_UI}
    return {
        "name": name,
        "kind": kind,
        "label_vi": label_vi,
        "label_en": label_en,
        "help_vi": help_vi,
        "help_en": help_en,
        "required": _flag(required),
        "minimum": _number(spec.get("minimum")),
        "maximum": _number(spec.get("maximum")),
        "min_length": _number(spec.get("minLength")),
        "max_length": _number(spec.get("maxLength")),
        "multiline": _flag(options.get("widget") == "textarea"),
        "not_future": _flag(options.get("not_future")),
        "choices": "\n".join(choices),
        "choice_style": "radio" if options.get("widget") == "radio" else "select",
        "widget": options.get("widget") or "none",
        "extra_schema": _dump(extra_schema),
        "extra_ui": _dump(extra_ui),
        "min_rows": _number(spec.get("minItems")) if kind == "group" else "",
        "max_rows": _number(spec.get("maxItems")) if kind == "group" else "",
        "subfields": subfields,
    }


def _choice_line(value, vi: str, en: str) -> str:
    """A saved choice as a line of the choices box: "mã | Nhãn | Label". Without an English label the line still
    ends with its separator ("con | Con |"), else "con | Con" would read back as a label and its translation."""
    if en:
        return f"{value} | {vi} | {en}"
    return f"{value} | {vi} |" if vi else str(value)


def _position(name: str, ui: dict, properties: dict) -> int:
    for fieldset in ui.get("fieldsets") or []:
        if name in (fieldset.get("fields") or []):
            return fieldset["fields"].index(name)
    return list(properties).index(name)


def _flag(value) -> str:
    return "on" if value else ""


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False) if value else ""


def _load(text: str) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def attach_replacements(state: dict, replacements: list[tuple[int, str]]) -> dict:
    """Each (component id, source) replacement on the first field filled from that source; the rest kept aside."""
    others = []
    for component_id, source in replacements:
        field = next(
            (
                f
                for f in state["fields"]
                if f["prefill_mode"] == "prefill" and not f["replaces"] and source_of(f["prefill_path"]) == source
            ),
            None,
        )
        if field is None:
            others.append(f"{component_id}:{source}")
        else:
            field["replaces"] = str(component_id)
    state["meta"]["other_replacements"] = ",".join(others)
    return state


def source_of(path: str) -> str:
    """The ``ReplacementSource`` value a prefill path reads."""
    parts = (path or "").split(".")
    if len(parts) >= 2 and parts[0] == "wallet" and parts[1] in WALLET_SOURCES:
        return parts[1]
    return "population_registry"


# --- the state as posted --------------------------------------------------------------------------------------


def from_post(data) -> dict:
    """The state a builder page posted (``f-<i>-<key>``, ``s-<i>-<key>``), whatever it holds."""

    def count(name):
        try:
            return max(0, min(int(data.get(name, 0)), 500))
        except (TypeError, ValueError):
            return 0

    sections = [{key: data.get(f"s-{i}-{key}", "") for key in SECTION_KEYS} for i in range(count("section_count"))]
    fields = []
    for i in range(count("field_count")):
        field = {key: data.get(f"f-{i}-{key}", "") for key in FIELD_KEYS}
        field["subfields"] = [
            {key: data.get(f"f-{i}-s-{j}-{key}", "") for key in SUB_KEYS} for j in range(count(f"f-{i}-sub_count"))
        ]
        fields.append(field)
    meta = {key: data.get(key, "") for key in META_KEYS}
    return {"sections": sections, "fields": fields, "meta": meta}


def new_field(section: str) -> dict:
    field = dict.fromkeys(FIELD_KEYS, "")
    field.update(kind="text", section=section, choice_style="radio", subfields=[])
    return field


def new_subfield() -> dict:
    sub = dict.fromkeys(SUB_KEYS, "")
    sub.update(kind="text", choice_style="select")
    return sub


def _sub_action(state: dict, verb: str, argument: str) -> None:
    """Add a sub-field to a group (``add_sub:<field>``), move or remove one (``sub_up:<field>:<sub>``)."""
    field_part, _sep, sub_part = argument.partition(":")
    if not field_part.isdigit() or int(field_part) >= len(state["fields"]):
        return
    field = state["fields"][int(field_part)]
    subs = field.setdefault("subfields", [])
    if verb == "add_sub":
        state["added_sub"] = new_subfield()
        subs.append(state["added_sub"])
        return
    if not sub_part.isdigit() or int(sub_part) >= len(subs):
        return
    index = int(sub_part)
    if verb == "sub_remove":
        subs.pop(index)
    else:
        other = index + (-1 if verb == "sub_up" else 1)
        if 0 <= other < len(subs):
            subs[index], subs[other] = subs[other], subs[index]


def apply_action(state: dict, action: str) -> dict:
    """Add, move or remove a field or a section, as the button pressed (``action``) says."""
    verb, _sep, argument = action.partition(":")
    fields, sections = state["fields"], state["sections"]
    if verb in ("add_sub", "sub_up", "sub_down", "sub_remove"):
        _sub_action(state, verb, argument)
        return state
    try:
        index = int(argument) if argument else -1
    except ValueError:
        return state
    if verb == "add_section":
        sections.append(dict.fromkeys(SECTION_KEYS, ""))
    elif verb == "add_field":
        section = argument if argument and 0 <= index < len(sections) else (str(len(sections) - 1) if sections else "")
        # After the section's last field, so it appears where the button was.
        last = max((i for i, f in enumerate(fields) if f["section"] == section), default=len(fields) - 1)
        state["added"] = new_field(section)
        fields.insert(last + 1, state["added"])
    elif verb in ("up", "down", "remove") and 0 <= index < len(fields):
        if verb == "remove":
            fields.pop(index)
        else:
            _move_field(state, index, -1 if verb == "up" else 1)
    elif verb in ("section_up", "section_down", "section_remove") and 0 <= index < len(sections):
        if verb == "section_remove":
            sections.pop(index)
            for field in fields:
                if field["section"] == str(index):
                    field["section"] = ""
                elif field["section"].isdigit() and int(field["section"]) > index:
                    field["section"] = str(int(field["section"]) - 1)
        else:
            other = index + (-1 if verb == "section_up" else 1)
            if 0 <= other < len(sections):
                sections[index], sections[other] = sections[other], sections[index]
                swap = {str(index): str(other), str(other): str(index)}
                for field in fields:
                    field["section"] = swap.get(field["section"], field["section"])
    state["fields"] = ordered_fields(state)
    return state


def _move_field(state: dict, index: int, step: int) -> None:
    """Up or down within its section; past the section's edge, into the neighbouring section."""
    fields = ordered_fields(state)
    field = state["fields"][index]
    position = fields.index(field)
    target = position + step
    sections = [str(i) for i in range(len(state["sections"]))] + [""]
    here = sections.index(field["section"]) if field["section"] in sections else len(sections) - 1
    if 0 <= target < len(fields) and fields[target]["section"] == field["section"]:
        fields[position], fields[target] = fields[target], fields[position]
    elif 0 <= here + step < len(sections):
        field["section"] = sections[here + step]
        fields.remove(field)
        neighbours = [i for i, f in enumerate(fields) if f["section"] == field["section"]]
        at = (neighbours[-1] + 1 if neighbours else len(fields)) if step < 0 else (neighbours[0] if neighbours else 0)
        fields.insert(at, field)
    state["fields"] = fields


def ordered_fields(state: dict) -> list[dict]:
    """Fields grouped by section in section order (stable within one); fields in no section last."""
    count = len(state["sections"])

    def key(pair):
        section = pair[1]["section"]
        number = int(section) if section.isdigit() and int(section) < count else count
        return (number, pair[0])

    return [field for _i, field in sorted(enumerate(state["fields"]), key=key)]


# --- checking and writing a state -----------------------------------------------------------------------------


def suggested_name(label: str, taken: set[str]) -> str:
    """A field code from its Vietnamese label: "Ngày sinh của trẻ" → ``ngay_sinh_cua_tre``."""
    base = re.sub(r"[^a-z0-9]+", "_", fold(label or "").lower()).strip("_")[:50] or "truong"
    if not base[0].isalpha():
        base = f"truong_{base}"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    return name


def fill_names(state: dict) -> None:
    """Fields left without a code get one from their label (administrators need not invent codes)."""
    taken = {f["name"] for f in state["fields"] if f["name"]}
    for field in state["fields"]:
        if not field["name"].strip() and field["label_vi"].strip():
            field["name"] = suggested_name(field["label_vi"], taken)
            taken.add(field["name"])
        subs = field.get("subfields") or []
        taken_here = {sub["name"] for sub in subs if sub["name"]}
        for sub in subs:
            if not sub["name"].strip() and sub["label_vi"].strip():
                sub["name"] = suggested_name(sub["label_vi"], taken_here)
                taken_here.add(sub["name"])


def parse_choices(text: str) -> list[tuple[str, str, str]]:
    """Lines "mã | Nhãn tiếng Việt | English" (or "Nhãn tiếng Việt | English", the code made from the label)."""
    choices, taken = [], set()
    for line in (text or "").splitlines():
        parts = [part.strip() for part in line.split("|")]
        if not any(parts):
            continue
        if len(parts) >= 3:
            value, vi, en = parts[0], parts[1], " | ".join(parts[2:])
        else:
            vi, en = parts[0], parts[1] if len(parts) > 1 else ""
            value = suggested_name(vi, taken)
        taken.add(value)
        choices.append((value, vi, en))
    return choices


def condition_options(state: dict) -> list[tuple[str, str]]:
    """("field:value", "“Label” là “Choice”") for every value of every choice and yes/no field."""
    options = []
    for field in state["fields"]:
        label = field["label_vi"] or field["name"]
        if not field["name"]:
            continue
        if field["kind"] == "choice":
            for value, vi, _en in parse_choices(field["choices"]):
                options.append(
                    (f"{field['name']}:{value}", _("“%(field)s” là “%(value)s”") % {"field": label, "value": vi})
                )
        elif field["kind"] == "yesno":
            for value, shown in (("true", _("Có")), ("false", _("Không"))):
                options.append(
                    (f"{field['name']}:{value}", _("“%(field)s” là “%(value)s”") % {"field": label, "value": shown})
                )
    return options


def _integer(text: str) -> int | None:
    """A limit typed by a person: "1.000.000" and "1000000" alike; ValueError when it is no whole number."""
    text = (text or "").strip()
    if not text:
        return None
    if eforms.GROUPED_DIGITS.fullmatch(text.lstrip("-")):
        text = ("-" if text.startswith("-") else "") + re.sub(r"\D", "", text)
    return int(text)


def _decimal(text: str):
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    number = float(text)
    return int(number) if number.is_integer() else number


TYPED_KEYS = (
    "name",
    "label_vi",
    "label_en",
    "help_vi",
    "help_en",
    "minimum",
    "maximum",
    "min_length",
    "max_length",
    "choices",
    "show_if",
    "prefill_path",
    "replaces",
    "min_rows",
    "max_rows",
)


def is_blank(field: dict) -> bool:
    """A field just added and nothing typed in it yet: not checked, not previewed, left out when saved."""
    subs = field.get("subfields") or []
    return not any(str(field.get(key) or "").strip() for key in TYPED_KEYS) and all(is_blank(sub) for sub in subs)


def field_errors(state: dict) -> dict[str, str]:
    """``{"f-3-maximum": "…"}``: what is wrong with each input of the page, in Vietnamese, naming the field."""
    errors = {}
    seen = {}
    names = {f["name"]: f for f in state["fields"] if f["name"]}
    components_used = {}
    for index, field in enumerate(state["fields"]):
        if is_blank(field):
            continue
        label = field["label_vi"].strip() or _("số %(number)s") % {"number": index + 1}

        def say(key, message, index=index, label=label):
            errors.setdefault(
                f"f-{index}-{key}", _("Trường “%(label)s”: %(message)s") % {"label": label, "message": message}
            )

        name = field["name"].strip()
        if not field["label_vi"].strip():
            say("label_vi", _("hãy nhập nhãn tiếng Việt, là câu hỏi công dân đọc."))
        if not name and not field["label_vi"].strip():
            pass  # a code is made from the label once there is one
        elif not NAME.match(name):
            say(
                "name",
                _(
                    "mã trường chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái "
                    "(ví dụ: ngay_sinh)."
                ),
            )
        elif name in seen:
            say("name", _("mã “%(name)s” đã dùng cho trường “%(other)s”.") % {"name": name, "other": seen[name]})
        seen.setdefault(name, label)
        if field["kind"] not in KINDS:
            say("kind", _("hãy chọn kiểu trường."))
        section = field["section"]
        if section and not (section.isdigit() and int(section) < len(state["sections"])):
            say("section", _("phần đã chọn không còn; hãy chọn phần khác."))
        _value_errors(field, say)
        if field["kind"] == "group":
            _group_errors(field, index, label, errors, say)
        if field["show_if"]:
            controller, _sep, value = field["show_if"].partition(":")
            if controller == name:
                say("show_if", _("một trường không thể tự làm điều kiện cho chính nó."))
            elif controller not in names:
                say("show_if", _("điều kiện hiển thị dựa vào trường “%(name)s” đã bị xóa.") % {"name": controller})
            elif field["show_if"] not in dict(condition_options(state)):
                say("show_if", _("giá trị của điều kiện không còn là một lựa chọn của trường đó."))
        if field["prefill_mode"] and not field["prefill_path"]:
            say("prefill_path", _("hãy chọn dữ liệu dùng để điền sẵn."))
        if field["prefill_mode"] and field["prefill_mode"] not in PREFILL_MODES:
            say("prefill_mode", _("hãy chọn một cách điền."))
        if field["replaces"]:
            if field["prefill_mode"] != "prefill":
                say("replaces", _("chỉ trường được điền sẵn từ CSDL dân cư hoặc ví VNeID mới thay được giấy tờ."))
            elif field["replaces"] in components_used:
                say(
                    "replaces",
                    _("giấy tờ này đã được thay bằng trường “%(other)s”.")
                    % {"other": components_used[field["replaces"]]},
                )
            components_used.setdefault(field["replaces"], label)
    for index, section in enumerate(state["sections"]):
        if not section["legend_vi"].strip():
            errors[f"s-{index}-legend_vi"] = _("Phần số %(number)s: hãy nhập tên phần bằng tiếng Việt.") % {
                "number": index + 1
            }
    return errors


def _value_errors(field: dict, say) -> None:
    """What is wrong with a field's (or a sub-field's) limits and choices; ``say(key, message)`` reports it."""
    limits = (
        ("minimum", "maximum", _decimal if field["kind"] == "decimal" else _integer)
        if field["kind"] in NUMERIC_KINDS
        else ("min_length", "max_length", _integer)
    )
    low_key, high_key, read = limits
    values = {}
    for key in (low_key, high_key):
        try:
            values[key] = read(field[key])
        except ValueError:
            say(key, _("giới hạn phải là một số, ví dụ 1.000.000."))
    if low_key == "min_length" and any((values.get(k) or 0) < 0 for k in (low_key, high_key)):
        say(low_key, _("số ký tự không được âm."))
    low, high = values.get(low_key), values.get(high_key)
    if low is not None and high is not None and low > high:
        shown = {"high": eforms._grouped(high), "low": eforms._grouped(low)}
        say(high_key, _("giới hạn trên (%(high)s) nhỏ hơn giới hạn dưới (%(low)s).") % shown)
    if field["kind"] == "choice":
        choices = parse_choices(field["choices"])
        values_seen = [value for value, _vi, _en in choices]
        if len(choices) < 2:
            say("choices", _("hãy nhập ít nhất hai lựa chọn, mỗi dòng một lựa chọn."))
        elif len(set(values_seen)) != len(values_seen):
            say("choices", _("có hai lựa chọn trùng mã; mỗi lựa chọn cần một mã riêng."))


def _group_errors(field: dict, index: int, label: str, errors: dict, say) -> None:
    """A repeating group: its row limits, and each of its sub-fields (errors keyed ``f-<i>-s-<j>-<key>``)."""
    rows = {}
    for key in ("min_rows", "max_rows"):
        try:
            rows[key] = _integer(field[key])
        except ValueError:
            say(key, _("số dòng phải là một số nguyên, ví dụ 10."))
            continue
        if rows[key] is not None and rows[key] < 0:
            say(key, _("số dòng không được âm."))
    low, high = rows.get("min_rows"), rows.get("max_rows")
    if low is not None and high is not None and low > high:
        say(
            "max_rows", _("số dòng tối đa (%(high)s) nhỏ hơn số dòng tối thiểu (%(low)s).") % {"high": high, "low": low}
        )
    if high == 0:
        say("max_rows", _("số dòng tối đa phải từ 1 trở lên."))
    if field["prefill_mode"]:
        say("prefill_mode", _("nhóm lặp lại không điền sẵn được từ CSDL; hãy chọn “Công dân tự khai”."))
    subs = [sub for sub in field.get("subfields") or [] if not is_blank(sub)]
    if not subs:
        say("subfields", _("hãy thêm ít nhất một trường con (một cột của bảng)."))
    seen = {}
    for number, sub in enumerate(field.get("subfields") or []):
        if is_blank(sub):
            continue
        sub_label = sub["label_vi"].strip() or _("số %(number)s") % {"number": number + 1}

        def say_sub(key, message, number=number, sub_label=sub_label):
            errors.setdefault(
                f"f-{index}-s-{number}-{key}",
                _("Trường “%(label)s”, trường con “%(sub)s”: %(message)s")
                % {"label": label, "sub": sub_label, "message": message},
            )

        name = sub["name"].strip()
        if not sub["label_vi"].strip():
            say_sub("label_vi", _("hãy nhập nhãn tiếng Việt, là tiêu đề cột công dân đọc."))
        elif not NAME.match(name):
            say_sub(
                "name",
                _(
                    "mã trường chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái "
                    "(ví dụ: ngay_sinh)."
                ),
            )
        elif name in seen:
            say_sub(
                "name", _("mã “%(name)s” đã dùng cho trường con “%(other)s”.") % {"name": name, "other": seen[name]}
            )
        seen.setdefault(name, sub_label)
        if sub["kind"] not in SUB_KINDS:
            say_sub("kind", _("hãy chọn kiểu của trường con (không là địa chỉ hay nhóm lặp lại)."))
        _value_errors(sub, say_sub)


def _text(vi: str, en: str) -> dict:
    return {"vi": vi.strip(), "en": en.strip()} if en.strip() else {"vi": vi.strip()}


def _widget(kind: str, field: dict) -> str | None:
    carried = field["widget"]
    if kind == "text":
        return "textarea" if field["multiline"] else ("text" if carried == "text" else None)
    if kind == "choice":
        return "radio" if field["choice_style"] == "radio" else ("select" if carried == "select" else None)
    if kind == "date":
        return None if carried == "none" else "date"
    fixed = {"phone": "tel", "amount": "amount", "address": "address", "group": "group"}
    optional = {"email": "email", "yesno": "checkbox", "number": "number", "decimal": "number"}
    if kind in fixed:
        return fixed[kind]
    return optional[kind] if carried == optional.get(kind) else None


def to_definition(state: dict) -> tuple[dict, dict, dict, dict]:
    """(schema, ui, prefill map, suggestion map) of a state without errors (``field_errors`` is empty)."""
    fields = [field for field in ordered_fields(state) if not is_blank(field)]
    kinds = {f["name"]: f["kind"] for f in fields}
    properties, ui_fields, required, prefill_map, suggest_map = {}, {}, [], {}, {}
    for field in fields:
        name = field["name"].strip()
        spec, options = _spec(field), _options(field)
        condition = None
        if field["show_if"]:
            controller, _sep, value = field["show_if"].partition(":")
            equals = value == "true" if kinds.get(controller) == "yesno" else value
            condition = {"field": controller, "equals": equals}
            options["show_if"] = condition
        if field["required"]:
            if condition:
                options["required_when_shown"] = True
            else:
                required.append(name)
        properties[name] = spec
        if options:
            ui_fields[name] = options
        if field["prefill_mode"] == "prefill":
            prefill_map[name] = field["prefill_path"]
        elif field["prefill_mode"] == "suggest":
            suggest_map[name] = field["prefill_path"]
    schema = {"type": "object", "properties": properties}
    top = _load(state["meta"]["schema_extra"])
    if required or "required" in top:
        schema["required"] = required
    schema.update({k: v for k, v in top.items() if k != "required"})
    fieldsets = []
    for index, section in enumerate(state["sections"]):
        fieldset = {"legend": _text(section["legend_vi"], section["legend_en"])}
        fieldset["fields"] = [f["name"].strip() for f in fields if f["section"] == str(index)]
        fieldset.update(_load(section["extra"]))
        fieldsets.append(fieldset)
    ui = {"fieldsets": fieldsets, "fields": ui_fields, **_load(state["meta"]["ui_extra"])}
    return ordered(schema, ui) + (prefill_map, suggest_map)


TYPES = {"yesno": "boolean", "number": "integer", "amount": "integer", "decimal": "number", "group": "array"}


def _spec(field: dict) -> dict:
    """The JSON Schema of a field or of a group's sub-field (a group: the schema of its rows too)."""
    kind = field["kind"]
    spec = {"type": TYPES.get(kind, "string")}
    extra = _load(field["extra_schema"])
    items_extra = extra.pop("items", None) if kind == "group" else None
    spec.update(extra)
    if kind == "date":
        spec["format"] = "date"
    elif kind == "email":
        spec["format"] = "email"
    elif kind == "id_number":
        spec["pattern"] = ID_PATTERN
    elif kind == "choice":
        spec["enum"] = [value for value, _vi, _en in parse_choices(field["choices"])]
    if kind in NUMERIC_KINDS:
        read = _decimal if kind == "decimal" else _integer
        bounds = {"minimum": read(field["minimum"]), "maximum": read(field["maximum"])}
    elif kind in TEXT_KINDS:
        bounds = {"minLength": _integer(field["min_length"]), "maxLength": _integer(field["max_length"])}
    elif kind == "group":
        bounds = {"minItems": _integer(field["min_rows"]), "maxItems": _integer(field["max_rows"])}
    else:
        bounds = {}
    spec.update({key: value for key, value in bounds.items() if value is not None})
    if kind == "group":
        items_extra = items_extra if isinstance(items_extra, dict) else {}
        subs = [sub for sub in field.get("subfields") or [] if not is_blank(sub)]
        items = {"type": "object", "properties": {sub["name"].strip(): _spec(sub) for sub in subs}}
        required = [sub["name"].strip() for sub in subs if sub["required"]]
        if required or "required" in items_extra:
            items["required"] = required
        items.update({k: v for k, v in items_extra.items() if k not in ("type", "properties", "required")})
        spec["items"] = items
    return spec


def _options(field: dict) -> dict:
    """The UI description of a field or sub-field, without its condition (a group: its sub-fields' too)."""
    kind = field["kind"]
    options = {}
    if field["label_vi"].strip():
        options["label"] = _text(field["label_vi"], field["label_en"])
    if field["help_vi"].strip() or field["help_en"].strip():
        options["help"] = _text(field["help_vi"], field["help_en"])
    if widget := _widget(kind, field):
        options["widget"] = widget
    if kind == "choice":
        options["choices"] = {value: _text(vi, en) for value, vi, en in parse_choices(field["choices"])}
    if kind == "date" and field["not_future"]:
        options["not_future"] = True
    if kind == "group":
        subs = [sub for sub in field.get("subfields") or [] if not is_blank(sub)]
        options["order"] = [sub["name"].strip() for sub in subs]
        sub_options = {sub["name"].strip(): _options(sub) for sub in subs}
        options["fields"] = {name: value for name, value in sub_options.items() if value}
    options.update(_load(field["extra_ui"]))
    return options


def replacements_of(state: dict) -> dict[int, str]:
    """Component id → replacement source: the fields' and those the builder does not show."""
    wanted = {}
    for item in filter(None, state["meta"]["other_replacements"].split(",")):
        component, _sep, source = item.partition(":")
        if component.isdigit():
            wanted[int(component)] = source
    for field in state["fields"]:
        if field["replaces"].isdigit() and field["prefill_mode"] == "prefill":
            wanted[int(field["replaces"])] = source_of(field["prefill_path"])
    return wanted


def check(state: dict) -> tuple[dict[str, str], list[str]]:
    """Errors by input, and errors of the whole definition (what ``eforms.check_definition`` refuses)."""
    errors = field_errors(state)
    if errors:
        return errors, []
    schema, ui, _prefill, _suggest = to_definition(state)
    try:
        eforms.check_definition(schema, ui)
    except ValidationError as error:
        return {}, list(error.messages)
    return {}, []


# --- key order, files, JSON errors ----------------------------------------------------------------------------


def _keyed(value: dict, order) -> dict:
    first = [k for k in order if k in value]
    return {**{k: value[k] for k in first}, **{k: v for k, v in value.items() if k not in first}}


def _bilingual(value):
    return _keyed(value, ("vi", "en")) if isinstance(value, dict) else value


def display_order(schema: dict, ui: dict) -> list[str]:
    properties = list((schema or {}).get("properties") or {})
    placed = [n for fs in (ui or {}).get("fieldsets") or [] for n in fs.get("fields") or [] if n in properties]
    return list(dict.fromkeys(placed + properties))


def ordered(schema: dict, ui: dict) -> tuple[dict, dict]:
    """The definition with keys in one order: fields as the citizen sees them, each field's keys fixed."""
    if not isinstance(schema, dict) or not isinstance(ui, dict):
        return schema, ui
    names = display_order(schema, ui)
    schema = _keyed(schema, TOP_SCHEMA_ORDER)
    properties = schema.get("properties")
    if isinstance(properties, dict):
        ui_fields = ui.get("fields") if isinstance(ui.get("fields"), dict) else {}
        schema["properties"] = {
            n: _ordered_spec(properties[n], ui_fields.get(n)) if isinstance(properties[n], dict) else properties[n]
            for n in names
        }
    ui = _keyed(ui, ("fieldsets", "fields"))
    if isinstance(ui.get("fieldsets"), list):
        ui["fieldsets"] = [
            {**_keyed(fs, ("legend", "fields")), "legend": _bilingual(fs["legend"])}
            if isinstance(fs, dict) and "legend" in fs
            else fs
            for fs in ui["fieldsets"]
        ]
    fields = ui.get("fields")
    if isinstance(fields, dict):
        order = [n for n in names if n in fields] + [n for n in fields if n not in names]
        ui["fields"] = {n: _ordered_options(fields[n], (schema.get("properties") or {}).get(n)) for n in order}
    return schema, ui


def _ordered_spec(spec: dict, options) -> dict:
    """A field's keys in one order; a group's rows' sub-fields in the order the page shows them."""
    spec = _keyed(spec, SCHEMA_KEY_ORDER)
    items = spec.get("items")
    if eforms.is_group(spec) and isinstance(items, dict) and isinstance(items.get("properties"), dict):
        items = _keyed(items, ("type", "properties", "required"))
        columns = eforms.group_columns(spec, options if isinstance(options, dict) else {})
        items["properties"] = {
            c: _keyed(items["properties"][c], SCHEMA_KEY_ORDER)
            if isinstance(items["properties"][c], dict)
            else items["properties"][c]
            for c in columns
        }
        spec["items"] = items
    return spec


def _ordered_options(options, spec):
    if not isinstance(options, dict):
        return options
    options = _keyed(options, UI_KEY_ORDER)
    sub_options = options.get("fields")
    if eforms.is_group(spec) and isinstance(sub_options, dict):
        columns = eforms.group_columns(spec, options) if isinstance(spec.get("items"), dict) else []
        sub_specs = (spec.get("items") or {}).get("properties") or {}
        order = [c for c in columns if c in sub_options] + [c for c in sub_options if c not in columns]
        options["fields"] = {c: _ordered_options(sub_options[c], sub_specs.get(c)) for c in order}
    for key in ("label", "help", "pattern_message"):
        if key in options:
            options[key] = _bilingual(options[key])
    choices = options.get("choices")
    if isinstance(choices, dict):
        enum = [str(v) for v in (spec or {}).get("enum") or []] if isinstance(spec, dict) else []
        options["choices"] = {k: _bilingual(choices[k]) for k in _keyed(choices, enum)}
    if isinstance(options.get("show_if"), dict):
        options["show_if"] = _keyed(options["show_if"], ("field", "equals"))
    return options


def ordered_map(mapping: dict, schema: dict, ui: dict) -> dict:
    if not isinstance(mapping, dict):
        return mapping
    names = display_order(schema, ui)
    return {**{n: mapping[n] for n in names if n in mapping}, **{k: v for k, v in mapping.items() if k not in names}}


def export_document(definition) -> dict:
    """What a form file holds: the e-form and what goes with it, reusable by any province's service."""
    schema, ui = ordered(definition.form_schema, definition.form_ui or {})
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "name": definition.name,
        "form_schema": schema,
        "form_ui": ui,
        "prefill_map": ordered_map(definition.prefill_map or {}, schema, ui),
        "suggest_map": ordered_map(definition.suggest_map or {}, schema, ui),
        "named_persons": definition.named_persons or [],
        "eligibility": definition.eligibility or [],
    }


def export_text(definition) -> str:
    return json.dumps(export_document(definition), ensure_ascii=False, indent=2) + "\n"


def json_error_message(error: json.JSONDecodeError) -> str:
    """Where and why JSON does not parse, in Vietnamese: "Dòng 4, cột 3: thừa dấu phẩy…"."""
    reasons = (
        ("Expecting property name", _("cần một tên khóa trong dấu ngoặc kép; có thể thừa dấu phẩy ở cuối")),
        ("Expecting ',' delimiter", _("thiếu dấu phẩy giữa hai mục")),
        ("Expecting ':' delimiter", _("thiếu dấu hai chấm sau tên khóa")),
        ("Expecting value", _("thiếu giá trị, hoặc thừa dấu phẩy ở cuối")),
        ("Extra data", _("còn nội dung thừa sau khi JSON đã kết thúc")),
        ("Unterminated string", _("chuỗi chưa có dấu ngoặc kép đóng")),
        ("Invalid control character", _("có ký tự xuống dòng hoặc tab trong chuỗi")),
        ("Invalid \\escape", _("dấu \\ không hợp lệ trong chuỗi")),
    )
    reason = next((text for start, text in reasons if error.msg.startswith(start)), _("JSON không hợp lệ"))
    return _("JSON không hợp lệ ở dòng %(line)s, cột %(column)s: %(reason)s.") % {
        "line": error.lineno,
        "column": error.colno,
        "reason": reason,
    }


def read_json(text: str):
    """JSON typed or uploaded by an administrator; ``ValidationError`` in Vietnamese, with line and column."""
    from common import jsoninput

    try:
        return jsoninput.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(json_error_message(error), code="invalid") from None
    except ValueError as error:
        raise ValidationError(str(error), code="invalid") from None


def import_document(raw: bytes) -> dict:
    """A form file's content, checked: ``ValidationError`` saying in Vietnamese what is wrong with it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Tệp không phải văn bản UTF-8; hãy chọn tệp .json đã xuất từ Cổng.")) from None
    document = read_json(text)
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ValidationError(
            _("Tệp không phải biểu mẫu xuất từ Cổng (thiếu “format”: “%(format)s”).") % {"format": EXPORT_FORMAT}
        )
    if document.get("version") != EXPORT_VERSION:
        raise ValidationError(
            _("Tệp là biểu mẫu phiên bản %(version)s, Cổng chỉ đọc được phiên bản 1.")
            % {"version": document.get("version")}
        )
    schema, ui = document.get("form_schema"), document.get("form_ui", {})
    eforms.check_definition(schema, ui)
    for key, kind in (("prefill_map", dict), ("suggest_map", dict), ("named_persons", list), ("eligibility", list)):
        if not isinstance(document.get(key, kind()), kind):
            raise ValidationError(_("Mục “%(key)s” trong tệp không đúng dạng.") % {"key": key})
    return document
