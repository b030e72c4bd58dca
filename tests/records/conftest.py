import datetime

import pytest
from allauth.socialaccount.models import SocialAccount

from demo import catalogue as procedures_demo
from demo import online_services as services_demo
from identity.constants import EDocumentKind, Relationship, Sex
from identity.models import EDocument, Household, Person, User
from identity.validators import build_id_number
from identity.vneid.claims import person_claims
from procedures.models import AdministrativeUnit

SERVICE_CODES = {item["code"] for item in services_demo.SERVICES}


@pytest.fixture
def catalogue(db):
    """The demo units, agencies, the procedures behind the demo services, and the services."""
    procedures_demo.seed(only=SERVICE_CODES)
    services_demo.seed()


def make_person(serial, *, name, birth, sex, unit_code="00004", household=None, relationship=""):
    unit = AdministrativeUnit.objects.get(code=unit_code)
    return Person.objects.create(
        id_number=build_id_number("001", birth, sex, serial),
        full_name=name,
        birth_date=birth,
        sex=sex,
        phone=f"09{serial:08d}",
        email=f"cd{serial}@example.vn",
        permanent_unit=unit,
        permanent_address=f"Số {serial} phố Đội Cấn",
        household=household,
        relationship_to_head=relationship,
    )


def citizen_account(person, *, acr="LoA2") -> User:
    """The account allauth creates after a VNeID login, with the claims it keeps."""
    given, family = person.full_name.split()[-1], " ".join(person.full_name.split()[:-1])
    user = User.objects.create_user(
        username=f"vneid-{person.pk}", kind=User.Kind.CITIZEN, first_name=given, last_name=family
    )
    user.set_unusable_password()
    user.save()
    claims = {**person_claims(person), "sub": f"sub-{person.pk}", "acr": acr}
    SocialAccount.objects.create(
        user=user, provider="vneid", uid=claims["sub"], extra_data={"id_token": claims, "userinfo": claims}
    )
    return user


@pytest.fixture
def family(catalogue):
    household = Household.objects.create(code="HH-TEST-1", unit=AdministrativeUnit.objects.get(code="00004"))
    father = make_person(
        11,
        name="Lê Văn Bố",
        birth=datetime.date(1992, 3, 4),
        sex=Sex.MALE,
        household=household,
        relationship=Relationship.HEAD,
    )
    mother = make_person(
        12,
        name="Phạm Thị Mẹ",
        birth=datetime.date(1994, 5, 6),
        sex=Sex.FEMALE,
        household=household,
        relationship=Relationship.SPOUSE,
    )
    father.spouse, mother.spouse = mother, father
    father.save()
    mother.save()
    household.head = father
    household.save()
    EDocument.objects.create(
        person=father,
        kind=EDocumentKind.DRIVING_LICENCE,
        number="012345678901",
        expires_on=datetime.date.today() + datetime.timedelta(days=20),
        details={"class": "B"},
    )
    return {"father": father, "mother": mother}


def login(client, user, acr="LoA2"):
    client.force_login(user)
    session = client.session
    session["vneid_acr"] = acr
    session["vneid_logged_in"] = True
    session.save()
    return client


@pytest.fixture
def citizen(family, client):
    user = citizen_account(family["father"])
    login(client, user)
    return user


@pytest.fixture
def other_citizen(family):
    return citizen_account(family["mother"])


@pytest.fixture
def sms_outbox(settings, tmp_path):
    path = tmp_path / "sms" / "outbox.log"
    settings.SMS_BACKEND = "notifications.sms.FileSmsBackend"
    settings.SMS_FILE_PATH = path
    settings.VNEID_SMS_FILE_PATH = path  # VNeID's one-time codes land in the same file
    return path


def filled_draft(user, person, slug="dang-ky-thuong-tru"):
    """A draft whose form is complete, ready to submit (the simple residence service needs no upload)."""
    from eservices.models import OnlineService
    from records import services as records_services

    record = records_services.start_draft(
        service=OnlineService.objects.get(slug=slug),
        applicant=user,
        applicant_id_number=person.id_number,
        applicant_name=person.full_name,
    )
    records_services.save_form(
        [record],
        {
            "full_name": person.full_name,
            "id_number": person.id_number,
            "birth_date": person.birth_date.isoformat(),
            "request": "Đăng ký thường trú",
            "delivery": "online",
        },
        ["full_name", "id_number", "birth_date"],
    )
    return record


def payment_for(record, user, *, amount: int, state: str = "pending"):
    """A payment row for ``record`` as the payments app keeps it (the gateway round trip is tested there)."""
    from payments.models import Payment

    return Payment.objects.create(
        reference=f"TT-{record.pk.hex[:12]}",
        idempotency_key=f"test-{record.pk}",
        record=record,
        provider="paygov",
        amount=amount,
        description="Lệ phí",
        payer_name=record.applicant_name,
        created_by=user,
        state=state,
    )
