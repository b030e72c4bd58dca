import uuid

import pytest
from django.utils import timezone

from records.constants import RecordState
from records.models import Record, RecordEvent
from tests.backoffice.conftest import _records_rules_only, agency, other_agency, record, staff  # noqa: F401
from tests.records.conftest import catalogue, citizen, citizen_account, family  # noqa: F401


def another(template: Record, channel: str | None = None) -> Record:  # noqa: F811
    """A copy of the submitted ``template`` (same applicant, procedure and agency), submitted in its own right."""
    copy = Record.objects.get(pk=template.pk)
    copy.pk = uuid.uuid4()
    copy.code = f"{template.code}-{uuid.uuid4().hex[:6]}"
    copy.state = RecordState.SUBMITTED
    copy.channel = channel or template.channel
    copy.save(force_insert=True)
    return copy


def backdate(record: Record, days: int) -> None:  # noqa: F811
    """As if everything that happened to ``record`` so far happened ``days`` calendar days earlier (its receipt's due
    date included): the figures then see a record received long ago."""
    shift = timezone.timedelta(days=days)
    for event in RecordEvent.objects.filter(record=record):
        data = dict(event.data or {})
        if data.get("due_date"):
            due = timezone.datetime.fromisoformat(data["due_date"]).date() - shift
            data["due_date"] = due.isoformat()
        RecordEvent.objects.filter(pk=event.pk).update(at=event.at - shift, data=data)
    record.refresh_from_db()
    changes = {
        name: getattr(record, name) - shift
        for name in ("received_at", "due_date", "supplement_requested_at")
        if getattr(record, name)
    }
    Record.objects.filter(pk=record.pk).update(**changes)


@pytest.fixture
def figures_empty():
    from monitoring.models import AgencyFigure

    assert not AgencyFigure.objects.exists()
