"""An SMS backend that says when it starts sending and then takes its time, for the kill-the-worker test."""

import os
import time
from pathlib import Path

from notifications.sms import FileSmsBackend


class SlowFileSmsBackend(FileSmsBackend):
    def send(self, phone: str, text: str) -> None:
        started = os.environ.get("SLOW_SMS_STARTED")
        if started:
            with Path(started).open("a") as marker:
                marker.write(f"{os.getpid()}\n")
        time.sleep(float(os.environ.get("SLOW_SMS_SECONDS", "0")))
        super().send(phone, text)
