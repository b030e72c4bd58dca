"""Small builders for catalogue objects; each returns a saved row."""

import itertools
from datetime import date

from procedures import services
from procedures.constants import AgencyLevel, UnitLevel
from procedures.models import (
    AdministrativeUnit,
    Agency,
    DocumentComponent,
    Fee,
    LegalBasis,
    Procedure,
    ProcedureVersion,
    Sector,
)

_codes = itertools.count(100001)


def unit(code="01", name="Thành phố Hà Nội", level=UnitLevel.PROVINCE, **kw):
    return AdministrativeUnit.objects.get_or_create(code=code, defaults={"name": name, "level": level, **kw})[0]


def sector(code="ho-tich", name="Hộ tịch", name_en="Civil status"):
    return Sector.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en})[0]


def agency(code="000.00.01.H01", name="Sở Tư pháp thành phố Hà Nội", level=AgencyLevel.PROVINCE, unit_=None):
    if unit_ is None and level != AgencyLevel.CENTRAL:
        unit_ = unit()
    return Agency.objects.get_or_create(code=code, defaults={"name": name, "level": level, "unit": unit_})[0]


def draft(
    code=None,
    name="Đăng ký khai sinh",
    *,
    sector_=None,
    agencies=None,
    levels=("commune",),
    days=3,
    components=1,
    delivery="full_online",
    **fields,
):
    procedure = Procedure.objects.create(code=code or f"1.{next(_codes):06d}")
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        name=name,
        sector=sector_ or sector(),
        levels=list(levels),
        processing_days=days,
        methods=["direct", "online"],
        delivery_level=delivery,
        applicant_types=["citizen"],
        **fields,
    )
    version.agencies.set(agencies if agencies is not None else [agency()])
    for i in range(components):
        DocumentComponent.objects.create(version=version, order=i, name=f"Tờ khai số {i + 1}")
    return version


def published(code=None, name="Đăng ký khai sinh", effective_from=None, fee=None, **kw):
    version = draft(code, name, **kw)
    if fee is not None:
        Fee.objects.create(version=version, name="Lệ phí", amount=fee)
    LegalBasis.objects.create(
        version=version, number="60/2014/QH13", title="Luật Hộ tịch", issued_on=date(2014, 11, 20)
    )
    return services.publish_version(version, effective_from=effective_from)
