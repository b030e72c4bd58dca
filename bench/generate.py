"""Bulk-load synthetic published procedures for benchmarks (fast: bulk inserts, no per-row publish)."""

import random

from django.db import transaction
from django.utils import timezone

from procedures.constants import DeliveryLevel, VersionStatus
from procedures.models import Agency, DocumentComponent, Fee, Procedure, ProcedureVersion, Sector
from procedures.text import fold

VERBS = [
    "Cấp",
    "Cấp đổi",
    "Cấp lại",
    "Đăng ký",
    "Gia hạn",
    "Điều chỉnh",
    "Thu hồi",
    "Xác nhận",
    "Công nhận",
    "Thẩm định",
]
OBJECTS = [
    "giấy phép lái xe",
    "giấy chứng nhận quyền sử dụng đất",
    "giấy phép xây dựng",
    "hộ kinh doanh",
    "thường trú",
    "tạm trú",
    "khai sinh",
    "kết hôn",
    "giấy phép hành nghề",
    "chứng chỉ hành nghề",
    "thẻ bảo hiểm y tế",
    "giấy phép kinh doanh vận tải",
    "văn bằng",
    "giấy phép lao động",
    "giấy chứng nhận đủ điều kiện",
]
QUALIFIERS = [
    "",
    "cho người nước ngoài",
    "cho doanh nghiệp",
    "trong trường hợp bị mất",
    "do hết hạn",
    "có yếu tố nước ngoài",
    "cấp tỉnh",
    "tại cấp xã",
    "đối với tổ chức",
    "lần đầu",
]


def load(count: int, *, seed: int = 2026) -> int:
    """Add ``count`` procedures with codes 3.xxxxxx; returns how many were created."""
    rng = random.Random(seed)
    sectors = list(Sector.objects.all())
    agencies = list(Agency.objects.filter(level__in=["central", "province"]))
    existing = Procedure.objects.filter(code__startswith="3.").count()
    now = timezone.now()
    created = 0
    with transaction.atomic():
        for start in range(existing, count, 1000):
            batch = range(start, min(start + 1000, count))
            procedures = Procedure.objects.bulk_create([Procedure(code=f"3.{i:06d}") for i in batch])
            versions = []
            for procedure in procedures:
                name = " ".join(p for p in (rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(QUALIFIERS)) if p)
                versions.append(
                    ProcedureVersion(
                        procedure=procedure,
                        number=1,
                        status=VersionStatus.PUBLISHED,
                        effective_from=now.date(),
                        published_at=now,
                        name=name,
                        sector=rng.choice(sectors),
                        levels=[rng.choice(["central", "province", "commune"])],
                        applicant_types=["citizen"],
                        processing_days=rng.randint(1, 30),
                        methods=["direct", "online"],
                        delivery_level=rng.choice(DeliveryLevel.values),
                        result_name="Giấy chứng nhận",
                    )
                )
            versions = ProcedureVersion.objects.bulk_create(versions)
            through = ProcedureVersion.agencies.through
            through.objects.bulk_create([through(procedureversion=v, agency=rng.choice(agencies)) for v in versions])
            DocumentComponent.objects.bulk_create([DocumentComponent(version=v, name="Tờ khai") for v in versions])
            Fee.objects.bulk_create(
                [Fee(version=v, name="Lệ phí", amount=rng.choice([0, 50_000, 135_000])) for v in versions]
            )
            for procedure, version in zip(procedures, versions, strict=True):
                procedure.current_version = version
                procedure.name = version.name
                procedure.search_name = fold(version.name)
                procedure.search_text = fold(
                    f"{procedure.code} {version.name} {version.sector.name} {version.result_name}"
                )
                procedure.view_count = rng.randint(0, 5000)
            Procedure.objects.bulk_update(
                procedures, ["current_version", "name", "search_name", "search_text", "view_count"]
            )
            created += len(procedures)
    return created
