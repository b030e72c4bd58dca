"""SMS channel behind a small backend interface.

``SMS_BACKEND`` names the backend class. The default writes one JSON line per
message to ``SMS_FILE_PATH`` (``var/sms/outbox.log``), which is how the
simulated VNeID delivers one-time codes in development and how tests read
them. A real gateway is another backend with the same ``send`` method.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


class BaseSmsBackend:
    def send(self, phone: str, text: str) -> None:
        raise NotImplementedError


class FileSmsBackend(BaseSmsBackend):
    """Appends messages to a file; safe across processes thanks to an exclusive lock."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path or getattr(settings, "SMS_FILE_PATH", settings.VAR_DIR / "sms" / "outbox.log"))

    def send(self, phone: str, text: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"at": timezone.now().isoformat(), "to": phone, "text": text}, ensure_ascii=False)
        with self.path.open("a", encoding="utf-8") as outbox:
            fcntl.flock(outbox, fcntl.LOCK_EX)
            outbox.write(line + "\n")
            fcntl.flock(outbox, fcntl.LOCK_UN)

    def messages(self) -> list[dict]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]


class MemorySmsBackend(BaseSmsBackend):
    outbox: list[dict] = []

    def send(self, phone: str, text: str) -> None:
        self.outbox.append({"to": phone, "text": text})


def get_backend() -> BaseSmsBackend:
    path = getattr(settings, "SMS_BACKEND", "notifications.sms.FileSmsBackend")
    return import_string(path)()


def send_sms(phone: str, text: str) -> None:
    get_backend().send(phone, text)
