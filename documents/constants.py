"""Kinds and states of issued documents, and what each kind must be given to print."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """The slips and certificates the portal issues; the label is the printed title.

    The first four follow the forms of Circular 01/2018/TT-VPCP (mẫu 01, 02, 03, 05).
    Each kind's PDF template is ``templates/documents/<value>.html``.
    """

    RECEIPT_APPOINTMENT = "receipt_appointment", _("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
    SUPPLEMENT_REQUEST = "supplement_request", _("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ")
    REFUSAL = "refusal", _("Phiếu từ chối tiếp nhận giải quyết hồ sơ")
    APOLOGY = "apology", _("Phiếu xin lỗi và hẹn lại ngày trả kết quả")
    RESULT_CERTIFICATE = "result_certificate", _("Giấy chứng nhận kết quả giải quyết thủ tục hành chính")
    PAYMENT_RECEIPT = "payment_receipt", _("Biên lai thu phí, lệ phí điện tử")
    # The leader's "không giải quyết": a signed reply stating the reasons.
    REJECTION = "rejection", _("Văn bản trả lời về việc không giải quyết hồ sơ")
    # A result the officer uploaded as a PDF, signed as it is when the leader approves it (no template: not rendered).
    RESULT_DOCUMENT = "result_document", _("Văn bản kết quả giải quyết thủ tục hành chính")
    # Mẫu 04: every hand-over between the steps of the internal process, issued when the record leaves it.
    CONTROL_SLIP = "control_slip", _("Phiếu kiểm soát quá trình giải quyết hồ sơ")

    @property
    def template_name(self) -> str:
        return f"documents/{self.value}.html"


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Đang phát hành")
    ISSUED = "issued", _("Đã phát hành")
    FAILED = "failed", _("Phát hành không thành công")
    # A generated result before approval: rendered for the leader to read, never signed, never valid.
    DRAFT = "draft", _("Bản dự thảo, chưa ký số")


# Keys of ``context`` that each kind prints and cannot do without. ``request_document``
# refuses a context missing one, so a document never fails later for a caller's omission.
REQUIRED_CONTEXT: dict[str, tuple[str, ...]] = {
    DocumentKind.RECEIPT_APPOINTMENT: (
        "record_code",
        "applicant_name",
        "procedure_name",
        "documents_received",
        "fee",
        "received_at",
        "appointment_at",
    ),
    DocumentKind.SUPPLEMENT_REQUEST: ("record_code", "applicant_name", "procedure_name", "items", "reason"),
    DocumentKind.REFUSAL: ("record_code", "applicant_name", "procedure_name", "reason"),
    DocumentKind.APOLOGY: (
        "record_code",
        "applicant_name",
        "procedure_name",
        "received_at",
        "appointment_at",
        "reason",
        "new_appointment_at",
    ),
    DocumentKind.RESULT_CERTIFICATE: ("record_code", "applicant_name", "procedure_name", "result"),
    DocumentKind.CONTROL_SLIP: ("record_code", "applicant_name", "procedure_name", "steps"),
    DocumentKind.REJECTION: ("record_code", "applicant_name", "procedure_name", "reason"),
    DocumentKind.RESULT_DOCUMENT: ("record_code", "applicant_name", "procedure_name", "source_result"),
    DocumentKind.PAYMENT_RECEIPT: (
        "record_code",
        "payer_name",
        "description",
        "amount",
        "payment_method",
        "transaction_id",
        "paid_at",
    ),
}

# Room kept in the PDF for the CMS signature: RSA 2048 with a two-certificate chain
# needs about 3 KB; reserving it up front spares pyHanko a dry run to measure it.
SIGNATURE_BYTES_RESERVED = 16 * 1024

# Largest PDF the public verification page accepts for comparison.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# Kinds numbered from the agency's register (số, ký hiệu), and the kind's part of the symbol ("15/GCN-UBND").
REGISTERED_KINDS = {
    DocumentKind.RESULT_CERTIFICATE: "GCN",
    DocumentKind.RESULT_DOCUMENT: "KQ",
    DocumentKind.REJECTION: "TB",
}
