"""The transactional outbox: enqueue in the change's transaction, relay after commit, sweep what was lost.

**Enqueue.** A receiver that reacts to a change calls :func:`enqueue` (or
:func:`enqueue_many`) inside the change's transaction, naming the Celery task
that does the work, its keyword arguments (JSON) and a unique key. The rows are
written with the change or not at all: a rolled-back change leaves nothing, a
committed one cannot lose its side effects to a broker outage or a crash. The
same key twice writes one row, so a repeated signal enqueues nothing more.

**Relay.** When the transaction commits (``transaction.on_commit``) the new rows
are handed to the broker as ``outbox.tasks.run`` messages, one per queue (the
queue of each row's task), so a filing that tells its applicant and twenty
officers publishes one message. If the broker cannot take them, a warning is
logged and the request goes on; the rows wait for the sweep.

**Run.** ``outbox.tasks.run`` takes each row in turn: it locks it
(``select_for_update(skip_locked=True)``), leaves it alone if it is done or
another worker holds a live claim on it, otherwise claims it for
``OUTBOX_CLAIM_SECONDS`` and calls the row's task in-process with its
arguments, then marks the row done. The work runs outside the claim's
transaction, in the task's own transactions, as the task would run on its own
(a refund's row is committed before the provider is called), so each task must
be idempotent: notifications and documents have idempotency keys, refunds one
row per payment. A redelivered message, or a sweep, of a done row does nothing.
A failure is written on the row and retried with backoff (30 s doubling, at
most an hour) until ``OUTBOX_MAX_ATTEMPTS``; the row then shows as failed in the
admin, which can send it again.

**Sweep.** ``outbox.tasks.sweep`` (Celery beat, every ``OUTBOX_SWEEP_SECONDS``)
sends again every pending row whose ``due_at`` has passed: never relayed (the
broker was down), relayed but lost (Redis restarted without persistence), or
claimed by a worker that died (the claim expired). Each dispatch leases the row
for ``OUTBOX_LEASE_SECONDS``, doubled at each further dispatch (at most
``OUTBOX_LEASE_MAX_SECONDS``), so a queue that is merely slow is not flooded
with copies.

With the defaults (lease 60 s, claim 75 s, sweep every 30 s) a row lost on the
way or in a killed worker runs again within about 60-105 seconds.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import Entry, EntryStatus

logger = logging.getLogger(__name__)

# Rows per ``outbox.tasks.run`` message: a batch stays well inside the task's time limit.
BATCH_SIZE = 100
# A broker that is down refuses at once: one quick retry (a pooled connection that went stale), no more.
RELAY_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


def lease_seconds(dispatch: int) -> float:
    """How long the ``dispatch``-th hand-off (1 = the relay at commit) keeps the sweep off a row."""
    base = getattr(settings, "OUTBOX_LEASE_SECONDS", 60)
    longest = getattr(settings, "OUTBOX_LEASE_MAX_SECONDS", 30 * 60)
    return min(base * 2 ** max(dispatch - 1, 0), longest)


def claim_seconds() -> float:
    """How long a run keeps other runs off its row: above the hard time limit of ``outbox.tasks.run``."""
    return getattr(settings, "OUTBOX_CLAIM_SECONDS", 75)


def retry_seconds(attempts: int) -> float:
    return min(30 * 2 ** max(attempts - 1, 0), 60 * 60)


def max_attempts() -> int:
    return getattr(settings, "OUTBOX_MAX_ATTEMPTS", 10)


# --- Enqueue ------------------------------------------------------------------------


def enqueue(task: str, kwargs: dict, key: str) -> None:
    """Write one side effect to run once the current transaction commits (see :func:`enqueue_many`)."""
    enqueue_many([(task, kwargs, key)])


def enqueue_many(items: Iterable[tuple[str, dict, str]]) -> list[int]:
    """Write ``(task, kwargs, key)`` rows in the current transaction; relay them after it commits.

    ``task`` is the name of a registered Celery task, called as ``task(**kwargs)``; ``kwargs`` must
    be JSON. A key already present (pending or done) writes nothing. Returns the ids of the rows
    still pending under these keys, which are relayed on commit. One statement on PostgreSQL (two
    elsewhere), however many rows.
    """
    items = list(items)
    if not items:
        return []
    now = timezone.now()
    due = now + timedelta(seconds=lease_seconds(1))
    rows = [
        Entry(key=key, task=task, kwargs=kwargs, queue=queue_for(task), created_at=now, due_at=due, dispatches=1)
        for task, kwargs, key in items
    ]
    if connection.vendor == "postgresql":
        unique, seen = [], set()
        for row in rows:  # a key twice in one call: its first row, as the INSERT would keep it
            if row.key not in seen:
                seen.add(row.key)
                unique.append(row)
        pending = sorted(
            found
            for start in range(0, len(unique), 1000)
            for found in _insert_returning_pending(unique[start : start + 1000])
        )
    else:
        Entry.objects.bulk_create(rows, ignore_conflicts=True)
        pending = list(
            Entry.objects.filter(key__in=[row.key for row in rows], status=EntryStatus.PENDING)
            .order_by("pk")
            .values_list("pk", "queue")
        )
    if pending:
        by_queue = defaultdict(list)
        for pk, queue in pending:
            by_queue[queue].append(pk)
        transaction.on_commit(partial(_relay_committed, dict(by_queue)), robust=True)
    return [pk for pk, _queue in pending]


_INSERTED = ("key", "task", "kwargs", "queue", "status", "created_at", "due_at", "dispatches", "attempts", "last_error")


def _insert_returning_pending(rows: list[Entry]) -> list[tuple[int, str]]:
    """Insert ``rows`` (of distinct keys), skipping keys already present, and return (id, queue) of the pending rows
    under their keys, in one statement: the rows it inserted (``RETURNING``) and those that were there already and
    are still pending (the statement's snapshot does not hold the rows it inserts, so none is read twice)."""
    meta, ops = Entry._meta, connection.ops
    fields = [meta.get_field(name) for name in _INSERTED]
    table = ops.quote_name(meta.db_table)
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    key, status = ops.quote_name(meta.get_field("key").column), ops.quote_name(meta.get_field("status").column)
    row_values = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (
        f"WITH inserted AS (INSERT INTO {table} ({columns}) VALUES {', '.join([row_values] * len(rows))} "  # noqa: S608 - names are ours
        f"ON CONFLICT ({key}) DO NOTHING RETURNING id, queue) "
        f"SELECT id, queue FROM inserted UNION ALL "
        f"SELECT id, queue FROM {table} WHERE {key} IN ({', '.join(['%s'] * len(rows))}) AND {status} = %s "
        f"ORDER BY 1"
    )
    params = [field.get_db_prep_save(getattr(row, field.attname), connection) for row in rows for field in fields]
    params += [row.key for row in rows] + [EntryStatus.PENDING.value]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, queue) for pk, queue in cursor.fetchall()]


def queue_for(task_name: str) -> str:
    """The queue a task's messages go to: the task's own ``queue``, else ``CELERY_TASK_ROUTES``, else default."""
    app = _app()
    task = _task(task_name, required=False)
    queue = getattr(task, "queue", None)
    if not queue:
        route = app.amqp.router.route({}, task_name)
        queue = route.get("queue")
    return getattr(queue, "name", queue) or app.conf.task_default_queue


# --- Relay ---------------------------------------------------------------------------


def relay(by_queue: dict[str, list[int]]) -> list[int]:
    """Hand rows to the broker, one ``outbox.tasks.run`` message per queue and batch. Never raises.

    Returns the ids handed over; the others stay pending for the sweep. With tasks run eagerly
    (no broker: development, tests) the rows are run here and now.
    """
    sent = []
    for queue, ids in by_queue.items():
        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start : start + BATCH_SIZE]
            if _send(queue, batch):
                sent.extend(batch)
    return sent


def _relay_committed(by_queue: dict[str, list[int]], *, redispatch: bool = False) -> int:
    """Relay rows whose lease was just taken; those the broker refused are due again at once (next sweep)."""
    sent = set(relay(by_queue))
    refused = [pk for ids in by_queue.values() for pk in ids if pk not in sent]
    if refused:
        changes = {"due_at": timezone.now()}
        if redispatch:
            changes["dispatches"] = F("dispatches") - 1
        Entry.objects.filter(pk__in=refused, status=EntryStatus.PENDING).update(**changes)
    return len(sent)


def _send(queue: str, ids: list[int]) -> bool:
    from kombu.exceptions import OperationalError

    from .tasks import run

    try:
        run.apply_async(args=[ids], queue=queue, retry=True, retry_policy=RELAY_RETRY_POLICY)
    except (OperationalError, OSError) as error:
        logger.warning("Broker unavailable: outbox rows %s (queue %s) wait for the sweep: %s", ids, queue, error)
        return False
    except Exception:
        logger.exception("Could not relay outbox rows %s (queue %s); the sweep sends them again", ids, queue)
        return False
    return True


# --- Run -----------------------------------------------------------------------------


def process_many(ids: Iterable[int]) -> int:
    """Run the rows ``ids`` one by one (see :func:`process`); returns how many this call completed."""
    return sum(1 for pk in ids if process(pk))


def process(pk: int) -> bool:
    """Run one row exactly once: claim it under a row lock, run its task, mark it done.

    Returns False when there is nothing to do here (done, failed for good, or in another
    worker's hands) or when the task failed (the failure is recorded, the row retried later).
    """
    from celery.exceptions import SoftTimeLimitExceeded

    now = timezone.now()
    with transaction.atomic():
        entry = Entry.objects.select_for_update(skip_locked=True).filter(pk=pk, status=EntryStatus.PENDING).first()
        if entry is None or (entry.claimed_until and entry.claimed_until > now):
            return False
        entry.claimed_until = now + timedelta(seconds=claim_seconds())
        entry.due_at = max(entry.due_at, entry.claimed_until)  # the sweep waits for the claim to expire
        entry.attempts += 1
        entry.save(update_fields=["claimed_until", "due_at", "attempts"])
    try:
        _task(entry.task)(**entry.kwargs)
    except SoftTimeLimitExceeded as error:
        _failed(entry, error)
        raise  # the batch is out of time: the rest wait for the sweep
    except Exception as error:
        _failed(entry, error)
        logger.exception("Outbox row %s (%s) failed, attempt %s", entry.pk, entry.task, entry.attempts)
        return False
    Entry.objects.filter(pk=entry.pk).update(
        status=EntryStatus.DONE, done_at=timezone.now(), claimed_until=None, last_error=""
    )
    return True


def _failed(entry: Entry, error: BaseException) -> None:
    now = timezone.now()
    gave_up = entry.attempts >= max_attempts()
    Entry.objects.filter(pk=entry.pk, status=EntryStatus.PENDING).update(
        status=EntryStatus.FAILED if gave_up else EntryStatus.PENDING,
        claimed_until=None,
        due_at=now + timedelta(seconds=retry_seconds(entry.attempts)),
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )


# --- Sweep ---------------------------------------------------------------------------


def sweep(limit: int = 1000) -> int:
    """Send again the pending rows whose lease, claim or backoff has run out; returns how many it took."""
    taken = dispatch(Entry.objects.filter(status=EntryStatus.PENDING, due_at__lte=timezone.now()), limit=limit)
    if taken:
        logger.info("Outbox sweep sent %s rows again", taken)
    return taken


def dispatch(entries, *, limit: int = 1000) -> int:
    """Lease pending ``entries`` and hand them to the broker; returns how many it took.

    The rows are leased in a short transaction (``skip_locked``: two sweeps never take the same
    row) and relayed once it has committed, so a worker receiving them at once finds them free.
    A row the broker refuses is due again at once, for the next sweep.
    """
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            entries.filter(status=EntryStatus.PENDING)
            .select_for_update(skip_locked=True)
            .order_by("due_at")
            .only("pk", "queue", "dispatches", "due_at")[:limit]
        )
        for row in rows:
            row.dispatches += 1
            row.due_at = now + timedelta(seconds=lease_seconds(row.dispatches))
        Entry.objects.bulk_update(rows, ["dispatches", "due_at"])
        by_queue = defaultdict(list)
        for row in rows:
            by_queue[row.queue].append(row.pk)
        transaction.on_commit(partial(_relay_committed, dict(by_queue), redispatch=True), robust=True)
    return len(rows)


def retry(entries) -> int:
    """Send rows again now (the admin's action): failed rows become pending with fresh attempts.

    A row a worker is running keeps its claim: the copy sent now finds it taken and does nothing.
    """
    ids = list(entries.exclude(status=EntryStatus.DONE).values_list("pk", flat=True))
    Entry.objects.filter(pk__in=ids, status=EntryStatus.FAILED).update(status=EntryStatus.PENDING, attempts=0)
    return dispatch(Entry.objects.filter(pk__in=ids)) if ids else 0


def purge(limit: int = 5000) -> int:
    """Delete done rows older than ``OUTBOX_KEEP_DONE_DAYS`` (7): their keys have served their purpose.

    An event announced again after that enqueues again, and the task's own idempotency key
    (notifications, documents) or state (refunds) still makes it do nothing.
    """
    cutoff = timezone.now() - timedelta(days=getattr(settings, "OUTBOX_KEEP_DONE_DAYS", 7))
    ids = list(Entry.objects.filter(status=EntryStatus.DONE, done_at__lt=cutoff).values_list("pk", flat=True)[:limit])
    return Entry.objects.filter(pk__in=ids).delete()[0] if ids else 0


def stuck(older_than: timedelta = timedelta(minutes=5)):
    """Rows that should have run by now: failed for good, or pending for longer than ``older_than``."""
    from django.db.models import Q

    cutoff = timezone.now() - older_than
    return Entry.objects.filter(
        Q(status=EntryStatus.FAILED) | Q(status=EntryStatus.PENDING, created_at__lt=cutoff)
    ).order_by("created_at")


# --- Celery lookups ------------------------------------------------------------------------


def _app():
    from celery import current_app

    return current_app


def _task(name: str, *, required: bool = True):
    """The registered task ``name``; the apps' task modules are imported first if it is not yet known."""
    app = _app()
    if name not in app.tasks:
        # Import every installed app's tasks module now, as a worker does at start. (Not through
        # ``loader.import_default_modules``: its Django fixup would set Django up again and run the checks.)
        app.autodiscover_tasks(force=True)
    task = app.tasks.get(name)
    if task is None and required:
        raise LookupError(f"No Celery task named {name!r}")
    return task
