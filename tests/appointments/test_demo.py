"""The demo seeding gives the agencies of the demo desks counters with bookable slots, once however often it runs."""

import pytest
from django.core.management import call_command

from appointments import services, slots
from appointments.models import Counter, Slot
from eservices.models import OnlineService
from identity.models import StaffMembership


@pytest.mark.django_db
def test_seed_demo_opens_counters_at_the_demo_desks_and_is_idempotent():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counters = Counter.objects.count()
    written = Slot.objects.count()
    desk_agencies = set(StaffMembership.objects.filter(user__username="tiepnhan").values_list("agency", flat=True))
    assert desk_agencies and Counter.objects.filter(agency__in=desk_agencies).count() == 2
    assert counters >= 2 * 3 and written > 0
    service = OnlineService.objects.get(slug="dang-ky-khai-sinh")
    agency = Counter.objects.filter(agency__in=desk_agencies).first().agency
    group = services.group_for(agency, service.version.sector_id)
    assert group is not None and slots.bookable(group)

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Counter.objects.count() == counters and Slot.objects.count() == written
