# ruff: noqa: C408  (keyword-style dict() reads better for this data catalogue)
"""Demo catalogue data for the national public service portal.

Plain Python literals only; a separate loader turns them into database rows.
The content imitates the public catalogue of administrative procedures on
dichvucong.gov.vn after the July 2025 reform of local government (two tiers:
province and commune; districts no longer exist). Codes, amounts and legal
references are realistic in shape but this is demo data, not an authoritative
copy of the national database.

Conventions:
- Dates are ISO strings ("YYYY-MM-DD").
- Amounts are integers in VND.
- processing_days are working days and are always >= 1; same-day handling
  is explained in processing_note.
- Agency references in PROCEDURES: "central:<agency code>",
  "province:<kind key from PROVINCE_AGENCY_KINDS>", "commune:ubnd" or
  "commune:cong-an".
"""

SECTORS = [
    # (code slug, Vietnamese name, English name)
    ("ho-tich", "Hộ tịch", "Civil status"),
    ("tu-phap", "Lý lịch tư pháp và chứng thực", "Judicial records and authentication"),
    ("cu-tru", "Đăng ký, quản lý cư trú", "Residence registration"),
    ("can-cuoc", "Căn cước và định danh điện tử", "Identity cards and electronic identification"),
    ("duong-bo", "Đường bộ", "Road transport and driving licences"),
    ("dang-ky-kinh-doanh", "Thành lập và hoạt động doanh nghiệp, hộ kinh doanh", "Business registration"),
    ("dat-dai", "Đất đai", "Land"),
    ("bao-hiem", "Bảo hiểm xã hội, bảo hiểm y tế", "Social insurance and health insurance"),
    ("giao-duc", "Giáo dục và Đào tạo", "Education and training"),
    ("xay-dung", "Hoạt động xây dựng", "Construction"),
    ("lao-dong", "Lao động, việc làm và bảo trợ xã hội", "Labour, employment and social protection"),
]

# Active provinces after 1 July 2025. Commune codes follow the 5-digit style of
# the national list of administrative units (a merged ward usually keeps the
# code of one of its predecessors).
PROVINCES = [
    {
        "code": "01",
        "name": "Thành phố Hà Nội",
        "name_en": "Hanoi",
        "communes": [
            ("00004", "Phường Ba Đình"),
            ("00008", "Phường Ngọc Hà"),
            ("00025", "Phường Giảng Võ"),
            ("00070", "Phường Hoàn Kiếm"),
            ("00082", "Phường Cửa Nam"),
            ("00166", "Phường Cầu Giấy"),
            ("00235", "Phường Đống Đa"),
            ("00256", "Phường Hai Bà Trưng"),
            ("09556", "Phường Hà Đông"),
            ("08980", "Xã Sóc Sơn"),
        ],
    },
    {
        "code": "79",
        "name": "Thành phố Hồ Chí Minh",
        "name_en": "Ho Chi Minh City",
        "communes": [
            ("26734", "Phường Tân Định"),
            ("26740", "Phường Sài Gòn"),
            ("26743", "Phường Bến Thành"),
            ("26758", "Phường Cầu Ông Lãnh"),
            ("26944", "Phường Bình Thạnh"),
            ("27316", "Phường Chợ Lớn"),
            ("26800", "Phường Thủ Đức"),
            ("25747", "Phường Thủ Dầu Một"),
            ("27673", "Xã Cần Giờ"),
            ("26680", "Đặc khu Côn Đảo"),
        ],
    },
    {
        "code": "48",
        "name": "Thành phố Đà Nẵng",
        "name_en": "Da Nang",
        "communes": [
            ("20197", "Phường Liên Chiểu"),
            ("20221", "Phường Thanh Khê"),
            ("20257", "Phường Hải Châu"),
            ("20263", "Phường Hòa Cường"),
            ("20293", "Phường Sơn Trà"),
            ("20305", "Phường Ngũ Hành Sơn"),
            ("20308", "Xã Bà Nà"),
            ("20343", "Phường Tam Kỳ"),
            ("20401", "Phường Hội An"),
            ("20333", "Đặc khu Hoàng Sa"),
        ],
    },
]

# Historical units kept for history (addresses on old documents still refer
# to them). Listed parents first: a retired province, historical districts,
# then retired communes. For a retired commune "parent" is its former
# district and "successor" is the active commune that absorbed it.
HISTORICAL_UNITS = [
    {"code": "49", "name": "Tỉnh Quảng Nam", "level": "province", "successor": "48", "retired_on": "2025-07-01"},
    {
        "code": "001",
        "name": "Quận Ba Đình",
        "level": "district",
        "parent": "01",
        "successor": None,
        "retired_on": "2025-07-01",
    },
    {
        "code": "503",
        "name": "Thành phố Hội An",
        "level": "district",
        "parent": "49",
        "successor": None,
        "retired_on": "2025-07-01",
    },
    {
        "code": "00013",
        "name": "Phường Quán Thánh",
        "level": "commune",
        "parent": "001",
        "successor": "00004",
        "retired_on": "2025-07-01",
    },
    {
        "code": "00019",
        "name": "Phường Điện Biên",
        "level": "commune",
        "parent": "001",
        "successor": "00004",
        "retired_on": "2025-07-01",
    },
    {
        "code": "20404",
        "name": "Phường Minh An",
        "level": "commune",
        "parent": "503",
        "successor": "20401",
        "retired_on": "2025-07-01",
    },
]

CENTRAL_AGENCIES = [
    # (code, Vietnamese name, English name)
    ("000.00.00.G12", "Bộ Công an", "Ministry of Public Security"),
    ("000.00.00.G15", "Bộ Tư pháp", "Ministry of Justice"),
    ("000.00.00.G22", "Bộ Xây dựng", "Ministry of Construction"),
    ("000.00.00.G13", "Bộ Tài chính", "Ministry of Finance"),
    ("000.00.00.G16", "Bộ Nội vụ", "Ministry of Home Affairs"),
    ("000.00.00.G06", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training"),
    ("000.00.00.G11", "Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment"),
    ("000.00.00.G18", "Bảo hiểm xã hội Việt Nam", "Vietnam Social Security"),
]

# Province-level departments created in EACH province:
# (kind key, Vietnamese name pattern, English name pattern, sectors handled)
PROVINCE_AGENCY_KINDS = [
    ("so-tu-phap", "Sở Tư pháp {province}", "Department of Justice of {province_en}", ["ho-tich", "tu-phap"]),
    ("cong-an", "Công an {province}", "Police of {province_en}", ["cu-tru", "can-cuoc", "duong-bo"]),
    ("so-xay-dung", "Sở Xây dựng {province}", "Department of Construction of {province_en}", ["duong-bo", "xay-dung"]),
    ("so-tai-chinh", "Sở Tài chính {province}", "Department of Finance of {province_en}", ["dang-ky-kinh-doanh"]),
    (
        "so-nong-nghiep-moi-truong",
        "Sở Nông nghiệp và Môi trường {province}",
        "Department of Agriculture and Environment of {province_en}",
        ["dat-dai"],
    ),
    ("bhxh", "Bảo hiểm xã hội {province}", "Social Security of {province_en}", ["bao-hiem"]),
    (
        "so-giao-duc",
        "Sở Giáo dục và Đào tạo {province}",
        "Department of Education and Training of {province_en}",
        ["giao-duc"],
    ),
    ("so-noi-vu", "Sở Nội vụ {province}", "Department of Home Affairs of {province_en}", ["lao-dong"]),
]

# Province-level agencies governed by a central one rather than by the province's People's Committee:
# (kind key from PROVINCE_AGENCY_KINDS → code of the central agency in CENTRAL_AGENCIES)
PROVINCE_AGENCY_GOVERNED_CENTRALLY = {
    "cong-an": "000.00.00.G12",  # a province's police: Ministry of Public Security
    "bhxh": "000.00.00.G18",  # a province's social security: Vietnam Social Security
}

PROCEDURES = [
    # ------------------------------------------------------------------
    # Hộ tịch (civil status)
    # ------------------------------------------------------------------
    dict(
        code="1.001193",
        name="Đăng ký khai sinh",
        name_en="Birth registration",
        sector="ho-tich",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=1,
        processing_note="Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người đi đăng ký khai sinh nộp tờ khai và giấy tờ theo quy định tại Ủy ban nhân dân cấp xã "
            "hoặc nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia. Công chức tư pháp - hộ tịch kiểm tra hồ sơ, "
            "nếu đầy đủ và hợp lệ thì ghi nội dung khai sinh vào Sổ đăng ký khai sinh, cập nhật vào Cơ sở dữ liệu hộ tịch điện tử "
            "và lấy số định danh cá nhân cho trẻ. Chủ tịch Ủy ban nhân dân cấp xã cấp bản chính Giấy khai sinh cho người được đăng ký khai sinh."
        ),
        requirements="Trẻ em sinh ra chưa được đăng ký khai sinh; cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh con.",
        fees=[
            dict(
                name="Lệ phí đăng ký khai sinh",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Miễn lệ phí đăng ký khai sinh đúng hạn theo Điều 11 Luật Hộ tịch.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đăng ký khai sinh theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai đăng ký khai sinh (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
                registry=False,
            ),
            dict(
                name="Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của người đi đăng ký khai sinh",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Văn bản ủy quyền có chứng thực (trường hợp ủy quyền đăng ký khai sinh)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(
                number="123/2015/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
                issued_on="2015-11-15",
                issuer="Chính phủ",
            ),
            dict(
                number="04/2020/TT-BTP",
                title="Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP",
                issued_on="2020-05-28",
                issuer="Bộ Tư pháp",
            ),
        ],
        result="Giấy khai sinh (bản chính)",
        result_en="Birth certificate",
    ),
    dict(
        code="1.001022",
        name="Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        name_en="Joint procedure: birth registration, permanent residence registration and health insurance card for children under 6",
        sector="ho-tich",
        levels=["commune"],
        agencies=["commune:ubnd", "commune:cong-an"],
        processing_days=5,
        processing_note="Tối đa 05 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ (01 ngày đăng ký khai sinh, 03 ngày đăng ký thường trú, 01 ngày cấp thẻ bảo hiểm y tế).",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Người có yêu cầu nộp một bộ hồ sơ liên thông trên Cổng Dịch vụ công quốc gia, ứng dụng VNeID "
            "hoặc trực tiếp tại Ủy ban nhân dân cấp xã. Ủy ban nhân dân cấp xã giải quyết việc đăng ký khai sinh, sau đó hồ sơ được "
            "chuyển điện tử đến Công an cấp xã để đăng ký thường trú và đến cơ quan Bảo hiểm xã hội để cấp thẻ bảo hiểm y tế. "
            "Kết quả được trả qua kho quản lý dữ liệu điện tử, qua dịch vụ bưu chính hoặc tại nơi nộp hồ sơ."
        ),
        requirements="Trẻ em chưa được đăng ký khai sinh; nơi đề nghị đăng ký thường trú đáp ứng điều kiện theo Luật Cư trú.",
        fees=[
            dict(
                name="Lệ phí đăng ký khai sinh",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Miễn lệ phí đăng ký khai sinh đúng hạn.",
            ),
            dict(
                name="Lệ phí đăng ký thường trú",
                amount=20000,
                online_amount=10000,
                online_discount_percent=None,
                note="Thu theo Thông tư 75/2022/TT-BTC; miễn đối với trẻ em thuộc hộ nghèo và các đối tượng được miễn theo quy định.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai điện tử liên thông theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT (Mẫu số 01 Nghị định 63/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Giấy chứng sinh (bản chụp hoặc bản điện tử)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (trường hợp thông tin chưa có trong Cơ sở dữ liệu)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=True,
            ),
            dict(
                name="Văn bản đồng ý của chủ hộ cho đăng ký thường trú",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(
                number="63/2024/NĐ-CP",
                title="Nghị định quy định việc thực hiện liên thông điện tử 02 nhóm thủ tục hành chính",
                issued_on="2024-06-10",
                issuer="Chính phủ",
            ),
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
        ],
        result="Giấy khai sinh điện tử; thông tin thường trú được cập nhật; thẻ bảo hiểm y tế điện tử của trẻ",
        result_en="Electronic birth certificate, updated permanent residence record and electronic health insurance card",
    ),
    dict(
        code="1.012003",
        name="Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, hỗ trợ chi phí mai táng",
        name_en="Joint procedure: death registration, deregistration of permanent residence and survivorship / funeral benefits",
        sector="ho-tich",
        levels=["commune"],
        agencies=["commune:ubnd", "commune:cong-an"],
        processing_days=5,
        processing_note="Tối đa 05 ngày làm việc đối với đăng ký khai tử, xóa đăng ký thường trú; thời hạn giải quyết trợ cấp mai táng theo quy định của từng chế độ.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Thân nhân người chết nộp một bộ hồ sơ liên thông trên Cổng Dịch vụ công quốc gia hoặc tại Ủy ban nhân dân cấp xã. "
            "Ủy ban nhân dân cấp xã đăng ký khai tử và chuyển dữ liệu điện tử đến Công an cấp xã để xóa đăng ký thường trú, "
            "đồng thời chuyển đến cơ quan Bảo hiểm xã hội hoặc cơ quan lao động - xã hội để giải quyết trợ cấp mai táng, chế độ tử tuất. "
            "Người nộp hồ sơ nhận Trích lục khai tử điện tử và các quyết định hưởng chế độ qua kho dữ liệu cá nhân."
        ),
        requirements="Người chết có thông tin trong Cơ sở dữ liệu quốc gia về dân cư; thân nhân thuộc đối tượng được hưởng chế độ theo quy định.",
        fees=[
            dict(
                name="Lệ phí đăng ký khai tử",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Miễn lệ phí đăng ký khai tử đúng hạn.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai điện tử liên thông theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai liên thông đăng ký khai tử, xóa đăng ký thường trú, trợ cấp mai táng (Mẫu số 02 Nghị định 63/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử (bản chụp hoặc bản điện tử)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Sổ bảo hiểm xã hội của người chết (nếu đang tham gia bảo hiểm xã hội)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
            dict(
                name="Thông tin nhân thân, cư trú của người chết và người đi đăng ký",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(
                number="63/2024/NĐ-CP",
                title="Nghị định quy định việc thực hiện liên thông điện tử 02 nhóm thủ tục hành chính",
                issued_on="2024-06-10",
                issuer="Chính phủ",
            ),
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(number="41/2024/QH15", title="Luật Bảo hiểm xã hội", issued_on="2024-06-29", issuer="Quốc hội"),
        ],
        result="Trích lục khai tử điện tử; thông tin thường trú được xóa; quyết định hưởng trợ cấp mai táng",
        result_en="Electronic death extract, residence deregistration and funeral allowance decision",
    ),
    dict(
        code="1.000656",
        name="Đăng ký khai tử",
        name_en="Death registration",
        sector="ho-tich",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=1,
        processing_note="Ngay trong ngày làm việc; trường hợp cần xác minh thì không quá 03 ngày làm việc.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Vợ, chồng hoặc con, cha, mẹ hoặc người thân thích khác của người chết nộp tờ khai và Giấy báo tử "
            "tại Ủy ban nhân dân cấp xã nơi cư trú cuối cùng của người chết hoặc nộp trực tuyến. Công chức tư pháp - hộ tịch kiểm tra, "
            "ghi nội dung khai tử vào Sổ hộ tịch và cập nhật Cơ sở dữ liệu quốc gia về dân cư. Chủ tịch Ủy ban nhân dân cấp xã cấp Trích lục khai tử cho người đi đăng ký."
        ),
        requirements="Đăng ký khai tử trong thời hạn 15 ngày kể từ ngày có người chết.",
        fees=[
            dict(
                name="Lệ phí đăng ký khai tử",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Miễn lệ phí đăng ký khai tử đúng hạn.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đăng ký khai tử theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai đăng ký khai tử (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
                registry=False,
            ),
            dict(
                name="Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của người đi đăng ký khai tử",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(
                number="123/2015/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
                issued_on="2015-11-15",
                issuer="Chính phủ",
            ),
        ],
        result="Trích lục khai tử (bản chính)",
        result_en="Death registration extract",
    ),
    dict(
        code="1.000894",
        name="Đăng ký kết hôn",
        name_en="Marriage registration",
        sector="ho-tich",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=1,
        processing_note="Ngay sau khi nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc.",
        delivery="partly_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Hai bên nam, nữ nộp tờ khai đăng ký kết hôn trực tuyến hoặc trực tiếp tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên. "
            "Công chức tư pháp - hộ tịch kiểm tra điều kiện kết hôn, ghi vào Sổ đăng ký kết hôn. "
            "Hai bên phải có mặt để ký vào Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn; mỗi bên được cấp 01 bản chính Giấy chứng nhận kết hôn."
        ),
        requirements="Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; việc kết hôn do hai bên tự nguyện quyết định; không bị mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn.",
        fees=[
            dict(
                name="Lệ phí đăng ký kết hôn",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đăng ký kết hôn theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai đăng ký kết hôn (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của hai bên nam, nữ",
                originals=0,
                copies=2,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký tại nơi không phải nơi thường trú)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="52/2014/QH13", title="Luật Hôn nhân và gia đình", issued_on="2014-06-19", issuer="Quốc hội"),
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(
                number="123/2015/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
                issued_on="2015-11-15",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận kết hôn (02 bản chính)",
        result_en="Marriage certificate",
    ),
    dict(
        code="1.004873",
        name="Cấp Giấy xác nhận tình trạng hôn nhân",
        name_en="Certificate of marital status",
        sector="ho-tich",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=3,
        processing_note="03 ngày làm việc; trường hợp phải xác minh tình trạng hôn nhân tại nơi cư trú trước đây thì không quá 23 ngày.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người yêu cầu nộp tờ khai trực tuyến hoặc tại Ủy ban nhân dân cấp xã nơi thường trú. "
            "Công chức tư pháp - hộ tịch tra cứu Cơ sở dữ liệu hộ tịch điện tử, xác minh khi cần thiết và trình Chủ tịch Ủy ban nhân dân cấp xã ký cấp Giấy xác nhận tình trạng hôn nhân. "
            "Giấy xác nhận có giá trị 06 tháng kể từ ngày cấp."
        ),
        requirements="Không.",
        fees=[
            dict(
                name="Lệ phí cấp Giấy xác nhận tình trạng hôn nhân",
                amount=15000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu do Hội đồng nhân dân cấp tỉnh quy định; giảm 50% khi nộp hồ sơ trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
                registry=False,
            ),
            dict(
                name="Bản án, quyết định ly hôn đã có hiệu lực hoặc trích lục khai tử của vợ/chồng (nếu có)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy tờ tùy thân của người yêu cầu",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(
                number="123/2015/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
                issued_on="2015-11-15",
                issuer="Chính phủ",
            ),
            dict(
                number="85/2019/TT-BTC",
                title="Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh",
                issued_on="2019-11-29",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Giấy xác nhận tình trạng hôn nhân",
        result_en="Certificate of marital status",
    ),
    dict(
        code="1.004884",
        name="Đăng ký lại khai sinh",
        name_en="Re-registration of birth",
        sector="ho-tich",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=5,
        processing_note="05 ngày làm việc; trường hợp phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người yêu cầu nộp hồ sơ tại Ủy ban nhân dân cấp xã nơi đã đăng ký khai sinh trước đây hoặc nơi thường trú. "
            "Công chức tư pháp - hộ tịch kiểm tra, xác minh việc khai sinh đã được đăng ký nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất. "
            "Nếu đủ điều kiện, Chủ tịch Ủy ban nhân dân cấp xã ký cấp bản chính Giấy khai sinh; người yêu cầu nhận kết quả trực tiếp hoặc qua bưu chính."
        ),
        requirements="Việc khai sinh đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam nhưng Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất.",
        fees=[
            dict(
                name="Lệ phí đăng ký lại khai sinh",
                amount=8000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu theo Nghị quyết của Hội đồng nhân dân cấp tỉnh; giảm 50% khi nộp hồ sơ trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đăng ký lại khai sinh theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai đăng ký lại khai sinh (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy tờ, tài liệu có nội dung liên quan đến việc khai sinh (học bạ, hồ sơ học tập, lý lịch...)",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của người yêu cầu",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(
                number="123/2015/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
                issued_on="2015-11-15",
                issuer="Chính phủ",
            ),
        ],
        result='Giấy khai sinh (bản chính) có ghi "Đăng ký lại"',
        result_en="Birth certificate marked as re-registered",
    ),
    dict(
        code="1.004859",
        name="Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
        name_en="Change, correction or supplementation of civil status information",
        sector="ho-tich",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=3,
        processing_note="03 ngày làm việc; trường hợp phải xác minh thì không quá 06 ngày làm việc. Bổ sung thông tin hộ tịch được giải quyết ngay trong ngày.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người yêu cầu nộp tờ khai và giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin tại Ủy ban nhân dân cấp xã nơi đã đăng ký hộ tịch trước đây hoặc nơi cư trú. "
            "Công chức tư pháp - hộ tịch xem xét tính hợp lý, cơ sở pháp lý của yêu cầu; nếu đủ điều kiện thì ghi vào Sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử. "
            "Chủ tịch Ủy ban nhân dân cấp xã cấp trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch."
        ),
        requirements="Việc thay đổi họ, chữ đệm, tên đối với người chưa thành niên hoặc người từ đủ 09 tuổi trở lên phải có sự đồng ý của người đó.",
        fees=[
            dict(
                name="Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch",
                amount=15000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu do Hội đồng nhân dân cấp tỉnh quy định; giảm 50% khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
                registry=False,
            ),
            dict(
                name="Giấy khai sinh hoặc giấy tờ hộ tịch cần thay đổi, cải chính",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(number="91/2015/QH13", title="Bộ luật Dân sự", issued_on="2015-11-24", issuer="Quốc hội"),
            dict(
                number="123/2015/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
                issued_on="2015-11-15",
                issuer="Chính phủ",
            ),
        ],
        result="Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch",
        result_en="Extract of change or correction of civil status information",
    ),
    dict(
        code="2.000635",
        name="Cấp bản sao Trích lục hộ tịch",
        name_en="Issuance of copies of civil status extracts",
        sector="ho-tich",
        levels=["province", "commune"],
        agencies=["province:so-tu-phap", "commune:ubnd"],
        processing_days=1,
        processing_note="Ngay trong ngày làm việc; trường hợp nhận yêu cầu sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Cá nhân, tổ chức có yêu cầu nộp tờ khai trực tuyến hoặc trực tiếp tại cơ quan đang lưu giữ Sổ hộ tịch. "
            "Cán bộ tiếp nhận tra cứu Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử; nếu có thông tin thì cấp bản sao trích lục hộ tịch. "
            "Người yêu cầu có thể lựa chọn nhận bản sao điện tử hoặc bản giấy."
        ),
        requirements="Việc hộ tịch đã được đăng ký và lưu giữ tại cơ quan giải quyết.",
        fees=[
            dict(
                name="Phí cấp bản sao trích lục hộ tịch",
                amount=8000,
                online_amount=None,
                online_discount_percent=None,
                note="8.000 đồng/bản sao trích lục theo Thông tư 281/2016/TT-BTC; miễn đối với bản sao điện tử lần đầu.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai cấp bản sao trích lục hộ tịch theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai cấp bản sao trích lục hộ tịch (Mẫu ban hành kèm theo Thông tư 04/2020/TT-BTP)",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của người yêu cầu",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Văn bản ủy quyền (trường hợp yêu cầu cấp cho người khác)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="60/2014/QH13", title="Luật Hộ tịch", issued_on="2014-11-20", issuer="Quốc hội"),
            dict(
                number="281/2016/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch",
                issued_on="2016-11-14",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Bản sao trích lục hộ tịch",
        result_en="Copy of civil status extract",
    ),
    # ------------------------------------------------------------------
    # Lý lịch tư pháp và chứng thực (judicial records and authentication)
    # ------------------------------------------------------------------
    dict(
        code="2.000488",
        name="Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
        name_en="Judicial record certificate for Vietnamese citizens and foreigners residing in Vietnam",
        sector="tu-phap",
        levels=["province"],
        agencies=["province:so-tu-phap"],
        processing_days=10,
        processing_note="Không quá 10 ngày kể từ ngày nhận yêu cầu hợp lệ; trường hợp phải xác minh về điều kiện đương nhiên được xóa án tích thì không quá 15 ngày.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người yêu cầu nộp tờ khai trực tuyến trên Cổng Dịch vụ công quốc gia, ứng dụng VNeID hoặc trực tiếp tại Sở Tư pháp nơi thường trú. "
            "Sở Tư pháp tra cứu thông tin lý lịch tư pháp, phối hợp với cơ quan Công an và Trung tâm Lý lịch tư pháp quốc gia để xác minh. "
            "Phiếu lý lịch tư pháp được cấp dưới dạng bản giấy hoặc bản điện tử có giá trị pháp lý như nhau."
        ),
        requirements="Không.",
        fees=[
            dict(
                name="Phí cung cấp thông tin lý lịch tư pháp",
                amount=200000,
                online_amount=None,
                online_discount_percent=None,
                note="200.000 đồng/lần/người theo Thông tư 244/2016/TT-BTC.",
            ),
            dict(
                name="Phí cung cấp thông tin lý lịch tư pháp đối với sinh viên, người có công với cách mạng, thân nhân liệt sĩ",
                amount=100000,
                online_amount=None,
                online_discount_percent=None,
                note="Áp dụng cho đối tượng được giảm phí; trẻ em, người cao tuổi, người khuyết tật, hộ nghèo được miễn.",
            ),
            dict(
                name="Phí cấp Phiếu lý lịch tư pháp từ Phiếu thứ 3 trở lên",
                amount=5000,
                online_amount=None,
                online_discount_percent=None,
                note="5.000 đồng/Phiếu đối với Phiếu thứ 3 trở đi trong cùng một lần yêu cầu.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)",
                registry=False,
            ),
            dict(
                name="Bản chụp giấy tờ tùy thân (thẻ căn cước, hộ chiếu)",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy tờ chứng minh thuộc đối tượng được miễn, giảm phí (nếu có)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="28/2009/QH12", title="Luật Lý lịch tư pháp", issued_on="2009-06-17", issuer="Quốc hội"),
            dict(
                number="111/2010/NĐ-CP",
                title="Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp",
                issued_on="2010-11-23",
                issuer="Chính phủ",
            ),
            dict(
                number="244/2016/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp",
                issued_on="2016-11-11",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Phiếu lý lịch tư pháp số 1 hoặc số 2 (bản giấy hoặc bản điện tử)",
        result_en="Judicial record certificate (No. 1 or No. 2)",
    ),
    dict(
        code="2.000505",
        name="Cấp Phiếu lý lịch tư pháp tại Trung tâm Lý lịch tư pháp quốc gia",
        name_en="Judicial record certificate issued by the National Judicial Records Centre",
        sector="tu-phap",
        levels=["central"],
        agencies=["central:000.00.00.G15"],
        processing_days=10,
        processing_note="Không quá 10 ngày; đối với người nước ngoài đã rời Việt Nam hoặc trường hợp phải xác minh thì không quá 15 ngày.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Công dân Việt Nam không xác định được nơi cư trú, người nước ngoài đã cư trú tại Việt Nam nộp tờ khai trực tuyến hoặc gửi hồ sơ đến Trung tâm Lý lịch tư pháp quốc gia. "
            "Trung tâm tra cứu, xác minh thông tin trong Cơ sở dữ liệu lý lịch tư pháp và cấp Phiếu lý lịch tư pháp. "
            "Kết quả được trả trực tiếp, qua bưu chính hoặc dưới dạng Phiếu điện tử."
        ),
        requirements="Người yêu cầu thuộc thẩm quyền cấp Phiếu của Trung tâm Lý lịch tư pháp quốc gia theo Điều 44 Luật Lý lịch tư pháp.",
        fees=[
            dict(
                name="Phí cung cấp thông tin lý lịch tư pháp",
                amount=200000,
                online_amount=None,
                online_discount_percent=None,
                note="200.000 đồng/lần/người; sinh viên, người có công với cách mạng 100.000 đồng/lần/người.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)",
                registry=False,
            ),
            dict(
                name="Bản chụp hộ chiếu hoặc thẻ căn cước",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy tờ chứng minh thời gian cư trú tại Việt Nam (đối với người nước ngoài)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="28/2009/QH12", title="Luật Lý lịch tư pháp", issued_on="2009-06-17", issuer="Quốc hội"),
            dict(
                number="111/2010/NĐ-CP",
                title="Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp",
                issued_on="2010-11-23",
                issuer="Chính phủ",
            ),
        ],
        result="Phiếu lý lịch tư pháp",
        result_en="Judicial record certificate",
    ),
    dict(
        code="2.000509",
        name="Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng, cơ quan nhà nước, tổ chức chính trị - xã hội",
        name_en="Judicial record certificate requested by procedural authorities and state bodies",
        sector="tu-phap",
        levels=["province"],
        agencies=["province:so-tu-phap"],
        processing_days=10,
        processing_note="Không quá 10 ngày; trường hợp khẩn cấp theo yêu cầu của cơ quan tiến hành tố tụng thì không quá 24 giờ.",
        delivery="information_only",
        methods=["direct", "postal"],
        applicant_types=["business"],
        description=(
            "Cơ quan tiến hành tố tụng, cơ quan nhà nước, tổ chức chính trị - xã hội gửi văn bản yêu cầu đến Sở Tư pháp. "
            "Sở Tư pháp tra cứu, xác minh thông tin lý lịch tư pháp và cấp Phiếu lý lịch tư pháp số 2 hoặc số 1 tùy theo mục đích sử dụng."
        ),
        requirements="Yêu cầu phục vụ công tác điều tra, truy tố, xét xử hoặc công tác quản lý nhân sự, đăng ký kinh doanh theo quy định.",
        fees=[
            dict(
                name="Phí cung cấp thông tin lý lịch tư pháp",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí đối với yêu cầu của cơ quan nhà nước, cơ quan tiến hành tố tụng.",
            ),
        ],
        components=[
            dict(
                name="Văn bản yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Văn bản yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 05a/2013/TT-LLTP)",
                registry=False,
            ),
            dict(
                name="Thông tin nhân thân của người được yêu cầu cấp Phiếu",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="28/2009/QH12", title="Luật Lý lịch tư pháp", issued_on="2009-06-17", issuer="Quốc hội"),
            dict(
                number="13/2011/TT-BTP",
                title="Thông tư ban hành và hướng dẫn sử dụng biểu mẫu và mẫu sổ lý lịch tư pháp",
                issued_on="2011-06-27",
                issuer="Bộ Tư pháp",
            ),
        ],
        result="Phiếu lý lịch tư pháp gửi cơ quan, tổ chức yêu cầu",
        result_en="Judicial record certificate sent to the requesting authority",
    ),
    dict(
        code="2.000815",
        name="Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
        name_en="Certification of copies from originals issued by Vietnamese authorities",
        sector="tu-phap",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=1,
        processing_note="Ngay trong ngày làm việc; trường hợp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.",
        delivery="partly_online",
        methods=["direct", "online"],
        applicant_types=["citizen", "business"],
        description=(
            "Người yêu cầu xuất trình bản chính và bản sao cần chứng thực tại Ủy ban nhân dân cấp xã, "
            "hoặc nộp yêu cầu chứng thực bản sao điện tử từ bản chính trên Cổng Dịch vụ công. "
            "Người thực hiện chứng thực đối chiếu bản sao với bản chính, ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực."
        ),
        requirements="Bản chính không thuộc trường hợp bị tẩy xóa, sửa chữa, hư hỏng, cũ nát không xác định được nội dung hoặc đóng dấu mật.",
        fees=[
            dict(
                name="Phí chứng thực bản sao từ bản chính",
                amount=2000,
                online_amount=None,
                online_discount_percent=None,
                note="2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản (Thông tư 226/2016/TT-BTC).",
            ),
        ],
        components=[
            dict(
                name="Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(name="Bản sao cần chứng thực", originals=0, copies=1, mandatory=True, template="", registry=False),
        ],
        legal=[
            dict(
                number="23/2015/NĐ-CP",
                title="Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
                issued_on="2015-02-16",
                issuer="Chính phủ",
            ),
            dict(
                number="45/2020/NĐ-CP",
                title="Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử",
                issued_on="2020-04-08",
                issuer="Chính phủ",
            ),
            dict(
                number="226/2016/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực",
                issued_on="2016-11-11",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Bản sao được chứng thực từ bản chính (bản giấy hoặc bản điện tử)",
        result_en="Certified copy (paper or electronic)",
    ),
    dict(
        code="2.000908",
        name="Chứng thực chữ ký trong các giấy tờ, văn bản",
        name_en="Certification of signatures",
        sector="tu-phap",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=1,
        processing_note="Ngay trong ngày làm việc hoặc trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ.",
        delivery="information_only",
        methods=["direct"],
        applicant_types=["citizen"],
        description=(
            "Người yêu cầu chứng thực xuất trình giấy tờ tùy thân và giấy tờ, văn bản cần chứng thực chữ ký tại Ủy ban nhân dân cấp xã. "
            "Người yêu cầu phải ký trước mặt người thực hiện chứng thực. Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực."
        ),
        requirements="Người yêu cầu chứng thực phải có năng lực hành vi dân sự và tự ký trước mặt người thực hiện chứng thực.",
        fees=[
            dict(
                name="Phí chứng thực chữ ký",
                amount=10000,
                online_amount=None,
                online_discount_percent=None,
                note="10.000 đồng/trường hợp (một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản).",
            ),
        ],
        components=[
            dict(
                name="Giấy tờ tùy thân còn giá trị sử dụng của người yêu cầu chứng thực",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy tờ, văn bản cần chứng thực chữ ký",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(
                number="23/2015/NĐ-CP",
                title="Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
                issued_on="2015-02-16",
                issuer="Chính phủ",
            ),
            dict(
                number="01/2020/TT-BTP",
                title="Thông tư quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP",
                issued_on="2020-03-03",
                issuer="Bộ Tư pháp",
            ),
        ],
        result="Giấy tờ, văn bản đã được chứng thực chữ ký",
        result_en="Document with certified signature",
    ),
    dict(
        code="2.001035",
        name="Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở",
        name_en="Certification of contracts on movable property, land use rights and housing",
        sector="tu-phap",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=2,
        processing_note="Trong ngày tiếp nhận hoặc ngày làm việc tiếp theo; hợp đồng phức tạp không quá 02 ngày làm việc.",
        delivery="partly_online",
        methods=["direct", "online"],
        applicant_types=["citizen", "business"],
        description=(
            "Các bên giao kết nộp dự thảo hợp đồng và giấy tờ liên quan tại Ủy ban nhân dân cấp xã (có thể gửi trước hồ sơ trực tuyến). "
            "Người tiếp nhận kiểm tra giấy tờ, đối chiếu thông tin đất đai, nhà ở; các bên ký trước mặt người thực hiện chứng thực. "
            "Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân cấp xã ký chứng thực hợp đồng, giao dịch."
        ),
        requirements="Các bên tham gia hợp đồng tự nguyện, có năng lực hành vi dân sự; tài sản không bị kê biên, tranh chấp.",
        fees=[
            dict(
                name="Phí chứng thực hợp đồng, giao dịch",
                amount=50000,
                online_amount=None,
                online_discount_percent=None,
                note="50.000 đồng/hợp đồng; sửa đổi, bổ sung hợp đồng 30.000 đồng; sửa lỗi sai sót 25.000 đồng.",
            ),
        ],
        components=[
            dict(
                name="Dự thảo hợp đồng, giao dịch", originals=1, copies=0, mandatory=True, template="", registry=False
            ),
            dict(
                name="Giấy tờ tùy thân của người yêu cầu chứng thực",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở hoặc giấy tờ thay thế",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(
                number="23/2015/NĐ-CP",
                title="Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
                issued_on="2015-02-16",
                issuer="Chính phủ",
            ),
            dict(number="31/2024/QH15", title="Luật Đất đai", issued_on="2024-01-18", issuer="Quốc hội"),
        ],
        result="Hợp đồng, giao dịch được chứng thực",
        result_en="Certified contract",
    ),
    # ------------------------------------------------------------------
    # Cư trú (residence)
    # ------------------------------------------------------------------
    dict(
        code="1.004194",
        name="Đăng ký thường trú",
        name_en="Permanent residence registration",
        sector="cu-tru",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=7,
        processing_note="07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Công dân nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia, ứng dụng VNeID hoặc trực tiếp tại Công an cấp xã nơi cư trú. "
            "Cơ quan đăng ký cư trú kiểm tra, đối chiếu thông tin với Cơ sở dữ liệu quốc gia về dân cư, thẩm định điều kiện đăng ký thường trú. "
            "Trường hợp đủ điều kiện, cơ quan đăng ký cư trú cập nhật thông tin nơi thường trú mới vào Cơ sở dữ liệu về cư trú và thông báo cho người đăng ký."
        ),
        requirements="Có chỗ ở hợp pháp thuộc quyền sở hữu của mình hoặc được chủ hộ, chủ sở hữu chỗ ở hợp pháp đồng ý; bảo đảm diện tích nhà ở tối thiểu theo quy định của Hội đồng nhân dân cấp tỉnh khi thuê, mượn, ở nhờ.",
        fees=[
            dict(
                name="Lệ phí đăng ký thường trú",
                amount=20000,
                online_amount=10000,
                online_discount_percent=None,
                note="20.000 đồng/lần đăng ký; 10.000 đồng khi nộp hồ sơ trực tuyến (Thông tư 75/2022/TT-BTC).",
            ),
        ],
        components=[
            dict(
                name="Tờ khai thay đổi thông tin cư trú",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư 66/2023/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ (trường hợp nhập vào hộ gia đình)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
            dict(
                number="154/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú",
                issued_on="2024-11-26",
                issuer="Chính phủ",
            ),
            dict(
                number="55/2021/TT-BCA",
                title="Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú",
                issued_on="2021-05-15",
                issuer="Bộ Công an",
            ),
            dict(
                number="75/2022/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí đăng ký cư trú",
                issued_on="2022-12-22",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Thông báo kết quả giải quyết; thông tin thường trú được cập nhật trong Cơ sở dữ liệu về cư trú",
        result_en="Notice of result; permanent residence updated in the residence database",
    ),
    dict(
        code="1.004222",
        name="Xóa đăng ký thường trú",
        name_en="Deregistration of permanent residence",
        sector="cu-tru",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=1,
        processing_note="01 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Người thuộc diện xóa đăng ký thường trú hoặc đại diện hộ gia đình nộp hồ sơ trong thời hạn 07 ngày kể từ ngày có căn cứ xóa đăng ký. "
            "Công an cấp xã kiểm tra, cập nhật việc xóa đăng ký thường trú vào Cơ sở dữ liệu về cư trú. "
            "Trường hợp người chết, việc xóa đăng ký thường trú có thể được thực hiện liên thông với thủ tục đăng ký khai tử."
        ),
        requirements="Thuộc một trong các trường hợp xóa đăng ký thường trú quy định tại Điều 24 Luật Cư trú (chết, ra nước ngoài định cư, vắng mặt liên tục từ 12 tháng trở lên...).",
        fees=[
            dict(name="Lệ phí", amount=0, online_amount=None, online_discount_percent=None, note="Không thu lệ phí."),
        ],
        components=[
            dict(
                name="Tờ khai thay đổi thông tin cư trú",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư 66/2023/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký thường trú (trích lục khai tử, quyết định...)",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
            dict(
                number="154/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú",
                issued_on="2024-11-26",
                issuer="Chính phủ",
            ),
            dict(
                number="55/2021/TT-BCA",
                title="Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú",
                issued_on="2021-05-15",
                issuer="Bộ Công an",
            ),
        ],
        result="Thông tin thường trú được xóa trong Cơ sở dữ liệu về cư trú",
        result_en="Permanent residence removed from the residence database",
    ),
    dict(
        code="1.004191",
        name="Đăng ký tạm trú",
        name_en="Temporary residence registration",
        sector="cu-tru",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=3,
        processing_note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Công dân đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính cấp xã nơi đã đăng ký thường trú để lao động, học tập "
            "từ 30 ngày trở lên nộp hồ sơ tại Công an cấp xã nơi dự kiến tạm trú hoặc nộp trực tuyến. "
            "Cơ quan đăng ký cư trú thẩm định và cập nhật thông tin tạm trú vào Cơ sở dữ liệu về cư trú."
        ),
        requirements="Có chỗ ở hợp pháp; thời hạn tạm trú tối đa 02 năm và có thể tiếp tục gia hạn nhiều lần.",
        fees=[
            dict(
                name="Lệ phí đăng ký tạm trú",
                amount=15000,
                online_amount=7000,
                online_discount_percent=None,
                note="15.000 đồng/lần; 7.000 đồng khi nộp trực tuyến (Thông tư 75/2022/TT-BTC).",
            ),
        ],
        components=[
            dict(
                name="Tờ khai thay đổi thông tin cư trú",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư 66/2023/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà, văn bản cho ở nhờ...)",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
            dict(
                number="154/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú",
                issued_on="2024-11-26",
                issuer="Chính phủ",
            ),
            dict(
                number="75/2022/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí đăng ký cư trú",
                issued_on="2022-12-22",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Thông tin tạm trú được cập nhật trong Cơ sở dữ liệu về cư trú",
        result_en="Temporary residence recorded in the residence database",
    ),
    dict(
        code="1.004199",
        name="Gia hạn tạm trú",
        name_en="Extension of temporary residence",
        sector="cu-tru",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=3,
        processing_note="03 ngày làm việc; hồ sơ nộp trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Công dân nộp tờ khai gia hạn tạm trú trực tuyến hoặc tại Công an cấp xã nơi đang tạm trú. "
            "Cơ quan đăng ký cư trú kiểm tra và cập nhật thời hạn tạm trú mới vào Cơ sở dữ liệu về cư trú."
        ),
        requirements="Đã đăng ký tạm trú và thời hạn tạm trú sắp hết; vẫn có chỗ ở hợp pháp tại nơi tạm trú.",
        fees=[
            dict(
                name="Lệ phí gia hạn tạm trú",
                amount=10000,
                online_amount=5000,
                online_discount_percent=None,
                note="10.000 đồng/lần; 5.000 đồng khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai thay đổi thông tin cư trú",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư 66/2023/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Giấy tờ chứng minh chỗ ở hợp pháp còn thời hạn",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
            dict(
                number="75/2022/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí đăng ký cư trú",
                issued_on="2022-12-22",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Thời hạn tạm trú mới được cập nhật",
        result_en="New temporary residence period recorded",
    ),
    dict(
        code="1.004206",
        name="Tách hộ",
        name_en="Household separation",
        sector="cu-tru",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=3,
        processing_note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Thành viên hộ gia đình có năng lực hành vi dân sự đầy đủ nộp hồ sơ đề nghị tách hộ tại Công an cấp xã hoặc trực tuyến. "
            "Cơ quan đăng ký cư trú thẩm định, cập nhật thông tin hộ mới và chủ hộ mới vào Cơ sở dữ liệu về cư trú."
        ),
        requirements="Có năng lực hành vi dân sự đầy đủ; có nhiều thành viên cùng đăng ký thường trú tại một chỗ ở hợp pháp; được chủ hộ và chủ sở hữu chỗ ở đồng ý.",
        fees=[
            dict(
                name="Lệ phí tách hộ",
                amount=10000,
                online_amount=5000,
                online_discount_percent=None,
                note="10.000 đồng/lần; 5.000 đồng khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai thay đổi thông tin cư trú (ghi rõ ý kiến đồng ý của chủ hộ)",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư 66/2023/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Văn bản đồng ý của chủ sở hữu chỗ ở hợp pháp",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ xác nhận thông tin về cư trú của hộ gia đình",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
            dict(
                number="55/2021/TT-BCA",
                title="Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú",
                issued_on="2021-05-15",
                issuer="Bộ Công an",
            ),
        ],
        result="Thông tin hộ gia đình mới được cập nhật",
        result_en="New household recorded",
    ),
    dict(
        code="1.010208",
        name="Khai báo tạm vắng",
        name_en="Declaration of temporary absence",
        sector="cu-tru",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=1,
        processing_note="Không quá 01 ngày làm việc.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Người khai báo nộp đề nghị khai báo tạm vắng qua ứng dụng VNeID, Cổng Dịch vụ công hoặc trực tiếp tại Công an cấp xã nơi cư trú. "
            "Cơ quan đăng ký cư trú cập nhật thông tin khai báo tạm vắng vào Cơ sở dữ liệu về cư trú và thông báo cho người khai báo."
        ),
        requirements="Thuộc trường hợp phải khai báo tạm vắng theo Điều 31 Luật Cư trú hoặc vắng mặt tại nơi thường trú từ 12 tháng liên tục trở lên.",
        fees=[
            dict(name="Lệ phí", amount=0, online_amount=None, online_discount_percent=None, note="Không thu lệ phí."),
        ],
        components=[
            dict(
                name="Đề nghị khai báo tạm vắng",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
                registry=False,
            ),
            dict(
                name="Văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý (đối với bị can, người bị kết án đang được hưởng án treo...)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
            dict(
                number="55/2021/TT-BCA",
                title="Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú",
                issued_on="2021-05-15",
                issuer="Bộ Công an",
            ),
        ],
        result="Thông tin tạm vắng được cập nhật",
        result_en="Temporary absence recorded",
    ),
    dict(
        code="1.010210",
        name="Xác nhận thông tin về cư trú",
        name_en="Residence information confirmation",
        sector="cu-tru",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=1,
        processing_note="Không quá 0,5 ngày làm việc nếu thông tin đã có trong Cơ sở dữ liệu; trường hợp phải xác minh thì không quá 03 ngày làm việc.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Công dân đề nghị xác nhận thông tin về cư trú trên ứng dụng VNeID, Cổng Dịch vụ công quốc gia hoặc trực tiếp tại Công an cấp xã bất kỳ. "
            "Cơ quan đăng ký cư trú tra cứu Cơ sở dữ liệu về cư trú và cấp văn bản xác nhận thông tin về cư trú (bản giấy hoặc điện tử). "
            "Văn bản có giá trị 01 năm kể từ ngày cấp, trừ trường hợp thông tin cư trú có thay đổi."
        ),
        requirements="Không.",
        fees=[
            dict(name="Lệ phí", amount=0, online_amount=None, online_discount_percent=None, note="Không thu lệ phí."),
        ],
        components=[
            dict(
                name="Tờ khai thay đổi thông tin cư trú (mục đề nghị xác nhận)",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của người đề nghị",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
            dict(
                number="66/2023/TT-BCA",
                title="Thông tư sửa đổi, bổ sung một số điều của các Thông tư quy định về biểu mẫu trong đăng ký, quản lý cư trú",
                issued_on="2023-11-17",
                issuer="Bộ Công an",
            ),
        ],
        result="Giấy xác nhận thông tin về cư trú (mẫu CT07)",
        result_en="Residence information confirmation (form CT07)",
    ),
    dict(
        code="1.010212",
        name="Thông báo lưu trú",
        name_en="Notification of overnight stay",
        sector="cu-tru",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=1,
        processing_note="Thông báo trước 23 giờ trong ngày; người đến lưu trú sau 23 giờ thì thông báo trước 08 giờ ngày hôm sau.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen", "business"],
        description=(
            "Thành viên hộ gia đình, người đại diện cơ sở chữa bệnh, cơ sở lưu trú du lịch thông báo việc lưu trú với Công an cấp xã "
            "qua ứng dụng VNeID, Cổng Dịch vụ công, điện thoại hoặc trực tiếp. Cơ quan đăng ký cư trú ghi nhận thông tin lưu trú vào Cơ sở dữ liệu."
        ),
        requirements="Có người đến lưu trú từ 01 ngày đến dưới 30 ngày.",
        fees=[
            dict(name="Lệ phí", amount=0, online_amount=None, online_discount_percent=None, note="Không thu lệ phí."),
        ],
        components=[
            dict(
                name="Thông tin về người lưu trú (họ tên, số định danh cá nhân, thời gian lưu trú)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Thông tin về địa điểm lưu trú", originals=1, copies=0, mandatory=True, template="", registry=False
            ),
        ],
        legal=[
            dict(number="68/2020/QH14", title="Luật Cư trú", issued_on="2020-11-13", issuer="Quốc hội"),
            dict(
                number="55/2021/TT-BCA",
                title="Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú",
                issued_on="2021-05-15",
                issuer="Bộ Công an",
            ),
        ],
        result="Thông tin lưu trú được tiếp nhận",
        result_en="Stay notification received",
    ),
    # ------------------------------------------------------------------
    # Căn cước và định danh điện tử (identity cards, electronic identification)
    # ------------------------------------------------------------------
    dict(
        code="2.001255",
        name="Cấp thẻ căn cước cho công dân Việt Nam từ đủ 14 tuổi trở lên",
        name_en="Identity card issuance for citizens aged 14 and over",
        sector="can-cuoc",
        levels=["province", "commune"],
        agencies=["province:cong-an", "commune:cong-an"],
        processing_days=7,
        processing_note="Không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ; không quá 20 ngày tại các xã miền núi, biên giới, hải đảo, đặc khu.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Công dân có thể đăng ký trước lịch hẹn trên Cổng Dịch vụ công hoặc ứng dụng VNeID, sau đó đến cơ quan quản lý căn cước để thu nhận thông tin sinh trắc học (ảnh khuôn mặt, vân tay, mống mắt). "
            "Cán bộ đối chiếu thông tin với Cơ sở dữ liệu quốc gia về dân cư, người đề nghị kiểm tra và ký xác nhận phiếu thu nhận. "
            "Thẻ căn cước được trả tại nơi làm thủ tục hoặc qua dịch vụ bưu chính theo yêu cầu."
        ),
        requirements="Công dân Việt Nam từ đủ 14 tuổi trở lên có thông tin trong Cơ sở dữ liệu quốc gia về dân cư; phải trực tiếp đến để thu nhận sinh trắc học.",
        fees=[
            dict(
                name="Lệ phí cấp thẻ căn cước lần đầu",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu lệ phí khi cấp thẻ căn cước lần đầu.",
            ),
        ],
        components=[
            dict(
                name="Phiếu thu nhận thông tin căn cước (do cán bộ in từ hệ thống, người đề nghị ký xác nhận)",
                originals=1,
                copies=0,
                mandatory=True,
                template="Phiếu thu nhận thông tin căn cước (Mẫu CC02 ban hành kèm theo Thông tư 16/2024/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Giấy tờ, tài liệu chứng minh thông tin cần điều chỉnh trong Cơ sở dữ liệu quốc gia về dân cư (nếu có)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="26/2023/QH15", title="Luật Căn cước", issued_on="2023-11-27", issuer="Quốc hội"),
            dict(
                number="70/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước",
                issued_on="2024-06-25",
                issuer="Chính phủ",
            ),
            dict(
                number="17/2024/TT-BCA",
                title="Thông tư quy định trình tự, thủ tục cấp, quản lý thẻ căn cước",
                issued_on="2024-05-15",
                issuer="Bộ Công an",
            ),
        ],
        result="Thẻ căn cước",
        result_en="Identity card",
    ),
    dict(
        code="2.001256",
        name="Cấp đổi thẻ căn cước",
        name_en="Identity card replacement (exchange)",
        sector="can-cuoc",
        levels=["province", "commune"],
        agencies=["province:cong-an", "commune:cong-an"],
        processing_days=7,
        processing_note="Không quá 07 ngày làm việc kể từ ngày tiếp nhận hồ sơ.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Công dân đăng ký trực tuyến và đến cơ quan quản lý căn cước để thu nhận lại ảnh khuôn mặt, sinh trắc học khi thẻ đến tuổi đổi, "
            "bị hư hỏng, có thay đổi thông tin nhân thân hoặc xác định lại giới tính. Cơ quan quản lý căn cước kiểm tra, đối chiếu và cấp thẻ mới."
        ),
        requirements="Thẻ căn cước, thẻ căn cước công dân đến tuổi phải đổi (25, 40, 60 tuổi), bị hư hỏng hoặc có sai sót, thay đổi thông tin.",
        fees=[
            dict(
                name="Lệ phí cấp đổi thẻ căn cước",
                amount=30000,
                online_amount=None,
                online_discount_percent=50,
                note="30.000 đồng/thẻ theo Thông tư 73/2024/TT-BTC; giảm 50% khi nộp hồ sơ trực tuyến. Miễn khi đổi thẻ do đến tuổi hoặc do sai sót của cơ quan quản lý.",
            ),
        ],
        components=[
            dict(
                name="Phiếu thu nhận thông tin căn cước",
                originals=1,
                copies=0,
                mandatory=True,
                template="Phiếu thu nhận thông tin căn cước (Mẫu CC02)",
                registry=False,
            ),
            dict(
                name="Thẻ căn cước hoặc thẻ căn cước công dân đang sử dụng (nộp lại)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="26/2023/QH15", title="Luật Căn cước", issued_on="2023-11-27", issuer="Quốc hội"),
            dict(
                number="73/2024/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí cấp thẻ căn cước",
                issued_on="2024-10-21",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Thẻ căn cước",
        result_en="Identity card",
    ),
    dict(
        code="2.001257",
        name="Cấp lại thẻ căn cước",
        name_en="Identity card reissuance (lost card)",
        sector="can-cuoc",
        levels=["province", "commune"],
        agencies=["province:cong-an", "commune:cong-an"],
        processing_days=7,
        processing_note="Không quá 07 ngày làm việc kể từ ngày tiếp nhận hồ sơ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Công dân bị mất thẻ căn cước hoặc được trở lại quốc tịch Việt Nam đề nghị cấp lại trên ứng dụng VNeID hoặc tại cơ quan quản lý căn cước. "
            "Trường hợp đã có đủ thông tin sinh trắc học trong hệ thống, hồ sơ được giải quyết trực tuyến toàn trình và thẻ được gửi qua bưu chính."
        ),
        requirements="Thẻ căn cước bị mất; thông tin sinh trắc học đã được thu nhận trước đó.",
        fees=[
            dict(
                name="Lệ phí cấp lại thẻ căn cước",
                amount=70000,
                online_amount=None,
                online_discount_percent=50,
                note="70.000 đồng/thẻ theo Thông tư 73/2024/TT-BTC; giảm 50% khi nộp trực tuyến.",
            ),
            dict(
                name="Cước dịch vụ chuyển phát thẻ",
                amount=25000,
                online_amount=None,
                online_discount_percent=None,
                note="Chỉ thu khi người dân đăng ký nhận thẻ qua dịch vụ bưu chính công ích.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đề nghị cấp lại thẻ căn cước",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai căn cước (Mẫu CC01 ban hành kèm theo Thông tư 16/2024/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Thông tin nhân thân trong Cơ sở dữ liệu quốc gia về dân cư",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="26/2023/QH15", title="Luật Căn cước", issued_on="2023-11-27", issuer="Quốc hội"),
            dict(
                number="70/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước",
                issued_on="2024-06-25",
                issuer="Chính phủ",
            ),
            dict(
                number="73/2024/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí cấp thẻ căn cước",
                issued_on="2024-10-21",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Thẻ căn cước",
        result_en="Identity card",
    ),
    dict(
        code="2.001258",
        name="Cấp thẻ căn cước cho công dân Việt Nam dưới 14 tuổi",
        name_en="Identity card issuance for citizens under 14",
        sector="can-cuoc",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=7,
        processing_note="Không quá 07 ngày làm việc; trẻ dưới 06 tuổi có thể làm thủ tục trực tuyến qua VNeID của cha, mẹ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người đại diện hợp pháp nộp đề nghị cấp thẻ căn cước cho trẻ qua ứng dụng VNeID hoặc đưa trẻ từ đủ 06 tuổi đến cơ quan quản lý căn cước để thu nhận sinh trắc học. "
            "Đối với trẻ dưới 06 tuổi, cơ quan quản lý căn cước không thu nhận sinh trắc học và cấp thẻ trên cơ sở dữ liệu dân cư."
        ),
        requirements="Người đại diện hợp pháp thực hiện thủ tục thay cho trẻ.",
        fees=[
            dict(
                name="Lệ phí cấp thẻ căn cước lần đầu",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai căn cước do người đại diện hợp pháp kê khai",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai căn cước (Mẫu CC01)",
                registry=False,
            ),
            dict(name="Giấy khai sinh của trẻ", originals=0, copies=1, mandatory=True, template="", registry=True),
            dict(
                name="Giấy tờ tùy thân của người đại diện hợp pháp",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="26/2023/QH15", title="Luật Căn cước", issued_on="2023-11-27", issuer="Quốc hội"),
            dict(
                number="17/2024/TT-BCA",
                title="Thông tư quy định trình tự, thủ tục cấp, quản lý thẻ căn cước",
                issued_on="2024-05-15",
                issuer="Bộ Công an",
            ),
        ],
        result="Thẻ căn cước",
        result_en="Identity card",
    ),
    dict(
        code="2.002701",
        name="Cấp giấy chứng nhận căn cước cho người gốc Việt Nam chưa xác định được quốc tịch",
        name_en="Identity certificate for persons of Vietnamese origin with undetermined nationality",
        sector="can-cuoc",
        levels=["province"],
        agencies=["province:cong-an"],
        processing_days=7,
        processing_note="Không quá 07 ngày làm việc; không quá 20 ngày đối với khu vực miền núi, biên giới, hải đảo.",
        delivery="partly_online",
        methods=["direct", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người gốc Việt Nam chưa xác định được quốc tịch đang sinh sống liên tục từ 06 tháng trở lên tại đơn vị hành chính cấp xã đến cơ quan quản lý căn cước để đề nghị cấp giấy chứng nhận căn cước. "
            "Cán bộ thu nhận thông tin nhân thân, ảnh khuôn mặt, vân tay, mống mắt và đối chiếu với Cơ sở dữ liệu căn cước."
        ),
        requirements="Người gốc Việt Nam chưa xác định được quốc tịch, đã được cập nhật thông tin vào Cơ sở dữ liệu căn cước.",
        fees=[
            dict(name="Lệ phí", amount=0, online_amount=None, online_discount_percent=None, note="Không thu lệ phí."),
        ],
        components=[
            dict(
                name="Tờ khai đề nghị cấp giấy chứng nhận căn cước",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai đề nghị cấp giấy chứng nhận căn cước (Mẫu CC03)",
                registry=False,
            ),
            dict(
                name="Giấy tờ, tài liệu chứng minh nhân thân và nơi sinh sống (nếu có)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="26/2023/QH15", title="Luật Căn cước", issued_on="2023-11-27", issuer="Quốc hội"),
            dict(
                number="70/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước",
                issued_on="2024-06-25",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận căn cước",
        result_en="Identity certificate",
    ),
    dict(
        code="1.012188",
        name="Cấp tài khoản định danh điện tử mức độ 2 đối với công dân Việt Nam",
        name_en="Level-2 electronic identification account for Vietnamese citizens",
        sector="can-cuoc",
        levels=["central", "commune"],
        agencies=["central:000.00.00.G12", "commune:cong-an"],
        processing_days=1,
        processing_note="Trường hợp đã có thẻ căn cước gắn chip: kích hoạt ngay trên ứng dụng; trường hợp đăng ký cùng thủ tục cấp thẻ: không quá 07 ngày làm việc.",
        delivery="partly_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Công dân đến Công an cấp xã hoặc cơ quan quản lý căn cước để đăng ký tài khoản định danh điện tử mức độ 2, "
            "cán bộ thu nhận ảnh chân dung và kiểm tra thẻ căn cước gắn chip. Hệ thống định danh và xác thực điện tử của Bộ Công an xác thực thông tin với Cơ sở dữ liệu quốc gia về dân cư "
            "và gửi thông báo kết quả qua tin nhắn; công dân kích hoạt tài khoản trên ứng dụng VNeID."
        ),
        requirements="Có thẻ căn cước hoặc thẻ căn cước công dân gắn chip điện tử còn giá trị; có số thuê bao di động chính chủ.",
        fees=[
            dict(name="Lệ phí", amount=0, online_amount=None, online_discount_percent=None, note="Không thu lệ phí."),
        ],
        components=[
            dict(
                name="Phiếu đề nghị cấp tài khoản định danh điện tử",
                originals=1,
                copies=0,
                mandatory=True,
                template="Phiếu đề nghị cấp tài khoản định danh điện tử (Mẫu DD01 ban hành kèm theo Nghị định 69/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Thẻ căn cước gắn chip điện tử", originals=1, copies=0, mandatory=True, template="", registry=True
            ),
        ],
        legal=[
            dict(
                number="69/2024/NĐ-CP",
                title="Nghị định quy định về định danh và xác thực điện tử",
                issued_on="2024-06-25",
                issuer="Chính phủ",
            ),
            dict(number="26/2023/QH15", title="Luật Căn cước", issued_on="2023-11-27", issuer="Quốc hội"),
        ],
        result="Tài khoản định danh điện tử mức độ 2 được kích hoạt trên ứng dụng VNeID",
        result_en="Level-2 VNeID account activated",
    ),
    # ------------------------------------------------------------------
    # Đường bộ (road transport, driving licences)
    # ------------------------------------------------------------------
    dict(
        code="1.002804",
        name="Cấp đổi giấy phép lái xe",
        name_en="Driving licence renewal (exchange)",
        sector="duong-bo",
        levels=["province"],
        agencies=["province:cong-an"],
        processing_days=5,
        processing_note="Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người có giấy phép lái xe hết hạn, bị hỏng hoặc có thay đổi thông tin nộp hồ sơ trực tuyến trên Cổng Dịch vụ công, ứng dụng VNeID hoặc trực tiếp tại Công an cấp tỉnh. "
            "Cơ quan cấp giấy phép lái xe đối chiếu thông tin với Cơ sở dữ liệu quốc gia về dân cư và dữ liệu giấy khám sức khỏe điện tử, thu lệ phí và cấp giấy phép lái xe mới. "
            "Giấy phép lái xe được trả trực tiếp hoặc qua dịch vụ bưu chính; giấy phép lái xe điện tử được tích hợp trên VNeID."
        ),
        requirements="Giấy phép lái xe còn hạn hoặc quá hạn dưới 12 tháng (quá hạn từ 12 tháng trở lên phải sát hạch lại lý thuyết); có giấy khám sức khỏe đủ điều kiện.",
        fees=[
            dict(
                name="Lệ phí cấp giấy phép lái xe",
                amount=135000,
                online_amount=115000,
                online_discount_percent=None,
                note="135.000 đồng/lần cấp khi nộp trực tiếp; 115.000 đồng khi nộp hồ sơ trực tuyến (Thông tư 37/2023/TT-BTC, Thông tư 63/2023/TT-BTC).",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị đổi, cấp lại giấy phép lái xe theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị đổi, cấp lại giấy phép lái xe (Mẫu ban hành kèm theo Thông tư 12/2025/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao giấy phép lái xe đang sử dụng",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao thẻ căn cước hoặc hộ chiếu",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(
                number="36/2024/QH15",
                title="Luật Trật tự, an toàn giao thông đường bộ",
                issued_on="2024-06-27",
                issuer="Quốc hội",
            ),
            dict(
                number="12/2025/TT-BCA",
                title="Thông tư quy định về sát hạch, cấp giấy phép lái xe; cấp, sử dụng giấy phép lái xe quốc tế",
                issued_on="2025-02-28",
                issuer="Bộ Công an",
            ),
            dict(
                number="37/2023/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ hoạt động trên các phương tiện",
                issued_on="2023-06-07",
                issuer="Bộ Tài chính",
            ),
            dict(
                number="63/2023/TT-BTC",
                title="Thông tư quy định mức thu một số khoản phí, lệ phí nhằm khuyến khích sử dụng dịch vụ công trực tuyến",
                issued_on="2023-10-16",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Giấy phép lái xe (bản cứng và bản điện tử trên VNeID)",
        result_en="Driving licence (card and electronic copy in VNeID)",
    ),
    dict(
        code="1.002809",
        name="Cấp lại giấy phép lái xe",
        name_en="Driving licence reissuance (lost licence)",
        sector="duong-bo",
        levels=["province"],
        agencies=["province:cong-an"],
        processing_days=10,
        processing_note="Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ, chụp ảnh và nộp lệ phí; trường hợp phải sát hạch lại thì theo lịch sát hạch.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người bị mất giấy phép lái xe nộp hồ sơ đề nghị cấp lại trực tuyến hoặc trực tiếp tại Công an cấp tỉnh. "
            "Cơ quan cấp giấy phép lái xe tra cứu hồ sơ gốc, xác minh giấy phép không bị thu giữ, xử lý vi phạm. "
            "Sau 05 ngày làm việc kể từ ngày nhận hồ sơ, nếu không phát hiện vi phạm thì cấp lại giấy phép lái xe."
        ),
        requirements="Giấy phép lái xe bị mất, còn thời hạn sử dụng hoặc quá hạn dưới 12 tháng; không trong thời gian bị tạm giữ, xử lý vi phạm.",
        fees=[
            dict(
                name="Lệ phí cấp giấy phép lái xe",
                amount=135000,
                online_amount=115000,
                online_discount_percent=None,
                note="135.000 đồng/lần cấp; 115.000 đồng khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị đổi, cấp lại giấy phép lái xe theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị đổi, cấp lại giấy phép lái xe (Mẫu ban hành kèm theo Thông tư 12/2025/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Giấy khám sức khỏe của người lái xe",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao thẻ căn cước hoặc hộ chiếu",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(
                number="36/2024/QH15",
                title="Luật Trật tự, an toàn giao thông đường bộ",
                issued_on="2024-06-27",
                issuer="Quốc hội",
            ),
            dict(
                number="12/2025/TT-BCA",
                title="Thông tư quy định về sát hạch, cấp giấy phép lái xe; cấp, sử dụng giấy phép lái xe quốc tế",
                issued_on="2025-02-28",
                issuer="Bộ Công an",
            ),
            dict(
                number="37/2023/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ hoạt động trên các phương tiện",
                issued_on="2023-06-07",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Giấy phép lái xe",
        result_en="Driving licence",
    ),
    dict(
        code="1.002835",
        name="Cấp giấy phép lái xe quốc tế",
        name_en="International driving permit",
        sector="duong-bo",
        levels=["province"],
        agencies=["province:cong-an"],
        processing_days=5,
        processing_note="Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người có giấy phép lái xe do Việt Nam cấp bằng vật liệu PET còn thời hạn nộp hồ sơ trực tuyến hoặc trực tiếp tại Công an cấp tỉnh. "
            "Cơ quan cấp giấy phép kiểm tra thông tin và cấp giấy phép lái xe quốc tế theo mẫu của Công ước Viên 1968 về giao thông đường bộ."
        ),
        requirements="Có giấy phép lái xe quốc gia do Việt Nam cấp còn thời hạn; thời hạn giấy phép lái xe quốc tế không quá 03 năm và không vượt quá thời hạn của giấy phép lái xe quốc gia.",
        fees=[
            dict(
                name="Lệ phí cấp giấy phép lái xe quốc tế",
                amount=135000,
                online_amount=115000,
                online_discount_percent=None,
                note="135.000 đồng/lần cấp; 115.000 đồng khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đề nghị cấp giấy phép lái xe quốc tế theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai đề nghị cấp giấy phép lái xe quốc tế (Mẫu ban hành kèm theo Thông tư 12/2025/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Ảnh chân dung cỡ 4x6 cm (hoặc ảnh chụp trực tuyến)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao thẻ căn cước hoặc hộ chiếu",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(
                number="36/2024/QH15",
                title="Luật Trật tự, an toàn giao thông đường bộ",
                issued_on="2024-06-27",
                issuer="Quốc hội",
            ),
            dict(
                number="12/2025/TT-BCA",
                title="Thông tư quy định về sát hạch, cấp giấy phép lái xe; cấp, sử dụng giấy phép lái xe quốc tế",
                issued_on="2025-02-28",
                issuer="Bộ Công an",
            ),
        ],
        result="Giấy phép lái xe quốc tế",
        result_en="International driving permit",
    ),
    dict(
        code="1.001577",
        name="Đăng ký xe mô tô, xe gắn máy lần đầu tại Công an cấp xã",
        name_en="First registration of motorcycles and mopeds at commune police",
        sector="duong-bo",
        levels=["commune"],
        agencies=["commune:cong-an"],
        processing_days=2,
        processing_note="Cấp chứng nhận đăng ký xe không quá 02 ngày làm việc; biển số được cấp ngay sau khi hồ sơ hợp lệ.",
        delivery="partly_online",
        methods=["direct", "online"],
        applicant_types=["citizen", "business"],
        description=(
            "Chủ xe kê khai giấy khai đăng ký xe trên Cổng Dịch vụ công, nhận mã hồ sơ và nộp lệ phí trực tuyến. "
            "Chủ xe đưa xe đến Công an cấp xã để kiểm tra thực tế, bấm chọn biển số ngẫu nhiên trên hệ thống. "
            "Chứng nhận đăng ký xe được trả trực tiếp hoặc qua dịch vụ bưu chính."
        ),
        requirements="Xe có nguồn gốc hợp pháp, đã nộp lệ phí trước bạ; chủ xe có thông tin trong Cơ sở dữ liệu quốc gia về dân cư.",
        fees=[
            dict(
                name="Lệ phí cấp chứng nhận đăng ký kèm biển số xe mô tô (khu vực I, xe trị giá trên 15 đến 40 triệu đồng)",
                amount=2000000,
                online_amount=None,
                online_discount_percent=None,
                note="Mức thu theo Thông tư 60/2023/TT-BTC; khu vực I gồm thành phố trực thuộc trung ương. Xe trị giá đến 15 triệu đồng thu 1.000.000 đồng; trên 40 triệu đồng thu 4.000.000 đồng.",
            ),
        ],
        components=[
            dict(
                name="Giấy khai đăng ký xe",
                originals=1,
                copies=0,
                mandatory=True,
                template="Giấy khai đăng ký xe (Mẫu ĐKX12 ban hành kèm theo Thông tư 79/2024/TT-BCA)",
                registry=False,
            ),
            dict(
                name="Chứng từ nguồn gốc xe (phiếu kiểm tra chất lượng xuất xưởng) và chứng từ chuyển quyền sở hữu xe",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Chứng từ lệ phí trước bạ (dữ liệu điện tử từ cơ quan thuế)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(name="Thẻ căn cước của chủ xe", originals=0, copies=1, mandatory=True, template="", registry=True),
        ],
        legal=[
            dict(
                number="36/2024/QH15",
                title="Luật Trật tự, an toàn giao thông đường bộ",
                issued_on="2024-06-27",
                issuer="Quốc hội",
            ),
            dict(
                number="79/2024/TT-BCA",
                title="Thông tư quy định về cấp, thu hồi chứng nhận đăng ký xe, biển số xe cơ giới, xe máy chuyên dùng",
                issued_on="2024-11-15",
                issuer="Bộ Công an",
            ),
            dict(
                number="60/2023/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí đăng ký, cấp biển phương tiện giao thông cơ giới đường bộ",
                issued_on="2023-09-07",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Chứng nhận đăng ký xe và biển số xe",
        result_en="Vehicle registration certificate and number plate",
    ),
    dict(
        code="1.002286",
        name="Cấp Giấy phép kinh doanh vận tải bằng xe ô tô",
        name_en="Licence for road transport business by car",
        sector="duong-bo",
        levels=["province"],
        agencies=["province:so-xay-dung"],
        processing_days=5,
        processing_note="Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Đơn vị kinh doanh vận tải nộp hồ sơ trên Cổng Dịch vụ công hoặc trực tiếp tại Sở Xây dựng. "
            "Sở Xây dựng thẩm định hồ sơ, kiểm tra điều kiện kinh doanh vận tải và cấp Giấy phép kinh doanh vận tải bằng xe ô tô. "
            "Trường hợp không cấp, Sở Xây dựng trả lời bằng văn bản và nêu rõ lý do."
        ),
        requirements="Có đăng ký kinh doanh vận tải; người điều hành vận tải đáp ứng điều kiện; phương tiện có thiết bị giám sát hành trình và camera theo quy định.",
        fees=[
            dict(
                name="Lệ phí cấp Giấy phép kinh doanh vận tải bằng xe ô tô",
                amount=200000,
                online_amount=None,
                online_discount_percent=50,
                note="200.000 đồng/giấy phép; giảm 50% khi nộp hồ sơ trực tuyến theo Nghị quyết của Hội đồng nhân dân thành phố.",
            ),
        ],
        components=[
            dict(
                name="Giấy đề nghị cấp Giấy phép kinh doanh vận tải theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Giấy đề nghị cấp Giấy phép kinh doanh vận tải (Mẫu số 01 Phụ lục Nghị định 158/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Bản sao văn bằng, chứng chỉ của người trực tiếp điều hành hoạt động vận tải",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Phương án kinh doanh vận tải bằng xe ô tô",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="35/2024/QH15", title="Luật Đường bộ", issued_on="2024-06-27", issuer="Quốc hội"),
            dict(
                number="158/2024/NĐ-CP",
                title="Nghị định quy định về hoạt động vận tải đường bộ",
                issued_on="2024-12-18",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy phép kinh doanh vận tải bằng xe ô tô",
        result_en="Road transport business licence",
    ),
    dict(
        code="1.002856",
        name="Cấp phù hiệu xe ô tô kinh doanh vận tải",
        name_en="Issuance of commercial transport badges for cars",
        sector="duong-bo",
        levels=["province"],
        agencies=["province:so-xay-dung"],
        processing_days=2,
        processing_note="Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Đơn vị kinh doanh vận tải đã được cấp Giấy phép kinh doanh vận tải nộp đề nghị cấp phù hiệu trực tuyến. "
            "Sở Xây dựng kiểm tra dữ liệu thiết bị giám sát hành trình trên hệ thống, cấp phù hiệu điện tử và cập nhật vào hệ thống quản lý vận tải."
        ),
        requirements="Phương tiện thuộc quyền sử dụng hợp pháp của đơn vị kinh doanh vận tải; đã truyền dữ liệu giám sát hành trình về Bộ Xây dựng.",
        fees=[
            dict(name="Lệ phí", amount=0, online_amount=None, online_discount_percent=None, note="Không thu lệ phí."),
        ],
        components=[
            dict(
                name="Giấy đề nghị cấp phù hiệu theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Giấy đề nghị cấp phù hiệu (Mẫu số 04 Phụ lục Nghị định 158/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy chứng nhận đăng ký xe hoặc hợp đồng thuê phương tiện",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(
                number="158/2024/NĐ-CP",
                title="Nghị định quy định về hoạt động vận tải đường bộ",
                issued_on="2024-12-18",
                issuer="Chính phủ",
            ),
            dict(
                number="36/2024/TT-BGTVT",
                title="Thông tư quy định về tổ chức, quản lý hoạt động vận tải bằng xe ô tô",
                issued_on="2024-11-15",
                issuer="Bộ Giao thông vận tải",
            ),
        ],
        result="Phù hiệu xe ô tô kinh doanh vận tải",
        result_en="Commercial transport badge",
    ),
    dict(
        code="1.002869",
        name="Cấp Giấy phép liên vận giữa Việt Nam, Lào và Campuchia",
        name_en="Cross-border transport permit between Vietnam, Laos and Cambodia",
        sector="duong-bo",
        levels=["central", "province"],
        agencies=["central:000.00.00.G22", "province:so-xay-dung"],
        processing_days=2,
        processing_note="Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Doanh nghiệp, hợp tác xã kinh doanh vận tải nộp hồ sơ trực tuyến đến Cục Đường bộ Việt Nam (Bộ Xây dựng) hoặc Sở Xây dựng theo phân cấp. "
            "Cơ quan cấp phép kiểm tra hồ sơ, đối chiếu giấy phép vận tải đường bộ quốc tế và cấp Giấy phép liên vận cho phương tiện."
        ),
        requirements="Doanh nghiệp đã được cấp Giấy phép vận tải đường bộ quốc tế; phương tiện đã được cấp chứng nhận kiểm định còn hiệu lực.",
        fees=[
            dict(
                name="Lệ phí cấp Giấy phép liên vận",
                amount=50000,
                online_amount=None,
                online_discount_percent=None,
                note="50.000 đồng/giấy phép.",
            ),
        ],
        components=[
            dict(
                name="Giấy đề nghị cấp Giấy phép liên vận theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Giấy đề nghị cấp Giấy phép liên vận CLV (Mẫu ban hành kèm theo Thông tư 39/2024/TT-BGTVT)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy chứng nhận đăng ký xe",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao hợp đồng vận chuyển hoặc văn bản chấp thuận khai thác tuyến",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="35/2024/QH15", title="Luật Đường bộ", issued_on="2024-06-27", issuer="Quốc hội"),
            dict(
                number="39/2024/TT-BGTVT",
                title="Thông tư hướng dẫn thực hiện các điều ước quốc tế về vận tải đường bộ qua biên giới",
                issued_on="2024-11-15",
                issuer="Bộ Giao thông vận tải",
            ),
        ],
        result="Giấy phép liên vận CLV",
        result_en="Cross-border transport permit",
    ),
    # ------------------------------------------------------------------
    # Đăng ký kinh doanh (business registration)
    # ------------------------------------------------------------------
    dict(
        code="2.001610",
        name="Đăng ký thành lập doanh nghiệp tư nhân",
        name_en="Registration of a sole proprietorship",
        sector="dang-ky-kinh-doanh",
        levels=["province"],
        agencies=["province:so-tai-chinh"],
        processing_days=3,
        processing_note="03 ngày làm việc kể từ ngày Phòng Đăng ký kinh doanh nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Chủ doanh nghiệp tư nhân nộp hồ sơ trên Cổng thông tin quốc gia về đăng ký doanh nghiệp (sử dụng tài khoản định danh điện tử) hoặc tại Phòng Đăng ký kinh doanh thuộc Sở Tài chính. "
            "Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ, tên doanh nghiệp và cấp Giấy chứng nhận đăng ký doanh nghiệp. "
            "Thông tin đăng ký được tự động chia sẻ với cơ quan thuế, cơ quan bảo hiểm xã hội."
        ),
        requirements="Mỗi cá nhân chỉ được quyền thành lập một doanh nghiệp tư nhân; chủ doanh nghiệp tư nhân không đồng thời là chủ hộ kinh doanh, thành viên hợp danh.",
        fees=[
            dict(
                name="Lệ phí đăng ký doanh nghiệp",
                amount=50000,
                online_amount=0,
                online_discount_percent=None,
                note="50.000 đồng/lần khi nộp trực tiếp; miễn lệ phí khi đăng ký qua mạng điện tử (Thông tư 47/2019/TT-BTC).",
            ),
            dict(
                name="Phí công bố nội dung đăng ký doanh nghiệp",
                amount=100000,
                online_amount=None,
                online_discount_percent=None,
                note="100.000 đồng/lần công bố trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.",
            ),
        ],
        components=[
            dict(
                name="Giấy đề nghị đăng ký doanh nghiệp tư nhân",
                originals=1,
                copies=0,
                mandatory=True,
                template="Giấy đề nghị đăng ký doanh nghiệp tư nhân (Phụ lục I-1 ban hành kèm theo Thông tư 68/2025/TT-BTC)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Văn bản ủy quyền cho người nộp hồ sơ (nếu có)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="59/2020/QH14", title="Luật Doanh nghiệp", issued_on="2020-06-17", issuer="Quốc hội"),
            dict(
                number="168/2025/NĐ-CP",
                title="Nghị định về đăng ký doanh nghiệp",
                issued_on="2025-06-30",
                issuer="Chính phủ",
            ),
            dict(
                number="68/2025/TT-BTC",
                title="Thông tư ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh",
                issued_on="2025-07-01",
                issuer="Bộ Tài chính",
            ),
            dict(
                number="47/2019/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp",
                issued_on="2019-08-05",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Giấy chứng nhận đăng ký doanh nghiệp",
        result_en="Enterprise registration certificate",
    ),
    dict(
        code="2.001199",
        name="Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
        name_en="Registration of a single-member limited liability company",
        sector="dang-ky-kinh-doanh",
        levels=["province"],
        agencies=["province:so-tai-chinh"],
        processing_days=3,
        processing_note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Người thành lập doanh nghiệp nộp hồ sơ qua Cổng thông tin quốc gia về đăng ký doanh nghiệp hoặc tại Phòng Đăng ký kinh doanh. "
            "Phòng Đăng ký kinh doanh xem xét tính hợp lệ của hồ sơ và cấp Giấy chứng nhận đăng ký doanh nghiệp; trường hợp hồ sơ chưa hợp lệ thì thông báo nội dung cần sửa đổi, bổ sung."
        ),
        requirements="Ngành, nghề đăng ký kinh doanh không bị cấm; tên doanh nghiệp đặt đúng quy định; hồ sơ hợp lệ và đã nộp đủ lệ phí.",
        fees=[
            dict(
                name="Lệ phí đăng ký doanh nghiệp",
                amount=50000,
                online_amount=0,
                online_discount_percent=None,
                note="Miễn lệ phí khi đăng ký qua mạng điện tử.",
            ),
            dict(
                name="Phí công bố nội dung đăng ký doanh nghiệp",
                amount=100000,
                online_amount=None,
                online_discount_percent=None,
                note="100.000 đồng/lần.",
            ),
        ],
        components=[
            dict(
                name="Giấy đề nghị đăng ký doanh nghiệp",
                originals=1,
                copies=0,
                mandatory=True,
                template="Giấy đề nghị đăng ký công ty TNHH một thành viên (Phụ lục I-2 Thông tư 68/2025/TT-BTC)",
                registry=False,
            ),
            dict(name="Điều lệ công ty", originals=1, copies=0, mandatory=True, template="", registry=False),
            dict(
                name="Bản sao giấy tờ pháp lý của chủ sở hữu và người đại diện theo pháp luật",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Danh sách chủ sở hữu hưởng lợi của doanh nghiệp",
                originals=1,
                copies=0,
                mandatory=True,
                template="Danh sách chủ sở hữu hưởng lợi (Phụ lục I-10 Thông tư 68/2025/TT-BTC)",
                registry=False,
            ),
        ],
        legal=[
            dict(number="59/2020/QH14", title="Luật Doanh nghiệp", issued_on="2020-06-17", issuer="Quốc hội"),
            dict(
                number="76/2025/QH15",
                title="Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp",
                issued_on="2025-06-17",
                issuer="Quốc hội",
            ),
            dict(
                number="168/2025/NĐ-CP",
                title="Nghị định về đăng ký doanh nghiệp",
                issued_on="2025-06-30",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận đăng ký doanh nghiệp",
        result_en="Enterprise registration certificate",
    ),
    dict(
        code="2.001185",
        name="Đăng ký thành lập công ty cổ phần",
        name_en="Registration of a joint-stock company",
        sector="dang-ky-kinh-doanh",
        levels=["province"],
        agencies=["province:so-tai-chinh"],
        processing_days=3,
        processing_note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Người thành lập doanh nghiệp hoặc người được ủy quyền nộp hồ sơ đăng ký thành lập công ty cổ phần trực tuyến hoặc trực tiếp. "
            "Phòng Đăng ký kinh doanh thuộc Sở Tài chính thẩm định hồ sơ và cấp Giấy chứng nhận đăng ký doanh nghiệp, đồng thời cấp mã số doanh nghiệp là mã số thuế."
        ),
        requirements="Có tối thiểu 03 cổ đông sáng lập; ngành, nghề kinh doanh không bị cấm; tên doanh nghiệp không trùng, không gây nhầm lẫn.",
        fees=[
            dict(
                name="Lệ phí đăng ký doanh nghiệp",
                amount=50000,
                online_amount=0,
                online_discount_percent=None,
                note="Miễn lệ phí khi đăng ký qua mạng điện tử.",
            ),
            dict(
                name="Phí công bố nội dung đăng ký doanh nghiệp",
                amount=100000,
                online_amount=None,
                online_discount_percent=None,
                note="100.000 đồng/lần.",
            ),
        ],
        components=[
            dict(
                name="Giấy đề nghị đăng ký doanh nghiệp",
                originals=1,
                copies=0,
                mandatory=True,
                template="Giấy đề nghị đăng ký công ty cổ phần (Phụ lục I-4 Thông tư 68/2025/TT-BTC)",
                registry=False,
            ),
            dict(name="Điều lệ công ty", originals=1, copies=0, mandatory=True, template="", registry=False),
            dict(
                name="Danh sách cổ đông sáng lập và cổ đông là nhà đầu tư nước ngoài",
                originals=1,
                copies=0,
                mandatory=True,
                template="Danh sách cổ đông sáng lập (Phụ lục I-7 Thông tư 68/2025/TT-BTC)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy tờ pháp lý của cá nhân, tổ chức là cổ đông sáng lập",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="59/2020/QH14", title="Luật Doanh nghiệp", issued_on="2020-06-17", issuer="Quốc hội"),
            dict(
                number="168/2025/NĐ-CP",
                title="Nghị định về đăng ký doanh nghiệp",
                issued_on="2025-06-30",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận đăng ký doanh nghiệp",
        result_en="Enterprise registration certificate",
    ),
    dict(
        code="2.002036",
        name="Đăng ký thay đổi người đại diện theo pháp luật của công ty trách nhiệm hữu hạn, công ty cổ phần",
        name_en="Change of legal representative of a limited liability or joint-stock company",
        sector="dang-ky-kinh-doanh",
        levels=["province"],
        agencies=["province:so-tai-chinh"],
        processing_days=3,
        processing_note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Doanh nghiệp nộp hồ sơ đăng ký thay đổi trong thời hạn 10 ngày kể từ ngày có quyết định thay đổi. "
            "Phòng Đăng ký kinh doanh kiểm tra hồ sơ, cập nhật thông tin vào Hệ thống thông tin quốc gia về đăng ký doanh nghiệp và cấp Giấy chứng nhận đăng ký doanh nghiệp mới."
        ),
        requirements="Có nghị quyết, quyết định của Hội đồng thành viên, Đại hội đồng cổ đông hoặc chủ sở hữu về việc thay đổi người đại diện theo pháp luật.",
        fees=[
            dict(
                name="Lệ phí đăng ký doanh nghiệp",
                amount=50000,
                online_amount=0,
                online_discount_percent=None,
                note="Miễn lệ phí khi đăng ký qua mạng điện tử.",
            ),
            dict(
                name="Phí công bố nội dung đăng ký doanh nghiệp",
                amount=100000,
                online_amount=None,
                online_discount_percent=None,
                note="100.000 đồng/lần.",
            ),
        ],
        components=[
            dict(
                name="Thông báo thay đổi nội dung đăng ký doanh nghiệp",
                originals=1,
                copies=0,
                mandatory=True,
                template="Thông báo thay đổi nội dung đăng ký doanh nghiệp (Phụ lục II-1 Thông tư 68/2025/TT-BTC)",
                registry=False,
            ),
            dict(
                name="Nghị quyết, quyết định và biên bản họp về việc thay đổi người đại diện theo pháp luật",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao giấy tờ pháp lý của người đại diện theo pháp luật mới",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="59/2020/QH14", title="Luật Doanh nghiệp", issued_on="2020-06-17", issuer="Quốc hội"),
            dict(
                number="168/2025/NĐ-CP",
                title="Nghị định về đăng ký doanh nghiệp",
                issued_on="2025-06-30",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận đăng ký doanh nghiệp (cấp mới)",
        result_en="Updated enterprise registration certificate",
    ),
    dict(
        code="1.005065",
        name="Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo",
        name_en="Notification of business suspension or early resumption",
        sector="dang-ky-kinh-doanh",
        levels=["province"],
        agencies=["province:so-tai-chinh"],
        processing_days=3,
        processing_note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Doanh nghiệp gửi thông báo chậm nhất 03 ngày làm việc trước ngày tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn. "
            "Phòng Đăng ký kinh doanh cập nhật tình trạng pháp lý của doanh nghiệp và cấp giấy xác nhận việc doanh nghiệp đăng ký tạm ngừng kinh doanh."
        ),
        requirements="Thời hạn tạm ngừng kinh doanh của mỗi lần thông báo không quá 01 năm.",
        fees=[
            dict(name="Lệ phí", amount=0, online_amount=None, online_discount_percent=None, note="Không thu lệ phí."),
        ],
        components=[
            dict(
                name="Thông báo về việc tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn",
                originals=1,
                copies=0,
                mandatory=True,
                template="Thông báo tạm ngừng kinh doanh (Phụ lục II-19 Thông tư 68/2025/TT-BTC)",
                registry=False,
            ),
            dict(
                name="Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="59/2020/QH14", title="Luật Doanh nghiệp", issued_on="2020-06-17", issuer="Quốc hội"),
            dict(
                number="168/2025/NĐ-CP",
                title="Nghị định về đăng ký doanh nghiệp",
                issued_on="2025-06-30",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh",
        result_en="Confirmation of registered suspension",
    ),
    dict(
        code="2.000575",
        name="Đăng ký thành lập hộ kinh doanh",
        name_en="Household business registration",
        sector="dang-ky-kinh-doanh",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=3,
        processing_note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Chủ hộ kinh doanh nộp hồ sơ đăng ký hộ kinh doanh tại Ủy ban nhân dân cấp xã nơi đặt trụ sở hộ kinh doanh hoặc qua Hệ thống thông tin quốc gia về đăng ký hộ kinh doanh. "
            "Cơ quan đăng ký kinh doanh cấp xã kiểm tra hồ sơ, tên hộ kinh doanh và cấp Giấy chứng nhận đăng ký hộ kinh doanh; thông tin được chia sẻ với cơ quan thuế."
        ),
        requirements="Ngành, nghề đăng ký kinh doanh không bị cấm; tên hộ kinh doanh không trùng với tên hộ kinh doanh đã đăng ký trong phạm vi cấp xã.",
        fees=[
            dict(
                name="Lệ phí đăng ký hộ kinh doanh",
                amount=100000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu theo Nghị quyết của Hội đồng nhân dân cấp tỉnh; giảm 50% khi nộp hồ sơ trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Giấy đề nghị đăng ký hộ kinh doanh",
                originals=1,
                copies=0,
                mandatory=True,
                template="Giấy đề nghị đăng ký hộ kinh doanh (Phụ lục III-1 Thông tư 68/2025/TT-BTC)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy tờ pháp lý của chủ hộ kinh doanh và các thành viên hộ gia đình",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên cùng đăng ký)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(
                number="168/2025/NĐ-CP",
                title="Nghị định về đăng ký doanh nghiệp",
                issued_on="2025-06-30",
                issuer="Chính phủ",
            ),
            dict(
                number="68/2025/TT-BTC",
                title="Thông tư ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh",
                issued_on="2025-07-01",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Giấy chứng nhận đăng ký hộ kinh doanh",
        result_en="Household business registration certificate",
    ),
    dict(
        code="2.002103",
        name="Cung cấp thông tin doanh nghiệp theo yêu cầu trên Cổng thông tin quốc gia về đăng ký doanh nghiệp",
        name_en="Provision of enterprise information from the National Business Registration Portal",
        sector="dang-ky-kinh-doanh",
        levels=["central"],
        agencies=["central:000.00.00.G13"],
        processing_days=3,
        processing_note="Không quá 03 ngày làm việc kể từ ngày nhận được yêu cầu và phí cung cấp thông tin.",
        delivery="information_only",
        methods=["online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Tổ chức, cá nhân gửi yêu cầu cung cấp thông tin đến Cục Phát triển doanh nghiệp tư nhân và kinh tế tập thể (Bộ Tài chính). "
            "Cơ quan quản lý Hệ thống thông tin quốc gia về đăng ký doanh nghiệp trích xuất thông tin, lập báo cáo và gửi cho người yêu cầu sau khi nhận phí."
        ),
        requirements="Không.",
        fees=[
            dict(
                name="Phí cung cấp thông tin về nội dung đăng ký doanh nghiệp",
                amount=20000,
                online_amount=None,
                online_discount_percent=None,
                note="20.000 đồng/bản thông tin của một doanh nghiệp.",
            ),
            dict(
                name="Phí cung cấp báo cáo tổng hợp về doanh nghiệp",
                amount=150000,
                online_amount=None,
                online_discount_percent=None,
                note="150.000 đồng/báo cáo.",
            ),
        ],
        components=[
            dict(
                name="Phiếu yêu cầu cung cấp thông tin doanh nghiệp",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của người yêu cầu hoặc văn bản giới thiệu của tổ chức",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="59/2020/QH14", title="Luật Doanh nghiệp", issued_on="2020-06-17", issuer="Quốc hội"),
            dict(
                number="47/2019/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp",
                issued_on="2019-08-05",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Thông tin, báo cáo về doanh nghiệp",
        result_en="Enterprise information report",
    ),
    # ------------------------------------------------------------------
    # Đất đai (land)
    # ------------------------------------------------------------------
    dict(
        code="1.012756",
        name="Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với cá nhân, hộ gia đình",
        name_en="First registration and land use right certificate for individuals and households",
        sector="dat-dai",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=20,
        processing_note="Không quá 20 ngày làm việc; không quá 30 ngày đối với xã miền núi, hải đảo, vùng có điều kiện kinh tế - xã hội khó khăn. Không tính thời gian thực hiện nghĩa vụ tài chính.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người sử dụng đất nộp hồ sơ tại Ủy ban nhân dân cấp xã hoặc Bộ phận một cửa nơi có đất. "
            "Ủy ban nhân dân cấp xã xác nhận hiện trạng sử dụng đất, tình trạng tranh chấp, sự phù hợp với quy hoạch và niêm yết công khai kết quả kiểm tra trong 15 ngày. "
            "Chi nhánh Văn phòng đăng ký đất đai đo đạc, cập nhật hồ sơ địa chính; sau khi người sử dụng đất hoàn thành nghĩa vụ tài chính, Chủ tịch Ủy ban nhân dân cấp xã ký cấp Giấy chứng nhận."
        ),
        requirements="Đất sử dụng ổn định, không có tranh chấp, không vi phạm pháp luật về đất đai; phù hợp với quy hoạch sử dụng đất.",
        fees=[
            dict(
                name="Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                amount=100000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu theo Nghị quyết của Hội đồng nhân dân cấp tỉnh; giảm 50% khi nộp hồ sơ trực tuyến.",
            ),
            dict(
                name="Phí thẩm định hồ sơ cấp Giấy chứng nhận",
                amount=400000,
                online_amount=None,
                online_discount_percent=None,
                note="Mức thu tham khảo đối với hộ gia đình, cá nhân tại khu vực phường; xã thu thấp hơn theo quy định của tỉnh.",
            ),
        ],
        components=[
            dict(
                name="Đơn đăng ký đất đai, tài sản gắn liền với đất",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK ban hành kèm theo Nghị định 151/2025/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai (nếu có)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=False,
            ),
            dict(
                name="Mảnh trích đo bản đồ địa chính thửa đất (nếu có)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ chứng minh nhân thân, nơi cư trú của người sử dụng đất",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="31/2024/QH15", title="Luật Đất đai", issued_on="2024-01-18", issuer="Quốc hội"),
            dict(
                number="101/2024/NĐ-CP",
                title="Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai",
                issued_on="2024-07-29",
                issuer="Chính phủ",
            ),
            dict(
                number="151/2025/NĐ-CP",
                title="Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai",
                issued_on="2025-06-12",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        result_en="Land use right and property ownership certificate",
    ),
    dict(
        code="1.012773",
        name="Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế",
        name_en="Registration of land changes due to transfer, donation or inheritance",
        sector="dat-dai",
        levels=["province"],
        agencies=["province:so-nong-nghiep-moi-truong"],
        processing_days=8,
        processing_note="Không quá 08 ngày làm việc đối với chuyển nhượng, tặng cho, thừa kế; không tính thời gian thực hiện nghĩa vụ tài chính và thời gian niêm yết.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Người sử dụng đất nộp hồ sơ tại Văn phòng đăng ký đất đai thuộc Sở Nông nghiệp và Môi trường, chi nhánh hoặc Bộ phận một cửa. "
            "Văn phòng đăng ký đất đai kiểm tra hồ sơ, gửi thông tin xác định nghĩa vụ tài chính đến cơ quan thuế, chỉnh lý hồ sơ địa chính và cơ sở dữ liệu đất đai. "
            "Người nhận chuyển quyền được xác nhận biến động trên Giấy chứng nhận đã cấp hoặc được cấp Giấy chứng nhận mới."
        ),
        requirements="Có Giấy chứng nhận; đất không có tranh chấp, không bị kê biên; còn thời hạn sử dụng đất; hợp đồng chuyển nhượng, tặng cho đã được công chứng hoặc chứng thực.",
        fees=[
            dict(
                name="Lệ phí đăng ký biến động đất đai",
                amount=30000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu theo Nghị quyết của Hội đồng nhân dân cấp tỉnh; giảm 50% khi nộp trực tuyến.",
            ),
            dict(
                name="Phí thẩm định hồ sơ đăng ký biến động",
                amount=500000,
                online_amount=None,
                online_discount_percent=None,
                note="Mức thu đối với hộ gia đình, cá nhân; tổ chức áp dụng mức thu riêng.",
            ),
        ],
        components=[
            dict(
                name="Đơn đăng ký biến động đất đai, tài sản gắn liền với đất",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)",
                registry=False,
            ),
            dict(
                name="Hợp đồng, văn bản về chuyển nhượng, tặng cho, thừa kế đã công chứng, chứng thực",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(name="Giấy chứng nhận đã cấp", originals=1, copies=0, mandatory=True, template="", registry=False),
            dict(
                name="Tờ khai lệ phí trước bạ, tờ khai thuế thu nhập cá nhân",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="31/2024/QH15", title="Luật Đất đai", issued_on="2024-01-18", issuer="Quốc hội"),
            dict(
                number="101/2024/NĐ-CP",
                title="Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai",
                issued_on="2024-07-29",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận đã xác nhận biến động hoặc Giấy chứng nhận mới",
        result_en="Certificate endorsed with the change or new certificate",
    ),
    dict(
        code="1.012781",
        name="Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        name_en="Exchange of land use right certificate",
        sector="dat-dai",
        levels=["province"],
        agencies=["province:so-nong-nghiep-moi-truong"],
        processing_days=7,
        processing_note="Không quá 07 ngày làm việc; trường hợp cấp đổi đồng loạt sau đo đạc lại bản đồ địa chính thì không quá 50 ngày.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Người sử dụng đất nộp hồ sơ đề nghị cấp đổi khi Giấy chứng nhận bị ố, nhòe, hư hỏng hoặc có thay đổi kết quả đo đạc. "
            "Văn phòng đăng ký đất đai kiểm tra hồ sơ, cập nhật cơ sở dữ liệu đất đai và trình Sở Nông nghiệp và Môi trường ký cấp Giấy chứng nhận mới."
        ),
        requirements="Giấy chứng nhận đã cấp bị ố, nhòe, rách, hư hỏng; hoặc thửa đất có thay đổi kích thước cạnh, diện tích do đo đạc lại.",
        fees=[
            dict(
                name="Lệ phí cấp đổi Giấy chứng nhận",
                amount=50000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu theo Nghị quyết của Hội đồng nhân dân cấp tỉnh; giảm 50% khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Đơn đăng ký biến động đất đai, tài sản gắn liền với đất",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)",
                registry=False,
            ),
            dict(
                name="Bản gốc Giấy chứng nhận đã cấp",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="31/2024/QH15", title="Luật Đất đai", issued_on="2024-01-18", issuer="Quốc hội"),
            dict(
                number="101/2024/NĐ-CP",
                title="Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai",
                issued_on="2024-07-29",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp đổi)",
        result_en="Exchanged land use right certificate",
    ),
    dict(
        code="1.012790",
        name="Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất",
        name_en="Reissuance of lost land use right certificate",
        sector="dat-dai",
        levels=["province"],
        agencies=["province:so-nong-nghiep-moi-truong"],
        processing_days=10,
        processing_note="Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ, không kể thời gian niêm yết thông báo mất Giấy chứng nhận (15 ngày).",
        delivery="partly_online",
        methods=["direct", "online"],
        applicant_types=["citizen", "business"],
        description=(
            "Người sử dụng đất khai báo mất Giấy chứng nhận với Ủy ban nhân dân cấp xã nơi có đất để niêm yết công khai; tổ chức đăng tin trên phương tiện thông tin đại chúng. "
            "Sau thời gian niêm yết, người sử dụng đất nộp hồ sơ đề nghị cấp lại tại Văn phòng đăng ký đất đai. "
            "Văn phòng đăng ký đất đai kiểm tra, hủy Giấy chứng nhận bị mất trong hồ sơ địa chính và trình cấp lại Giấy chứng nhận."
        ),
        requirements="Giấy chứng nhận bị mất đã được niêm yết, thông báo công khai theo quy định.",
        fees=[
            dict(
                name="Lệ phí cấp lại Giấy chứng nhận",
                amount=50000,
                online_amount=None,
                online_discount_percent=None,
                note="Mức thu theo Nghị quyết của Hội đồng nhân dân cấp tỉnh.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị cấp lại Giấy chứng nhận",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)",
                registry=False,
            ),
            dict(
                name="Giấy xác nhận của Ủy ban nhân dân cấp xã về việc đã niêm yết thông báo mất Giấy chứng nhận",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của người đề nghị",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="31/2024/QH15", title="Luật Đất đai", issued_on="2024-01-18", issuer="Quốc hội"),
            dict(
                number="101/2024/NĐ-CP",
                title="Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai",
                issued_on="2024-07-29",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp lại)",
        result_en="Reissued land use right certificate",
    ),
    dict(
        code="1.012799",
        name="Cung cấp thông tin, dữ liệu đất đai",
        name_en="Provision of land information and data",
        sector="dat-dai",
        levels=["central", "province"],
        agencies=["central:000.00.00.G11", "province:so-nong-nghiep-moi-truong"],
        processing_days=3,
        processing_note="Trong ngày làm việc nếu nhận yêu cầu trước 15 giờ; trường hợp cần tổng hợp dữ liệu thì không quá 03 ngày làm việc.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Tổ chức, cá nhân gửi phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai đến Văn phòng đăng ký đất đai cấp tỉnh hoặc Trung tâm dữ liệu thuộc Bộ Nông nghiệp và Môi trường. "
            "Cơ quan cung cấp dữ liệu kiểm tra, thông báo phí và cung cấp thông tin sau khi người yêu cầu nộp phí."
        ),
        requirements="Thông tin yêu cầu không thuộc danh mục bí mật nhà nước; người yêu cầu có mục đích sử dụng rõ ràng.",
        fees=[
            dict(
                name="Phí khai thác và sử dụng tài liệu đất đai",
                amount=150000,
                online_amount=None,
                online_discount_percent=None,
                note="Mức thu tham khảo cho 01 hồ sơ, thửa đất; mức cụ thể theo Nghị quyết của Hội đồng nhân dân cấp tỉnh hoặc biểu phí của Bộ Tài chính.",
            ),
        ],
        components=[
            dict(
                name="Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai",
                originals=1,
                copies=0,
                mandatory=True,
                template="Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai (Mẫu số 01/PYC Thông tư 34/2024/TT-BTNMT)",
                registry=False,
            ),
            dict(
                name="Văn bản ủy quyền hoặc giấy giới thiệu (trường hợp tổ chức yêu cầu)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="31/2024/QH15", title="Luật Đất đai", issued_on="2024-01-18", issuer="Quốc hội"),
            dict(
                number="34/2024/TT-BTNMT",
                title="Thông tư quy định kỹ thuật về cơ sở dữ liệu đất đai và hệ thống thông tin đất đai",
                issued_on="2024-12-31",
                issuer="Bộ Tài nguyên và Môi trường",
            ),
        ],
        result="Thông tin, dữ liệu đất đai (bản giấy hoặc điện tử)",
        result_en="Land information extract",
    ),
    dict(
        code="1.012810",
        name="Chuyển mục đích sử dụng đất đối với cá nhân",
        name_en="Change of land use purpose for individuals",
        sector="dat-dai",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=15,
        processing_note="Không quá 15 ngày làm việc kể từ ngày nhận đủ hồ sơ, không tính thời gian thực hiện nghĩa vụ tài chính.",
        delivery="partly_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Cá nhân nộp đơn xin chuyển mục đích sử dụng đất tại Bộ phận một cửa cấp xã. "
            "Cơ quan có chức năng quản lý đất đai cấp xã thẩm tra, xác minh thực địa, đối chiếu với kế hoạch sử dụng đất và trình Chủ tịch Ủy ban nhân dân cấp xã quyết định cho phép chuyển mục đích. "
            "Người sử dụng đất nộp tiền sử dụng đất và được chỉnh lý biến động trên Giấy chứng nhận."
        ),
        requirements="Việc chuyển mục đích phù hợp với quy hoạch sử dụng đất cấp xã hoặc quy hoạch chung, quy hoạch phân khu đã được phê duyệt.",
        fees=[
            dict(
                name="Lệ phí cấp Giấy chứng nhận (chỉnh lý biến động)",
                amount=30000,
                online_amount=None,
                online_discount_percent=None,
                note="Tiền sử dụng đất được tính riêng theo bảng giá đất và thông báo của cơ quan thuế.",
            ),
        ],
        components=[
            dict(
                name="Đơn xin chuyển mục đích sử dụng đất",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn xin chuyển mục đích sử dụng đất (Mẫu số 02c ban hành kèm theo Nghị định 102/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Giấy chứng nhận quyền sử dụng đất",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="31/2024/QH15", title="Luật Đất đai", issued_on="2024-01-18", issuer="Quốc hội"),
            dict(
                number="102/2024/NĐ-CP",
                title="Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai",
                issued_on="2024-07-30",
                issuer="Chính phủ",
            ),
            dict(
                number="151/2025/NĐ-CP",
                title="Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai",
                issued_on="2025-06-12",
                issuer="Chính phủ",
            ),
        ],
        result="Quyết định cho phép chuyển mục đích sử dụng đất; Giấy chứng nhận được chỉnh lý",
        result_en="Decision permitting change of land use purpose",
    ),
    # ------------------------------------------------------------------
    # Bảo hiểm xã hội, bảo hiểm y tế (social and health insurance)
    # ------------------------------------------------------------------
    dict(
        code="1.011935",
        name="Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        name_en="Health insurance card for children under 6",
        sector="bao-hiem",
        levels=["province"],
        agencies=["province:bhxh"],
        processing_days=1,
        processing_note="Không quá 01 ngày làm việc kể từ khi nhận hồ sơ liên thông từ Ủy ban nhân dân cấp xã.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Cha, mẹ hoặc người giám hộ nộp tờ khai tại Ủy ban nhân dân cấp xã hoặc trực tuyến, thường cùng hồ sơ đăng ký khai sinh. "
            "Ủy ban nhân dân cấp xã lập danh sách và chuyển dữ liệu điện tử đến cơ quan Bảo hiểm xã hội. "
            "Cơ quan Bảo hiểm xã hội cấp mã số bảo hiểm xã hội và thẻ bảo hiểm y tế điện tử cho trẻ, có thể sử dụng trên VssID, VNeID."
        ),
        requirements="Trẻ em dưới 6 tuổi đã có số định danh cá nhân; ngân sách nhà nước đóng bảo hiểm y tế.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí; ngân sách nhà nước đóng bảo hiểm y tế cho trẻ em dưới 6 tuổi.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (Mẫu TK1-TS)",
                registry=False,
            ),
            dict(
                name="Giấy khai sinh hoặc thông tin khai sinh của trẻ",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Danh sách trẻ em dưới 6 tuổi đề nghị cấp thẻ do Ủy ban nhân dân cấp xã lập",
                originals=1,
                copies=0,
                mandatory=False,
                template="Danh sách đối tượng tham gia BHYT (Mẫu D03-TS)",
                registry=False,
            ),
        ],
        legal=[
            dict(number="25/2008/QH12", title="Luật Bảo hiểm y tế", issued_on="2008-11-14", issuer="Quốc hội"),
            dict(
                number="51/2024/QH15",
                title="Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế",
                issued_on="2024-11-27",
                issuer="Quốc hội",
            ),
            dict(
                number="63/2024/NĐ-CP",
                title="Nghị định quy định việc thực hiện liên thông điện tử 02 nhóm thủ tục hành chính",
                issued_on="2024-06-10",
                issuer="Chính phủ",
            ),
        ],
        result="Thẻ bảo hiểm y tế (bản điện tử hoặc bản giấy)",
        result_en="Health insurance card",
    ),
    dict(
        code="1.011940",
        name="Giải quyết trợ cấp mai táng đối với thân nhân người đang tham gia, hưởng bảo hiểm xã hội",
        name_en="Funeral allowance for relatives of insured persons and pensioners",
        sector="bao-hiem",
        levels=["province"],
        agencies=["province:bhxh"],
        processing_days=5,
        processing_note="Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định; trường hợp liên thông với đăng ký khai tử thì không quá 03 ngày làm việc.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Thân nhân người chết nộp hồ sơ tại cơ quan Bảo hiểm xã hội hoặc thông qua hồ sơ liên thông đăng ký khai tử - xóa đăng ký thường trú - trợ cấp mai táng. "
            "Cơ quan Bảo hiểm xã hội kiểm tra quá trình tham gia, hưởng bảo hiểm xã hội của người chết và ra quyết định hưởng trợ cấp mai táng. "
            "Tiền trợ cấp được chi trả qua tài khoản ngân hàng hoặc qua hệ thống bưu điện."
        ),
        requirements="Người chết đang đóng bảo hiểm xã hội bắt buộc, đang bảo lưu thời gian đóng từ đủ 12 tháng trở lên hoặc đang hưởng lương hưu, trợ cấp tai nạn lao động hằng tháng.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai của thân nhân đề nghị giải quyết chế độ tử tuất",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai của thân nhân (Mẫu số 09-HSB ban hành kèm theo Quyết định 166/QĐ-BHXH)",
                registry=False,
            ),
            dict(
                name="Trích lục khai tử hoặc Giấy báo tử",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Sổ bảo hiểm xã hội của người chết (đối với người đang đóng bảo hiểm xã hội)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="41/2024/QH15", title="Luật Bảo hiểm xã hội", issued_on="2024-06-29", issuer="Quốc hội"),
            dict(
                number="63/2024/NĐ-CP",
                title="Nghị định quy định việc thực hiện liên thông điện tử 02 nhóm thủ tục hành chính",
                issued_on="2024-06-10",
                issuer="Chính phủ",
            ),
            dict(
                number="166/QĐ-BHXH",
                title="Quyết định ban hành Quy trình giải quyết hưởng các chế độ bảo hiểm xã hội, chi trả các chế độ bảo hiểm xã hội, bảo hiểm thất nghiệp",
                issued_on="2019-01-31",
                issuer="Bảo hiểm xã hội Việt Nam",
            ),
        ],
        result="Quyết định hưởng trợ cấp mai táng; tiền trợ cấp mai táng",
        result_en="Decision on funeral allowance and payment",
    ),
    dict(
        code="1.011941",
        name="Cấp lại, đổi, điều chỉnh thông tin trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế",
        name_en="Reissue, exchange or correction of social insurance book and health insurance card",
        sector="bao-hiem",
        levels=["province"],
        agencies=["province:bhxh"],
        processing_days=3,
        processing_note="Không quá 03 ngày làm việc đối với thẻ bảo hiểm y tế; không quá 05 ngày làm việc đối với sổ bảo hiểm xã hội.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Người tham gia nộp đề nghị trên ứng dụng VssID, Cổng Dịch vụ công quốc gia hoặc thông qua đơn vị sử dụng lao động. "
            "Cơ quan Bảo hiểm xã hội đối chiếu thông tin với Cơ sở dữ liệu quốc gia về dân cư, điều chỉnh cơ sở dữ liệu và cấp lại sổ, thẻ; thẻ bảo hiểm y tế điện tử được cập nhật ngay trên ứng dụng."
        ),
        requirements="Sổ bảo hiểm xã hội, thẻ bảo hiểm y tế bị mất, hỏng hoặc có thông tin sai lệch so với Cơ sở dữ liệu quốc gia về dân cư.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (Mẫu TK1-TS)",
                registry=False,
            ),
            dict(
                name="Giấy tờ chứng minh thông tin điều chỉnh (thẻ căn cước, giấy khai sinh...)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="41/2024/QH15", title="Luật Bảo hiểm xã hội", issued_on="2024-06-29", issuer="Quốc hội"),
            dict(number="25/2008/QH12", title="Luật Bảo hiểm y tế", issued_on="2008-11-14", issuer="Quốc hội"),
            dict(
                number="595/QĐ-BHXH",
                title="Quyết định ban hành Quy trình thu bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; quản lý sổ bảo hiểm xã hội, thẻ bảo hiểm y tế",
                issued_on="2017-04-14",
                issuer="Bảo hiểm xã hội Việt Nam",
            ),
        ],
        result="Sổ bảo hiểm xã hội, thẻ bảo hiểm y tế (cấp lại, điều chỉnh)",
        result_en="Reissued or corrected social insurance book / health insurance card",
    ),
    dict(
        code="1.011952",
        name="Giải quyết hưởng chế độ thai sản",
        name_en="Maternity benefit",
        sector="bao-hiem",
        levels=["province"],
        agencies=["province:bhxh"],
        processing_days=6,
        processing_note="Không quá 06 ngày làm việc kể từ ngày nhận đủ hồ sơ từ người sử dụng lao động hoặc người lao động.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Người lao động nộp hồ sơ cho người sử dụng lao động trong thời hạn 45 ngày kể từ ngày trở lại làm việc; người đã nghỉ việc nộp trực tiếp cho cơ quan Bảo hiểm xã hội. "
            "Người sử dụng lao động lập danh sách đề nghị và gửi dữ liệu điện tử đến cơ quan Bảo hiểm xã hội. "
            "Cơ quan Bảo hiểm xã hội giải quyết và chi trả trợ cấp thai sản qua tài khoản cá nhân."
        ),
        requirements="Đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trở lên trong thời gian 12 tháng trước khi sinh con hoặc nhận con nuôi.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Bản sao giấy khai sinh hoặc trích lục khai sinh của con",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Giấy ra viện hoặc giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội (dữ liệu điện tử từ cơ sở khám bệnh, chữa bệnh)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
            dict(
                name="Danh sách đề nghị giải quyết hưởng chế độ ốm đau, thai sản do người sử dụng lao động lập",
                originals=1,
                copies=0,
                mandatory=True,
                template="Danh sách đề nghị hưởng chế độ ốm đau, thai sản (Mẫu 01B-HSB)",
                registry=False,
            ),
        ],
        legal=[
            dict(number="41/2024/QH15", title="Luật Bảo hiểm xã hội", issued_on="2024-06-29", issuer="Quốc hội"),
            dict(
                number="158/2025/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc",
                issued_on="2025-06-25",
                issuer="Chính phủ",
            ),
        ],
        result="Quyết định hưởng chế độ thai sản; tiền trợ cấp",
        result_en="Maternity benefit decision and payment",
    ),
    dict(
        code="1.011960",
        name="Giải quyết hưởng bảo hiểm xã hội một lần",
        name_en="One-time social insurance payment",
        sector="bao-hiem",
        levels=["province"],
        agencies=["province:bhxh"],
        processing_days=10,
        processing_note="Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người lao động nộp đề nghị hưởng bảo hiểm xã hội một lần trên ứng dụng VssID, Cổng Dịch vụ công quốc gia hoặc tại cơ quan Bảo hiểm xã hội. "
            "Cơ quan Bảo hiểm xã hội kiểm tra quá trình đóng, tính mức hưởng và ra quyết định; tiền trợ cấp được chuyển vào tài khoản ngân hàng của người lao động."
        ),
        requirements="Thuộc trường hợp được hưởng bảo hiểm xã hội một lần theo Điều 70 Luật Bảo hiểm xã hội năm 2024 (đủ tuổi nghỉ hưu nhưng chưa đủ 15 năm đóng, ra nước ngoài định cư, mắc bệnh hiểm nghèo...).",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị hưởng bảo hiểm xã hội một lần",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị hưởng BHXH một lần (Mẫu số 14-HSB)",
                registry=False,
            ),
            dict(name="Sổ bảo hiểm xã hội", originals=1, copies=0, mandatory=True, template="", registry=False),
            dict(
                name="Giấy tờ chứng minh thuộc trường hợp được hưởng (thị thực định cư, biên bản giám định y khoa...)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="41/2024/QH15", title="Luật Bảo hiểm xã hội", issued_on="2024-06-29", issuer="Quốc hội"),
            dict(
                number="158/2025/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc",
                issued_on="2025-06-25",
                issuer="Chính phủ",
            ),
        ],
        result="Quyết định hưởng bảo hiểm xã hội một lần; tiền trợ cấp",
        result_en="Decision on one-time payment",
    ),
    dict(
        code="1.011965",
        name="Giải quyết hưởng lương hưu",
        name_en="Retirement pension",
        sector="bao-hiem",
        levels=["province"],
        agencies=["province:bhxh"],
        processing_days=20,
        processing_note="Không quá 20 ngày kể từ ngày nhận đủ hồ sơ; người sử dụng lao động nộp hồ sơ trong thời hạn 30 ngày trước thời điểm người lao động được hưởng lương hưu.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Người sử dụng lao động hoặc người lao động đang bảo lưu thời gian đóng nộp hồ sơ đề nghị hưởng lương hưu. "
            "Cơ quan Bảo hiểm xã hội thẩm định thời gian đóng, tính mức lương hưu và ra quyết định hưởng. "
            "Người lao động nhận quyết định và lương hưu hằng tháng qua tài khoản cá nhân hoặc qua hệ thống bưu điện."
        ),
        requirements="Đủ tuổi nghỉ hưu theo lộ trình của Bộ luật Lao động và có thời gian đóng bảo hiểm xã hội từ đủ 15 năm trở lên.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(name="Sổ bảo hiểm xã hội", originals=1, copies=0, mandatory=True, template="", registry=False),
            dict(
                name="Quyết định nghỉ việc hưởng chế độ hưu trí hoặc văn bản chấm dứt hợp đồng lao động hưởng chế độ hưu trí",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Đơn đề nghị hưởng lương hưu (đối với người đang bảo lưu thời gian đóng)",
                originals=1,
                copies=0,
                mandatory=False,
                template="Đơn đề nghị (Mẫu số 14-HSB)",
                registry=False,
            ),
        ],
        legal=[
            dict(number="41/2024/QH15", title="Luật Bảo hiểm xã hội", issued_on="2024-06-29", issuer="Quốc hội"),
            dict(number="45/2019/QH14", title="Bộ luật Lao động", issued_on="2019-11-20", issuer="Quốc hội"),
            dict(
                number="158/2025/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc",
                issued_on="2025-06-25",
                issuer="Chính phủ",
            ),
        ],
        result="Quyết định hưởng lương hưu hằng tháng",
        result_en="Pension decision",
    ),
    dict(
        code="1.011970",
        name="Cấp mã số bảo hiểm xã hội cho người tham gia bảo hiểm xã hội, bảo hiểm y tế",
        name_en="Issuance of social insurance numbers",
        sector="bao-hiem",
        levels=["central"],
        agencies=["central:000.00.00.G18"],
        processing_days=1,
        processing_note="Trong ngày làm việc kể từ khi nhận dữ liệu hợp lệ qua hệ thống điện tử.",
        delivery="full_online",
        methods=["online"],
        applicant_types=["citizen", "business"],
        description=(
            "Đơn vị sử dụng lao động, Ủy ban nhân dân cấp xã hoặc cá nhân gửi dữ liệu đề nghị cấp mã số bảo hiểm xã hội qua hệ thống giao dịch điện tử của Bảo hiểm xã hội Việt Nam. "
            "Hệ thống tự động đối chiếu số định danh cá nhân với Cơ sở dữ liệu quốc gia về dân cư và cấp mã số bảo hiểm xã hội (trùng với số định danh cá nhân)."
        ),
        requirements="Người tham gia có số định danh cá nhân đã được xác thực với Cơ sở dữ liệu quốc gia về dân cư.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế (dữ liệu điện tử)",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (Mẫu TK1-TS)",
                registry=False,
            ),
            dict(
                name="Thông tin nhân thân trong Cơ sở dữ liệu quốc gia về dân cư",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="41/2024/QH15", title="Luật Bảo hiểm xã hội", issued_on="2024-06-29", issuer="Quốc hội"),
            dict(
                number="595/QĐ-BHXH",
                title="Quyết định ban hành Quy trình thu bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; quản lý sổ bảo hiểm xã hội, thẻ bảo hiểm y tế",
                issued_on="2017-04-14",
                issuer="Bảo hiểm xã hội Việt Nam",
            ),
        ],
        result="Mã số bảo hiểm xã hội",
        result_en="Social insurance number",
    ),
    dict(
        code="1.011975",
        name="Tra cứu quá trình tham gia bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo hiểm y tế",
        name_en="Lookup of social, unemployment and health insurance contribution history",
        sector="bao-hiem",
        levels=["central"],
        agencies=["central:000.00.00.G18"],
        processing_days=1,
        processing_note="Tra cứu trực tuyến tức thời; cấp văn bản xác nhận quá trình đóng trong 01 ngày làm việc.",
        delivery="information_only",
        methods=["online", "direct"],
        applicant_types=["citizen"],
        description=(
            "Người tham gia đăng nhập ứng dụng VssID hoặc Cổng Dịch vụ công bằng tài khoản định danh điện tử để tra cứu quá trình đóng bảo hiểm. "
            "Trường hợp cần văn bản xác nhận, người tham gia gửi yêu cầu đến cơ quan Bảo hiểm xã hội để được cấp bản in có xác nhận."
        ),
        requirements="Có tài khoản định danh điện tử mức độ 2 hoặc tài khoản VssID.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Yêu cầu tra cứu (thông tin đăng nhập tài khoản định danh điện tử)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Đơn đề nghị cấp văn bản xác nhận quá trình đóng (nếu cần bản giấy)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="41/2024/QH15", title="Luật Bảo hiểm xã hội", issued_on="2024-06-29", issuer="Quốc hội"),
            dict(
                number="69/2024/NĐ-CP",
                title="Nghị định quy định về định danh và xác thực điện tử",
                issued_on="2024-06-25",
                issuer="Chính phủ",
            ),
        ],
        result="Thông tin quá trình tham gia bảo hiểm",
        result_en="Insurance contribution history",
    ),
    # ------------------------------------------------------------------
    # Giáo dục và Đào tạo (education)
    # ------------------------------------------------------------------
    dict(
        code="1.008776",
        name="Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp để sử dụng tại Việt Nam",
        name_en="Recognition of diplomas issued by foreign institutions",
        sector="giao-duc",
        levels=["central", "province"],
        agencies=["central:000.00.00.G06", "province:so-giao-duc"],
        processing_days=20,
        processing_note="Không quá 20 ngày làm việc; trường hợp phải xác minh với cơ sở giáo dục nước ngoài thì không quá 45 ngày làm việc.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người đề nghị nộp hồ sơ trực tuyến đến Cục Quản lý chất lượng (Bộ Giáo dục và Đào tạo) đối với văn bằng giáo dục đại học, "
            "hoặc đến Sở Giáo dục và Đào tạo đối với văn bằng trung học phổ thông. Cơ quan công nhận kiểm tra hồ sơ, xác minh thông tin văn bằng khi cần thiết "
            "và cấp văn bản công nhận; thông tin được công bố trên cổng thông tin điện tử của cơ quan công nhận."
        ),
        requirements="Chương trình đào tạo đã được kiểm định chất lượng hoặc cơ sở giáo dục nước ngoài được cơ quan có thẩm quyền của nước đó cho phép đào tạo và cấp bằng.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị công nhận văn bằng",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị công nhận văn bằng (Mẫu ban hành kèm theo Thông tư 13/2021/TT-BGDĐT)",
                registry=False,
            ),
            dict(
                name="Bản sao văn bằng đề nghị công nhận kèm bản dịch tiếng Việt có chứng thực",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao phụ lục văn bằng hoặc bảng điểm kèm bản dịch",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Văn bản ủy quyền xác minh thông tin văn bằng",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="43/2019/QH14", title="Luật Giáo dục", issued_on="2019-06-14", issuer="Quốc hội"),
            dict(
                number="13/2021/TT-BGDĐT",
                title="Thông tư quy định về điều kiện, trình tự, thủ tục, thẩm quyền công nhận văn bằng do cơ sở giáo dục nước ngoài cấp để sử dụng tại Việt Nam",
                issued_on="2021-04-15",
                issuer="Bộ Giáo dục và Đào tạo",
            ),
        ],
        result="Văn bản công nhận văn bằng",
        result_en="Diploma recognition certificate",
    ),
    dict(
        code="2.001914",
        name="Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
        name_en="Certified copies of diplomas from the master register",
        sector="giao-duc",
        levels=["province"],
        agencies=["province:so-giao-duc"],
        processing_days=1,
        processing_note="Ngay trong ngày làm việc; trường hợp yêu cầu nhiều bản hoặc sổ gốc lưu trữ lâu năm thì không quá 03 ngày làm việc.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người có tên trong sổ gốc hoặc người được ủy quyền nộp yêu cầu trực tuyến hoặc trực tiếp tại Sở Giáo dục và Đào tạo đang quản lý sổ gốc. "
            "Sở Giáo dục và Đào tạo kiểm tra sổ gốc, cấp bản sao văn bằng, chứng chỉ (bằng tốt nghiệp trung học phổ thông, chứng chỉ...) cho người yêu cầu."
        ),
        requirements="Văn bằng, chứng chỉ đã được cấp và ghi trong sổ gốc do Sở Giáo dục và Đào tạo quản lý.",
        fees=[
            dict(
                name="Phí cấp bản sao từ sổ gốc",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí; người yêu cầu nhận qua bưu chính trả cước theo giá dịch vụ.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy tờ tùy thân của người yêu cầu",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(
                name="Văn bản ủy quyền (trường hợp người khác yêu cầu thay)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(
                number="21/2019/TT-BGDĐT",
                title="Thông tư ban hành Quy chế quản lý bằng tốt nghiệp trung học cơ sở, bằng tốt nghiệp trung học phổ thông, văn bằng giáo dục đại học và chứng chỉ",
                issued_on="2019-11-29",
                issuer="Bộ Giáo dục và Đào tạo",
            ),
            dict(
                number="23/2015/NĐ-CP",
                title="Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
                issued_on="2015-02-16",
                issuer="Chính phủ",
            ),
        ],
        result="Bản sao văn bằng, chứng chỉ từ sổ gốc",
        result_en="Certified copy of diploma",
    ),
    dict(
        code="2.001915",
        name="Chỉnh sửa nội dung văn bằng, chứng chỉ",
        name_en="Correction of diploma or certificate details",
        sector="giao-duc",
        levels=["province"],
        agencies=["province:so-giao-duc"],
        processing_days=5,
        processing_note="Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người được cấp văn bằng nộp đơn đề nghị chỉnh sửa kèm giấy tờ làm căn cứ (quyết định thay đổi, cải chính hộ tịch...) tại Sở Giáo dục và Đào tạo. "
            "Giám đốc Sở Giáo dục và Đào tạo ra quyết định chỉnh sửa; nội dung chỉnh sửa được ghi vào phụ lục hoặc cấp văn bằng mới theo quy định."
        ),
        requirements="Nội dung ghi trên văn bằng bị ghi sai do lỗi của cơ quan cấp hoặc người học được cải chính hộ tịch, xác định lại dân tộc, giới tính.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị chỉnh sửa văn bằng, chứng chỉ",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Văn bằng, chứng chỉ đề nghị chỉnh sửa (bản chính)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Trích lục hoặc quyết định thay đổi, cải chính hộ tịch",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
            dict(name="Giấy khai sinh", originals=0, copies=1, mandatory=False, template="", registry=True),
        ],
        legal=[
            dict(
                number="21/2019/TT-BGDĐT",
                title="Thông tư ban hành Quy chế quản lý bằng tốt nghiệp trung học cơ sở, bằng tốt nghiệp trung học phổ thông, văn bằng giáo dục đại học và chứng chỉ",
                issued_on="2019-11-29",
                issuer="Bộ Giáo dục và Đào tạo",
            ),
        ],
        result="Quyết định chỉnh sửa văn bằng, chứng chỉ",
        result_en="Decision correcting the diploma",
    ),
    dict(
        code="1.005095",
        name="Đăng ký dự thi tốt nghiệp trung học phổ thông",
        name_en="Registration for the national high school graduation examination",
        sector="giao-duc",
        levels=["province"],
        agencies=["province:so-giao-duc"],
        processing_days=1,
        processing_note="Đăng ký trực tuyến trong thời gian quy định tại kế hoạch tổ chức kỳ thi hằng năm; xác nhận ngay trên hệ thống.",
        delivery="full_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Học sinh lớp 12 đăng ký dự thi trực tuyến qua Hệ thống quản lý thi bằng tài khoản do nhà trường cấp; thí sinh tự do đăng ký tại điểm tiếp nhận do Sở Giáo dục và Đào tạo quy định. "
            "Nhà trường, điểm tiếp nhận kiểm tra, xác nhận thông tin; Sở Giáo dục và Đào tạo duyệt danh sách và xếp phòng thi."
        ),
        requirements="Đã học xong chương trình trung học phổ thông; không trong thời gian bị kỷ luật cấm thi.",
        fees=[
            dict(
                name="Lệ phí dự thi",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu lệ phí dự thi đối với học sinh; thí sinh tự do nộp theo quy định của địa phương.",
            ),
        ],
        components=[
            dict(
                name="Phiếu đăng ký dự thi",
                originals=1,
                copies=0,
                mandatory=True,
                template="Phiếu đăng ký dự thi tốt nghiệp THPT (Mẫu ban hành kèm theo Thông tư 24/2024/TT-BGDĐT)",
                registry=False,
            ),
            dict(name="Bản sao thẻ căn cước", originals=0, copies=1, mandatory=True, template="", registry=True),
            dict(
                name="Giấy tờ chứng nhận ưu tiên, khuyến khích (nếu có)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="43/2019/QH14", title="Luật Giáo dục", issued_on="2019-06-14", issuer="Quốc hội"),
            dict(
                number="24/2024/TT-BGDĐT",
                title="Thông tư ban hành Quy chế thi tốt nghiệp trung học phổ thông",
                issued_on="2024-12-24",
                issuer="Bộ Giáo dục và Đào tạo",
            ),
        ],
        result="Xác nhận đăng ký dự thi; Giấy báo dự thi",
        result_en="Examination registration confirmation",
    ),
    dict(
        code="2.002480",
        name="Chuyển trường đối với học sinh trung học cơ sở",
        name_en="School transfer for lower secondary students",
        sector="giao-duc",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=3,
        processing_note="Không quá 03 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        delivery="partly_online",
        methods=["direct", "online"],
        applicant_types=["citizen"],
        description=(
            "Cha, mẹ hoặc người giám hộ nộp đơn đề nghị chuyển trường tại trường nơi chuyển đến. "
            "Hiệu trưởng trường nơi chuyển đến tiếp nhận; trường hợp chuyển giữa các xã, phường thì Ủy ban nhân dân cấp xã nơi chuyển đến xác nhận và điều phối. "
            "Trường nơi chuyển đi trả hồ sơ học sinh qua cơ sở dữ liệu ngành giáo dục."
        ),
        requirements="Học sinh chuyển nơi cư trú theo cha mẹ hoặc người giám hộ, hoặc có lý do chính đáng được chấp thuận.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Đơn xin chuyển trường do cha, mẹ hoặc người giám hộ ký",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Học bạ (bản chính hoặc học bạ số)",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy xác nhận thông tin về cư trú (khi chuyển nơi cư trú)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(number="43/2019/QH14", title="Luật Giáo dục", issued_on="2019-06-14", issuer="Quốc hội"),
            dict(
                number="50/2021/TT-BGDĐT",
                title="Thông tư sửa đổi Quy định chuyển trường và tiếp nhận học sinh học tại các trường trung học cơ sở và trung học phổ thông",
                issued_on="2021-12-31",
                issuer="Bộ Giáo dục và Đào tạo",
            ),
        ],
        result="Học sinh được tiếp nhận vào trường mới",
        result_en="Student admitted to the new school",
    ),
    dict(
        code="1.005097",
        name="Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục",
        name_en="Operating permit for foreign language and IT centres",
        sector="giao-duc",
        levels=["province"],
        agencies=["province:so-giao-duc"],
        processing_days=20,
        processing_note="Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, bao gồm thời gian kiểm tra thực tế.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Tổ chức, cá nhân nộp hồ sơ tại Sở Giáo dục và Đào tạo. "
            "Sở Giáo dục và Đào tạo thẩm định hồ sơ, tổ chức kiểm tra thực tế cơ sở vật chất, đội ngũ giáo viên, chương trình giảng dạy. "
            "Giám đốc Sở ra quyết định cho phép hoạt động giáo dục nếu đủ điều kiện."
        ),
        requirements="Có quyết định thành lập hoặc giấy chứng nhận đăng ký; có cơ sở vật chất, đội ngũ giáo viên, chương trình, tài liệu đáp ứng quy định tại Nghị định 125/2024/NĐ-CP.",
        fees=[
            dict(
                name="Phí thẩm định điều kiện hoạt động",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Tờ trình đề nghị cho phép hoạt động giáo dục",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Danh sách đội ngũ giáo viên kèm bản sao văn bằng, chứng chỉ",
                originals=1,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Chương trình, tài liệu giảng dạy",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="43/2019/QH14", title="Luật Giáo dục", issued_on="2019-06-14", issuer="Quốc hội"),
            dict(
                number="125/2024/NĐ-CP",
                title="Nghị định quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục",
                issued_on="2024-10-05",
                issuer="Chính phủ",
            ),
        ],
        result="Quyết định cho phép hoạt động giáo dục",
        result_en="Decision permitting educational activities",
    ),
    # ------------------------------------------------------------------
    # Hoạt động xây dựng (construction)
    # ------------------------------------------------------------------
    dict(
        code="1.009994",
        name="Cấp giấy phép xây dựng nhà ở riêng lẻ",
        name_en="Building permit for detached houses",
        sector="xay-dung",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=15,
        processing_note="Không quá 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Chủ đầu tư nộp hồ sơ đề nghị cấp giấy phép xây dựng tại Bộ phận một cửa của Ủy ban nhân dân cấp xã hoặc qua Cổng Dịch vụ công. "
            "Cơ quan chuyên môn cấp xã thẩm định hồ sơ, kiểm tra thực địa, đối chiếu với quy hoạch chi tiết, thiết kế đô thị. "
            "Chủ tịch Ủy ban nhân dân cấp xã cấp giấy phép xây dựng; trường hợp không đủ điều kiện thì thông báo bằng văn bản nêu rõ lý do."
        ),
        requirements="Phù hợp với mục đích sử dụng đất theo quy hoạch; bảo đảm an toàn cho công trình và công trình lân cận; thiết kế tuân thủ quy chuẩn, tiêu chuẩn xây dựng.",
        fees=[
            dict(
                name="Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ",
                amount=75000,
                online_amount=None,
                online_discount_percent=50,
                note="75.000 đồng/giấy phép (mức thu tại Hà Nội); giảm 50% khi nộp hồ sơ trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị cấp giấy phép xây dựng",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II Nghị định 175/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy tờ chứng minh quyền sử dụng đất",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="02 bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)",
                originals=2,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản cam kết bảo đảm an toàn đối với công trình liền kề (nếu có)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="50/2014/QH13", title="Luật Xây dựng", issued_on="2014-06-18", issuer="Quốc hội"),
            dict(
                number="62/2020/QH14",
                title="Luật sửa đổi, bổ sung một số điều của Luật Xây dựng",
                issued_on="2020-06-17",
                issuer="Quốc hội",
            ),
            dict(
                number="175/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
                issued_on="2024-12-30",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy phép xây dựng",
        result_en="Building permit",
    ),
    dict(
        code="1.009995",
        name="Gia hạn, điều chỉnh giấy phép xây dựng nhà ở riêng lẻ",
        name_en="Extension or amendment of detached house building permit",
        sector="xay-dung",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=5,
        processing_note="Gia hạn: không quá 05 ngày làm việc; điều chỉnh: không quá 15 ngày kể từ ngày nhận đủ hồ sơ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Trước thời điểm giấy phép hết hiệu lực khởi công, chủ đầu tư nộp đề nghị gia hạn tại Ủy ban nhân dân cấp xã đã cấp giấy phép. "
            "Cơ quan cấp phép kiểm tra và ghi gia hạn vào giấy phép đã cấp hoặc cấp giấy phép điều chỉnh."
        ),
        requirements="Công trình chưa khởi công khi giấy phép hết hiệu lực; mỗi giấy phép chỉ được gia hạn tối đa 02 lần, mỗi lần 12 tháng.",
        fees=[
            dict(
                name="Lệ phí gia hạn giấy phép xây dựng",
                amount=15000,
                online_amount=None,
                online_discount_percent=None,
                note="15.000 đồng/giấy phép.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị gia hạn, điều chỉnh giấy phép xây dựng",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị gia hạn giấy phép xây dựng (Mẫu số 02 Phụ lục II Nghị định 175/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Bản chính giấy phép xây dựng đã được cấp",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="50/2014/QH13", title="Luật Xây dựng", issued_on="2014-06-18", issuer="Quốc hội"),
            dict(
                number="175/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
                issued_on="2024-12-30",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy phép xây dựng được gia hạn hoặc điều chỉnh",
        result_en="Extended or amended building permit",
    ),
    dict(
        code="1.009972",
        name="Cấp giấy phép xây dựng mới đối với công trình không theo tuyến",
        name_en="Building permit for new non-linear works",
        sector="xay-dung",
        levels=["province"],
        agencies=["province:so-xay-dung"],
        processing_days=20,
        processing_note="Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xem xét thêm thì gia hạn không quá 10 ngày.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Chủ đầu tư nộp hồ sơ đề nghị cấp giấy phép xây dựng tại Sở Xây dựng. "
            "Sở Xây dựng kiểm tra hồ sơ, lấy ý kiến các cơ quan quản lý nhà nước về các lĩnh vực liên quan, đối chiếu với quy hoạch và kết quả thẩm định thiết kế. "
            "Giám đốc Sở Xây dựng cấp giấy phép xây dựng cho công trình cấp I, cấp II trên địa bàn."
        ),
        requirements="Công trình phù hợp quy hoạch được duyệt; thiết kế xây dựng đã được thẩm định; có giấy tờ hợp pháp về đất đai.",
        fees=[
            dict(
                name="Lệ phí cấp giấy phép xây dựng công trình khác",
                amount=150000,
                online_amount=None,
                online_discount_percent=None,
                note="150.000 đồng/giấy phép.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị cấp giấy phép xây dựng",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II Nghị định 175/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy tờ hợp pháp về đất đai",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Văn bản thông báo kết quả thẩm định thiết kế xây dựng của cơ quan chuyên môn",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="02 bộ bản vẽ thiết kế xây dựng triển khai sau thiết kế cơ sở",
                originals=2,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="50/2014/QH13", title="Luật Xây dựng", issued_on="2014-06-18", issuer="Quốc hội"),
            dict(
                number="62/2020/QH14",
                title="Luật sửa đổi, bổ sung một số điều của Luật Xây dựng",
                issued_on="2020-06-17",
                issuer="Quốc hội",
            ),
            dict(
                number="175/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
                issued_on="2024-12-30",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy phép xây dựng",
        result_en="Building permit",
    ),
    dict(
        code="1.009975",
        name="Cấp giấy phép sửa chữa, cải tạo công trình",
        name_en="Permit for repair or renovation of works",
        sector="xay-dung",
        levels=["province"],
        agencies=["province:so-xay-dung"],
        processing_days=20,
        processing_note="Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Chủ đầu tư nộp hồ sơ tại Sở Xây dựng. "
            "Sở Xây dựng kiểm tra hiện trạng, đánh giá ảnh hưởng của việc sửa chữa, cải tạo đến kết cấu chịu lực và công trình lân cận, sau đó cấp giấy phép."
        ),
        requirements="Việc sửa chữa, cải tạo làm thay đổi kết cấu chịu lực, công năng hoặc kiến trúc mặt ngoài của công trình.",
        fees=[
            dict(
                name="Lệ phí cấp giấy phép sửa chữa, cải tạo",
                amount=150000,
                online_amount=None,
                online_discount_percent=50,
                note="150.000 đồng/giấy phép; giảm 50% khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị cấp giấy phép sửa chữa, cải tạo công trình",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị cấp giấy phép sửa chữa, cải tạo (Mẫu số 01 Phụ lục II Nghị định 175/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Bản sao giấy tờ về quyền sở hữu, quản lý, sử dụng công trình",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản vẽ, ảnh chụp hiện trạng của bộ phận, hạng mục công trình đề nghị sửa chữa",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="50/2014/QH13", title="Luật Xây dựng", issued_on="2014-06-18", issuer="Quốc hội"),
            dict(
                number="175/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
                issued_on="2024-12-30",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy phép sửa chữa, cải tạo công trình",
        result_en="Renovation permit",
    ),
    dict(
        code="1.009990",
        name="Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
        name_en="Construction practising certificate (class II and III)",
        sector="xay-dung",
        levels=["province"],
        agencies=["province:so-xay-dung"],
        processing_days=20,
        processing_note="Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ, bao gồm thời gian sát hạch.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Cá nhân nộp hồ sơ trực tuyến qua Cổng Dịch vụ công hoặc trực tiếp tại Sở Xây dựng. "
            "Sở Xây dựng thẩm định hồ sơ, tổ chức sát hạch trên phần mềm trắc nghiệm, xét cấp chứng chỉ và đăng tải thông tin lên Hệ thống thông tin quốc gia về hoạt động xây dựng."
        ),
        requirements="Có trình độ chuyên môn phù hợp; có kinh nghiệm tham gia công việc phù hợp với nội dung đề nghị cấp chứng chỉ; đạt yêu cầu sát hạch.",
        fees=[
            dict(
                name="Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng",
                amount=300000,
                online_amount=None,
                online_discount_percent=50,
                note="300.000 đồng/chứng chỉ theo Thông tư 38/2022/TT-BTC; giảm 50% khi nộp hồ sơ trực tuyến.",
            ),
            dict(
                name="Phí sát hạch cấp chứng chỉ hành nghề",
                amount=300000,
                online_amount=None,
                online_discount_percent=None,
                note="300.000 đồng/lần sát hạch/lĩnh vực.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị cấp chứng chỉ hành nghề (Mẫu số 01 Phụ lục IV Nghị định 175/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Ảnh màu cỡ 4x6 cm chụp trong thời gian không quá 06 tháng",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Văn bằng đào tạo chuyên môn (bản sao điện tử có chứng thực)",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản khai kinh nghiệm công việc chuyên môn",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="50/2014/QH13", title="Luật Xây dựng", issued_on="2014-06-18", issuer="Quốc hội"),
            dict(
                number="175/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
                issued_on="2024-12-30",
                issuer="Chính phủ",
            ),
            dict(
                number="38/2022/TT-BTC",
                title="Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp chứng chỉ hành nghề hoạt động xây dựng",
                issued_on="2022-06-24",
                issuer="Bộ Tài chính",
            ),
        ],
        result="Chứng chỉ hành nghề hoạt động xây dựng (bản điện tử)",
        result_en="Construction practising certificate",
    ),
    dict(
        code="1.009985",
        name="Cấp chứng chỉ hành nghề hoạt động xây dựng hạng I",
        name_en="Construction practising certificate (class I)",
        sector="xay-dung",
        levels=["central"],
        agencies=["central:000.00.00.G22"],
        processing_days=20,
        processing_note="Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Cá nhân nộp hồ sơ trực tuyến đến Cục Kinh tế - Quản lý đầu tư xây dựng (Bộ Xây dựng). "
            "Hội đồng xét cấp chứng chỉ hành nghề của Bộ Xây dựng thẩm định hồ sơ, tổ chức sát hạch và xét cấp chứng chỉ hạng I."
        ),
        requirements="Có trình độ đại học trở lên thuộc chuyên ngành phù hợp; có từ 07 năm kinh nghiệm trở lên; đã làm chủ nhiệm, chủ trì ít nhất 01 công trình cấp I hoặc 02 công trình cấp II.",
        fees=[
            dict(
                name="Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng",
                amount=300000,
                online_amount=None,
                online_discount_percent=50,
                note="300.000 đồng/chứng chỉ; giảm 50% khi nộp hồ sơ trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đơn đề nghị cấp chứng chỉ hành nghề (Mẫu số 01 Phụ lục IV Nghị định 175/2024/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Văn bằng đào tạo chuyên môn", originals=0, copies=1, mandatory=True, template="", registry=False
            ),
            dict(
                name="Bản khai kinh nghiệm công việc chuyên môn có xác nhận",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="50/2014/QH13", title="Luật Xây dựng", issued_on="2014-06-18", issuer="Quốc hội"),
            dict(
                number="175/2024/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
                issued_on="2024-12-30",
                issuer="Chính phủ",
            ),
        ],
        result="Chứng chỉ hành nghề hoạt động xây dựng hạng I",
        result_en="Class I construction practising certificate",
    ),
    # ------------------------------------------------------------------
    # Lao động, việc làm và bảo trợ xã hội (labour and social protection)
    # ------------------------------------------------------------------
    dict(
        code="1.000401",
        name="Giải quyết hưởng trợ cấp thất nghiệp",
        name_en="Unemployment benefit",
        sector="lao-dong",
        levels=["province"],
        agencies=["province:so-noi-vu"],
        processing_days=20,
        processing_note="Không quá 20 ngày kể từ ngày nhận đủ hồ sơ; người lao động nộp hồ sơ trong thời hạn 03 tháng kể từ ngày chấm dứt hợp đồng lao động.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Người lao động nộp hồ sơ tại Trung tâm dịch vụ việc làm thuộc Sở Nội vụ hoặc trực tuyến trên Cổng Dịch vụ công quốc gia. "
            "Trung tâm dịch vụ việc làm xác định thời gian đóng bảo hiểm thất nghiệp, trình Giám đốc Sở Nội vụ ra quyết định hưởng trợ cấp. "
            "Người lao động phải thông báo hằng tháng về việc tìm kiếm việc làm trong thời gian hưởng."
        ),
        requirements="Đã chấm dứt hợp đồng lao động (trừ trường hợp đơn phương chấm dứt trái pháp luật); đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong 24 tháng trước khi chấm dứt hợp đồng.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Đề nghị hưởng trợ cấp thất nghiệp theo mẫu",
                originals=1,
                copies=0,
                mandatory=True,
                template="Đề nghị hưởng trợ cấp thất nghiệp (Mẫu số 03 ban hành kèm theo Thông tư 15/2023/TT-BLĐTBXH)",
                registry=False,
            ),
            dict(
                name="Bản sao hợp đồng lao động đã hết hạn hoặc quyết định thôi việc",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(name="Sổ bảo hiểm xã hội", originals=1, copies=0, mandatory=True, template="", registry=False),
        ],
        legal=[
            dict(number="38/2013/QH13", title="Luật Việc làm", issued_on="2013-11-16", issuer="Quốc hội"),
            dict(
                number="28/2015/NĐ-CP",
                title="Nghị định quy định chi tiết thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp",
                issued_on="2015-03-12",
                issuer="Chính phủ",
            ),
            dict(
                number="15/2023/TT-BLĐTBXH",
                title="Thông tư sửa đổi, bổ sung Thông tư số 28/2015/TT-BLĐTBXH hướng dẫn thực hiện Điều 52 Luật Việc làm",
                issued_on="2023-12-29",
                issuer="Bộ Lao động - Thương binh và Xã hội",
            ),
        ],
        result="Quyết định hưởng trợ cấp thất nghiệp",
        result_en="Unemployment benefit decision",
    ),
    dict(
        code="1.000459",
        name="Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        name_en="Work permit for foreign workers",
        sector="lao-dong",
        levels=["province"],
        agencies=["province:so-noi-vu"],
        processing_days=5,
        processing_note="Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Người sử dụng lao động nộp hồ sơ trực tuyến chậm nhất 15 ngày trước ngày người lao động nước ngoài dự kiến bắt đầu làm việc. "
            "Sở Nội vụ kiểm tra hồ sơ, đối chiếu văn bản chấp thuận nhu cầu sử dụng lao động nước ngoài và cấp giấy phép lao động. "
            "Người sử dụng lao động nộp bản gốc hồ sơ và nhận giấy phép trực tiếp hoặc qua bưu chính."
        ),
        requirements="Từ đủ 18 tuổi, có năng lực hành vi dân sự đầy đủ; có trình độ chuyên môn, kinh nghiệm phù hợp; có giấy chứng nhận sức khỏe; đã được chấp thuận nhu cầu sử dụng lao động nước ngoài.",
        fees=[
            dict(
                name="Lệ phí cấp giấy phép lao động",
                amount=600000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu theo Nghị quyết của Hội đồng nhân dân cấp tỉnh (tham khảo 600.000 đồng/giấy phép); giảm 50% khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động",
                originals=1,
                copies=0,
                mandatory=True,
                template="Văn bản đề nghị cấp giấy phép lao động (Mẫu số 11/PLI Nghị định 152/2020/NĐ-CP)",
                registry=False,
            ),
            dict(name="Giấy chứng nhận sức khỏe", originals=1, copies=0, mandatory=True, template="", registry=False),
            dict(
                name="Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người đang chấp hành hình phạt",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Bản sao hộ chiếu có chứng thực",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Văn bản chứng minh nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="45/2019/QH14", title="Bộ luật Lao động", issued_on="2019-11-20", issuer="Quốc hội"),
            dict(
                number="152/2020/NĐ-CP",
                title="Nghị định quy định về người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam",
                issued_on="2020-12-30",
                issuer="Chính phủ",
            ),
            dict(
                number="70/2023/NĐ-CP",
                title="Nghị định sửa đổi, bổ sung một số điều của Nghị định số 152/2020/NĐ-CP",
                issued_on="2023-09-18",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy phép lao động",
        result_en="Work permit",
    ),
    dict(
        code="1.000105",
        name="Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        name_en="Reissuance of work permit for foreign workers",
        sector="lao-dong",
        levels=["province"],
        agencies=["province:so-noi-vu"],
        processing_days=3,
        processing_note="Không quá 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Người sử dụng lao động nộp hồ sơ đề nghị cấp lại trong thời hạn 60 ngày kể từ ngày giấy phép bị mất, hỏng hoặc thay đổi thông tin. "
            "Sở Nội vụ kiểm tra và cấp lại giấy phép lao động với thời hạn bằng thời hạn còn lại của giấy phép đã cấp."
        ),
        requirements="Giấy phép lao động còn thời hạn bị mất, hư hỏng hoặc thay đổi họ tên, quốc tịch, số hộ chiếu, địa điểm làm việc.",
        fees=[
            dict(
                name="Lệ phí cấp lại giấy phép lao động",
                amount=450000,
                online_amount=None,
                online_discount_percent=50,
                note="Mức thu theo Nghị quyết của Hội đồng nhân dân cấp tỉnh; giảm 50% khi nộp trực tuyến.",
            ),
        ],
        components=[
            dict(
                name="Văn bản đề nghị cấp lại giấy phép lao động",
                originals=1,
                copies=0,
                mandatory=True,
                template="Văn bản đề nghị cấp lại giấy phép lao động (Mẫu số 11/PLI Nghị định 152/2020/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Giấy phép lao động còn thời hạn đã được cấp (trừ trường hợp bị mất)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
            dict(
                name="Ảnh màu 4x6 cm, phông nền trắng",
                originals=2,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(
                number="152/2020/NĐ-CP",
                title="Nghị định quy định về người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam",
                issued_on="2020-12-30",
                issuer="Chính phủ",
            ),
            dict(
                number="70/2023/NĐ-CP",
                title="Nghị định sửa đổi, bổ sung một số điều của Nghị định số 152/2020/NĐ-CP",
                issued_on="2023-09-18",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy phép lao động (cấp lại)",
        result_en="Reissued work permit",
    ),
    dict(
        code="2.000205",
        name="Đăng ký nội quy lao động của doanh nghiệp",
        name_en="Registration of internal labour regulations",
        sector="lao-dong",
        levels=["province"],
        agencies=["province:so-noi-vu"],
        processing_days=7,
        processing_note="Trong 07 ngày làm việc kể từ ngày nhận đủ hồ sơ, nếu nội quy có nội dung trái pháp luật thì cơ quan thông báo, hướng dẫn sửa đổi.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Người sử dụng lao động sử dụng từ 10 người lao động trở lên nộp hồ sơ đăng ký nội quy lao động trong thời hạn 10 ngày kể từ ngày ban hành. "
            "Sở Nội vụ xem xét nội dung nội quy; nội quy có hiệu lực sau 15 ngày kể từ ngày cơ quan nhận đủ hồ sơ."
        ),
        requirements="Người sử dụng lao động sử dụng từ 10 người lao động trở lên.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Văn bản đề nghị đăng ký nội quy lao động",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(name="Nội quy lao động", originals=1, copies=0, mandatory=True, template="", registry=False),
            dict(
                name="Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)",
                originals=1,
                copies=0,
                mandatory=False,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(number="45/2019/QH14", title="Bộ luật Lao động", issued_on="2019-11-20", issuer="Quốc hội"),
            dict(
                number="145/2020/NĐ-CP",
                title="Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động",
                issued_on="2020-12-14",
                issuer="Chính phủ",
            ),
        ],
        result="Thông báo tiếp nhận hồ sơ đăng ký nội quy lao động",
        result_en="Acknowledgement of registered labour regulations",
    ),
    dict(
        code="1.001823",
        name="Cấp giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng",
        name_en="Licence for overseas employment services",
        sector="lao-dong",
        levels=["central"],
        agencies=["central:000.00.00.G16"],
        processing_days=20,
        processing_note="Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["business"],
        description=(
            "Doanh nghiệp nộp hồ sơ tới Cục Quản lý lao động ngoài nước (Bộ Nội vụ). "
            "Bộ Nội vụ thẩm định hồ sơ, kiểm tra thực tế cơ sở vật chất, việc ký quỹ và cấp giấy phép hoạt động dịch vụ."
        ),
        requirements="Vốn điều lệ từ 05 tỷ đồng trở lên; đã ký quỹ 02 tỷ đồng; người đại diện theo pháp luật có trình độ đại học và kinh nghiệm; có cơ sở vật chất để bồi dưỡng kiến thức cần thiết.",
        fees=[
            dict(
                name="Lệ phí cấp giấy phép hoạt động dịch vụ",
                amount=5000000,
                online_amount=None,
                online_discount_percent=None,
                note="5.000.000 đồng/giấy phép.",
            ),
        ],
        components=[
            dict(
                name="Văn bản đề nghị cấp giấy phép",
                originals=1,
                copies=0,
                mandatory=True,
                template="Văn bản đề nghị cấp giấy phép (Mẫu số 01 Phụ lục I Nghị định 112/2021/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Giấy chứng nhận ký quỹ hoạt động dịch vụ",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
            dict(
                name="Đề án hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài",
                originals=1,
                copies=0,
                mandatory=True,
                template="",
                registry=False,
            ),
        ],
        legal=[
            dict(
                number="69/2020/QH14",
                title="Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng",
                issued_on="2020-11-13",
                issuer="Quốc hội",
            ),
            dict(
                number="112/2021/NĐ-CP",
                title="Nghị định quy định chi tiết một số điều của Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng",
                issued_on="2021-12-10",
                issuer="Chính phủ",
            ),
        ],
        result="Giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài",
        result_en="Overseas employment service licence",
    ),
    dict(
        code="1.001776",
        name="Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
        name_en="Start, adjustment or termination of monthly social allowances",
        sector="lao-dong",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=10,
        processing_note="Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ, không tính thời gian niêm yết công khai.",
        delivery="partly_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen"],
        description=(
            "Đối tượng hoặc người giám hộ nộp tờ khai tại Ủy ban nhân dân cấp xã nơi cư trú. "
            "Công chức phụ trách lao động - xã hội xem xét, niêm yết công khai kết luận của Hội đồng xét duyệt trong 02 ngày làm việc. "
            "Chủ tịch Ủy ban nhân dân cấp xã quyết định trợ cấp xã hội hằng tháng; tiền trợ cấp được chi trả qua tài khoản hoặc bưu điện."
        ),
        requirements="Thuộc diện đối tượng bảo trợ xã hội quy định tại Nghị định 20/2021/NĐ-CP (người cao tuổi, người khuyết tật, trẻ em mồ côi...).",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đề nghị trợ giúp xã hội",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a-1d ban hành kèm theo Nghị định 20/2021/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Giấy xác nhận khuyết tật (đối với người khuyết tật)",
                originals=0,
                copies=1,
                mandatory=False,
                template="",
                registry=False,
            ),
            dict(
                name="Giấy khai sinh hoặc thông tin về cư trú của đối tượng",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(
                number="20/2021/NĐ-CP",
                title="Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội",
                issued_on="2021-03-15",
                issuer="Chính phủ",
            ),
            dict(
                number="76/2024/NĐ-CP",
                title="Nghị định sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP",
                issued_on="2024-07-01",
                issuer="Chính phủ",
            ),
        ],
        result="Quyết định hưởng, điều chỉnh hoặc thôi hưởng trợ cấp xã hội hằng tháng",
        result_en="Decision on monthly social allowance",
    ),
    dict(
        code="1.001758",
        name="Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        name_en="Funeral cost support for social protection beneficiaries",
        sector="lao-dong",
        levels=["commune"],
        agencies=["commune:ubnd"],
        processing_days=3,
        processing_note="Không quá 03 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        delivery="full_online",
        methods=["direct", "online", "postal"],
        applicant_types=["citizen", "business"],
        description=(
            "Cơ quan, tổ chức, gia đình hoặc cá nhân tổ chức mai táng nộp tờ khai tại Ủy ban nhân dân cấp xã nơi đối tượng cư trú. "
            "Chủ tịch Ủy ban nhân dân cấp xã xem xét, quyết định hỗ trợ chi phí mai táng và chi trả cho người tổ chức mai táng."
        ),
        requirements="Người chết là đối tượng đang hưởng trợ cấp xã hội hằng tháng, người thuộc hộ nghèo, hộ cận nghèo hoặc trẻ em dưới 16 tuổi theo quy định.",
        fees=[
            dict(
                name="Phí, lệ phí",
                amount=0,
                online_amount=None,
                online_discount_percent=None,
                note="Không thu phí, lệ phí.",
            ),
        ],
        components=[
            dict(
                name="Tờ khai đề nghị hỗ trợ chi phí mai táng",
                originals=1,
                copies=0,
                mandatory=True,
                template="Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 04 ban hành kèm theo Nghị định 20/2021/NĐ-CP)",
                registry=False,
            ),
            dict(
                name="Trích lục khai tử hoặc giấy báo tử",
                originals=0,
                copies=1,
                mandatory=True,
                template="",
                registry=True,
            ),
        ],
        legal=[
            dict(
                number="20/2021/NĐ-CP",
                title="Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội",
                issued_on="2021-03-15",
                issuer="Chính phủ",
            ),
            dict(
                number="76/2024/NĐ-CP",
                title="Nghị định sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP",
                issued_on="2024-07-01",
                issuer="Chính phủ",
            ),
        ],
        result="Quyết định hỗ trợ chi phí mai táng",
        result_en="Decision on funeral cost support",
    ),
]
