"""Demo catalogue: units, sectors, agencies and published procedures, from ``catalogue_data``. Idempotent."""

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
from procedures.naming import unit_in_name

from . import form_templates
from .catalogue_data import (
    CENTRAL_AGENCIES,
    HISTORICAL_UNITS,
    PROCEDURES,
    PROVINCE_AGENCY_GOVERNED_CENTRALLY,
    PROVINCE_AGENCY_KINDS,
    PROVINCES,
    SECTORS,
)

# The first demo versions took effect at the start of the two-tier local government.
DEMO_EFFECTIVE_FROM = date(2025, 7, 1)


def seed(only: set[str] | None = None) -> str:
    """Load the demo catalogue; ``only`` limits the procedures to these codes."""
    units = _seed_units()
    sectors = {
        code: Sector.objects.update_or_create(code=code, defaults={"name": vi, "name_en": en})[0]
        for code, vi, en in SECTORS
    }
    agencies = _seed_agencies(units)
    created = sum(
        _seed_procedure(item, sectors, agencies) for item in PROCEDURES if only is None or item["code"] in only
    )
    return (
        f"{AdministrativeUnit.objects.count()} units, {len(sectors)} sectors, {Agency.objects.count()} agencies, "
        f"{Procedure.objects.count()} procedures ({created} new)"
    )


def _seed_units() -> dict[str, AdministrativeUnit]:
    units = {}
    for province in PROVINCES:
        prov, _ = AdministrativeUnit.objects.update_or_create(
            code=province["code"],
            defaults={"name": province["name"], "name_en": province.get("name_en", ""), "level": UnitLevel.PROVINCE},
        )
        units[prov.code] = prov
        for code, name in province["communes"]:
            units[code], _ = AdministrativeUnit.objects.update_or_create(
                code=code, defaults={"name": name, "level": UnitLevel.COMMUNE, "parent": prov}
            )
    for item in HISTORICAL_UNITS:
        unit, _ = AdministrativeUnit.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": item["name"],
                "level": item["level"],
                "parent": units.get(item.get("parent") or ""),
                "successor": units.get(item.get("successor") or ""),
                "retired_on": date.fromisoformat(item["retired_on"]) if item.get("retired_on") else None,
            },
        )
        units[unit.code] = unit
    return units


def _seed_agencies(units) -> dict[str, list[Agency]]:
    """Agencies keyed the way PROCEDURES name them: ``central:<code>``, ``province:<kind>``, ``commune:<kind>``.

    Each has its governing body (cơ quan chủ quản), printed above its name on the documents it issues: the
    province's People's Committee for its departments and its communes' committees, the Ministry of Public Security
    for a province's police and that police for a commune's, Vietnam Social Security for a province's.
    """
    by_key: dict[str, list[Agency]] = {}
    for code, name, name_en in CENTRAL_AGENCIES:
        agency, _ = Agency.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "level": AgencyLevel.CENTRAL, "governing_body": None},
        )
        by_key[f"central:{code}"] = [agency]
    ministry_of = {kind: by_key[f"central:{code}"][0] for kind, code in PROVINCE_AGENCY_GOVERNED_CENTRALLY.items()}
    for province in PROVINCES:
        prov = units[province["code"]]
        short = unit_in_name(province["name"])
        ubnd, _ = Agency.objects.update_or_create(
            code=f"000.00.00.H{prov.code}",
            defaults={
                "name": f"Ủy ban nhân dân {short}",
                "name_en": f"People's Committee of {province.get('name_en', prov.name)}",
                "level": AgencyLevel.PROVINCE,
                "unit": prov,
                "governing_body": None,
            },
        )
        by_key.setdefault("province:ubnd", []).append(ubnd)
        departments = {}
        for index, (kind, name, name_en, _sectors) in enumerate(PROVINCE_AGENCY_KINDS, start=1):
            departments[kind], _ = Agency.objects.update_or_create(
                code=f"000.00.{index:02d}.H{prov.code}",
                defaults={
                    "name": name.format(province=short),
                    "name_en": name_en.format(province_en=province.get("name_en", prov.name)),
                    "level": AgencyLevel.PROVINCE,
                    "unit": prov,
                    "parent": ubnd,
                    "governing_body": ministry_of.get(kind, ubnd),
                },
            )
            by_key.setdefault(f"province:{kind}", []).append(departments[kind])
        for commune_code, commune_name in province["communes"]:
            commune = units[commune_code]
            written = unit_in_name(commune_name)  # "phường Bến Thành" inside a name
            commune_ubnd, _ = Agency.objects.update_or_create(
                code=f"{commune_code}.00.00.H{prov.code}",
                defaults={
                    "name": f"Ủy ban nhân dân {written}",
                    "level": AgencyLevel.COMMUNE,
                    "unit": commune,
                    "parent": ubnd,
                    "governing_body": ubnd,
                },
            )
            police, _ = Agency.objects.update_or_create(
                code=f"{commune_code}.00.01.H{prov.code}",
                defaults={
                    "name": f"Công an {written}",
                    "level": AgencyLevel.COMMUNE,
                    "unit": commune,
                    "governing_body": departments["cong-an"],
                },
            )
            by_key.setdefault("commune:ubnd", []).append(commune_ubnd)
            by_key.setdefault("commune:cong-an", []).append(police)
    return by_key


def _seed_procedure(item, sectors, agencies) -> bool:
    """Create the procedure with one published version, unless it already exists."""
    procedure, created = Procedure.objects.get_or_create(code=item["code"])
    if not created and procedure.versions.exists():
        return False
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        name=item["name"],
        name_en=item.get("name_en", ""),
        sector=sectors[item["sector"]],
        levels=item["levels"],
        applicant_types=item.get("applicant_types", ["citizen"]),
        processing_days=item["processing_days"],
        processing_note=item.get("processing_note", ""),
        description=item.get("description", ""),
        requirements=item.get("requirements", ""),
        methods=item["methods"],
        delivery_level=item["delivery"],
        result_name=item.get("result", ""),
        result_name_en=item.get("result_en", ""),
    )
    keys = item.get("agencies") or _default_agency_keys(item)
    version.agencies.set([agency for key in keys for agency in agencies.get(key, [])])
    for fee in item.get("fees", []):
        Fee.objects.create(
            version=version,
            name=fee["name"],
            amount=fee["amount"],
            online_amount=fee.get("online_amount"),
            online_discount_percent=fee.get("online_discount_percent"),
            note=fee.get("note", ""),
        )
    for order, component in enumerate(item["components"], start=1):
        template = component.get("template", "")
        DocumentComponent.objects.create(
            version=version,
            order=order,
            name=component["name"],
            original_count=component.get("originals", 1),
            copy_count=component.get("copies", 0),
            mandatory=component.get("mandatory", True),
            template_name=template,
            # A small real file to download (before publishing: a published version's rows never change).
            template_file=form_templates.stored(template, item["name"], f"{item['code']}-{order}.docx")
            if template
            else "",
            replaceable_by_registry=component.get("registry", False),
        )
    for law in item.get("legal", []):
        LegalBasis.objects.create(
            version=version,
            number=law["number"],
            title=law["title"],
            issued_on=date.fromisoformat(law["issued_on"]),
            issuer=law.get("issuer", ""),
        )
    services.publish_version(version, effective_from=DEMO_EFFECTIVE_FROM)
    return True


def _default_agency_keys(item) -> list[str]:
    """Where the data names no agency: the departments of the sector, or the communes' committees."""
    keys = []
    if "province" in item["levels"]:
        keys += [f"province:{kind}" for kind, _n, _e, sectors in PROVINCE_AGENCY_KINDS if item["sector"] in sectors]
    if "commune" in item["levels"]:
        keys.append("commune:ubnd")
    return keys
