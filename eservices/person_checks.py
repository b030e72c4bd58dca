"""The persons a filing names, checked against the population registry.

A service (or an integrated service) declares in ``named_persons`` which e-form fields name a person other than
the applicant, and in which role::

    [{"role": "other_parent", "id_number": "other_parent_id_number", "name": "other_parent_name"},
     {"role": "child", "birth_date": "child_birth_date", "under_age": 6},
     {"role": "deceased", "id_number": "deceased_id_number", "name": "deceased_name",
      "relationship": "relationship"},
     {"role": "spouse", "id_number": "partner_id_number", "name": "partner_name", "birth_date": "partner_birth_date"}]

Each named number must be in the registry, and the name, date of birth and relationship typed with it must agree
with what the registry holds for that number (a relationship only where the registry records one). ``under_age``
refuses a person who has reached that age on the day the filing's result is due (the birth bundle's child must
still be under 6 when the health-insurance card is issued).

A death registration names someone the registry still holds as living: the registry records a death once it is
registered, so that is what is expected, and the number, name and relationship are what is checked.

A message names the field that does not agree and says what to do; it never quotes the registry: the applicant
learns nothing they did not type (not the registered name, not the date of birth, not who the spouse is).

Roles whose consent or knowledge the procedure implies (``NOTIFIED_ROLES``: the other parent, the spouse) are told
of the filing and may read it (``records.participants``).
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.dates import age_on, parse_date

from . import eforms, prefill


class PersonRole:
    OTHER_PARENT = "other_parent"
    SPOUSE = "spouse"
    DECEASED = "deceased"
    CHILD = "child"


ROLE_LABELS = {
    PersonRole.OTHER_PARENT: gettext_lazy("Cha/mẹ còn lại của trẻ"),
    PersonRole.SPOUSE: gettext_lazy("Bên kết hôn còn lại"),
    PersonRole.DECEASED: gettext_lazy("Người chết"),
    PersonRole.CHILD: gettext_lazy("Trẻ"),
}
# Told of the filing and given a read-only view of it: their consent or knowledge is what the procedure implies.
NOTIFIED_ROLES = {PersonRole.OTHER_PARENT, PersonRole.SPOUSE}
FIELD_KEYS = ("id_number", "name", "birth_date", "relationship")
# What the applicant says they are to the named person (the death form's "relationship").
RELATIONSHIPS = {"spouse", "child", "parent", "other"}


@dataclass(frozen=True)
class NamedPerson:
    """One person a filing names: their role and what the form says of them."""

    role: str
    id_number: str
    name: str
    notify: bool


def check_declaration(declaration, properties: dict) -> None:
    """Refuse a ``named_persons`` declaration that names fields the form does not have, or an unknown role."""
    if not isinstance(declaration, list):
        raise ValidationError(_("Danh sách người được nêu tên phải là một mảng JSON."))
    for spec in declaration:
        if not isinstance(spec, dict) or spec.get("role") not in ROLE_LABELS:
            raise ValidationError(
                _("Mỗi người được nêu tên cần “role” là một trong: %(roles)s.") % {"roles": ", ".join(ROLE_LABELS)}
            )
        for key in FIELD_KEYS:
            if spec.get(key) is not None and spec[key] not in properties:
                raise ValidationError(
                    _("Người được nêu tên “%(role)s”: trường “%(field)s” không có trong biểu mẫu.")
                    % {"role": spec["role"], "field": spec[key]}
                )
        age = spec.get("under_age")
        if age is not None and (
            not isinstance(age, int) or isinstance(age, bool) or age <= 0 or not spec.get("birth_date")
        ):
            raise ValidationError(_("“under_age” là số tuổi nguyên dương, đi cùng trường “birth_date”."))


def named_persons(definition, data: dict) -> list[NamedPerson]:
    """The persons ``data`` names with an ID number, as the definition declares them (in its order)."""
    found = []
    for spec in _declaration(definition):
        number = _value(data, spec.get("id_number"))
        if number:
            found.append(
                NamedPerson(
                    role=spec["role"],
                    id_number=number,
                    name=_value(data, spec.get("name")),
                    notify=spec["role"] in NOTIFIED_ROLES,
                )
            )
    return found


def problems(definition, data: dict, *, applicant_id_number: str, as_of=None) -> list:
    """(field, message) for each thing ``data`` says of a named person that the registry contradicts.

    ``as_of``: the day the filing's result is due, on which ``under_age`` is judged (today when not given), or a
    function returning it.
    """
    declaration = _declaration(definition)
    if not declaration or not data:
        return []
    if callable(as_of):  # worked out only when a rule needs it (a due date reads the days off)
        as_of = as_of() if any(spec.get("under_age") for spec in declaration) else None
    as_of = as_of or timezone.localdate()
    applicant = None
    found = []
    for spec in declaration:
        found += _age_problems(spec, data, as_of)
        number = _value(data, spec.get("id_number"))
        if not number:
            continue
        field = spec["id_number"]
        if number == applicant_id_number:
            found.append(
                (
                    field,
                    _("Đây là số định danh của chính bạn; hãy nhập số định danh của %(role)s.")
                    % {"role": str(ROLE_LABELS[spec["role"]]).lower()},
                )
            )
            continue
        person = prefill.registry_data(number)
        if person is None:
            found.append(
                (field, _("Không có số định danh này trong Cơ sở dữ liệu quốc gia về dân cư; hãy kiểm tra lại."))
            )
            continue
        name = _value(data, spec.get("name"))
        if name and _folded(name) != _folded(person.get("name")):
            found.append(
                (
                    spec["name"],
                    _(
                        "Họ tên không khớp với người có số định danh đã nhập trong Cơ sở dữ liệu quốc gia về dân cư; "
                        "hãy nhập đúng họ, chữ đệm và tên như trên thẻ căn cước, hoặc kiểm tra lại số định danh."
                    ),
                )
            )
        birth = parse_date(_value(data, spec.get("birth_date")))
        if birth is not None and birth != parse_date(person.get("birthdate")):
            found.append(
                (
                    spec["birth_date"],
                    _(
                        "Ngày sinh không khớp với người có số định danh đã nhập trong Cơ sở dữ liệu quốc gia về dân "
                        "cư; hãy kiểm tra lại ngày, tháng, năm sinh."
                    ),
                )
            )
        relationship = _value(data, spec.get("relationship"))
        # Only of the person the applicant has identified: nothing is said of the relatives of a stranger's number.
        identified = not found or found[-1][0] not in (spec.get("name"), spec.get("birth_date"))
        if identified and relationship in RELATIONSHIPS - {"other"}:
            if applicant is None:
                applicant = prefill.registry_data(applicant_id_number) or {}
            if _contradicts(relationship, applicant, person):
                found.append(
                    (
                        spec["relationship"],
                        _(
                            "Quan hệ đã chọn không khớp với quan hệ nhân thân ghi trong Cơ sở dữ liệu quốc gia về "
                            "dân cư giữa bạn và người có số định danh đã nhập; hãy chọn đúng quan hệ (hoặc “Khác”)."
                        ),
                    )
                )
    return found


def labelled_problems(definition, data: dict, **kwargs) -> list[str]:
    """``problems`` as "Label: message", for a list of what stops a filing."""
    fields = (definition.form_ui or {}).get("fields", {})
    return [
        f"{eforms.text(fields.get(field, {}).get('label'), field)}: {message}"
        for field, message in problems(definition, data, **kwargs)
    ]


def add_errors(form, definition, *, applicant_id_number: str, as_of=None) -> bool:
    """Check a valid e-form's persons and put what disagrees on its fields; True when nothing does."""
    found = problems(definition, form.as_json(), applicant_id_number=applicant_id_number, as_of=as_of)
    for field, message in found:
        if field in form.fields and field not in form.errors:
            form.add_error(field, message)
        elif field not in form.fields:
            form.add_error(None, message)
    return not found


def _age_problems(spec: dict, data: dict, as_of: datetime.date) -> list:
    limit = spec.get("under_age")
    birth = parse_date(_value(data, spec.get("birth_date")))
    if not limit or birth is None or age_on(birth, as_of) < limit:
        return []
    return [
        (
            spec["birth_date"],
            _(
                "Với ngày sinh này, trẻ đã đủ %(age)s tuổi vào ngày dự kiến có kết quả (%(date)s): dịch vụ này chỉ "
                "dành cho trẻ dưới %(age)s tuổi. Hãy kiểm tra lại ngày sinh, hoặc nộp riêng từng thủ tục."
            )
            % {"age": limit, "date": as_of.strftime("%d/%m/%Y")},
        )
    ]


def _contradicts(relationship: str, applicant: dict, person: dict) -> bool:
    """Whether the registry records a relationship between the applicant and ``person`` other than the one chosen.

    Where it records nothing for the link in question, nothing contradicts the choice (the officer checks)."""
    mine, theirs = applicant.get("household") or {}, person.get("household") or {}
    applicant_number, person_number = applicant.get("id_number"), person.get("id_number")
    if relationship == "spouse":
        recorded = [(mine.get("spouse") or {}).get("id_number"), (theirs.get("spouse") or {}).get("id_number")]
        expected = [person_number, applicant_number]
        return any(r and r != e for r, e in zip(recorded, expected, strict=True))
    if relationship == "child":  # the applicant is the person's child: the person is their father or mother
        slot = "father" if person.get("gender") == "male" else "mother"
        recorded = (mine.get(slot) or {}).get("id_number")
        return bool(recorded) and recorded != person_number
    if relationship == "parent":  # the applicant is the person's father or mother
        slot = "father" if applicant.get("gender") == "male" else "mother"
        recorded = (theirs.get(slot) or {}).get("id_number")
        return bool(recorded) and recorded != applicant_number
    return False


def _declaration(definition) -> list[dict]:
    declared = getattr(definition, "named_persons", None) or []
    return [spec for spec in declared if isinstance(spec, dict) and spec.get("role") in ROLE_LABELS]


def _value(data: dict, field: str | None) -> str:
    if not field:
        return ""
    value = (data or {}).get(field)
    return value.strip() if isinstance(value, str) else ""


def _folded(name) -> str:
    """A name compared as people write it: composed, case and spacing ignored; diacritics count."""
    return " ".join(unicodedata.normalize("NFC", str(name or "")).casefold().split())
