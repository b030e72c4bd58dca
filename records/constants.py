from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RecordState(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Đã nộp, chờ tiếp nhận")
    RECEIVED = "received", _("Đã tiếp nhận")
    REFUSED = "refused", _("Từ chối tiếp nhận")
    IN_PROCESSING = "in_processing", _("Đang xử lý")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Yêu cầu bổ sung")
    TRANSFERRED = "transferred", _("Đã chuyển cơ quan khác")
    APPROVED = "approved", _("Đã phê duyệt, chờ trả kết quả")
    REJECTED = "rejected", _("Không giải quyết")
    RESULT_RETURNED = "result_returned", _("Đã trả kết quả")
    WITHDRAWN = "withdrawn", _("Đã rút hồ sơ")


# Status codes of the national portal, for synchronisation.
NATIONAL_STATUS = {
    RecordState.SUBMITTED: 1,
    RecordState.RECEIVED: 2,
    RecordState.REFUSED: 3,
    RecordState.IN_PROCESSING: 4,
    RecordState.TRANSFERRED: 4,
    RecordState.SUPPLEMENT_REQUESTED: 5,
    RecordState.WITHDRAWN: 7,
    RecordState.REJECTED: 8,
    RecordState.APPROVED: 9,
    RecordState.RESULT_RETURNED: 10,
}
NATIONAL_STATUS_PAYMENT_REQUIRED = 6

OPEN_STATES = {
    RecordState.SUBMITTED,
    RecordState.RECEIVED,
    RecordState.IN_PROCESSING,
    RecordState.SUPPLEMENT_REQUESTED,
    RecordState.TRANSFERRED,
    RecordState.APPROVED,
}
# States in which the processing clock runs (receipt done, result not yet decided, not waiting for the citizen).
RUNNING_CLOCK_STATES = {
    RecordState.RECEIVED,
    RecordState.IN_PROCESSING,
    RecordState.TRANSFERRED,
    RecordState.APPROVED,
}
FINAL_STATES = {RecordState.REFUSED, RecordState.REJECTED, RecordState.RESULT_RETURNED, RecordState.WITHDRAWN}


class WorkflowAction(models.TextChoices):
    """Every action a record's history can hold (``RecordEvent.action``), and the names other apps react to
    (``records.signals``). The table in ``records.workflow`` says who may take each one and from which state."""

    CREATE = "create", _("Tạo hồ sơ")
    # Changes of state
    SUBMIT = "submit", _("Nộp hồ sơ")
    WITHDRAW = "withdraw", _("Rút hồ sơ")
    RECEIVE = "receive", _("Tiếp nhận")
    REFUSE = "refuse", pgettext_lazy("action", "Từ chối tiếp nhận")
    START_PROCESSING = "start_processing", _("Bắt đầu xử lý")
    REQUEST_SUPPLEMENT = "request_supplement", pgettext_lazy("action", "Yêu cầu bổ sung")
    SUPPLEMENT = "supplement", _("Nộp bổ sung")
    TRANSFER = "transfer", _("Chuyển cơ quan khác")
    ACCEPT_TRANSFER = "accept_transfer", _("Nhận hồ sơ chuyển đến")
    TRANSFER_BACK = "transfer_back", _("Trả lại cơ quan chuyển đến")
    APPROVE = "approve", _("Phê duyệt")
    REJECT = "reject", pgettext_lazy("action", "Không giải quyết")
    RETURN_RESULT = "return_result", _("Trả kết quả")
    # Events that change no state
    REASSIGN = "reassign", _("Phân công lại")
    APOLOGISE = "apologise", _("Phiếu xin lỗi, hẹn lại ngày trả")
    ATTACH_RESULT = "attach_result", _("Đính kèm kết quả")
    OVERDUE = "overdue", _("Quá hạn giải quyết")
    REMINDER = "reminder", _("Nhắc hạn giải quyết")
    MERGE_UNIT = "merge_unit", _("Sắp xếp đơn vị hành chính")
    REVOKE_RESULT = "revoke_result", _("Thu hồi kết quả đã ban hành")
    SUBMIT_TO_LEADER = "submit_to_leader", _("Trình lãnh đạo")
    SEND_BACK = "send_back", _("Trả lại để xử lý tiếp")
    HAND_OVER = "hand_over", _("Chuyển bước xử lý")
    STEP_OVERDUE = "step_overdue", _("Quá hạn bước xử lý")


class ActorRole:
    """Who acts when it is not an officer in a ``identity.constants.StaffRole``."""

    CITIZEN = "citizen"  # the applicant themself, acting online
    SYSTEM = "system"  # periodic scans and management commands: no person, no role check


class Channel(models.TextChoices):
    ONLINE = "online", _("Trực tuyến")
    COUNTER = "counter", _("Trực tiếp tại bộ phận một cửa")
    POSTAL = "postal", _("Bưu chính")


class ApplicantRole(models.TextChoices):
    SELF = "self", _("Người có yêu cầu, tự nộp")
    REPRESENTATIVE = "representative", _("Nộp thay cho người có yêu cầu")
    BUSINESS = "business", _("Nộp cho doanh nghiệp, tổ chức")


class Relationship(models.TextChoices):
    PARENT = "parent", _("Cha, mẹ")
    CHILD = "child", _("Con")
    SPOUSE = "spouse", _("Vợ, chồng")
    RELATIVE = "relative", _("Người thân khác")
    AUTHORISED = "authorised", _("Người được ủy quyền")
    LEGAL_REPRESENTATIVE = "legal_representative", _("Người đại diện theo pháp luật")


class ParticipantRole(models.TextChoices):
    """A person a filing names whose knowledge the procedure implies (``eservices.person_checks.NOTIFIED_ROLES``)."""

    OTHER_PARENT = "other_parent", _("Cha/mẹ còn lại của trẻ")
    SPOUSE = "spouse", _("Bên kết hôn còn lại")


# Attachment limits (bytes).
MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
MAX_RECORD_ATTACHMENTS_SIZE = 50 * 1024 * 1024
