"""The simulated national receiver over real HTTP: signatures, repeats, order, malformed reports; and the sender's
switch (nothing is written while no endpoint is configured) and its configuration check."""

import pytest
import requests
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from emc import services as emc
from emc.tasks import resend_failed
from national.models import RecordStatus, StatusReport
from outbox.models import Entry, EntryStatus

from .conftest import REPORTS_PATH, SECRET, submitted_record

TASK = "emc.tasks.report_status"


def report(event_id, status, *, at="2026-03-12T09:00:00+07:00", code="000.00.21.H56-260312-0001", **fields):
    return {
        "event_id": event_id,
        "record_code": code,
        "agency_code": "000.00.21.H56",
        "procedure_code": "1.001234",
        "status": status,
        "channel": "online",
        "event_at": at,
        "due_date": "2026-03-20",
        "received_at": "2026-03-12T08:30:00+07:00" if status > 1 else None,
        "finished_at": None,
        **fields,
    }


def post(url, body: bytes, signature: str | None):
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers[emc.SIGNATURE_HEADER] = signature
    return requests.post(url + REPORTS_PATH, data=body, headers=headers, timeout=15)


@pytest.mark.django_db(transaction=True)
def test_a_bad_signature_is_refused_and_nothing_is_stored(national, settings, citizen, family):
    body = emc.body_of(report(1, 1))
    tampered = body.replace(b'"status":1', b'"status":2')
    assert post(national, tampered, emc.sign(body, SECRET)).status_code == 403  # signed, then changed
    assert post(national, body, emc.sign(body, "another-secret")).status_code == 403
    assert post(national, body, None).status_code == 403
    assert post(national, body, "").status_code == 403
    assert not StatusReport.objects.exists() and not RecordStatus.objects.exists()

    # The portal with the wrong secret: refused, and its report is kept in the outbox instead of being lost, even
    # once the outbox gives up on it (one attempt here, OUTBOX_MAX_ATTEMPTS in production).
    settings.NATIONAL_SIM_SECRET = "the-nation-expects-another-secret"
    settings.OUTBOX_MAX_ATTEMPTS = 1
    record = submitted_record(citizen, family["father"])
    row = Entry.objects.get(task=TASK)
    assert row.status == EntryStatus.FAILED and row.attempts == 1 and "HTTP 403" in row.last_error
    assert not StatusReport.objects.exists()
    # Once the secrets agree, the hourly resend of given-up reports delivers it.
    settings.NATIONAL_SIM_SECRET = ""
    assert resend_failed() == 1
    assert StatusReport.objects.get().record_code == record.code
    assert Entry.objects.get(pk=row.pk).status == EntryStatus.DONE


@pytest.mark.django_db(transaction=True)
def test_a_repeated_event_is_stored_once_and_the_latest_event_wins_whatever_the_order(national):
    first = report(10, 2, at="2026-03-12T09:00:00+07:00")
    assert emc.send(first) == 201
    assert emc.send(first) == 200  # a repeat: acknowledged, not stored again
    assert emc.send({**first, "status": 5}) == 200  # the same event id says nothing new, whatever it carries
    assert StatusReport.objects.count() == 1 and RecordStatus.objects.get().status == 2

    # The later event arrives before an earlier one (a retry overtaken): the record keeps the later status.
    finished = "2026-03-20T16:00:00+07:00"
    assert emc.send(report(12, 10, at="2026-03-20T16:00:00+07:00", finished_at=finished)) == 201
    assert emc.send(report(11, 4, at="2026-03-13T10:00:00+07:00")) == 201
    status = RecordStatus.objects.get()
    assert (status.status, status.event_id, status.on_time) == (10, 12, True)  # 16:00 on the due day is on time
    assert StatusReport.objects.count() == 3

    figures = requests.get(national + "/national/api/v1/figures", timeout=15).json()
    assert figures["overall"] == {
        "received": 1,
        "online": 1,
        "online_share": 1.0,
        "finished": 1,
        "on_time": 1,
        "on_time_share": 1.0,
        "by_status": {"10": 1},
    }
    assert figures["agencies"] == {"000.00.21.H56": figures["overall"]}


MALFORMED = [
    b"not json",
    b"[1, 2]",
    emc.body_of(report(20, 11)),  # no such national status
    emc.body_of(report(21, 2, at="2026-03-12T09:00:00")),  # a time with no offset
    emc.body_of({k: v for k, v in report(22, 2).items() if k != "record_code"}),
    emc.body_of(report("23", 2)),  # the event id is a number
    emc.body_of(report(24, 2, due_date="20/03/2026")),
]


@pytest.mark.django_db(transaction=True)
def test_a_malformed_report_is_refused_with_400_and_nothing_stored(national):
    for body in MALFORMED:
        response = post(national, body, emc.sign(body, SECRET))
        assert response.status_code == 400 and response.json()["error"], body
    assert not StatusReport.objects.exists()


@pytest.mark.django_db
def test_nothing_is_written_for_the_nation_while_no_endpoint_is_configured(settings, citizen, family):
    settings.NATIONAL_SYNC_URL = ""
    record = submitted_record(citizen, family["father"])
    assert record.events.filter(to_state="submitted").exists()
    assert not Entry.objects.filter(task=TASK).exists()


def test_an_endpoint_without_its_secret_is_refused_by_the_checks(settings):
    settings.NATIONAL_SYNC_URL = "https://dichvucong.gov.vn/emc/status-reports"
    settings.NATIONAL_SYNC_SECRET = ""
    with pytest.raises(SystemCheckError, match="emc.E001"):
        call_command("check")
