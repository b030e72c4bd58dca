"""The two brokers the real-worker tests run against: Redis and RabbitMQ (README "Outages": which for production).

Redis: the test Redis database (flushed before and after). RabbitMQ: the machine's server on 127.0.0.1:5672
(guest/guest, ``TEST_RABBITMQ_URL`` to change), in a virtual host of its own made for the test run and deleted
after it, so runs at the same time (xdist workers, other checkouts) never share a queue.

``broker`` (parametrised: each test using it runs once per broker) points this process's Celery app at the broker,
publishing as the web does instead of running tasks in-process; ``tests.notifications.worker.CeleryWorker``
gives its worker processes the same URL.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid

import pytest

from portal.celery import app

RABBITMQ_URL = os.environ.get("TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672").rstrip("/")
QUEUES = ("default", "notifications", "documents")


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def rabbitmq_vhost():
    """A virtual host for this run (and xdist worker), with every permission for the test user."""
    if not shutil.which("rabbitmqctl"):
        pytest.fail(
            "RabbitMQ is needed for the worker tests: apt-get install rabbitmq-server; rabbitmq-server -detached"
        )
    name = f"portal-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{uuid.uuid4().hex[:8]}"
    user = RABBITMQ_URL.split("//", 1)[1].split(":", 1)[0] or "guest"
    _rabbitmqctl("add_vhost", name)
    _rabbitmqctl("set_permissions", "-p", name, user, ".*", ".*", ".*")
    yield f"{RABBITMQ_URL}/{name}"
    _rabbitmqctl("delete_vhost", name)


class Broker:
    """The broker of one test: its URL, and how many messages wait in a queue."""

    def __init__(self, kind: str, url: str):
        self.kind, self.url = kind, url

    def queue_length(self, queue: str) -> int:
        if self.kind == "redis":
            import redis

            return redis.Redis.from_url(self.url).llen(queue)
        with app.connection_for_write(self.url) as connection:
            try:
                return connection.default_channel.queue_declare(queue, passive=True).message_count
            except connection.channel_errors:  # not declared yet: nothing was published to it
                return 0

    def empty(self) -> None:
        if self.kind == "redis":
            import redis

            redis.Redis.from_url(self.url).flushdb()
            return
        for queue in QUEUES:
            with app.connection_for_write(self.url) as connection:
                try:
                    connection.default_channel.queue_purge(queue)
                except connection.channel_errors:
                    pass


def reset_broker_pools() -> None:
    """Forget every broker connection of this process (kombu keeps pools per URL, globally)."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture(params=["redis", "rabbitmq"])
def broker(request, settings):
    kind = request.param
    url = settings.REDIS_URL if kind == "redis" else request.getfixturevalue("rabbitmq_vhost")
    broker = Broker(kind, url)
    broker.empty()
    saved = app.conf.broker_url, app.conf.task_always_eager, app.conf.broker_transport_options
    app.conf.broker_url, app.conf.task_always_eager = url, False
    if kind == "rabbitmq":
        app.conf.broker_transport_options = {"confirm_publish": True}
    reset_broker_pools()
    yield broker
    app.conf.broker_url, app.conf.task_always_eager, app.conf.broker_transport_options = saved
    reset_broker_pools()
    broker.empty()
