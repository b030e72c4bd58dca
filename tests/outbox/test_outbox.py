"""The outbox: each side effect of a record change is a row written with the change, relayed after commit,
swept again when lost, and run exactly once.

Tasks run eagerly here (the relay on commit runs the work in-process); ``test_reliability.py`` does the
same with a real Redis and real workers that are killed.
"""

import logging
from datetime import timedelta

import pytest
from celery import shared_task
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from identity.constants import StaffRole
from notifications.constants import Event
from notifications.models import Message
from outbox import services as outbox
from outbox import tasks as outbox_tasks
from outbox.models import Entry, EntryStatus
from records import services as records
from records.signals import record_changed

from .conftest import act, officer

pytestmark = pytest.mark.django_db

CALLS = []


@shared_task(name="tests.outbox.flaky")
def flaky(key: str, failures: int) -> str:
    """Fails its first ``failures`` runs, like a provider that is down for a while."""
    CALLS.append(key)
    if CALLS.count(key) <= failures:
        raise RuntimeError("provider down")
    return key


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()


@pytest.fixture
def receivers(draft, staff):
    """Two receivers at the agency: a filing tells the citizen and both of them."""
    return [staff["receiver"], officer("tiepnhan2", draft.agency, StaffRole.RECEIVER)]


def notices(user, event):
    return Message.objects.filter(recipient=user, event=event).count()


def test_a_filing_writes_one_row_per_recipient_with_the_change_and_relays_them_after_commit(
    draft, citizen, receivers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as commit:  # committed, the on-commit work not run yet
        record = records.submit(draft, actor=citizen)

    event = record.events.get(action="submit")
    rows = list(Entry.objects.order_by("pk"))
    assert [(row.kwargs["user_id"], row.kwargs["audience"]) for row in rows] == [
        (citizen.pk, "citizen"),
        (receivers[0].pk, "officer"),
        (receivers[1].pk, "officer"),
    ]
    assert {row.task for row in rows} == {"notifications.tasks.notify_recipient"}
    assert {row.queue for row in rows} == {"notifications"}
    assert [row.key for row in rows][0] == f"notifications:event:{event.pk}:user:{citizen.pk}"
    assert all(row.status == EntryStatus.PENDING for row in rows)
    assert not Message.objects.exists()  # nothing is sent before the commit

    with django_capture_on_commit_callbacks(execute=True):
        for callback in commit:
            callback()

    assert set(Entry.objects.values_list("status", flat=True)) == {EntryStatus.DONE}
    assert notices(citizen, Event.RECORD_SUBMITTED) == 1
    assert [notices(user, Event.OFFICER_NEW_RECORD) for user in receivers] == [1, 1]


def test_a_rolled_back_change_leaves_no_row(draft, citizen, receivers, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = records.submit(draft, actor=citizen)
    before = Entry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        act(record, "refuse", staff["receiver"], StaffRole.RECEIVER, reason="Không thuộc thẩm quyền")
        assert Entry.objects.count() > before  # written with the change...
        raise RuntimeError("the officer's request failed afterwards")
    assert Entry.objects.count() == before  # ...and gone with it


def test_the_slip_and_the_refund_are_rows_of_their_own_queues(
    draft, citizen, staff, django_capture_on_commit_callbacks
):
    from tests.records.conftest import payment_for

    with django_capture_on_commit_callbacks(execute=True):
        record = records.submit(draft, actor=citizen)
    payment_for(record, citizen, amount=20_000, state="paid")
    with django_capture_on_commit_callbacks():
        act(record, "refuse", staff["receiver"], StaffRole.RECEIVER, reason="Không thuộc thẩm quyền")

    event = record.events.get(action="refuse")
    rows = {row.key: row for row in Entry.objects.filter(key__contains=f":event:{event.pk}")}
    slip = rows[f"documents:event:{event.pk}"]
    assert (slip.task, slip.queue, slip.kwargs) == (
        "documents.tasks.request_event_document",
        "documents",
        {"event_id": event.pk},
    )
    refund = rows[f"payments:refund:event:{event.pk}"]
    assert (refund.task, refund.queue, refund.kwargs["record_id"]) == (
        "payments.tasks.refund_record",
        "default",
        str(record.pk),
    )
    assert rows[f"notifications:event:{event.pk}:user:{citizen.pk}"].status == EntryStatus.PENDING


def test_the_same_event_announced_twice_enqueues_and_notifies_once(
    draft, citizen, receivers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = records.submit(draft, actor=citizen)
    event = record.events.get(action="submit")
    rows = Entry.objects.count()
    with django_capture_on_commit_callbacks(execute=True) as commit:
        record_changed.send(sender=type(record), record=record, event=event, action="submit")
    assert Entry.objects.count() == rows
    assert commit == []  # the rows are done: nothing to relay
    assert notices(citizen, Event.RECORD_SUBMITTED) == 1


def test_enqueue_writes_any_number_of_rows_in_one_query(django_assert_num_queries):
    items = [("tests.outbox.flaky", {"key": f"k{n}", "failures": 0}, f"test:{n}") for n in range(20)]
    with django_assert_num_queries(1):
        ids = outbox.enqueue_many(items)
    assert len(ids) == 20 and Entry.objects.filter(queue="default").count() == 20


def test_with_the_broker_down_the_filing_succeeds_and_the_sweep_notifies_later(
    draft, citizen, receivers, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(outbox_tasks.run, "apply_async", broker_down)
    with caplog.at_level(logging.WARNING, logger="outbox.services"), django_capture_on_commit_callbacks(execute=True):
        record = records.submit(draft, actor=citizen)

    assert record.code and not Message.objects.exists()
    assert "Broker unavailable" in caplog.text
    rows = Entry.objects.all()
    assert rows.count() == 3 and all(row.status == EntryStatus.PENDING for row in rows)
    assert all(row.due_at <= timezone.now() for row in rows)  # due at once for the next sweep

    monkeypatch.undo()  # the broker is back
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_tasks.sweep() == 3
    assert set(Entry.objects.values_list("status", flat=True)) == {EntryStatus.DONE}
    assert notices(citizen, Event.RECORD_SUBMITTED) == 1
    assert [notices(user, Event.OFFICER_NEW_RECORD) for user in receivers] == [1, 1]


def test_a_relayed_row_is_swept_again_only_when_its_lease_ran_out_and_longer_each_time(
    settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.OUTBOX_LEASE_SECONDS = 60
    sent = []
    monkeypatch.setattr(outbox_tasks.run, "apply_async", lambda args, **options: sent.append(args[0]))
    with django_capture_on_commit_callbacks(execute=True):
        [pk] = outbox.enqueue_many([("tests.outbox.flaky", {"key": "lost", "failures": 0}, "test:lost")])
    assert sent == [[pk]]  # relayed at commit; say the broker then lost it
    assert outbox.sweep() == 0  # leased for a minute

    Entry.objects.filter(pk=pk).update(due_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.sweep() == 1
    row = Entry.objects.get(pk=pk)
    assert sent == [[pk], [pk]] and row.dispatches == 2
    assert timedelta(seconds=115) < row.due_at - timezone.now() <= timedelta(seconds=120)  # twice the lease


def test_a_done_row_does_nothing_however_it_comes_back(draft, citizen, receivers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        records.submit(draft, actor=citizen)
    ids = list(Entry.objects.values_list("pk", flat=True))

    assert outbox_tasks.run(ids) == 0  # a redelivered message
    assert outbox.sweep() == 0  # done rows are never due
    with django_capture_on_commit_callbacks(execute=True):
        outbox.retry(Entry.objects.all())  # even the admin's action leaves done rows alone
    assert Message.objects.count() == 3
    assert set(Entry.objects.values_list("attempts", flat=True)) == {1}


def test_a_row_claimed_by_a_live_worker_is_left_to_it_and_taken_once_the_claim_expired():
    [pk] = outbox.enqueue_many([("tests.outbox.flaky", {"key": "claimed", "failures": 0}, "test:claimed")])
    Entry.objects.filter(pk=pk).update(claimed_until=timezone.now() + timedelta(seconds=30))
    assert outbox.process(pk) is False and CALLS == []

    Entry.objects.filter(pk=pk).update(claimed_until=timezone.now() - timedelta(seconds=1))  # its worker died
    assert outbox.process(pk) is True and CALLS == ["claimed"]
    row = Entry.objects.get(pk=pk)
    assert row.status == EntryStatus.DONE and row.done_at and row.claimed_until is None


def test_a_failing_task_is_retried_with_backoff_and_given_up_after_the_last_attempt(
    settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    [pk] = outbox.enqueue_many([("tests.outbox.flaky", {"key": "down", "failures": 5}, "test:down")])

    assert outbox.process(pk) is False
    row = Entry.objects.get(pk=pk)
    assert (row.status, row.attempts, row.last_error) == (EntryStatus.PENDING, 1, "RuntimeError: provider down")
    assert timedelta(seconds=25) < row.due_at - timezone.now() <= timedelta(seconds=30)
    for attempt in (2, 3):
        Entry.objects.filter(pk=pk).update(due_at=timezone.now())
        assert outbox.process(pk) is False
        assert Entry.objects.get(pk=pk).attempts == attempt
    row = Entry.objects.get(pk=pk)
    assert (row.status, row.attempts) == (EntryStatus.FAILED, 3)
    assert outbox.process(pk) is False and len(CALLS) == 3  # given up: no more runs

    CALLS[:] = ["down"] * 5  # the provider is back
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.retry(Entry.objects.filter(pk=pk)) == 1
    row = Entry.objects.get(pk=pk)
    assert (row.status, row.attempts) == (EntryStatus.DONE, 1)


def test_the_admin_lists_the_stuck_rows_first_and_sends_one_again(
    client, django_user_model, django_capture_on_commit_callbacks
):
    from tests.staff import STAFF_PASSWORD, login_with_totp

    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", STAFF_PASSWORD, kind="admin")
    admin_client = login_with_totp(client, admin)
    old = timezone.now() - timedelta(hours=1)
    Entry.objects.create(key="test:stuck", task="tests.outbox.flaky", queue="default", created_at=old)
    failed = Entry.objects.create(
        key="test:failed",
        task="tests.outbox.flaky",
        kwargs={"key": "again", "failures": 0},
        queue="default",
        status=EntryStatus.FAILED,
        attempts=10,
        last_error="boom",
    )
    Entry.objects.create(key="test:fresh", task="tests.outbox.flaky", queue="default")
    Entry.objects.create(
        key="test:done", task="tests.outbox.flaky", queue="default", status=EntryStatus.DONE, created_at=old
    )

    page = admin_client.get("/admin/outbox/entry/").content.decode()
    assert "test:stuck" in page and "test:failed" in page and "boom" in page
    assert "test:fresh" not in page and "test:done" not in page
    everything = admin_client.get("/admin/outbox/entry/?state=all").content.decode()
    assert all(key in everything for key in ("test:stuck", "test:failed", "test:fresh", "test:done"))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/outbox/entry/", {"action": "send_again", "_selected_action": [failed.pk]})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (EntryStatus.DONE, 1) and CALLS == ["again"]


def test_done_rows_are_purged_after_a_week():
    now = timezone.now()
    Entry.objects.create(
        key="test:old", task="t", queue="default", status=EntryStatus.DONE, done_at=now - timedelta(days=8)
    )
    Entry.objects.create(key="test:new", task="t", queue="default", status=EntryStatus.DONE, done_at=now)
    Entry.objects.create(key="test:pending", task="t", queue="default", created_at=now - timedelta(days=30))
    assert outbox.purge() == 1
    assert set(Entry.objects.values_list("key", flat=True)) == {"test:new", "test:pending"}
