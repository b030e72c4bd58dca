"""People in the population registry, their VNeID accounts and wallets, and the portal accounts they log in with."""

import datetime

import factory
from allauth.socialaccount.models import SocialAccount
from factory.django import DjangoModelFactory

from identity.constants import AssuranceLevel, EDocumentKind, Relationship, Sex
from identity.models import EDocument, Household, Person, User
from identity.validators import build_id_number
from identity.vneid.claims import person_claims
from identity.vneid.models import VNeIDAccount

# The VNeID password of the people these factories give an account.
PASSWORD = "Mat-khau-2026!"


class UserFactory(DjangoModelFactory):
    """A portal account (a citizen's by default) with ``PASSWORD``; ``password=None`` for an unusable one."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    kind = User.Kind.CITIZEN
    password = PASSWORD

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, **kwargs)


class PersonFactory(DjangoModelFactory):
    """A person whose identification number is valid for their birth date and sex. ``serial`` (a sequence by
    default) makes the number, phone, e-mail and address unique; ``province`` is the number's province code.
    ``vneid=<password>`` (and ``vneid__level``) gives them a VNeID account."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    class Params:
        serial = factory.Sequence(lambda n: 500 + n)
        province = "001"

    id_number = factory.LazyAttribute(lambda o: build_id_number(o.province, o.birth_date, o.sex, o.serial))
    full_name = "Nguyễn Văn Thử"
    birth_date = datetime.date(1990, 4, 5)
    sex = Sex.MALE
    phone = factory.LazyAttribute(lambda o: f"09{o.serial:08d}")
    email = factory.LazyAttribute(lambda o: f"cd{o.serial}@example.vn")
    permanent_address = factory.LazyAttribute(lambda o: f"Số {o.serial} phố Đội Cấn")

    @factory.post_generation
    def vneid(self, create, extracted, level=AssuranceLevel.LOA2, **kwargs):
        if create and extracted:
            vneid_account(self, extracted, level=level)


class HouseholdFactory(DjangoModelFactory):
    class Meta:
        model = Household

    code = factory.Sequence(lambda n: f"HH-TEST-{n + 1}")


class EDocumentFactory(DjangoModelFactory):
    class Meta:
        model = EDocument

    person = factory.SubFactory(PersonFactory)
    kind = EDocumentKind.DRIVING_LICENCE
    number = factory.Sequence(lambda n: f"{10**11 + n:012d}")
    details = factory.LazyFunction(dict)


def vneid_account(person, password=PASSWORD, *, level=AssuranceLevel.LOA2) -> VNeIDAccount:
    account = VNeIDAccount(person=person, level=level)
    account.set_password(password)
    account.save()
    return account


def driving_licence(person, number, *, expires_in_days=20, licence_class="B2") -> EDocument:
    """A licence in ``person``'s wallet that expires soon (within the renewal window by default)."""
    return EDocumentFactory(
        person=person,
        number=number,
        expires_on=datetime.date.today() + datetime.timedelta(days=expires_in_days),
        details={"class": licence_class},
    )


def family(unit, *, code="HH-TEST-1", serials=(11, 12)) -> dict:
    """A married couple, the husband head of their household in ``unit``, with a driving licence that expires
    within the renewal window: the applicants of the filing tests."""
    household = HouseholdFactory(code=code, unit=unit)
    common = {"permanent_unit": unit, "household": household}
    father = PersonFactory(
        serial=serials[0],
        full_name="Lê Văn Bố",
        birth_date=datetime.date(1992, 3, 4),
        sex=Sex.MALE,
        relationship_to_head=Relationship.HEAD,
        **common,
    )
    mother = PersonFactory(
        serial=serials[1],
        full_name="Phạm Thị Mẹ",
        birth_date=datetime.date(1994, 5, 6),
        sex=Sex.FEMALE,
        relationship_to_head=Relationship.SPOUSE,
        spouse=father,
        **common,
    )
    Person.objects.filter(pk=father.pk).update(spouse=mother)
    father.spouse = mother
    household.head = father
    household.save()
    driving_licence(father, "012345678901", licence_class="B")
    return {"father": father, "mother": mother}


def citizen_account(person, *, acr="LoA2") -> User:
    """The account allauth creates after a VNeID login, with the claims it keeps."""
    given, family_name = person.full_name.split()[-1], " ".join(person.full_name.split()[:-1])
    user = User.objects.create_user(
        username=f"vneid-{person.pk}", kind=User.Kind.CITIZEN, first_name=given, last_name=family_name
    )
    user.set_unusable_password()
    user.save()
    claims = {**person_claims(person), "sub": f"sub-{person.pk}", "acr": acr}
    SocialAccount.objects.create(
        user=user, provider="vneid", uid=claims["sub"], extra_data={"id_token": claims, "userinfo": claims}
    )
    return user
