"""A portal that starts reporting with records already filed tells the nation where each stands, once."""

import pytest
import requests
from django.core.management import call_command

from emc.figures import portal_figures
from national.models import RecordStatus, StatusReport
from outbox.models import Entry, EntryStatus

from .conftest import REPORTS_PATH, advance, submitted_record

pytestmark = pytest.mark.django_db(transaction=True)


def test_records_filed_before_reporting_began_are_reported_at_their_latest_status(
    settings, live_server, staff, record, citizen, family
):
    url = settings.NATIONAL_SYNC_URL
    assert not url  # the fixtures filed the first record with reporting off
    advance(record, staff, "result_returned")
    advance(submitted_record(citizen, family["father"]), staff, "supplement_requested")
    submitted_record(citizen, family["father"])
    assert not Entry.objects.filter(task="emc.tasks.report_status").exists()

    settings.NATIONAL_SYNC_URL = live_server.url + REPORTS_PATH
    call_command("report_to_national", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Entry.objects.filter(task="emc.tasks.report_status", status=EntryStatus.DONE).count() == 3
    assert StatusReport.objects.count() == RecordStatus.objects.count() == 3  # one report a record: its latest
    nation = requests.get(live_server.url + "/national/api/v1/figures", timeout=15).json()
    assert nation == portal_figures()
    assert nation["overall"]["by_status"] == {"1": 1, "5": 1, "10": 1}

    call_command("report_to_national", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Entry.objects.filter(task="emc.tasks.report_status").count() == 3  # nothing written twice
    assert StatusReport.objects.count() == 3
