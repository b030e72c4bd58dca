"""Who may download an issued PDF: staff today, and whatever policy the subject's app registers."""

import pytest

from documents.access import can_download, register_policy, unregister_policy
from procedures.models import Procedure
from tests.staff import totp_session

from . import factories
from .conftest import read_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure_policy():
    allowed = set()

    @register_policy(Procedure)
    def policy(user, document, subject=None):
        return user.username in allowed

    yield allowed
    unregister_policy(Procedure)


def test_only_staff_and_superusers_may_download_by_default(issued):
    from django.contrib.auth.models import AnonymousUser

    assert not can_download(AnonymousUser(), issued)
    assert not can_download(factories.user("citizen"), issued)
    assert can_download(factories.user("officer", is_staff=True), issued)
    assert can_download(factories.user("root", is_staff=True, is_superuser=True), issued)
    assert not can_download(factories.user("gone", is_staff=True, is_active=False), issued)


def test_a_registered_policy_decides_for_everyone_but_superusers(issued, procedure_policy):
    citizen = factories.user("citizen")
    officer = factories.user("officer", is_staff=True)
    procedure_policy.add("citizen")

    assert can_download(citizen, issued)
    assert not can_download(officer, issued)
    assert can_download(factories.user("root", is_superuser=True), issued)


def test_download_serves_the_issued_pdf_to_those_allowed(client, issued):
    url = f"/documents/{issued.pk}/pdf/"
    assert client.get(url).status_code == 302  # to the login page

    client.force_login(factories.user("citizen"))
    assert client.get(url).status_code == 404  # not 403: whether the document exists is not said either

    totp_session(client, factories.user("officer", is_staff=True))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == read_pdf(issued)


def test_issued_pdfs_have_no_public_url(issued, settings):
    with pytest.raises(ValueError):
        _ = issued.file.url
    assert not str(issued.file.path).startswith(str(settings.MEDIA_ROOT))
