"""The nation's view agrees with the portal's own figures after an outage of the national endpoint.

Records are filed and processed through the real workflow while the portal reports each status change over real HTTP
to its simulated national receiver (the live server). For part of the time the endpoint is down (a closed port:
connection refused) or out of service (503): the reports wait in the outbox, retried with backoff, none lost. Once it
is back and the outbox's sweep has run, the figures the receiver computed from what it received are those the portal
computes from its records: online share, on-time share and records per national status, overall and per agency.
"""

import datetime

import pytest
import requests
from django.db.models import F
from django.utils import timezone

from emc.figures import portal_figures
from emc.services import send
from national.models import RecordStatus, StatusReport
from outbox import services as outbox
from outbox.models import Entry, EntryStatus
from records import deadlines, services
from records.constants import NATIONAL_STATUS, RecordState
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent

from .conftest import REPORTS_PATH, advance, closed_port, submitted_record

pytestmark = pytest.mark.django_db(transaction=True)

TASK = "emc.tasks.report_status"


def national_figures(base_url: str) -> dict:
    response = requests.get(f"{base_url}/national/api/v1/figures", timeout=15)
    assert response.status_code == 200
    return response.json()


def reports():
    return Entry.objects.filter(task=TASK)


def status_changes():
    """The events the nation must hear of: every change of state into one it knows."""
    return RecordEvent.objects.filter(to_state__in=list(NATIONAL_STATUS)).exclude(from_state=F("to_state"))


def backoff_runs_out():
    """As if the rows' backoff had run out: the sweep takes them now (the clock is not the point here)."""
    reports().filter(status=EntryStatus.PENDING).update(due_at=timezone.now() - datetime.timedelta(seconds=1))


def counter_record(staff, agency, person):
    """A walk-in filing received at the one-stop desk: filed and received in one go by the receiver."""
    from eservices.models import OnlineService

    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    draft = services.start_counter_draft(
        service=service, id_number=person.id_number, agency=agency, officer=staff["receiver"]
    )
    services.save_form(
        [draft],
        {
            "full_name": person.full_name,
            "id_number": person.id_number,
            "birth_date": person.birth_date.isoformat(),
            "request": "Đăng ký thường trú",
            "delivery": "online",
        },
        [],
    )
    paper = service.version.components.exclude(pk=service.form_component_id).first()
    ticked = [{"component": paper.pk, "form": "copy", "copies": 1}]
    return services.receive_at_counter(draft, ticked, officer=staff["receiver"])


def late_return(record, staff):
    """Approved after its due date: the apology letter, a new appointment, then the result returned late."""
    record = advance(record, staff, "approved")
    due = deadlines.add_working_days(timezone.localdate() - datetime.timedelta(days=30), 1)
    Record.objects.filter(pk=record.pk).update(due_date=due)
    # As if received a month ago: the due date set at receipt is on its event too, where the figures read it.
    received = record.events.get(action=A.RECEIVE)
    RecordEvent.objects.filter(pk=received.pk).update(data={**received.data, "due_date": due.isoformat()})
    record.refresh_from_db()
    services.apologise(
        record, deadlines.add_working_days(timezone.localdate(), 3), "Chờ xác minh", actor=staff["processor"]
    )
    services.act(record, A.RETURN_RESULT, actor=staff["receiver"])
    return Record.objects.get(pk=record.pk)


def test_after_an_outage_the_nation_and_the_portal_count_the_same(
    national, settings, staff, record, agency, citizen, family, other_agency
):
    # Endpoint up: the first record (filed by the fixtures) goes all the way, on time.
    on_time = advance(record, staff, "result_returned")
    assert on_time.state == RecordState.RESULT_RETURNED and not on_time.events.get(action=A.RETURN_RESULT).data["late"]
    assert not reports().exclude(status=EntryStatus.DONE).exists()
    assert StatusReport.objects.filter(record_code=on_time.code).count() == 5  # submitted .. returned
    assert national_figures(national) == portal_figures()

    # Endpoint down (connection refused): a late record, a counter record, a transfer to another agency.
    settings.NATIONAL_SYNC_URL = f"http://127.0.0.1:{closed_port()}{REPORTS_PATH}"
    late = late_return(submitted_record(citizen, family["father"]), staff)
    assert late.events.get(action=A.RETURN_RESULT).data["late"] is True
    walk_in = counter_record(staff, agency, family["mother"])
    assert walk_in.channel == "counter" and walk_in.state == RecordState.RECEIVED
    moved = advance(submitted_record(citizen, family["father"]), staff, "in_processing")
    services.act(
        moved,
        A.TRANSFER,
        actor=staff["processor"],
        reason="Thuộc thẩm quyền cơ quan khác",
        data={"to_agency": other_agency.code},
    )

    # Out of service (503): a refusal, a rejection, a supplement request, a fresh filing.
    settings.NATIONAL_SYNC_URL = national + REPORTS_PATH
    settings.NATIONAL_SIM_OUT_OF_SERVICE = True
    advance(submitted_record(citizen, family["father"]), staff, "refused")
    advance(submitted_record(citizen, family["father"]), staff, "rejected")
    advance(submitted_record(citizen, family["father"]), staff, "supplement_requested")
    submitted_record(citizen, family["father"])

    # Nothing reached the nation, nothing is lost: each change waits in the outbox with its error, backing off.
    waiting = reports().filter(status=EntryStatus.PENDING)
    assert waiting.count() == status_changes().count() - 5 > 0
    assert not StatusReport.objects.exclude(record_code=on_time.code).exists()
    errors = set(waiting.values_list("last_error", flat=True))
    assert any("ConnectionError" in error for error in errors) and any("HTTP 503" in error for error in errors)
    assert all(row.due_at > timezone.now() for row in waiting)  # backoff: not before their time
    assert outbox.sweep() == 0
    assert national_figures(national) != portal_figures()

    # Still down when the backoff runs out: they fail again and stay.
    backoff_runs_out()
    outbox.sweep()
    assert reports().filter(status=EntryStatus.PENDING, attempts=2).count() == waiting.count()

    # Back in service: the next sweep delivers everything, and the nation counts what the portal counts.
    settings.NATIONAL_SIM_OUT_OF_SERVICE = False
    backoff_runs_out()
    outbox.sweep()
    assert not reports().exclude(status=EntryStatus.DONE).exists()
    assert StatusReport.objects.count() == status_changes().count() == reports().count()

    nation, portal = national_figures(national), portal_figures()
    assert nation == portal
    assert set(portal["agencies"]) == {agency.code, other_agency.code}
    overall = portal["overall"]
    # 6 received, 1 of them at the counter (the refused filing and the fresh one were never received): 5 online of 6.
    # 3 decided: returned on time, rejected on time (stopped), returned late: 2 on time of 3.
    assert overall["received"] == 6 and overall["online"] == 5 and overall["online_share"] == round(5 / 6, 4)
    assert overall["finished"] == 3 and overall["on_time"] == 2 and overall["on_time_share"] == round(2 / 3, 4)
    assert overall["by_status"] == {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1, "8": 1, "10": 2}
    assert RecordStatus.objects.count() == Record.objects.exclude(state=RecordState.DRAFT).count() == 8

    # A report delivered again (a worker that died before marking its row done) is stored once.
    again = reports().order_by("pk").first()
    assert outbox.retry(Entry.objects.filter(pk=again.pk)) == 0  # the outbox never runs a done row again...
    assert send(again.kwargs["report"]) == 200  # ...and the receiver ignores a repeat
    assert StatusReport.objects.count() == reports().count()
    assert national_figures(national) == portal_figures()

    # The portal's own published figures (``monitoring``, counted from the same events) say the same.
    from monitoring.counting import count_pending
    from monitoring.indicators import Scope, compute

    count_pending()
    today = timezone.localdate()
    ours = compute(Scope(), today - datetime.timedelta(days=400), today)
    overall = portal_figures()["overall"]
    assert (ours.received, ours.received_online) == (overall["received"], overall["online"])
    assert (ours.finished, ours.finished_on_time) == (overall["finished"], overall["on_time"])
