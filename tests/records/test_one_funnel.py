"""Every path that files a record goes through the one funnel: the same history, the same signals, at the same
moments (``record_changed`` inside the transaction, ``record_transitioned`` after it commits)."""

import json

import pytest
from django.db import connection

from records import signals
from records.constants import RecordState, WorkflowAction
from records.models import Record

from . import files
from .test_filing import LICENCE_FORM, answer_eligibility, filing_url, start

pytestmark = pytest.mark.django_db(transaction=True)


class Heard:
    """What each signal carried, and whether it came inside a transaction."""

    def __init__(self):
        self.items = []

    def changed(self, sender, record, event, action, **kwargs):
        self.items.append(("record_changed", action, event.action, connection.in_atomic_block))

    def transitioned(self, sender, record, event, action, **kwargs):
        self.items.append(("record_transitioned", action, event.action, connection.in_atomic_block))

    def __enter__(self):
        signals.record_changed.connect(self.changed)
        signals.record_transitioned.connect(self.transitioned)
        return self

    def __exit__(self, *exc):
        signals.record_changed.disconnect(self.changed)
        signals.record_transitioned.disconnect(self.transitioned)


def history(record):
    return [
        (e.action, e.from_state, e.to_state, e.role, e.actor_id, bool(e.client_ip))
        for e in record.events.order_by("at", "pk")
    ]


def file_on_the_web(client, citizen):
    base = filing_url(start(client))
    answer_eligibility(client, base)
    client.post(base + "form/", {**LICENCE_FORM, "continue": ""})
    record = Record.objects.get(applicant=citizen)
    components = {c.name: c for c in record.procedure_version.components.all()}
    health = next(c for name, c in components.items() if name.startswith("Giấy khám sức khỏe"))
    licence = next(c for name, c in components.items() if name.startswith("Bản sao giấy phép lái xe"))
    client.post(
        base + "attachments/", {"action": "upload", "record": record.pk, "component": health.pk, "file": files.pdf()}
    )
    client.post(
        base + "attachments/",
        {"action": "wallet", "record": record.pk, "component": licence.pk, "document": "012345678901"},
    )
    with Heard() as heard:
        response = client.post(base + "review/")
    assert response.status_code == 302 and response["Location"].endswith("/done/")
    return Record.objects.get(pk=record.pk), heard.items


def file_through_the_api(client):
    service = client.get("/api/v1/services/cap-doi-giay-phep-lai-xe/").json()
    health = next(c for c in service["components"] if c["name"].startswith("Giấy khám sức khỏe"))
    licence = next(c for c in service["components"] if c["provided_by"] == "driving_licence")
    with Heard() as heard:
        response = client.post(
            "/api/v1/records/",
            {
                "service": service["slug"],
                "data": json.dumps(LICENCE_FORM),
                "eligibility": json.dumps({q["id"]: True for q in service["eligibility"]}),
                "wallet": json.dumps({str(licence["id"]): "012345678901"}),
                health["field"]: files.pdf(),
            },
        )
    assert response.status_code == 201, response.content
    return Record.objects.get(pk=response.json()["id"]), heard.items


def test_the_filing_api_leaves_the_same_history_and_signals_as_the_web_journey(client, citizen):
    on_web, web_signals = file_on_the_web(client, citizen)
    through_api, api_signals = file_through_the_api(client)

    assert on_web.state == through_api.state == RecordState.SUBMITTED
    assert history(through_api) == history(on_web)
    assert [event[0] for event in history(through_api)] == [WorkflowAction.CREATE, WorkflowAction.SUBMIT]
    # The submit event names the citizen acting online, like the web's: no bare string of the API's own.
    submit = through_api.events.get(action=WorkflowAction.SUBMIT)
    assert submit.role == "citizen" and submit.actor_id == citizen.pk

    assert api_signals == web_signals
    assert api_signals == [
        ("record_changed", WorkflowAction.SUBMIT, WorkflowAction.SUBMIT, True),
        ("record_transitioned", WorkflowAction.SUBMIT, WorkflowAction.SUBMIT, False),
    ]
