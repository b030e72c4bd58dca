"""Demo online services and the two Project 06 integrated services. Idempotent."""

from eservices.constants import FeeTiming, ReplacementSource, ServiceDelivery
from eservices.models import BundleMember, ComponentReplacement, IntegratedService, OnlineService
from procedures.models import Procedure


def t(vi: str, en: str) -> dict:
    return {"vi": vi, "en": en}


# Reusable pieces of e-forms -------------------------------------------------

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
    "deceased_name": {"label": t("Họ, chữ đệm và tên người chết", "Name of the deceased"), "person_name": True},
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

# The other parent of a child whose birth is registered: checked in the registry, told of the filing.
OTHER_PARENT_PROPERTIES = {
    "other_parent_name": {"type": "string", "maxLength": 150},
    "other_parent_id_number": {"type": "string", "pattern": r"^\d{12}$"},
}
OTHER_PARENT_UI = {
    "other_parent_name": {"label": t("Họ tên cha/mẹ còn lại", "The other parent's name"), "person_name": True},
    "other_parent_id_number": {
        "label": t("Số định danh của cha/mẹ còn lại", "The other parent's ID number"),
        "help": t(
            "Được đối chiếu với Cơ sở dữ liệu quốc gia về dân cư; người này được thông báo và xem được hồ sơ",
            "Checked in the national population database; this person is told of the filing and may read it",
        ),
    },
}
OTHER_PARENT_SUGGEST = {
    "other_parent_name": "household.spouse.name",
    "other_parent_id_number": "household.spouse.id_number",
}
OTHER_PARENT_PERSON = {"role": "other_parent", "id_number": "other_parent_id_number", "name": "other_parent_name"}
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
                **OTHER_PARENT_PROPERTIES,
            },
            {
                **OTHER_PARENT_UI,
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
        "suggest": OTHER_PARENT_SUGGEST,
        "named_persons": [OTHER_PARENT_PERSON],
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
                "partner_name": {
                    "label": t("Họ, chữ đệm và tên của bên kia", "The other party's full name"),
                    "person_name": True,
                },
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
        # The other party signs in person; the registry checks who they are, and they are told of the filing.
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
        **OTHER_PARENT_PROPERTIES,
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
        **OTHER_PARENT_UI,
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
        "suggest": {**OTHER_PARENT_SUGGEST, "residence_address": "permanent_address.formatted"},
        # Procedure 1.001022 is for children under 6 when the health-insurance card is issued.
        "named_persons": [
            OTHER_PARENT_PERSON,
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


def _component(version, prefix: str):
    return next((c for c in version.components.all() if c.name.startswith(prefix) or prefix in c.name), None)


def seed() -> str:
    created = sum(
        create_service(item) is not None
        for item in SERVICES
        if not OnlineService.objects.filter(slug=item["slug"]).exists()
    )
    for item in BUNDLES:
        if not IntegratedService.objects.filter(slug=item["slug"]).exists():
            create_bundle(item)
    return f"{OnlineService.objects.count()} online services ({created} new), {IntegratedService.objects.count()} integrated"


def service_spec(slug: str) -> dict:
    return next(item for item in SERVICES if item["slug"] == slug)


def bundle_spec(slug: str) -> dict:
    return next(item for item in BUNDLES if item["slug"] == slug)


def create_service(item: dict) -> OnlineService | None:
    """The online service of ``item`` on the current version of its procedure (None if not published)."""
    procedure = Procedure.objects.select_related("current_version").filter(code=item["code"]).first()
    if procedure is None or procedure.current_version is None:
        return None
    version = procedure.current_version
    schema, ui = item.get("form") or SIMPLE_FORM
    service = OnlineService.objects.create(
        slug=item["slug"],
        version=version,
        name=version.name,
        name_en=item.get("name_en", ""),
        delivery=item.get("delivery", ServiceDelivery.FULL_ONLINE),
        presence_step=item.get("presence_step", ""),
        required_assurance=item.get("required_assurance", "LoA2"),
        fee_timing=item.get("fee_timing", FeeTiming.AT_FILING),
        form_schema=schema,
        form_ui=ui,
        prefill_map=item.get("prefill", APPLICANT_PREFILL),
        suggest_map=item.get("suggest", {}),
        named_persons=item.get("named_persons", []),
        eligibility=item.get("eligibility", []),
        form_component=_component(version, item["form_component"]),
    )
    for prefix, source in item["replacements"].items():
        component = _component(version, prefix)
        if component is not None:
            ComponentReplacement.objects.get_or_create(
                service=service, component=component, defaults={"source": source}
            )
    return service


def create_bundle(item: dict) -> IntegratedService:
    schema, ui = item["form"]
    bundle = IntegratedService.objects.create(
        slug=item["slug"],
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
    )
    days = item.get("member_days") or [None] * len(item["members"])
    for order, (slug, processing_days) in enumerate(zip(item["members"], days, strict=True)):
        member = OnlineService.objects.filter(slug=slug).first()
        if member is not None:
            BundleMember.objects.create(bundle=bundle, service=member, order=order, processing_days=processing_days)
    return bundle
