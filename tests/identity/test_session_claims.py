"""A VNeID login keeps the citizen's claims in the portal session, so a filing reads them without a query; only the
claims kept for the very user logged in are taken, and logging out or in as someone else leaves none behind."""

import datetime
from types import SimpleNamespace

import pytest
from allauth.account.signals import user_logged_in
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import login, logout
from django.contrib.sessions.backends.cached_db import SessionStore
from django.test import RequestFactory

from identity.constants import Sex
from identity.services import SESSION_CLAIMS_KEY, citizen_claims
from tests.identity.factories import citizen_account

from .conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    return make_person(1), make_person(2, name="Trần Thị Khác", sex=Sex.FEMALE, birth=datetime.date(1993, 1, 2))


def vneid_login(request, user):
    """What allauth does once VNeID answered: the portal login, then ``user_logged_in`` with the social login."""
    account = SocialAccount.objects.get(user=user, provider="vneid")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    user_logged_in.send(
        sender=type(user), request=request, user=user, sociallogin=SimpleNamespace(account=account, user=user)
    )


def new_request():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    return request


def test_a_vneid_login_keeps_the_claims_and_a_filing_reads_them_without_a_query(people, django_assert_num_queries):
    user = citizen_account(people[0])
    request = new_request()
    vneid_login(request, user)
    expected = citizen_claims(type(user).objects.get(pk=user.pk))  # from the account, as before
    assert expected["id_number"] == people[0].id_number
    with django_assert_num_queries(0):
        assert citizen_claims(user, request.session) == expected


def test_claims_kept_for_someone_else_are_never_taken(people):
    first, second = citizen_account(people[0]), citizen_account(people[1])
    request = new_request()
    vneid_login(request, first)
    assert citizen_claims(second, request.session)["id_number"] == people[1].id_number


def test_logging_out_or_in_as_someone_else_leaves_no_claims_behind(people):
    first, second = citizen_account(people[0]), citizen_account(people[1])
    request = new_request()
    vneid_login(request, first)
    request.user = first
    logout(request)
    assert SESSION_CLAIMS_KEY not in request.session

    vneid_login(request, first)
    login(request, second, backend="django.contrib.auth.backends.ModelBackend")  # another user, not through VNeID
    assert SESSION_CLAIMS_KEY not in request.session
    assert citizen_claims(second, request.session)["id_number"] == people[1].id_number


def test_a_new_vneid_login_replaces_the_claims(people):
    user = citizen_account(people[0])
    request = new_request()
    vneid_login(request, user)
    account = SocialAccount.objects.get(user=user)
    account.extra_data["userinfo"]["phone_number"] = "0900000000"
    account.save()
    vneid_login(request, user)  # allauth wrote the new claims on the account first
    assert citizen_claims(user, request.session)["phone_number"] == "0900000000"


def test_a_session_without_claims_reads_the_account(people):
    user = citizen_account(people[0])
    request = new_request()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    assert citizen_claims(user, request.session)["id_number"] == people[0].id_number
