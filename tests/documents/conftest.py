import datetime
import io

import pytest
from django.utils import timezone

from documents.constants import DocumentKind
from documents.models import Document

from . import factories

APPLICANT = "Nguyễn Thị Hồng Nhung"
RECORD_CODE = "000.00.21.H56-260312-0001"


@pytest.fixture(autouse=True)
def _documents_settings(settings):
    settings.PORTAL_BASE_URL = "https://dichvucong.example.gov.vn"


@pytest.fixture
def documents_root(tmp_path):
    return tmp_path / "documents"


@pytest.fixture
def agency(db):
    parent = factories.agency(code="000.00.00.H56", name="Ủy ban nhân dân thành phố Hà Nội")
    return factories.agency(parent=parent, governing_body=parent)


@pytest.fixture
def subject(db):
    return factories.procedure()


def sample_context(kind) -> dict:
    received = timezone.make_aware(datetime.datetime(2026, 3, 12, 9, 15))
    appointment = timezone.make_aware(datetime.datetime(2026, 3, 17, 14, 0))
    common = {
        "record_code": RECORD_CODE,
        "applicant_name": APPLICANT,
        "procedure_name": "Đăng ký khai sinh",
    }
    return {
        DocumentKind.RECEIPT_APPOINTMENT: {
            **common,
            "documents_received": [
                {"name": "Tờ khai đăng ký khai sinh", "form": "Bản chính", "copies": 1},
                "Giấy chứng sinh",
            ],
            "fee": 8000,
            "processing_days": 3,
            "received_at": received,
            "appointment_at": appointment,
        },
        DocumentKind.SUPPLEMENT_REQUEST: {
            **common,
            "items": ["Bổ sung bản sao giấy chứng nhận kết hôn của cha mẹ"],
            "reason": "Thiếu giấy tờ chứng minh quan hệ hôn nhân",
            "received_at": received,
        },
        DocumentKind.REFUSAL: {**common, "reason": "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan"},
        DocumentKind.REJECTION: {**common, "reason": "Người được đề nghị cấp không đủ điều kiện theo quy định"},
        DocumentKind.APOLOGY: {
            **common,
            "received_at": received,
            "appointment_at": appointment,
            "reason": "Cần xác minh thông tin với cơ quan đăng ký hộ tịch nơi cư trú trước đây",
            "new_appointment_at": appointment + datetime.timedelta(days=3),
        },
        DocumentKind.RESULT_CERTIFICATE: {
            **common,
            "procedure_code": "1.001193",
            "result": "Giấy khai sinh (bản chính)",
            "details": [{"label": "Họ, chữ đệm, tên người được khai sinh", "value": "Trần Minh Khuê"}],
        },
        DocumentKind.CONTROL_SLIP: {
            **common,
            "received_at": received,
            "appointment_at": appointment,
            "steps": [
                {
                    "step": "1. Tiếp nhận hồ sơ, chuyển công chức tư pháp - hộ tịch",
                    "unit": "Bộ phận một cửa",
                    "received_at": received.isoformat(),
                    "received_by": "Nguyễn Thị Tiếp",
                    "due": (received + datetime.timedelta(hours=1)).isoformat(),
                    "handed_over_at": (received + datetime.timedelta(minutes=20)).isoformat(),
                    "verdict": "Đúng hạn",
                    "note": "",
                },
            ],
        },
        DocumentKind.PAYMENT_RECEIPT: {
            "record_code": RECORD_CODE,
            "payer_name": APPLICANT,
            "description": "Lệ phí đăng ký khai sinh",
            "amount": 1_250_000,
            "payment_method": "Cổng thanh toán trực tuyến",
            "transaction_id": "PG-20260312-000123",
            "paid_at": received,
        },
    }[kind]


def make_document(agency, subject, kind=DocumentKind.RECEIPT_APPOINTMENT, **context) -> Document:
    """A pending document, without going through on_commit (tests that need the task call it)."""
    from django.contrib.contenttypes.models import ContentType

    return Document.objects.create(
        kind=kind,
        agency=agency,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=str(subject.pk),
        idempotency_key=f"test-{Document.objects.count()}",
        context={**sample_context(kind), **context},
    )


@pytest.fixture
def issued(agency, subject):
    from documents.services import render_and_sign

    return render_and_sign(make_document(agency, subject).pk)


def pdf_text(data: bytes) -> str:
    import unicodedata

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


def read_pdf(document: Document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()
