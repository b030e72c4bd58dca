# ruff: noqa: E501  (catalogue texts are kept whole, as they appear on the pages)
"""Online services for tests: factory_boy factories, the e-form pieces they are made of, and ``catalogue()``, the
services and bundles the filing tests use, on procedures of two provinces' wards and departments.

The catalogue is the tests' own: it looks like the demo (``demo/``) but does not change with it. A test that
needs something particular builds it here, or with the factories, rather than relying on the demo's content.
"""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from eservices.constants import FeeTiming, ReplacementSource, ServiceDelivery
from eservices.models import BundleMember, ComponentReplacement, IntegratedService, OnlineService
from tests.procedures import factories as procedures

# The catalogue's versions took effect when the two-tier local government started.
EFFECTIVE_FROM = date(2025, 7, 1)


def t(vi: str, en: str) -> dict:
    return {"vi": vi, "en": en}


# E-forms and the services and bundles built with them ---------------------------------------------------------

APPLICANT_PROPERTIES = {
    "full_name": {"type": "string", "maxLength": 150},
    "id_number": {"type": "string", "pattern": r"^\d{12}$"},
    "birth_date": {"type": "string", "format": "date"},
    "permanent_address": {"type": "string", "maxLength": 300},
    "phone": {"type": "string", "maxLength": 15},
    "email": {"type": "string", "format": "email", "maxLength": 150},
}
APPLICANT_UI = {
    "full_name": {"label": t("Họ, chữ đệm và tên", "Full name")},
    "id_number": {"label": t("Số định danh cá nhân", "Personal identification number")},
    "birth_date": {"label": t("Ngày sinh", "Date of birth"), "widget": "date"},
    "permanent_address": {"label": t("Nơi thường trú", "Permanent residence")},
    "phone": {"label": t("Số điện thoại", "Phone number"), "widget": "tel"},
    "email": {"label": t("Thư điện tử", "E-mail")},
}
APPLICANT_PREFILL = {
    "full_name": "name",
    "id_number": "id_number",
    "birth_date": "birthdate",
    "permanent_address": "permanent_address.formatted",
    "phone": "phone_number",
    "email": "email",
}
APPLICANT_FIELDSET = {"legend": t("Người nộp hồ sơ", "Applicant"), "fields": list(APPLICANT_PROPERTIES)}
DELIVERY = {
    "properties": {
        "delivery": {"type": "string", "enum": ["pickup", "postal", "online"]},
        "postal_address": {"type": "string", "maxLength": 300},
    },
    "ui": {
        "delivery": {
            "label": t("Cách nhận kết quả", "How to receive the result"),
            "widget": "radio",
            "choices": {
                "online": t("Bản điện tử trên Cổng", "Electronic copy on the portal"),
                "pickup": t("Nhận trực tiếp tại cơ quan", "Collect in person"),
                "postal": t("Qua dịch vụ bưu chính", "By post"),
            },
        },
        "postal_address": {
            "label": t("Địa chỉ nhận qua bưu chính", "Postal address"),
            "show_if": {"field": "delivery", "equals": "postal"},
            "required_when_shown": True,
        },
    },
}


def form(properties: dict, ui_fields: dict, fieldsets: list, required: list) -> tuple[dict, dict]:
    schema = {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
    return schema, {"fieldsets": fieldsets, "fields": ui_fields}


def applicant_form(extra_props: dict, extra_ui: dict, legend: dict, required: list, *, delivery=True):
    props = {**APPLICANT_PROPERTIES, **extra_props}
    ui = {**APPLICANT_UI, **extra_ui}
    fieldsets = [APPLICANT_FIELDSET, {"legend": legend, "fields": list(extra_props)}]
    if delivery:
        props.update(DELIVERY["properties"])
        ui.update(DELIVERY["ui"])
        fieldsets.append({"legend": t("Nhận kết quả", "Result"), "fields": list(DELIVERY["properties"])})
        required = required + ["delivery"]
    return form(props, ui, fieldsets, ["full_name", "id_number", "birth_date"] + required)


def reason(choices: dict) -> dict:
    return {"type": "string", "enum": list(choices)}


DECEASED_PROPERTIES = {
    "deceased_name": {"type": "string", "maxLength": 150},
    "deceased_id_number": {"type": "string", "pattern": r"^\d{12}$"},
    "date_of_death": {"type": "string", "format": "date"},
    "place_of_death": {"type": "string", "maxLength": 300},
    "cause_of_death": {"type": "string", "maxLength": 300},
    "relationship": {"type": "string", "enum": ["spouse", "child", "parent", "other"]},
}
DECEASED_UI = {
    "deceased_name": {"label": t("Họ, chữ đệm và tên người chết", "Name of the deceased")},
    "deceased_id_number": {"label": t("Số định danh cá nhân của người chết", "ID number of the deceased")},
    "date_of_death": {"label": t("Ngày chết", "Date of death"), "widget": "date", "not_future": True},
    "place_of_death": {
        "label": t("Nơi chết", "Place of death"),
        "help": t("Tên cơ sở y tế, hoặc địa chỉ nơi người đó mất", "The hospital, or the address where they died"),
    },
    "cause_of_death": {
        "label": t("Nguyên nhân chết", "Cause of death"),
        "help": t("Như ghi trên Giấy báo tử", "As written on the death notice"),
    },
    "relationship": {
        "label": t("Quan hệ với người chết", "Relationship to the deceased"),
        "widget": "radio",
        "choices": {
            "spouse": t("Vợ/chồng", "Spouse"),
            "child": t("Con", "Child"),
            "parent": t("Cha/mẹ", "Parent"),
            "other": t("Khác", "Other"),
        },
    },
}

DECEASED_PERSON = {
    "role": "deceased",
    "id_number": "deceased_id_number",
    "name": "deceased_name",
    "relationship": "relationship",
}

SERVICES = [
    {
        "slug": "cap-doi-giay-phep-lai-xe",
        "code": "1.002804",
        "name_en": "Driving licence renewal",
        "form": applicant_form(
            {
                "licence_number": {"type": "string", "pattern": r"^\d{12}$"},
                "licence_class": {"type": "string", "maxLength": 5},
                "reason": reason({"expired": 1, "damaged": 1, "change": 1}),
                "change_details": {"type": "string", "maxLength": 500},
            },
            {
                "licence_number": {"label": t("Số giấy phép lái xe", "Licence number")},
                "licence_class": {"label": t("Hạng", "Class")},
                "reason": {
                    "label": t("Lý do đổi", "Reason for renewal"),
                    "widget": "radio",
                    "choices": {
                        "expired": t("Hết hạn hoặc sắp hết hạn", "Expired or expiring"),
                        "damaged": t("Bị hỏng", "Damaged"),
                        "change": t("Thay đổi thông tin", "Personal details changed"),
                    },
                },
                "change_details": {
                    "label": t("Thông tin thay đổi", "What changed"),
                    "widget": "textarea",
                    "show_if": {"field": "reason", "equals": "change"},
                    "required_when_shown": True,
                },
            },
            t("Giấy phép lái xe đề nghị đổi", "Licence to renew"),
            ["licence_number", "licence_class", "reason"],
        ),
        "prefill": {
            **APPLICANT_PREFILL,
            "licence_number": "wallet.driving_licence.number",
            "licence_class": "wallet.driving_licence.class",
        },
        "form_component": "Đơn đề nghị",
        "replacements": {
            "Bản sao giấy phép lái xe": ReplacementSource.DRIVING_LICENCE,
            "Bản sao thẻ căn cước": ReplacementSource.POPULATION_REGISTRY,
        },
        "eligibility": [
            {
                "id": "has_licence",
                "question": t(
                    "Bạn đang có giấy phép lái xe do Việt Nam cấp?", "Do you hold a Vietnamese driving licence?"
                ),
                "expected": True,
                "refusal": t(
                    "Dịch vụ này chỉ đổi giấy phép lái xe do Việt Nam cấp; với giấy phép nước ngoài, hãy chọn thủ tục đổi giấy phép lái xe nước ngoài.",
                    "This service renews Vietnamese licences only; for a foreign licence, choose the procedure "
                    "for exchanging a foreign driving licence.",
                ),
            },
        ],
    },
    {
        "slug": "dang-ky-khai-sinh",
        "code": "1.001193",
        "name_en": "Birth registration",
        "form": applicant_form(
            {
                "child_full_name": {"type": "string", "maxLength": 150},
                "child_birth_date": {"type": "string", "format": "date"},
                "child_sex": {"type": "string", "enum": ["male", "female"]},
                "child_birth_place": {"type": "string", "maxLength": 300},
                "relationship": {"type": "string", "enum": ["father", "mother", "other"]},
            },
            {
                "child_full_name": {"label": t("Họ, chữ đệm và tên của trẻ", "Child's full name")},
                "child_birth_date": {
                    "label": t("Ngày sinh của trẻ", "Child's date of birth"),
                    "widget": "date",
                    "not_future": True,
                },
                "child_sex": {
                    "label": t("Giới tính", "Sex"),
                    "widget": "radio",
                    "choices": {"male": t("Nam", "Male"), "female": t("Nữ", "Female")},
                },
                "child_birth_place": {
                    "label": t("Nơi sinh", "Place of birth"),
                    "help": t("Tên cơ sở y tế nơi trẻ được sinh ra", "Name of the hospital or clinic"),
                },
                "relationship": {
                    "label": t("Quan hệ với trẻ", "Relationship to the child"),
                    "widget": "radio",
                    "choices": {
                        "father": t("Cha", "Father"),
                        "mother": t("Mẹ", "Mother"),
                        "other": t("Người thân khác", "Other relative"),
                    },
                },
            },
            t("Thông tin của trẻ", "The child"),
            ["child_full_name", "child_birth_date", "child_sex", "child_birth_place", "relationship"],
        ),
        "prefill": APPLICANT_PREFILL,
        "form_component": "Tờ khai đăng ký khai sinh",
        "replacements": {"Giấy tờ tùy thân": ReplacementSource.POPULATION_REGISTRY},
    },
    {
        "slug": "dang-ky-thuong-tru",
        "code": "1.004194",
        "name_en": "Permanent residence registration",
        "simple": True,
        "form_component": "Tờ khai thay đổi thông tin cư trú",
        "replacements": {
            "Giấy tờ, tài liệu chứng minh chỗ ở": ReplacementSource.POPULATION_REGISTRY,
            "quan hệ nhân thân": ReplacementSource.POPULATION_REGISTRY,
        },
    },
    {
        "slug": "cap-the-bhyt-tre-em-duoi-6-tuoi",
        "code": "1.011935",
        "name_en": "Health insurance card for a child under 6",
        "simple": True,
        "form_component": "Tờ khai tham gia",
        "replacements": {"Giấy khai sinh": ReplacementSource.POPULATION_REGISTRY},
    },
    {
        "slug": "dang-ky-khai-tu",
        "code": "1.000656",
        "name_en": "Death registration",
        "form": applicant_form(
            DECEASED_PROPERTIES,
            DECEASED_UI,
            t("Người chết", "The deceased"),
            ["deceased_name", "deceased_id_number", "date_of_death", "place_of_death", "relationship"],
        ),
        "prefill": APPLICANT_PREFILL,
        "named_persons": [DECEASED_PERSON],
        "form_component": "Tờ khai đăng ký khai tử",
        "replacements": {"Giấy tờ tùy thân": ReplacementSource.POPULATION_REGISTRY},
    },
    {
        "slug": "xoa-dang-ky-thuong-tru",
        "code": "1.004222",
        "name_en": "Removal of permanent residence",
        "simple": True,
        "form_component": "Tờ khai thay đổi thông tin cư trú",
        "replacements": {"Giấy tờ, tài liệu chứng minh": ReplacementSource.POPULATION_REGISTRY},
    },
    {
        "slug": "tro-cap-mai-tang",
        "code": "1.011940",
        "name_en": "Funeral allowance",
        "simple": True,
        "form_component": "Tờ khai của thân nhân",
        "replacements": {"Trích lục khai tử": ReplacementSource.POPULATION_REGISTRY},
    },
    {
        "slug": "dang-ky-thanh-lap-doanh-nghiep-tu-nhan",
        "code": "2.001610",
        "name_en": "Registration of a sole proprietorship",
        "required_assurance": "LoA2",
        "fee_timing": FeeTiming.AT_FILING,
        "form": applicant_form(
            {
                "business_name": {"type": "string", "minLength": 3, "maxLength": 200},
                "business_name_en": {"type": "string", "maxLength": 200},
                "head_office": {"type": "string", "maxLength": 300},
                "capital": {"type": "integer", "minimum": 1000000},
                "business_lines": {"type": "string", "maxLength": 1000},
            },
            {
                "business_name": {
                    "label": t("Tên doanh nghiệp", "Business name"),
                    "help": t("Ví dụ: Doanh nghiệp tư nhân Thương mại An Phát", "e.g. An Phat Trading"),
                },
                "business_name_en": {
                    "label": t("Tên bằng tiếng nước ngoài (nếu có)", "Foreign-language name (optional)")
                },
                "head_office": {"label": t("Địa chỉ trụ sở chính", "Head office address")},
                "capital": {"label": t("Vốn đầu tư (đồng)", "Investment capital (VND)"), "widget": "number"},
                "business_lines": {"label": t("Ngành, nghề kinh doanh", "Business lines"), "widget": "textarea"},
            },
            t("Thông tin doanh nghiệp", "The business"),
            ["business_name", "head_office", "capital", "business_lines"],
        ),
        "prefill": APPLICANT_PREFILL,
        "form_component": "Giấy đề nghị",
        "replacements": {},
    },
    {
        "slug": "dang-ky-ket-hon",
        "code": "1.000894",
        "name_en": "Marriage registration",
        # Both sign the certificate in person, where it is handed to them: no postal or electronic delivery.
        "form": applicant_form(
            {
                "partner_name": {"type": "string", "maxLength": 150},
                "partner_id_number": {"type": "string", "pattern": r"^\d{12}$"},
                "partner_birth_date": {"type": "string", "format": "date"},
                "partner_residence": {"type": "string", "maxLength": 300},
                "first_marriage": {"type": "boolean"},
            },
            {
                "partner_name": {"label": t("Họ, chữ đệm và tên của bên kia", "The other party's full name")},
                "partner_id_number": {
                    "label": t("Số định danh cá nhân của bên kia", "The other party's ID number"),
                    "help": t(
                        "Tình trạng hôn nhân của hai bên được kiểm tra trong Cơ sở dữ liệu quốc gia về dân cư",
                        "Both parties' marital status is checked in the national population database",
                    ),
                },
                "partner_birth_date": {
                    "label": t("Ngày sinh của bên kia", "The other party's date of birth"),
                    "widget": "date",
                    "not_future": True,
                },
                "partner_residence": {"label": t("Nơi cư trú của bên kia", "The other party's residence")},
                "first_marriage": {
                    "label": t(
                        "Đây là lần kết hôn đầu tiên của tôi, hoặc hôn nhân trước đã chấm dứt",
                        "This is my first marriage, or my earlier marriage has ended",
                    ),
                    "widget": "checkbox",
                },
            },
            t("Bên kết hôn còn lại", "The other party"),
            ["partner_name", "partner_id_number", "partner_birth_date", "partner_residence", "first_marriage"],
            delivery=False,
        ),
        "prefill": APPLICANT_PREFILL,
        "named_persons": [
            {
                "role": "spouse",
                "id_number": "partner_id_number",
                "name": "partner_name",
                "birth_date": "partner_birth_date",
            }
        ],
        "delivery": ServiceDelivery.PARTLY_ONLINE,
        "presence_step": "Hai bên nam, nữ phải có mặt tại Ủy ban nhân dân xã nơi nộp hồ sơ để ký Giấy chứng nhận kết hôn, mang theo thẻ căn cước.",
        "form_component": "Tờ khai đăng ký kết hôn",
        "replacements": {"Giấy tờ tùy thân": ReplacementSource.POPULATION_REGISTRY},
    },
]

SIMPLE_FORM = applicant_form(
    {"request": {"type": "string", "maxLength": 1000}},
    {"request": {"label": t("Nội dung đề nghị", "Your request"), "widget": "textarea"}},
    t("Nội dung", "Request"),
    ["request"],
)

BIRTH_BUNDLE_FORM = form(
    {
        **APPLICANT_PROPERTIES,
        "child_full_name": {"type": "string", "maxLength": 150},
        "child_birth_date": {"type": "string", "format": "date"},
        "child_sex": {"type": "string", "enum": ["male", "female"]},
        "child_birth_place": {"type": "string", "maxLength": 300},
        "other_parent_name": {"type": "string", "maxLength": 150},
        "other_parent_id_number": {"type": "string", "pattern": r"^\d{12}$"},
        "residence_address": {"type": "string", "maxLength": 300},
        "health_facility": {"type": "string", "maxLength": 200},
    },
    {
        **APPLICANT_UI,
        "child_full_name": {"label": t("Họ, chữ đệm và tên của trẻ", "Child's full name")},
        "child_birth_date": {
            "label": t("Ngày sinh của trẻ", "Child's date of birth"),
            "widget": "date",
            "not_future": True,
        },
        "child_sex": {
            "label": t("Giới tính của trẻ", "Child's sex"),
            "widget": "radio",
            "choices": {"male": t("Nam", "Male"), "female": t("Nữ", "Female")},
        },
        "child_birth_place": {"label": t("Nơi sinh", "Place of birth")},
        "other_parent_name": {"label": t("Họ tên cha/mẹ còn lại", "The other parent's name")},
        "other_parent_id_number": {"label": t("Số định danh của cha/mẹ còn lại", "The other parent's ID number")},
        "residence_address": {"label": t("Nơi đăng ký thường trú cho trẻ", "Where the child will live")},
        "health_facility": {
            "label": t("Nơi đăng ký khám chữa bệnh ban đầu", "Health facility for first care"),
            "help": t("Ví dụ: Trạm y tế phường Ba Đình", "e.g. the ward's health station"),
        },
    },
    [
        APPLICANT_FIELDSET,
        {
            "legend": t("Thông tin của trẻ", "The child"),
            "fields": ["child_full_name", "child_birth_date", "child_sex", "child_birth_place"],
        },
        {"legend": t("Cha, mẹ", "Parents"), "fields": ["other_parent_name", "other_parent_id_number"]},
        {
            "legend": t("Thường trú và bảo hiểm y tế", "Residence and health insurance"),
            "fields": ["residence_address", "health_facility"],
        },
    ],
    [
        "full_name",
        "id_number",
        "child_full_name",
        "child_birth_date",
        "child_sex",
        "child_birth_place",
        "residence_address",
        "health_facility",
    ],
)

DEATH_BUNDLE_FORM = form(
    {
        **APPLICANT_PROPERTIES,
        **DECEASED_PROPERTIES,
        "bank_account": {"type": "string", "pattern": r"^\d{6,20}$"},
        "bank_name": {"type": "string", "maxLength": 150},
    },
    {
        **APPLICANT_UI,
        **DECEASED_UI,
        "bank_account": {"label": t("Số tài khoản nhận trợ cấp mai táng", "Bank account for the allowance")},
        "bank_name": {"label": t("Ngân hàng", "Bank")},
    },
    [
        APPLICANT_FIELDSET,
        {"legend": t("Người chết", "The deceased"), "fields": list(DECEASED_PROPERTIES)},
        {"legend": t("Nhận trợ cấp mai táng", "Funeral allowance"), "fields": ["bank_account", "bank_name"]},
    ],
    ["full_name", "id_number", *DECEASED_PROPERTIES, "bank_account", "bank_name"],
)

BUNDLES = [
    {
        "slug": "lien-thong-khai-sinh",
        "name": "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        "name_en": "Birth registration, permanent residence and health insurance for a child under 6",
        "description": "Một lần khai, ba thủ tục được giải quyết: Ủy ban nhân dân xã đăng ký khai sinh, Công an xã đăng ký thường trú, cơ quan Bảo hiểm xã hội cấp thẻ bảo hiểm y tế cho trẻ.",
        "description_en": "Fill in once, three procedures handled: the commune People's Committee registers the birth, "
        "the commune police register permanent residence, and social security issues the child's health insurance card.",
        "members": ["dang-ky-khai-sinh", "dang-ky-thuong-tru", "cap-the-bhyt-tre-em-duoi-6-tuoi"],
        # Procedure 1.001022: at most 5 working days in all, 1 for the birth, 3 for residence, 1 for the card.
        "member_days": [1, 3, 1],
        "form": BIRTH_BUNDLE_FORM,
        # Likely, not certain: the other parent is usually the spouse, the child lives where the parent does.
        "suggest": {
            "other_parent_name": "household.spouse.name",
            "other_parent_id_number": "household.spouse.id_number",
            "residence_address": "permanent_address.formatted",
        },
        # The registry checks the other parent, who is told of the filing; the child is under 6 at the card's issue.
        "named_persons": [
            {"role": "other_parent", "id_number": "other_parent_id_number", "name": "other_parent_name"},
            {"role": "child", "birth_date": "child_birth_date", "under_age": 6},
        ],
        "eligibility": [
            {
                "id": "under_six",
                "question": t(
                    "Trẻ dưới 6 tuổi và chưa được đăng ký khai sinh?", "Is the child under 6 and not yet registered?"
                ),
                "expected": True,
                "refusal": t(
                    "Liên thông này dành cho trẻ dưới 6 tuổi chưa đăng ký khai sinh.",
                    "This bundle is for unregistered children under 6.",
                ),
            }
        ],
    },
    {
        "slug": "lien-thong-khai-tu",
        "name": "Liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất (trợ cấp mai táng)",
        "name_en": "Death registration, removal of permanent residence and funeral allowance",
        "description": "Một lần khai, ba thủ tục: đăng ký khai tử, xóa đăng ký thường trú và giải quyết trợ cấp mai táng.",
        "description_en": "Fill in once, three procedures: death registration, removal of permanent residence, "
        "and the funeral allowance.",
        "members": ["dang-ky-khai-tu", "xoa-dang-ky-thuong-tru", "tro-cap-mai-tang"],
        "form": DEATH_BUNDLE_FORM,
        "named_persons": [DECEASED_PERSON],
        "eligibility": [],
    },
]


# The procedures behind SERVICES, as the national catalogue lists them (shortened: no description, one law).
SECTORS = {
    "ho-tich": ("Hộ tịch", "Civil status"),
    "cu-tru": ("Đăng ký, quản lý cư trú", "Residence registration"),
    "duong-bo": ("Đường bộ", "Road transport and driving licences"),
    "dang-ky-kinh-doanh": ("Thành lập và hoạt động doanh nghiệp, hộ kinh doanh", "Business registration"),
    "bao-hiem": ("Bảo hiểm xã hội, bảo hiểm y tế", "Social insurance and health insurance"),
}
PROCEDURES = {
    "1.001193": {
        "name": "Đăng ký khai sinh",
        "name_en": "Birth registration",
        "sector": "ho-tich",
        "levels": ["commune"],
        "agencies": ["commune:ubnd"],
        "processing_days": 1,
        "processing_note": "Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
        "methods": ["direct", "online", "postal"],
        "delivery": "full_online",
        "result": "Giấy khai sinh (bản chính)",
        "result_en": "Birth certificate",
        "components": [
            {
                "name": "Tờ khai đăng ký khai sinh theo mẫu",
                "template_name": "Tờ khai đăng ký khai sinh (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
            },
            {"name": "Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp"},
            {
                "name": "Giấy tờ tùy thân của người đi đăng ký khai sinh",
                "original_count": 0,
                "copy_count": 1,
                "replaceable_by_registry": True,
            },
            {"name": "Văn bản ủy quyền có chứng thực (trường hợp ủy quyền đăng ký khai sinh)", "mandatory": False},
        ],
        "fees": [
            {
                "name": "Lệ phí đăng ký khai sinh",
                "amount": 0,
                "note": "Miễn lệ phí đăng ký khai sinh đúng hạn theo Điều 11 Luật Hộ tịch.",
            },
        ],
        "legal": [{"number": "60/2014/QH13", "title": "Luật Hộ tịch", "issued_on": date.fromisoformat("2014-11-20")}],
    },
    "1.000656": {
        "name": "Đăng ký khai tử",
        "name_en": "Death registration",
        "sector": "ho-tich",
        "levels": ["commune"],
        "agencies": ["commune:ubnd"],
        "processing_days": 1,
        "processing_note": "Ngay trong ngày làm việc; trường hợp cần xác minh thì không quá 03 ngày làm việc.",
        "methods": ["direct", "online", "postal"],
        "delivery": "full_online",
        "result": "Trích lục khai tử (bản chính)",
        "result_en": "Death registration extract",
        "components": [
            {
                "name": "Tờ khai đăng ký khai tử theo mẫu",
                "template_name": "Tờ khai đăng ký khai tử (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
            },
            {"name": "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"},
            {
                "name": "Giấy tờ tùy thân của người đi đăng ký khai tử",
                "original_count": 0,
                "copy_count": 1,
                "replaceable_by_registry": True,
            },
        ],
        "fees": [
            {"name": "Lệ phí đăng ký khai tử", "amount": 0, "note": "Miễn lệ phí đăng ký khai tử đúng hạn."},
        ],
        "legal": [{"number": "60/2014/QH13", "title": "Luật Hộ tịch", "issued_on": date.fromisoformat("2014-11-20")}],
    },
    "1.000894": {
        "name": "Đăng ký kết hôn",
        "name_en": "Marriage registration",
        "sector": "ho-tich",
        "levels": ["commune"],
        "agencies": ["commune:ubnd"],
        "processing_days": 1,
        "processing_note": "Ngay sau khi nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc.",
        "methods": ["direct", "online"],
        "delivery": "partly_online",
        "result": "Giấy chứng nhận kết hôn (02 bản chính)",
        "result_en": "Marriage certificate",
        "components": [
            {
                "name": "Tờ khai đăng ký kết hôn theo mẫu",
                "template_name": "Tờ khai đăng ký kết hôn (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
            },
            {
                "name": "Giấy tờ tùy thân của hai bên nam, nữ",
                "original_count": 0,
                "copy_count": 2,
                "replaceable_by_registry": True,
            },
            {
                "name": "Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký tại nơi không phải nơi thường trú)",
                "mandatory": False,
            },
        ],
        "fees": [
            {
                "name": "Lệ phí đăng ký kết hôn",
                "amount": 0,
                "note": "Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước.",
            },
        ],
        "legal": [
            {
                "number": "52/2014/QH13",
                "title": "Luật Hôn nhân và gia đình",
                "issued_on": date.fromisoformat("2014-06-19"),
            }
        ],
    },
    "1.004194": {
        "name": "Đăng ký thường trú",
        "name_en": "Permanent residence registration",
        "sector": "cu-tru",
        "levels": ["commune"],
        "agencies": ["commune:cong-an"],
        "processing_days": 7,
        "processing_note": "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "methods": ["direct", "online"],
        "delivery": "full_online",
        "result": "Thông báo kết quả giải quyết; thông tin thường trú được cập nhật trong Cơ sở dữ liệu về cư trú",
        "result_en": "Notice of result; permanent residence updated in the residence database",
        "components": [
            {
                "name": "Tờ khai thay đổi thông tin cư trú",
                "template_name": "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư 66/2023/TT-BCA)",
            },
            {
                "name": "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp",
                "original_count": 0,
                "copy_count": 1,
                "replaceable_by_registry": True,
            },
            {
                "name": "Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ (trường hợp nhập vào hộ gia đình)",
                "original_count": 0,
                "copy_count": 1,
                "mandatory": False,
                "replaceable_by_registry": True,
            },
        ],
        "fees": [
            {
                "name": "Lệ phí đăng ký thường trú",
                "amount": 20000,
                "online_amount": 10000,
                "note": "20.000 đồng/lần đăng ký; 10.000 đồng khi nộp hồ sơ trực tuyến (Thông tư 75/2022/TT-BTC).",
            },
        ],
        "legal": [
            {"number": "68/2020/QH14", "title": "Luật Cư trú", "issued_on": date.fromisoformat("2020-11-13")},
            # Its fee and who is exempt from it (Article 4: children, the elderly...): payments.exemptions.
            {
                "number": "75/2022/TT-BTC",
                "title": "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí đăng ký cư trú",
                "issued_on": date.fromisoformat("2022-12-16"),
            },
        ],
    },
    "1.004222": {
        "name": "Xóa đăng ký thường trú",
        "name_en": "Deregistration of permanent residence",
        "sector": "cu-tru",
        "levels": ["commune"],
        "agencies": ["commune:cong-an"],
        "processing_days": 1,
        "processing_note": "01 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "methods": ["direct", "online"],
        "delivery": "full_online",
        "result": "Thông tin thường trú được xóa trong Cơ sở dữ liệu về cư trú",
        "result_en": "Permanent residence removed from the residence database",
        "components": [
            {
                "name": "Tờ khai thay đổi thông tin cư trú",
                "template_name": "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư 66/2023/TT-BCA)",
            },
            {
                "name": "Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký thường trú (trích lục khai tử, quyết định...)",
                "original_count": 0,
                "copy_count": 1,
                "replaceable_by_registry": True,
            },
        ],
        "fees": [
            {"name": "Lệ phí", "amount": 0, "note": "Không thu lệ phí."},
        ],
        "legal": [{"number": "68/2020/QH14", "title": "Luật Cư trú", "issued_on": date.fromisoformat("2020-11-13")}],
    },
    "1.002804": {
        "name": "Cấp đổi giấy phép lái xe",
        "name_en": "Driving licence renewal (exchange)",
        "sector": "duong-bo",
        "levels": ["province"],
        "agencies": ["province:cong-an"],
        "processing_days": 5,
        "processing_note": "Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "methods": ["direct", "online", "postal"],
        "delivery": "full_online",
        "result": "Giấy phép lái xe (bản cứng và bản điện tử trên VNeID)",
        "result_en": "Driving licence (card and electronic copy in VNeID)",
        "components": [
            {
                "name": "Đơn đề nghị đổi, cấp lại giấy phép lái xe theo mẫu",
                "template_name": "Đơn đề nghị đổi, cấp lại giấy phép lái xe (Mẫu ban hành kèm theo Thông tư 12/2025/TT-BCA)",
            },
            {"name": "Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp"},
            {"name": "Bản sao giấy phép lái xe đang sử dụng", "original_count": 0, "copy_count": 1},
            {
                "name": "Bản sao thẻ căn cước hoặc hộ chiếu",
                "original_count": 0,
                "copy_count": 1,
                "replaceable_by_registry": True,
            },
        ],
        "fees": [
            {
                "name": "Lệ phí cấp giấy phép lái xe",
                "amount": 135000,
                "online_amount": 115000,
                "note": "135.000 đồng/lần cấp khi nộp trực tiếp; 115.000 đồng khi nộp hồ sơ trực tuyến (Thông tư 37/2023/TT-BTC, Thông tư 63/2023/TT-BTC).",
            },
        ],
        "legal": [
            {
                "number": "36/2024/QH15",
                "title": "Luật Trật tự, an toàn giao thông đường bộ",
                "issued_on": date.fromisoformat("2024-06-27"),
            }
        ],
    },
    "2.001610": {
        "name": "Đăng ký thành lập doanh nghiệp tư nhân",
        "name_en": "Registration of a sole proprietorship",
        "applicant_types": ["citizen", "business"],
        "sector": "dang-ky-kinh-doanh",
        "levels": ["province"],
        "agencies": ["province:so-tai-chinh"],
        "processing_days": 3,
        "processing_note": "03 ngày làm việc kể từ ngày Phòng Đăng ký kinh doanh nhận đủ hồ sơ hợp lệ.",
        "methods": ["direct", "online", "postal"],
        "delivery": "full_online",
        "result": "Giấy chứng nhận đăng ký doanh nghiệp",
        "result_en": "Enterprise registration certificate",
        "components": [
            {
                "name": "Giấy đề nghị đăng ký doanh nghiệp tư nhân",
                "template_name": "Giấy đề nghị đăng ký doanh nghiệp tư nhân (Phụ lục I-1 ban hành kèm theo Thông tư 68/2025/TT-BTC)",
            },
            {
                "name": "Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân",
                "original_count": 0,
                "copy_count": 1,
                "replaceable_by_registry": True,
            },
            {"name": "Văn bản ủy quyền cho người nộp hồ sơ (nếu có)", "mandatory": False},
        ],
        "fees": [
            {
                "name": "Lệ phí đăng ký doanh nghiệp",
                "amount": 50000,
                "online_amount": 0,
                "note": "50.000 đồng/lần khi nộp trực tiếp; miễn lệ phí khi đăng ký qua mạng điện tử (Thông tư 47/2019/TT-BTC).",
            },
            {
                "name": "Phí công bố nội dung đăng ký doanh nghiệp",
                "amount": 100000,
                "note": "100.000 đồng/lần công bố trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.",
            },
        ],
        "legal": [
            {"number": "59/2020/QH14", "title": "Luật Doanh nghiệp", "issued_on": date.fromisoformat("2020-06-17")}
        ],
    },
    "1.011935": {
        "name": "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        "name_en": "Health insurance card for children under 6",
        "sector": "bao-hiem",
        "levels": ["province"],
        "agencies": ["province:bhxh"],
        "processing_days": 1,
        "processing_note": "Không quá 01 ngày làm việc kể từ khi nhận hồ sơ liên thông từ Ủy ban nhân dân cấp xã.",
        "methods": ["direct", "online", "postal"],
        "delivery": "full_online",
        "result": "Thẻ bảo hiểm y tế (bản điện tử hoặc bản giấy)",
        "result_en": "Health insurance card",
        "components": [
            {
                "name": "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế",
                "template_name": "Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (Mẫu TK1-TS)",
            },
            {
                "name": "Giấy khai sinh hoặc thông tin khai sinh của trẻ",
                "original_count": 0,
                "copy_count": 1,
                "replaceable_by_registry": True,
            },
            {
                "name": "Danh sách trẻ em dưới 6 tuổi đề nghị cấp thẻ do Ủy ban nhân dân cấp xã lập",
                "mandatory": False,
                "template_name": "Danh sách đối tượng tham gia BHYT (Mẫu D03-TS)",
            },
        ],
        "fees": [
            {
                "name": "Phí, lệ phí",
                "amount": 0,
                "note": "Không thu phí; ngân sách nhà nước đóng bảo hiểm y tế cho trẻ em dưới 6 tuổi.",
            },
        ],
        "legal": [
            {"number": "25/2008/QH12", "title": "Luật Bảo hiểm y tế", "issued_on": date.fromisoformat("2008-11-14")}
        ],
    },
    "1.011940": {
        "name": "Giải quyết trợ cấp mai táng đối với thân nhân người đang tham gia, hưởng bảo hiểm xã hội",
        "name_en": "Funeral allowance for relatives of insured persons and pensioners",
        "sector": "bao-hiem",
        "levels": ["province"],
        "agencies": ["province:bhxh"],
        "processing_days": 5,
        "processing_note": "Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định; trường hợp liên thông với đăng ký khai tử thì không quá 03 ngày làm việc.",
        "methods": ["direct", "online", "postal"],
        "delivery": "full_online",
        "result": "Quyết định hưởng trợ cấp mai táng; tiền trợ cấp mai táng",
        "result_en": "Decision on funeral allowance and payment",
        "components": [
            {
                "name": "Tờ khai của thân nhân đề nghị giải quyết chế độ tử tuất",
                "template_name": "Tờ khai của thân nhân (Mẫu số 09-HSB ban hành kèm theo Quyết định 166/QĐ-BHXH)",
            },
            {
                "name": "Trích lục khai tử hoặc Giấy báo tử",
                "original_count": 0,
                "copy_count": 1,
                "replaceable_by_registry": True,
            },
            {"name": "Sổ bảo hiểm xã hội của người chết (đối với người đang đóng bảo hiểm xã hội)", "mandatory": False},
        ],
        "fees": [
            {"name": "Phí, lệ phí", "amount": 0, "note": "Không thu phí, lệ phí."},
        ],
        "legal": [
            {"number": "41/2024/QH15", "title": "Luật Bảo hiểm xã hội", "issued_on": date.fromisoformat("2024-06-29")}
        ],
    },
}


# Factories ---------------------------------------------------------------------------------------------------


class OnlineServiceFactory(DjangoModelFactory):
    """A service with the simple request form on a published procedure version (one of its own by default).
    ``replacements``: {component name prefix: ReplacementSource}."""

    class Meta:
        model = OnlineService
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"dich-vu-thu-{n}")
    version = factory.LazyFunction(lambda: procedures.published())
    name = factory.LazyAttribute(lambda o: o.version.name)
    form_schema = factory.LazyFunction(lambda: SIMPLE_FORM[0])
    form_ui = factory.LazyFunction(lambda: SIMPLE_FORM[1])
    prefill_map = factory.LazyFunction(lambda: dict(APPLICANT_PREFILL))
    form_component = factory.LazyAttribute(lambda o: o.version.components.order_by("order").first())

    @factory.post_generation
    def replacements(self, create, extracted, **kwargs):
        components = list(self.version.components.all()) if extracted else []
        ComponentReplacement.objects.bulk_create(
            ComponentReplacement(service=self, component=component(components, prefix), source=source)
            for prefix, source in (extracted or {}).items()
        )


class IntegratedServiceFactory(DjangoModelFactory):
    """A bundle; ``members``: its services in order, or (service, processing days) pairs."""

    class Meta:
        model = IntegratedService
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"lien-thong-thu-{n}")
    name = factory.Sequence(lambda n: f"Liên thông thử {n}")
    form_schema = factory.LazyFunction(lambda: SIMPLE_FORM[0])
    form_ui = factory.LazyFunction(lambda: SIMPLE_FORM[1])
    prefill_map = factory.LazyFunction(lambda: dict(APPLICANT_PREFILL))

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        members = [member if isinstance(member, tuple) else (member, None) for member in extracted or []]
        BundleMember.objects.bulk_create(
            BundleMember(bundle=self, service=service, order=order, processing_days=days)
            for order, (service, days) in enumerate(members)
        )


# Builders ----------------------------------------------------------------------------------------------------


def component(version, prefix: str):
    """The version's document component whose name starts with (or contains) ``prefix``; ``version`` may also be
    a list of its components, read once for several look-ups."""
    components = version if isinstance(version, list) else version.components.all()
    return next(c for c in components if c.name.startswith(prefix) or prefix in c.name)


def procedure(code: str, places: dict):
    """The published version of ``PROCEDURES[code]``, at the agencies its keys name among ``places``
    (``procedures.places()``): ``commune:<kind>`` at every ward, ``province:<kind>`` in every province."""
    spec = PROCEDURES[code]
    units = [key for key in places if ":" not in key]
    agencies = [
        places[f"{unit}:{kind}"]
        for level_kind in spec["agencies"]
        for level, kind in [level_kind.split(":")]
        for unit in units
        if (places[unit].level == level) and f"{unit}:{kind}" in places
    ]
    sector_name, sector_en = SECTORS[spec["sector"]]
    return procedures.published(
        code,
        spec["name"],
        name_en=spec["name_en"],
        sector_=procedures.sector(spec["sector"], sector_name, sector_en),
        agencies=agencies,
        levels=spec["levels"],
        days=spec["processing_days"],
        processing_note=spec["processing_note"],
        methods=spec["methods"],
        applicant_types=spec.get("applicant_types", ["citizen"]),
        delivery=spec["delivery"],
        result_name=spec["result"],
        result_name_en=spec["result_en"],
        components=spec["components"],
        fees=spec["fees"],
        legal=spec["legal"],
        effective_from=EFFECTIVE_FROM,
    )


def service(slug: str, version=None, **fields) -> OnlineService:
    """The service ``SERVICES`` describes under ``slug``, on ``version`` (default: its procedure, with ``places()``)."""
    item = service_spec(slug)
    version = version or procedure(item["code"], procedures.places())
    schema, ui = item.get("form") or SIMPLE_FORM
    return OnlineServiceFactory(
        slug=slug,
        version=version,
        name_en=item.get("name_en", ""),
        delivery=item.get("delivery", ServiceDelivery.FULL_ONLINE),
        presence_step=item.get("presence_step", ""),
        required_assurance=item.get("required_assurance", "LoA2"),
        fee_timing=item.get("fee_timing", FeeTiming.AT_FILING),
        form_schema=schema,
        form_ui=ui,
        prefill_map=item.get("prefill", APPLICANT_PREFILL),
        named_persons=item.get("named_persons", []),
        eligibility=item.get("eligibility", []),
        form_component=component(list(version.components.all()), item["form_component"]),
        replacements=item["replacements"],
        **fields,
    )


def bundle(slug: str, services: dict) -> IntegratedService:
    """The bundle ``BUNDLES`` describes under ``slug``, of ``services`` (by slug)."""
    item = bundle_spec(slug)
    schema, ui = item["form"]
    days = item.get("member_days") or [None] * len(item["members"])
    return IntegratedServiceFactory(
        slug=slug,
        name=item["name"],
        name_en=item["name_en"],
        description=item["description"],
        description_en=item.get("description_en", ""),
        form_schema=schema,
        form_ui=ui,
        prefill_map={k: v for k, v in APPLICANT_PREFILL.items() if k in schema["properties"]},
        suggest_map=item.get("suggest", {}),
        named_persons=item.get("named_persons", []),
        eligibility=item["eligibility"],
        members=[(services[member], d) for member, d in zip(item["members"], days, strict=True)],
    )


def service_spec(slug: str) -> dict:
    return next(item for item in SERVICES if item["slug"] == slug)


def bundle_spec(slug: str) -> dict:
    return next(item for item in BUNDLES if item["slug"] == slug)


def catalogue() -> dict:
    """Every service of ``SERVICES`` and bundle of ``BUNDLES``, keyed by slug, on procedures of the provinces and
    wards of ``procedures.places()``, which ``places`` holds."""
    places = procedures.places()
    built = {"places": places}
    for item in SERVICES:
        built[item["slug"]] = service(item["slug"], procedure(item["code"], places))
    for item in BUNDLES:
        built[item["slug"]] = bundle(item["slug"], built)
    return built
