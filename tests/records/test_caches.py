"""What the filing API keeps in each process (the online service, its version's components, the routing) is read
again after the catalogue changes: a stale service would file against the wrong form or version.

These tests commit, as production does: copies are only kept from committed rows, and a change renews them once it
commits. "Another process" is this one with its copies put back as they were before the change: only the
generation token in the shared cache can tell it the catalogue changed.
"""

import json
from types import SimpleNamespace

import pytest
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from eservices import selectors as eservices_selectors
from eservices.models import ComponentReplacement, OnlineService
from procedures import selectors as procedures_selectors
from procedures import services as procedures_services
from procedures.models import Agency
from records import rules
from records.models import Record

from . import files
from .test_records import BUSINESS

pytestmark = pytest.mark.django_db(transaction=True)

SLUG = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"
CATALOGUE_TABLES = (
    "services_onlineservice",
    "services_componentreplacement",
    "procedures_documentcomponent",
    "procedures_agency",
)


@pytest.fixture
def citizen(citizen, client):
    """Logged in as a VNeID login leaves the session: with the level reached and the claims."""
    from allauth.socialaccount.models import SocialAccount

    from identity.services import remember_vneid_login

    request = RequestFactory().get("/")
    request.session = client.session
    account = SocialAccount.objects.get(user=citizen)
    remember_vneid_login(request, SimpleNamespace(account=account, user=citizen))
    request.session.save()
    return citizen


@pytest.fixture(autouse=True)
def _fresh_copies():
    procedures_selectors.forget_process_copies()
    yield
    procedures_selectors.forget_process_copies()


def papers_of(version):
    return version.components.get(name__startswith="Bản sao giấy tờ pháp lý")


def file_business(client, version=None, **fields):
    version = version or OnlineService.objects.get(slug=SLUG).version
    return client.post(
        "/api/v1/records/",
        {"service": SLUG, "data": json.dumps(BUSINESS), f"component_{papers_of(version).pk}": files.pdf(), **fields},
    )


def filed(response) -> Record:
    assert response.status_code == 201, response.content
    return Record.objects.get(pk=response.json()["id"])


class AnotherProcess:
    """The process copies as they are now, to put back after a change (as a process that has not heard of it)."""

    def __init__(self):
        # The search index (``procedures.search``) is cleared with the copies too, but reads its generation anew.
        kept = [copies for copies in procedures_selectors.ProcessCopies.instances if hasattr(copies, "_values")]
        self.saved = [(copies, dict(copies._values)) for copies in kept]
        assert any(values for _copies, values in self.saved), "nothing kept yet"

    def restore(self):
        for copies, values in self.saved:
            copies._values = values


def test_a_second_filing_reads_nothing_of_the_catalogue(client, citizen, monkeypatch):
    from outbox import services as outbox

    # The notices' tasks (run eagerly here, at commit) read the catalogue for themselves: leave them out.
    monkeypatch.setattr(outbox, "relay", lambda by_queue: [pk for ids in by_queue.values() for pk in ids])
    first = filed(file_business(client))
    version = first.procedure_version
    with CaptureQueriesContext(connection) as queries:
        second = filed(file_business(client, version))
    read = [q["sql"] for q in queries.captured_queries if any(table in q["sql"] for table in CATALOGUE_TABLES)]
    # The test's own look-up of the component sent is the only one.
    assert len(read) == 1 and "procedures_documentcomponent" in read[0]
    assert (second.service_id, second.procedure_version_id, second.agency_id) == (
        first.service_id,
        version.pk,
        first.agency_id,
    )
    assert not any("socialaccount" in q["sql"] for q in queries.captured_queries)  # the claims: from the session


def test_the_admin_editing_the_service_renews_every_process_copy(client, citizen):
    filed(file_business(client))
    other = AnotherProcess()
    service = OnlineService.objects.get(slug=SLUG)
    service.eligibility = [{"id": "owner", "question": {"vi": "Bạn là chủ doanh nghiệp?"}, "expected": True}]
    service.save()  # what the admin's change form does
    other.restore()

    refused = file_business(client)
    assert refused.status_code == 400 and "eligibility" in refused.json()
    assert filed(file_business(client, eligibility=json.dumps({"owner": True}))).eligibility_answers == {"owner": True}


def test_a_replacement_added_in_the_admin_renews_the_copy(client, citizen):
    filed(file_business(client))
    other = AnotherProcess()
    service = OnlineService.objects.get(slug=SLUG)
    ComponentReplacement.objects.create(
        service=service, component=papers_of(service.version), source="population_registry"
    )
    other.restore()

    # The registry now stands in for the papers: a file for them is refused, and none is needed.
    assert file_business(client).status_code == 400
    record = filed(client.post("/api/v1/records/", {"service": SLUG, "data": json.dumps(BUSINESS)}))
    assert not record.attachments.exists()


def test_a_deactivated_service_is_gone_at_once(client, citizen):
    filed(file_business(client))
    other = AnotherProcess()
    service = OnlineService.objects.get(slug=SLUG)
    service.is_active = False
    service.save()
    other.restore()
    assert file_business(client).status_code == 404


def test_a_new_version_published_and_given_to_the_service_is_filed_against(client, citizen):
    old = filed(file_business(client)).procedure_version
    other = AnotherProcess()
    draft = procedures_services.create_draft(old.procedure)
    new = procedures_services.publish_version(draft)
    service = OnlineService.objects.get(slug=SLUG)
    service.version = new
    service.form_component = new.components.get(name=service.form_component.name)
    service.save()
    other.restore()

    record = filed(file_business(client, new))
    assert record.procedure_version == new and record.attachments.get().component.version == new
    assert file_business(client, old).status_code == 400  # the old version's component is no longer the service's


def test_routing_follows_an_agency_deactivated_in_the_admin(client, citizen):
    agency = filed(file_business(client)).agency
    other = AnotherProcess()
    agency.is_active = False
    agency.save()
    other.restore()
    assert filed(file_business(client)).agency != agency


def test_routing_follows_the_agencies_of_a_draft_version(catalogue):
    service = OnlineService.objects.get(slug=SLUG)
    draft = procedures_services.create_draft(service.version.procedure)
    draft_service = OnlineService(version=draft)
    first = rules.agency_for_unit(draft_service, "00004")
    draft.agencies.remove(first)
    assert rules.agency_for_unit(draft_service, "00004") not in (first, None)


def test_a_change_rolled_back_is_never_kept(client, citizen):
    filed(file_business(client))
    with pytest.raises(RuntimeError), transaction.atomic():
        service = OnlineService.objects.get(slug=SLUG)
        service.name = "Tên chưa lưu"
        service.save()
        assert eservices_selectors.active_service(SLUG).name == "Tên chưa lưu"  # read in the transaction...
        raise RuntimeError("the admin's request failed")
    assert eservices_selectors.active_service(SLUG).name != "Tên chưa lưu"  # ...and not kept once it rolled back
    filed(file_business(client))


def test_without_a_shared_cache_nothing_is_kept(client, citizen, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert procedures_selectors.catalogue_generation() is None  # another process would never hear of a change
    filed(file_business(client))
    with CaptureQueriesContext(connection) as queries:
        filed(file_business(client))
    assert any("services_onlineservice" in q["sql"] for q in queries.captured_queries)


def test_an_agency_renamed_reaches_the_routing_copy(catalogue):
    service = OnlineService.objects.get(slug=SLUG)
    agency = rules.agency_for_unit(service, "00004")
    renamed = Agency.objects.get(pk=agency.pk)
    renamed.name = "Sở Tài chính (mới)"
    renamed.save()
    assert rules.agency_for_unit(service, "00004").name == "Sở Tài chính (mới)"


def test_a_copy_is_read_again_after_its_longest_life(catalogue, monkeypatch, django_assert_num_queries):
    eservices_selectors.active_service(SLUG)
    with django_assert_num_queries(0):
        eservices_selectors.active_service(SLUG)
    # Say a change failed to renew the token: the copy still goes once it is MAX_AGE old.
    later = procedures_selectors.time.monotonic() + procedures_selectors.ProcessCopies.MAX_AGE + 1
    monkeypatch.setattr(procedures_selectors, "time", SimpleNamespace(monotonic=lambda: later))
    with django_assert_num_queries(2):  # the service and its version, its replacements
        eservices_selectors.active_service(SLUG)
