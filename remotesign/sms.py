"""The provider's own text messages (the one-time codes that authorise a signature), apart from the portal's.

A real provider sends its codes through its own SMS gateway: the portal never sees
them. The simulation writes one JSON line per message (``{"at", "to", "text"}``) to
``REMOTESIGN_SMS_FILE_PATH`` (``var/remotesign/sms.log`` by default), where a
developer, and the tests, read the code.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

from django.conf import settings
from django.utils import timezone


def outbox_path() -> Path:
    configured = getattr(settings, "REMOTESIGN_SMS_FILE_PATH", None)
    return Path(configured or Path(settings.VAR_DIR) / "remotesign" / "sms.log")


def send_sms(phone: str, text: str) -> None:
    """Append the message to the outbox; safe across processes thanks to an exclusive lock."""
    path = outbox_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"at": timezone.now().isoformat(), "to": phone, "text": text}, ensure_ascii=False)
    with path.open("a", encoding="utf-8") as outbox:
        fcntl.flock(outbox, fcntl.LOCK_EX)
        outbox.write(line + "\n")
        fcntl.flock(outbox, fcntl.LOCK_UN)


def messages() -> list[dict]:
    path = outbox_path()
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
