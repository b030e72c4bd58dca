"""Citizens of a Hà Nội ward filing online: the tests' own services (``tests/eservices/factories.py``), a family
in the population registry, their portal accounts and their drafts."""

import pytest

from procedures.models import AdministrativeUnit
from tests.eservices import factories as eservices_factories
from tests.identity import factories as identity_factories
from tests.identity.factories import citizen_account

__all__ = ["citizen_account", "filled_draft", "login", "payment_for"]


@pytest.fixture
def catalogue(db):
    """Two provinces' wards and departments, the procedures behind the online services, the services and bundles."""
    return eservices_factories.catalogue()


@pytest.fixture
def family(catalogue):
    """A married couple of Phường Ba Đình (00004); he has a driving licence that expires soon."""
    return identity_factories.family(AdministrativeUnit.objects.get(code="00004"))


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
