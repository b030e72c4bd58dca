"""The demo catalogue loads completely and only once."""

import pytest
from django.core.management import call_command

from procedures.constants import AgencyLevel, UnitLevel
from procedures.fields import ChoiceSetField
from procedures.models import AdministrativeUnit, Agency, Procedure, Sector
from procedures.selectors import search_procedures

pytestmark = pytest.mark.django_db


def test_seed_demo_is_complete_and_idempotent():
    call_command("seed_demo", verbosity=0)
    counts = (Procedure.objects.count(), Agency.objects.count(), AdministrativeUnit.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Procedure.objects.count(), Agency.objects.count(), AdministrativeUnit.objects.count()) == counts

    assert Procedure.objects.filter(current_version__isnull=False).count() >= 60
    assert Sector.objects.count() >= 8
    for level in AgencyLevel.values:
        assert Procedure.objects.filter(current_version__levels__contains=ChoiceSetField.member(level)).exists(), level
    provinces = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, retired_on__isnull=True)
    assert provinces.count() >= 3
    for province in provinces:
        assert province.children.filter(level=UnitLevel.COMMUNE).exists()
        assert Agency.objects.filter(unit=province).exists()
    merged = AdministrativeUnit.objects.filter(retired_on__isnull=False, successor__isnull=False)
    assert merged.exists()

    assert search_procedures(q="cap doi giay phep lai xe").first().name.startswith("Cấp đổi giấy phép lái xe")
    assert search_procedures(q="dang ky khai sinh").first().name.startswith("Đăng ký khai sinh")
