"""Celery tasks of the personal data store; each is idempotent (one result item per record, one copy per paper)."""

from celery import shared_task

from common.tasks import RETRY_POLICY


@shared_task(name="datastore.tasks.store_result", **RETRY_POLICY)
def store_result(record_id) -> str:
    from records.models import Record

    from . import services

    record = Record.objects.select_related("procedure_version__procedure", "agency__unit").get(pk=record_id)
    return str(services.store_result(record).pk)


@shared_task(name="datastore.tasks.digitise", **RETRY_POLICY)
def digitise(event_id) -> int:
    from records.models import RecordEvent

    from . import services

    event = RecordEvent.objects.select_related("record", "actor").get(pk=event_id)
    # The officer who received the papers certifies the copies; a citizen's supplement is certified by the record's
    # handling officer when it is received again, so only an officer's act digitises.
    certifier = event.actor if getattr(event.actor, "is_officer", False) else None
    if certifier is None:
        return 0
    return len(services.digitise_record(event.record, certifier=certifier, at=event.at))
