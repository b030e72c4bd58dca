"""``enqueue_many`` writes its rows and learns which are pending in one statement: a key already pending is
relayed again, a key done is not, a key twice in one call is one row, and the rows hold what ``Entry`` defaults to."""

import pytest
from django.utils import timezone

from outbox import services as outbox
from outbox import tasks as outbox_tasks
from outbox.models import Entry, EntryStatus

pytestmark = pytest.mark.django_db

TASK = "tests.outbox.flaky"  # registered by test_outbox.py; never run here (the relay is captured)


def item(key: str) -> tuple[str, dict, str]:
    return (TASK, {"key": key, "failures": 0, "at": timezone.now()}, f"test:{key}")


@pytest.fixture
def sent(monkeypatch):
    sent = []
    monkeypatch.setattr(outbox_tasks.run, "apply_async", lambda args, **options: sent.append(args[0]))
    return sent


def test_new_and_pending_keys_are_returned_and_relayed_done_ones_are_not(sent, django_capture_on_commit_callbacks):
    [pending, done] = outbox.enqueue_many([item("pending"), item("done")])
    Entry.objects.filter(pk=done).update(status=EntryStatus.DONE, done_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        ids = outbox.enqueue_many([item("done"), item("new"), item("pending"), item("new")])
    new = Entry.objects.get(key="test:new").pk
    assert ids == sorted([pending, new]) and sent == [ids]
    assert Entry.objects.count() == 3


def test_rows_hold_what_the_model_gives_them(sent):
    before = timezone.now()
    [pk] = outbox.enqueue_many([item("fields")])
    row = Entry.objects.get(pk=pk)
    assert (row.task, row.queue, row.status, row.dispatches, row.attempts, row.last_error) == (
        TASK,
        "default",
        EntryStatus.PENDING,
        1,
        0,
        "",
    )
    assert row.kwargs["key"] == "fields" and isinstance(row.kwargs["at"], str)  # DjangoJSONEncoder
    assert before <= row.created_at < row.due_at and row.claimed_until is None and row.done_at is None


def test_nothing_to_enqueue_asks_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert outbox.enqueue_many([]) == []


def test_a_large_batch_is_written_in_statements_of_a_thousand_rows(sent, django_assert_num_queries):
    items = [(TASK, {"n": n}, f"test:large:{n}") for n in range(1500)]
    with django_assert_num_queries(2):
        ids = outbox.enqueue_many(items + items[:10])
    assert len(ids) == 1500 == len(set(ids)) and ids == sorted(ids)
