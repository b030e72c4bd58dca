from django.db import models
from django.utils.translation import gettext_lazy as _

# The national portal's support line, shown whenever the assistant does not know.
HOTLINE = "1800 1096"
HOTLINE_TEL = "18001096"

# How long a conversation's context (the signed token the client sends back) stays usable, and how many exchanges
# the chat page keeps in the session (README, "The assistant").
CONTEXT_MAX_AGE = 30 * 60
TRANSCRIPT_TURNS = 10
QUESTION_MAX_LENGTH = 500


class Intent(models.TextChoices):
    FIND_PROCEDURE = "find_procedure", _("Tìm thủ tục")
    RECORD_STATUS = "record_status", _("Hồ sơ của tôi đến đâu")
    RECORD_RESULT_DATE = "record_result_date", _("Khi nào có kết quả")
    RECORD_FEE = "record_fee", _("Phí tôi phải nộp")
    GREETING = "greeting", _("Chào hỏi")
    UNKNOWN = "unknown", _("Không rõ")


class Kind(models.TextChoices):
    """What an answer is, for channels that render it their own way."""

    ANSWER = "answer", _("Câu trả lời")
    ASK = "ask", _("Câu hỏi lại")
    UNKNOWN = "unknown", _("Chưa có câu trả lời")
    LOGIN = "login", _("Cần đăng nhập")


class Slot(models.TextChoices):
    VARIANT = "variant", _("Lần đầu hay cấp lại")
    PROVINCE = "province", _("Tỉnh, thành phố")
    OPTION = "option", _("Thủ tục")


class Variant(models.TextChoices):
    NEW = "new", _("Lần đầu")
    RENEWAL = "renewal", _("Cấp lại, cấp đổi")


RECORD_INTENTS = {Intent.RECORD_STATUS, Intent.RECORD_RESULT_DATE, Intent.RECORD_FEE}
