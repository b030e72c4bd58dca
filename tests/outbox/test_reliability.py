"""Reliability: with a Redis of its own that is stopped and restarted empty, and real workers killed with
SIGKILL, every notification of a filing is delivered exactly once.

Each test starts its own ``redis-server`` on a spare port (no persistence: a restart loses every queued
message, as in the incident of issue #14) and real ``celery worker`` processes against the test database
(``tests.notifications.worker``, settings ``tests.outbox.worker_settings``: outbox lease 2 s, claim 3 s,
the sweep every second, a visibility timeout of 3 s). Filings go through the real path
(``records.services.submit``) in this process, which publishes to that Redis as the web does.
"""

import email
import email.policy
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
from collections import Counter

import pytest
import redis

from identity.constants import StaffRole
from notifications.constants import Event
from notifications.models import Delivery, Message
from outbox.models import Entry, EntryStatus
from portal.celery import app
from records import services as records
from tests.notifications.worker import CeleryWorker, wait_for
from tests.records.conftest import filled_draft

from .conftest import officer

pytestmark = [pytest.mark.reliability, pytest.mark.django_db(transaction=True)]

REDIS_SERVER = shutil.which("redis-server")


class RedisServer:
    """A throwaway ``redis-server`` without persistence, which a test stops and starts again."""

    def __init__(self, workdir):
        self.workdir = workdir
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.starts = 0

    def start(self):
        self.starts += 1
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--daemonize", "no", "--dir", str(self.workdir)],
            stdout=(self.workdir / f"redis-{self.starts}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        client = redis.Redis.from_url(self.url)
        wait_for(lambda: self._answers(client), timeout=10, message="redis-server to answer")
        return client

    def kill(self):
        """SIGKILL: whatever it held in memory (every queued message) is gone."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    @staticmethod
    def _answers(client):
        try:
            return client.ping()
        except redis.ConnectionError:
            return False


@pytest.fixture
def redis_server(tmp_path):
    if not REDIS_SERVER:
        pytest.fail("redis-server is needed for the reliability tests: apt-get install redis-server")
    server = RedisServer(tmp_path)
    yield server
    server.kill()


def _reset_broker_pools():
    """Forget every broker connection of this process (kombu keeps pools per URL, globally)."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(settings, redis_server):
    """This process publishes to the test's own Redis, as the web does, instead of running tasks in-process."""
    client = redis_server.start()
    settings.REDIS_URL = redis_server.url  # what the workers are given
    settings.OUTBOX_LEASE_SECONDS = 2  # rows written here are swept again 2 s after their relay
    saved = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = redis_server.url, False
    _reset_broker_pools()
    yield client
    app.conf.broker_url, app.conf.task_always_eager = saved
    _reset_broker_pools()


@pytest.fixture
def worker(broker, tmp_path):
    worker = CeleryWorker(tmp_path, DJANGO_SETTINGS_MODULE="tests.outbox.worker_settings", CELERY_VISIBILITY_TIMEOUT=3)
    yield worker
    worker.stop()


@pytest.fixture
def receivers(draft, staff):
    """Two receivers at the agency: each filing tells the citizen and both of them (three outbox rows)."""
    return [staff["receiver"], officer("tiepnhan2", draft.agency, StaffRole.RECEIVER)]


def read_emails(folder):
    messages = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip(), policy=email.policy.default))
    return messages


def assert_each_notified_exactly_once(filed, citizen, receivers, mail_dir):
    """One inbox message per recipient and record, and one e-mail of it, whatever was lost and run again."""
    expected = Counter()
    for record in filed:
        expected[(citizen.pk, Event.RECORD_SUBMITTED, str(record.pk))] = 1
        for user in receivers:
            expected[(user.pk, Event.OFFICER_NEW_RECORD, str(record.pk))] = 1
    written = Counter(Message.objects.values_list("recipient_id", "event", "object_id"))
    assert written == expected

    sent = Counter((message["To"].strip(), message["Subject"].strip()) for message in read_emails(mail_dir))
    wanted = Counter(
        (delivery.address, delivery.message.subject)
        for delivery in Delivery.objects.filter(channel="email").select_related("message")
    )
    assert len(wanted) == len(expected)  # every message has its e-mail
    assert sent == wanted  # ...sent exactly once
    assert set(Entry.objects.values_list("status", flat=True)) == {EntryStatus.DONE}


def test_filings_before_and_during_a_redis_restart_are_all_notified_exactly_once(
    worker, broker, redis_server, tmp_path, citizen, family, receivers, caplog
):
    drafts = [filled_draft(citizen, family["father"]) for _ in range(16)]
    started = time.monotonic()

    # Relayed to Redis, then lost with it: Redis is killed before any worker took them.
    queued = [records.submit(draft, actor=citizen) for draft in drafts[:8]]
    assert broker.llen("notifications") == 8  # one message per filing, for its three rows
    redis_server.kill()

    # Filed while Redis is down: each filing succeeds, without waiting on the broker.
    down = []
    with caplog.at_level(logging.WARNING, logger="outbox.services"):
        for draft in drafts[8:]:
            begun = time.monotonic()
            down.append(records.submit(draft, actor=citizen))
            assert time.monotonic() - begun < 5, "a filing waited on the dead broker"
    assert all(record.code for record in down)
    assert caplog.text.count("Broker unavailable") == 8  # one warning per filing, no error
    assert Entry.objects.filter(status=EntryStatus.PENDING).count() == 16 * 3
    assert not Message.objects.exists()

    fresh = redis_server.start()  # empty: no persistence
    assert fresh.llen("notifications") == 0
    worker.start(beat=True)  # the sweep sends every pending row again

    wait_for(
        lambda: not Entry.objects.exclude(status=EntryStatus.DONE).exists(),
        timeout=40,
        message="every outbox row to be done",
    )
    wait_for(
        lambda: not Delivery.objects.filter(channel="email").exclude(status="sent").exists(),
        timeout=20,
        message="every e-mail to be sent",
    )
    time.sleep(3)  # room for a duplicate to show up (leases are 2 s, the sweep runs every second)
    assert_each_notified_exactly_once(queued + down, citizen, receivers, tmp_path / "mail")
    assert time.monotonic() - started < 60


def test_a_worker_killed_mid_fan_out_leaves_every_recipient_served_exactly_once(
    worker, tmp_path, draft, citizen, receivers
):
    slow_started = tmp_path / "slow-started.log"
    worker.start(SLOW_RECIPIENT=receivers[0].username, SLOW_STARTED=slow_started, SLOW_SECONDS=60)

    record = records.submit(draft, actor=citizen)
    wait_for(slow_started.exists, timeout=20, message="the worker to start on the first receiver")
    worker.kill()  # mid fan-out: the citizen was told, the first receiver is being told, the second is not
    killed = time.monotonic()

    assert Message.objects.filter(recipient=citizen, event=Event.RECORD_SUBMITTED).count() == 1
    assert not Message.objects.filter(recipient__in=receivers).exists()
    first = Entry.objects.get(key__endswith=f":user:{receivers[0].pk}")
    assert first.status == EntryStatus.PENDING and first.claimed_until is not None  # the dead worker's claim

    worker.start(beat=True, SLOW_RECIPIENT="", SLOW_SECONDS=0)
    wait_for(
        lambda: not Entry.objects.exclude(status=EntryStatus.DONE).exists(),
        timeout=30,
        message="the second worker to finish the fan-out",
    )
    recovered = time.monotonic() - killed
    wait_for(
        lambda: not Delivery.objects.filter(channel="email").exclude(status="sent").exists(),
        timeout=20,
        message="every e-mail to be sent",
    )
    time.sleep(4)  # past the visibility timeout (3 s): the killed worker's message comes back and does nothing

    assert_each_notified_exactly_once([record], citizen, receivers, tmp_path / "mail")
    assert len(slow_started.read_text().splitlines()) == 1  # the slow part ran once, in the killed worker
    first.refresh_from_db()
    assert first.attempts == 2  # claimed by the killed worker, then run by the new one
    assert recovered < 20, f"the fan-out took {recovered:.1f}s to recover"
    assert os.environ.get("SLOW_RECIPIENT") is None  # the test process itself was never slowed
