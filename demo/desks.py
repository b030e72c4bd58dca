"""Demo staff who can work: a receiver, a processor and an approver (also the agency's head) at the agencies
the demo citizens' online filings reach, and at one agency whose procedures are received at the counter only.

The agencies are found the way a filing is routed (``records.rules.agency_for_unit`` from the demo citizen's
residence), so the desk is where the README's citizen journeys end up. Loaded after the online services.
Idempotent; a demo officer's roles elsewhere (an earlier seed put them at the first agency by code) are removed.
"""

from django.db.models import Count, Q

from eservices.models import OnlineService
from identity.constants import StaffRole
from identity.models import Person, StaffMembership, User
from identity.services import grant_role
from procedures.models import Agency
from records.rules import agency_for_unit

from .accounts import DEMO_PASSWORD

R, P, A, H = StaffRole.RECEIVER, StaffRole.PROCESSOR, StaffRole.APPROVER, StaffRole.AGENCY_HEAD

# (key, how the agency is found, [(username, full name, roles)]). "service:<slug>:<ID number>": where that
# citizen's filing of that service goes; "counter-only:<province code>": the first agency of the province
# (by code) that implements procedures none of which has an online service.
DESKS = [
    (
        "ward",
        "service:dang-ky-khai-sinh:001092100037",
        [
            ("tiepnhan", "Đỗ Thị Hương", [R]),
            ("xuly", "Bùi Văn Thắng", [P]),
            ("lanhdao", "Ngô Quang Minh", [A, H]),
        ],
    ),
    (
        "police",
        "service:cap-doi-giay-phep-lai-xe:079080100111",
        [
            ("tiepnhan.congan", "Trần Thu Trang", [R]),
            ("xuly.congan", "Lâm Quốc Bảo", [P]),
            ("lanhdao.congan", "Phạm Đức Thịnh", [A, H]),
        ],
    ),
    (
        "department",
        "service:dang-ky-thanh-lap-doanh-nghiep-tu-nhan:001092100037",
        [
            ("tiepnhan.so", "Vũ Thị Lan", [R]),
            ("xuly.so", "Đặng Minh Tuấn", [P]),
            ("lanhdao.so", "Hoàng Văn Long", [A, H]),
        ],
    ),
    (
        "counter",
        "counter-only:01",
        [
            ("tiepnhan.quay", "Nguyễn Thị Mai", [R]),
            ("xuly.quay", "Lê Hữu Phước", [P]),
            ("lanhdao.quay", "Trịnh Văn Sơn", [A, H]),
        ],
    ),
]


def find_agency(rule: str) -> Agency | None:
    kind, _sep, rest = rule.partition(":")
    if kind == "service":
        slug, _sep, id_number = rest.partition(":")
        service = OnlineService.objects.select_related("version").filter(slug=slug, is_active=True).first()
        person = Person.objects.select_related("permanent_unit").filter(id_number=id_number).first()
        if service is None or person is None or person.permanent_unit is None:
            return None
        return agency_for_unit(service, person.permanent_unit.code)
    if kind == "counter-only":
        online_versions = OnlineService.objects.filter(is_active=True).values("version_id")
        return (
            Agency.objects.filter(is_active=True)
            .filter(Q(unit__code=rest) | Q(unit__parent__code=rest))
            .annotate(
                implemented=Count("procedure_versions", distinct=True),
                online=Count("procedure_versions", filter=Q(procedure_versions__in=online_versions), distinct=True),
            )
            .filter(implemented__gt=0, online=0)
            .order_by("code")
            .first()
        )
    raise ValueError(f"unknown desk rule {rule!r}")


def seed() -> str:
    placed = []
    for _key, rule, people in DESKS:
        agency = find_agency(rule)
        if agency is None:
            continue
        for username, full_name, roles in people:
            last, _sep, first = full_name.rpartition(" ")
            user, created = User.objects.get_or_create(
                username=username, defaults={"kind": User.Kind.STAFF, "first_name": first, "last_name": last}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            StaffMembership.objects.filter(user=user).exclude(agency=agency).delete()
            StaffMembership.objects.filter(user=user, agency=agency).exclude(role__in=roles).delete()
            for role in roles:
                grant_role(user, agency, role)
        placed.append(f"{agency.code} ({', '.join(u for u, _n, _r in people)})")
    return f"{len(placed)} desks: " + "; ".join(placed)
