"""Demo counters for appointments at the agencies of the demo desks (``demo.desks``): two counters each, a general
service group with two places per 30-minute slot, standard office hours at counter 1 and shorter ones at counter 2,
and the coming weeks' slots. Idempotent: existing counters and groups are kept as they are."""

from appointments.models import Counter, CounterService, ServiceGroup
from appointments.slots import ensure_slots

from .desks import DESKS, find_agency

COUNTERS = [
    (1, "Tiếp nhận và trả kết quả", "", 30, 2),
    (2, "Đối chiếu bản chính", "07:30-11:00,14:00-16:30", 30, 1),
]


def seed() -> str:
    done = []
    for _key, rule, _people in DESKS:
        agency = find_agency(rule)
        if agency is None:
            continue
        group, _created = ServiceGroup.objects.get_or_create(agency=agency, name="Tất cả thủ tục")
        for number, name, periods, minutes, capacity in COUNTERS:
            counter, created = Counter.objects.get_or_create(
                agency=agency,
                number=number,
                defaults={"name": name, "office_periods": periods, "slot_minutes": minutes},
            )
            if created:
                CounterService.objects.get_or_create(counter=counter, group=group, defaults={"capacity": capacity})
        slots = ensure_slots(agency)
        done.append(f"{agency.code} ({slots} new slots)")
    return f"{len(done)} agencies with counters: " + "; ".join(done)
