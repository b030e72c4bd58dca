"""What the simulated VNeID says about a person, claim by claim, and which scope releases it.

The national portal's userinfo carries the ID number, name, birth date, sex,
ethnicity, origin, residences, phone, e-mail, parents and spouse, head of
household and the integrated e-documents; ours does the same.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..registry.models import Person

# claim -> scope that releases it
CLAIM_SCOPES: dict[str, str] = {
    "sub": "openid",
    "acr": "openid",
    "name": "profile",
    "birthdate": "profile",
    "gender": "profile",
    "nationality": "profile",
    "ethnicity": "profile",
    "place_of_origin": "profile",
    "id_number": "idnumber",
    "address": "address",
    "permanent_address": "address",
    "temporary_address": "address",
    "phone_number": "phone",
    "email": "email",
    "household": "household",
    "edocuments": "edocuments",
}

# Shown on the consent screen, per scope.
SCOPE_CLAIM_LABELS = {
    "openid": [_("Mã định danh tài khoản (ẩn danh, cố định)"), _("Mức độ xác thực")],
    "profile": [_("Họ và tên"), _("Ngày sinh"), _("Giới tính"), _("Quốc tịch, dân tộc"), _("Quê quán")],
    "idnumber": [_("Số định danh cá nhân")],
    "address": [_("Nơi thường trú"), _("Nơi tạm trú")],
    "phone": [_("Số điện thoại")],
    "email": [_("Thư điện tử")],
    "household": [_("Chủ hộ và quan hệ với chủ hộ"), _("Cha, mẹ, vợ/chồng")],
    "edocuments": [_("Giấy phép lái xe"), _("Thẻ bảo hiểm y tế"), _("Giấy đăng ký xe")],
}


def _relative(person: Person | None) -> dict | None:
    if person is None:
        return None
    return {"name": person.full_name, "id_number": person.id_number}


def person_claims(person: Person) -> dict:
    """Every claim about ``person`` except ``sub`` and ``acr``, which belong to the login."""
    household = person.household
    return {
        "name": person.full_name,
        "birthdate": person.birth_date.isoformat(),
        "gender": person.sex,
        "nationality": person.nationality,
        "ethnicity": person.ethnicity,
        "place_of_origin": person.place_of_origin,
        "id_number": person.id_number,
        "address": {"formatted": person.permanent_residence, "country": "VN"},
        "permanent_address": {
            "address": person.permanent_address,
            "unit_code": person.permanent_unit.code if person.permanent_unit_id else None,
            "formatted": person.permanent_residence,
        },
        "temporary_address": (
            {
                "address": person.temporary_address,
                "unit_code": person.temporary_unit.code if person.temporary_unit_id else None,
                "formatted": person.temporary_residence,
            }
            if person.temporary_address or person.temporary_unit_id
            else None
        ),
        "phone_number": person.phone,
        "email": person.email,
        "household": {
            "code": household.code if household else None,
            "head": _relative(household.head) if household else None,
            "relationship_to_head": person.relationship_to_head,
            "marital_status": person.marital_status,
            "father": _relative(person.father),
            "mother": _relative(person.mother),
            "spouse": _relative(person.spouse),
        },
        "edocuments": [doc.as_claim() for doc in person.edocuments.all()],
    }
