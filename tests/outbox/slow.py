"""An e-mail channel that takes its time for one recipient, for the kill-the-worker-mid-fan-out test.

Looking up the address of ``SLOW_RECIPIENT`` (a username) writes the worker's
pid to ``SLOW_STARTED`` and sleeps ``SLOW_SECONDS``: that person's notification
(the work of one outbox row) is then in progress long enough to kill the worker.
Installed only in the test worker (``tests.outbox.worker_settings``).
"""

import os
import time
from pathlib import Path

from django.apps import AppConfig


class SlowChannelConfig(AppConfig):
    name = "tests.outbox"
    label = "outbox_slow_channel"

    def ready(self):
        from notifications.channels import EmailChannel, channels
        from notifications.constants import Channel

        class SlowEmailChannel(EmailChannel):
            def address_for(self, user) -> str:
                if user.username == os.environ.get("SLOW_RECIPIENT"):
                    started = os.environ.get("SLOW_STARTED")
                    if started:
                        with Path(started).open("a") as marker:
                            marker.write(f"{os.getpid()}\n")
                    time.sleep(float(os.environ.get("SLOW_SECONDS", "0")))
                return super().address_for(user)

        channels.unregister(Channel.EMAIL)
        channels.register(Channel.EMAIL)(SlowEmailChannel)
