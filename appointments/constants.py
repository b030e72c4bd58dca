"""States, purposes and limits of appointments (đặt lịch hẹn)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BookingState(models.TextChoices):
    BOOKED = "booked", _("Đã đặt lịch")
    CHECKED_IN = "checked_in", _("Đã đến, chờ gọi")
    CALLED = "called", _("Đã gọi")
    CANCELLED = "cancelled", _("Đã hủy")
    NO_SHOW = "no_show", _("Không đến")


# A booking in these states holds its place in the slot and counts against the citizen's limits.
ACTIVE_STATES = (BookingState.BOOKED, BookingState.CHECKED_IN)


class Purpose(models.TextChoices):
    """Why the citizen comes in: a partly-online step (bringing originals, receiving the result) or filing at the
    counter."""

    BRING_ORIGINALS = "bring_originals", _("Mang bản chính đến đối chiếu, ký nhận")
    RECEIVE_RESULT = "receive_result", _("Nhận kết quả trực tiếp")
    COUNTER_FILING = "counter_filing", _("Nộp hồ sơ trực tiếp tại quầy")


class BookingAction(models.TextChoices):
    BOOK = "book", _("Đặt lịch")
    MOVE = "move", _("Đổi lịch")
    CANCEL = "cancel", _("Hủy lịch")
    CHECK_IN = "check_in", _("Đến quầy, nhận số thứ tự")
    CALL = "call", _("Gọi số")
    NO_SHOW = "no_show", _("Đánh dấu không đến")
    REMIND = "remind", _("Nhắc lịch hẹn")


# Check-in codes: 8 characters of Crockford's base32 (no I, L, O, U), 40 random bits: short enough to type at the
# counter, too many to guess one (the code alone shows nothing; check-in needs an officer of the agency).
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8
