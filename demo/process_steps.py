"""The internal process (quy trình nội bộ) of a few demo procedures: the steps after reception, adding up to each
one's legal time limit (``procedures.process.check_step_times``). Idempotent: a version with steps is left alone."""

from procedures.models import HOURS_PER_WORKING_DAY, Procedure, ProcessStep
from procedures.process import check_step_times

BIRTH, RESIDENCE = "1.001193", "1.004194"

# (code, [(kind, work, unit, working hours or None for the rest of the limit)])
PROCESSES = [
    (
        BIRTH,
        [
            ("receive", "Tiếp nhận hồ sơ, chuyển công chức tư pháp - hộ tịch", "Bộ phận một cửa", 1),
            (
                "process",
                "Kiểm tra, ghi Sổ đăng ký khai sinh, cập nhật CSDL hộ tịch",
                "Công chức tư pháp - hộ tịch",
                None,
            ),
            ("leader", "Trình lãnh đạo Ủy ban nhân dân xem xét", "Công chức tư pháp - hộ tịch", 1),
            ("sign", "Ký Giấy khai sinh", "Lãnh đạo Ủy ban nhân dân", 1),
            ("return", "Trả kết quả", "Bộ phận một cửa", 1),
        ],
    ),
    (
        RESIDENCE,
        [
            ("receive", "Tiếp nhận hồ sơ, chuyển cán bộ đăng ký cư trú", "Bộ phận một cửa", 4),
            ("process", "Thẩm định hồ sơ, kiểm tra chỗ ở hợp pháp", "Cán bộ đăng ký cư trú", None),
            ("consult", "Xác minh với Công an nơi cư trú trước đây", "Công an nơi cư trú trước đây", 16),
            ("leader", "Trình Trưởng Công an xem xét", "Cán bộ đăng ký cư trú", 4),
            ("sign", "Ký duyệt, cập nhật CSDL về cư trú", "Trưởng Công an", 4),
            ("return", "Trả kết quả", "Bộ phận một cửa", 4),
        ],
    ),
]


def seed() -> str:
    made = 0
    for code, steps in PROCESSES:
        version = Procedure.objects.filter(code=code).select_related("current_version").first()
        version = version and version.current_version
        if version is None or not version.processing_days or version.process_steps.exists():
            continue
        fixed = sum(hours for *_rest, hours in steps if hours)
        rest = version.processing_days * HOURS_PER_WORKING_DAY - fixed
        rows = [
            ProcessStep(version=version, order=i, kind=kind, name=name, unit=unit, working_hours=hours or rest)
            for i, (kind, name, unit, hours) in enumerate(steps, start=1)
        ]
        if rest < 1 or check_step_times(version.processing_days, [(None, row.working_hours) for row in rows]):
            continue
        ProcessStep.objects.bulk_create(rows)
        made += 1
    return f"internal process of {made} procedures"
