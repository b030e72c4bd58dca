"""Demo staff who can work (issue #16 item 8): the seeded officers sit where the demo citizens' filings go, one desk
handles counter-only procedures, the README names them, and enrolling TOTP lands an officer on the back-office with
the recovery codes offered once."""

import io
import re
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.test import Client

from demo.accounts import DEMO_PASSWORD
from demo.desks import DESKS
from eservices.models import OnlineService
from identity import activation
from identity.constants import StaffRole
from identity.models import Person, StaffMembership, User
from identity.services import grant_role
from procedures.models import Agency
from records.rules import agency_for_unit
from tests.staff import STAFF_PASSWORD, officer, totp_now

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _desk(username):
    memberships = list(StaffMembership.objects.filter(user__username=username).select_related("agency"))
    assert memberships, f"{username} has no role"
    assert len({m.agency_id for m in memberships}) == 1, f"{username} works at one agency"
    return memberships[0].agency, {m.role for m in memberships}


@pytest.mark.parametrize(
    "username, service, id_number",
    [
        ("tiepnhan", "dang-ky-khai-sinh", "001092100037"),  # Nguyễn Văn An's birth registration: the ward
        ("tiepnhan.congan", "cap-doi-giay-phep-lai-xe", "079080100111"),  # Lê Văn Cường's licence: the police
        ("tiepnhan.so", "dang-ky-thanh-lap-doanh-nghiep-tu-nhan", "001092100037"),  # a business: the department
    ],
)
def test_the_demo_staff_sit_where_the_demo_filings_go(seeded, username, service, id_number):
    agency, _roles = _desk(username)
    online = OnlineService.objects.get(slug=service)
    person = Person.objects.get(id_number=id_number)
    assert agency_for_unit(online, person.permanent_unit.code) == agency
    prefix = username.partition(".")[2]
    team = {u for _k, _r, people in DESKS for u, _n, _roles in people if u.partition(".")[2] == prefix}
    roles = set()
    for member in team:
        member_agency, member_roles = _desk(member)
        assert member_agency == agency
        roles |= member_roles
    assert {StaffRole.RECEIVER, StaffRole.PROCESSOR, StaffRole.APPROVER, StaffRole.AGENCY_HEAD} <= roles


def test_one_desk_handles_procedures_received_at_the_counter_only(seeded):
    agency, roles = _desk("tiepnhan.quay")
    assert StaffRole.RECEIVER in roles
    versions = agency.procedure_versions.all()
    assert versions.exists()
    assert not OnlineService.objects.filter(version__in=versions).exists()


def test_the_ward_desk_is_not_the_city_that_implements_nothing(seeded):
    agency, _roles = _desk("tiepnhan")
    assert agency.procedure_versions.exists()
    assert "thành phố Hà Nội" not in agency.name or agency.level != "province"


def test_reseeding_moves_an_officer_from_an_earlier_seeds_agency(seeded):
    first = Agency.objects.exclude(unit=None).order_by("code").first()
    user = User.objects.get(username="xuly")
    grant_role(user, first, StaffRole.PROCESSOR)  # where an earlier seed put the demo staff
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    _desk("xuly")


def test_the_readme_names_every_demo_officer_with_what_to_try():
    text = README.read_text()
    for _key, _rule, people in DESKS:
        for username, _name, _roles in people:
            assert f"`{username}`" in text, username
    assert "first agency by code" not in text


@pytest.mark.django_db(transaction=True)  # allauth announces the new authenticator on commit, as in production
def test_after_enrolling_totp_an_officer_lands_on_the_backoffice_with_the_recovery_codes_offered_once():
    agency = Agency.objects.create(code="TEST.DESK", name="UBND phường Thử", level="commune")
    user = officer("canbomoi", agency, StaffRole.RECEIVER, totp=False)
    client = Client()
    assert client.post("/accounts/login/", {"login": user.username, "password": STAFF_PASSWORD}).status_code == 302
    code, _row = activation.issue(user, agency=agency)  # what the agency head hands over
    client.post("/accounts/2fa/activation/", {"code": code, "next": "/accounts/2fa/totp/activate/"})
    client.post("/accounts/reauthenticate/", {"password": STAFF_PASSWORD, "next": "/accounts/2fa/totp/activate/"})
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="authenticator_secret" value="(\w+)"', page).group(1)
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_now(secret)})
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert response.status_code == 302 and response["Location"] == "/backoffice/"
    landing = client.get("/backoffice/").content.decode()
    assert agency.name in landing
    assert "Đã bật xác thực hai lớp" in landing and "10 mã khôi phục" in landing
    assert 'href="/accounts/2fa/recovery-codes/"' in landing
    assert "Xem và tải mã khôi phục" in landing
    again = client.get("/backoffice/").content.decode()
    assert "mã khôi phục" not in again  # offered once
    codes = client.get("/accounts/2fa/recovery-codes/")
    assert codes.status_code == 200  # and there whenever needed


@pytest.mark.django_db(transaction=True)
def test_seed_demo_prints_each_demo_officers_activation_code_and_it_sets_up_their_totp():
    """The README's staff journey: log in as a demo officer with the demo password, type the code seed_demo printed,
    set up TOTP, work. Seeding again prints the same code until it is used; then none for that officer."""
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = dict(re.findall(r"^\s+([a-z.]+)\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$", out.getvalue(), re.M))
    every = {u for _k, _r, people in DESKS for u, _n, _roles in people} | {"admin", "quantri.hanoi"}
    assert set(printed) == every
    again = io.StringIO()
    call_command("seed_demo", stdout=again)
    assert f"tiepnhan           {printed['tiepnhan']}" in again.getvalue()

    client = Client()
    assert client.post("/accounts/login/", {"login": "tiepnhan", "password": DEMO_PASSWORD}).status_code == 302
    assert client.get("/backoffice/")["Location"].startswith("/accounts/2fa/totp/activate/")
    assert client.post("/accounts/2fa/activation/", {"code": printed["tiepnhan"]}).status_code == 302
    client.post("/accounts/reauthenticate/", {"password": DEMO_PASSWORD, "next": "/accounts/2fa/totp/activate/"})
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="authenticator_secret" value="(\w+)"', page).group(1)
    assert client.post("/accounts/2fa/totp/activate/", {"code": totp_now(secret)})["Location"] == "/backoffice/"
    assert client.get("/backoffice/").status_code == 200
    third = io.StringIO()
    call_command("seed_demo", stdout=third)
    assert "tiepnhan " not in third.getvalue() and "xuly " in third.getvalue()
