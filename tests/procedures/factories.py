"""Catalogue rows for tests: factory_boy factories, and small builders that return a saved row.

The builders (``unit``, ``sector``, ``agency``, ``draft``, ``published``) keep the defaults the procedures tests
were written against; ``places`` builds the provinces, wards and agencies the filing tests file with.
"""

from datetime import date

import factory
from factory.django import DjangoModelFactory

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


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit

    code = factory.Sequence(lambda n: f"{90000 + n}")
    name = factory.LazyAttribute(lambda o: f"Xã Thử {o.code}")
    level = UnitLevel.COMMUNE


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector

    code = "ho-tich"
    name = "Hộ tịch"
    name_en = "Civil status"


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"000.00.{n % 100:02d}.T{n // 100:02d}")
    name = factory.LazyAttribute(lambda o: f"Cơ quan thử {o.code}")
    level = AgencyLevel.PROVINCE
    unit = factory.LazyFunction(lambda: unit())


class ProcedureFactory(DjangoModelFactory):
    class Meta:
        model = Procedure

    code = factory.Sequence(lambda n: f"1.{100001 + n:06d}")


class VersionFactory(DjangoModelFactory):
    """A draft version. ``agencies`` (default: the default agency) and ``components`` (a count, default 1, or a
    list of DocumentComponent fields) are set after it is saved."""

    class Meta:
        model = ProcedureVersion
        skip_postgeneration_save = True

    procedure = factory.SubFactory(ProcedureFactory)
    name = "Đăng ký khai sinh"
    sector = factory.LazyFunction(lambda: sector())
    levels = factory.LazyFunction(lambda: ["commune"])
    processing_days = 3
    methods = factory.LazyFunction(lambda: ["direct", "online"])
    delivery_level = "full_online"
    applicant_types = factory.LazyFunction(lambda: ["citizen"])

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create:
            self.agencies.set(extracted if extracted is not None else [agency()])

    @factory.post_generation
    def components(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None or isinstance(extracted, int):
            extracted = [{"name": f"Tờ khai số {i + 1}"} for i in range(1 if extracted is None else extracted)]
        DocumentComponent.objects.bulk_create(
            DocumentComponent(version=self, order=order, **fields) for order, fields in enumerate(extracted)
        )


class ComponentFactory(DjangoModelFactory):
    class Meta:
        model = DocumentComponent

    version = factory.SubFactory(VersionFactory)
    order = 0
    name = factory.Sequence(lambda n: f"Giấy tờ số {n + 1}")


class FeeFactory(DjangoModelFactory):
    class Meta:
        model = Fee

    version = factory.SubFactory(VersionFactory)
    name = "Lệ phí"
    amount = 0


# What ``published`` gives a version unless told otherwise: a version needs a legal basis to be published.
LEGAL_BASIS = {"number": "60/2014/QH13", "title": "Luật Hộ tịch", "issued_on": date(2014, 11, 20)}


class LegalBasisFactory(DjangoModelFactory):
    class Meta:
        model = LegalBasis

    version = factory.SubFactory(VersionFactory)
    number = "60/2014/QH13"
    title = "Luật Hộ tịch"
    issued_on = date(2014, 11, 20)


# Builders: the row with that code if there is one (so a default is shared), else a new one --------------------


def _existing_or_new(factory_class, code, **fields):
    return factory_class._meta.model.objects.filter(code=code).first() or factory_class(code=code, **fields)


def unit(code="01", name="Thành phố Hà Nội", level=UnitLevel.PROVINCE, **kw):
    return _existing_or_new(UnitFactory, code, name=name, level=level, **kw)


def sector(code="ho-tich", name="Hộ tịch", name_en="Civil status"):
    return _existing_or_new(SectorFactory, code, name=name, name_en=name_en)


def agency(code="000.00.01.H01", name="Sở Tư pháp thành phố Hà Nội", level=AgencyLevel.PROVINCE, unit_=None, **kw):
    existing = Agency.objects.filter(code=code).first()
    if existing is not None:
        return existing
    if unit_ is None and level != AgencyLevel.CENTRAL:
        unit_ = unit()
    return AgencyFactory(code=code, name=name, level=level, unit=unit_, **kw)


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
    procedure = _existing_or_new(ProcedureFactory, code) if code else ProcedureFactory()
    return VersionFactory(
        procedure=procedure,
        name=name,
        sector=sector_ or sector(),
        levels=list(levels),
        processing_days=days,
        delivery_level=delivery,
        agencies=agencies,
        components=components,
        **fields,
    )


def published(code=None, name="Đăng ký khai sinh", effective_from=None, fee=None, legal=None, fees=(), **kw):
    """A published version. ``fee``: one "Lệ phí" of that amount; ``fees``: Fee fields each; ``legal``: LegalBasis
    fields each (default: the civil status law, since a version needs a legal basis to be published)."""
    version = draft(code, name, **kw)
    fees = [*([{"name": "Lệ phí", "amount": fee}] if fee is not None else []), *fees]
    Fee.objects.bulk_create(Fee(version=version, **fields) for fields in fees)
    LegalBasis.objects.bulk_create(
        LegalBasis(version=version, **{**LEGAL_BASIS, **fields}) for fields in legal or [LEGAL_BASIS]
    )
    return services.publish_version(version, effective_from=effective_from)


# Two provinces of the two-tier local government, a few of their wards, and the departments the filing tests use.
PROVINCES = [
    ("01", "Thành phố Hà Nội", "Hanoi", [("00004", "Phường Ba Đình"), ("00008", "Phường Ngọc Hà")]),
    ("79", "Thành phố Hồ Chí Minh", "Ho Chi Minh City", [("26743", "Phường Bến Thành")]),
]
DEPARTMENTS = [
    # (kind, number in the agency code, name, English name)
    ("so-tu-phap", 1, "Sở Tư pháp {province}", "Department of Justice of {province_en}"),
    ("cong-an", 2, "Công an {province}", "Police of {province_en}"),
    ("so-tai-chinh", 4, "Sở Tài chính {province}", "Department of Finance of {province_en}"),
    ("bhxh", 6, "Bảo hiểm xã hội {province}", "Social Security of {province_en}"),
]


def places() -> dict:
    """The units and agencies of ``PROVINCES``, keyed by unit code (``"01"``, ``"00004"``) and by
    ``"<unit code>:<kind>"`` for agencies: ``ubnd`` (People's Committee) and the ``DEPARTMENTS`` of a province,
    ``ubnd`` and ``cong-an`` (police) of a ward. Agency codes follow the national pattern (``000.00.<n>.H01``,
    ``<ward>.00.<n>.H01``); wards' committees and the departments report to the province's committee.
    New rows: call it once, before making units or agencies with these codes."""
    built = {}
    for code, name, name_en, wards in PROVINCES:
        province = built[code] = UnitFactory(code=code, name=name, name_en=name_en, level=UnitLevel.PROVINCE)
        short = name.replace("Thành phố ", "thành phố ").replace("Tỉnh ", "tỉnh ")
        ubnd = built[f"{code}:ubnd"] = AgencyFactory(
            code=f"000.00.00.H{code}",
            name=f"Ủy ban nhân dân {short}",
            name_en=f"People's Committee of {name_en}",
            unit=province,
        )
        for kind, number, vi, en in DEPARTMENTS:
            built[f"{code}:{kind}"] = AgencyFactory(
                code=f"000.00.{number:02d}.H{code}",
                name=vi.format(province=short),
                name_en=en.format(province_en=name_en),
                unit=province,
                parent=ubnd,
            )
        for ward_code, ward_name in wards:
            ward = built[ward_code] = UnitFactory(code=ward_code, name=ward_name, parent=province)
            commune = {"level": AgencyLevel.COMMUNE, "unit": ward}
            built[f"{ward_code}:ubnd"] = AgencyFactory(
                code=f"{ward_code}.00.00.H{code}", name=f"Ủy ban nhân dân {ward_name}", parent=ubnd, **commune
            )
            built[f"{ward_code}:cong-an"] = AgencyFactory(
                code=f"{ward_code}.00.01.H{code}", name=f"Công an {ward_name}", **commune
            )
    return built
