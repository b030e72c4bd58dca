"""SMS backends, in a registry (``common.registry``).

``SMS_BACKEND`` names the backend: a registered id (``file``, ``memory``) or,
as before, the dotted path of a backend class. ``file`` (the default) writes
one JSON line per message to ``SMS_FILE_PATH`` (``var/sms/outbox.log``);
``memory`` keeps them in the process, for tests. Both are demonstration
backends, refused when ``ENABLE_DEMO_PLUGINS`` is off: a real deployment
registers its gateway's client, a class with the same ``send`` method.

The simulated VNeID does not send through here: it has an outbox of its own
(``identity.vneid.sms``), as the real one has its own gateway.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from common.registry import Plugin, Registry

backends: Registry[BaseSmsBackend] = Registry("SMS backend", setting="SMS_BACKEND")
register = backends.register


class BaseSmsBackend(Plugin):
    def send(self, phone: str, text: str) -> None:
        raise NotImplementedError


@register("file")
class FileSmsBackend(BaseSmsBackend):
    """Appends messages to a file; safe across processes thanks to an exclusive lock."""

    is_demo = True

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


@register("memory")
class MemorySmsBackend(BaseSmsBackend):
    is_demo = True
    outbox: list[dict] = []

    def send(self, phone: str, text: str) -> None:
        self.outbox.append({"to": phone, "text": text})


def get_backend() -> BaseSmsBackend:
    return backends.resolve(getattr(settings, "SMS_BACKEND", "file"))()


def send_sms(phone: str, text: str) -> None:
    get_backend().send(phone, text)
