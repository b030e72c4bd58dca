"""The national side of the status report protocol (the portal's sender is ``emc.services``).

Kept apart from the sender on purpose: the two sides implement the same published rules independently.
A report is a JSON object POSTed with the hex HMAC-SHA256 of its exact body bytes under the shared secret
in the ``X-EMC-Signature`` header. The same ``event_id`` is stored once.
"""

import hashlib
import hmac

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SIGNATURE_HEADER = "HTTP_X_EMC_SIGNATURE"

# The national portal's status codes for synchronisation, as it publishes them.
STATUSES = {
    1: _("Mới đăng ký"),
    2: _("Đã tiếp nhận"),
    3: _("Không được tiếp nhận"),
    4: _("Đang xử lý"),
    5: _("Yêu cầu bổ sung"),
    6: _("Yêu cầu thực hiện nghĩa vụ tài chính"),
    7: _("Công dân yêu cầu rút hồ sơ"),
    8: _("Dừng xử lý"),
    9: _("Đã xử lý xong"),
    10: _("Đã trả kết quả"),
}
FINISHED = (8, 10)  # decided: stopped (not granted) or result returned
ONLINE = "online"


def secret() -> str:
    """The secret shared with the provinces' systems (one, in this simulation)."""
    return getattr(settings, "NATIONAL_SIM_SECRET", "") or getattr(settings, "NATIONAL_SYNC_SECRET", "")


def verify(body: bytes, signature: str | None) -> bool:
    key = secret()
    if not key or not signature:
        return False
    expected = hmac.new(key.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.strip().lower().encode())
