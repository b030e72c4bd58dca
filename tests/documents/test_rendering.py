"""Every kind renders to an A4 PDF with Vietnamese text in the embedded font, the record code and the verify URL."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from documents.constants import DocumentKind
from documents.rendering import verify_url
from documents.services import render_and_sign
from documents.templatetags.documents_pdf import vn_date, vn_datetime, vnd, vnd_words

from .conftest import APPLICANT, RECORD_CODE, make_document, pdf_text, read_pdf

pytestmark = pytest.mark.django_db

# A line of each kind's body with several stacked diacritics, as printed.
KIND_PHRASES = {
    DocumentKind.RECEIPT_APPOINTMENT: "Thời gian trả kết quả giải quyết hồ sơ",
    DocumentKind.SUPPLEMENT_REQUEST: "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau",
    DocumentKind.REFUSAL: "thông báo không tiếp nhận, giải quyết hồ sơ này",
    DocumentKind.REJECTION: "trả lời không giải quyết hồ sơ này vì các lý do sau",
    DocumentKind.APOLOGY: "xin lỗi ông/bà và hẹn lại thời gian trả kết quả",
    DocumentKind.RESULT_CERTIFICATE: "Kết quả giải quyết",
    DocumentKind.PAYMENT_RECEIPT: "Một triệu hai trăm năm mươi nghìn đồng",
    DocumentKind.CONTROL_SLIP: "Tiếp nhận hồ sơ, chuyển công chức tư pháp - hộ tịch",
}


@pytest.fixture(scope="module")
def rendered():
    """PDF bytes per kind, rendered once for the module (WeasyPrint is the slow part)."""
    return {}


def _issue(kind, agency, subject, rendered):
    if kind not in rendered:
        document = render_and_sign(make_document(agency, subject, kind).pk)
        rendered[kind] = (document, read_pdf(document))
    return rendered[kind]


# A result document is the officer's own PDF, signed as it is: nothing to render.
@pytest.mark.parametrize("kind", [kind for kind in DocumentKind if kind != DocumentKind.RESULT_DOCUMENT])
def test_each_kind_prints_vietnamese_text_record_code_and_verify_url(kind, agency, subject, rendered):
    document, data = _issue(kind, agency, subject, rendered)
    text = " ".join(pdf_text(data).split())

    assert data.startswith(b"%PDF-")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert str(kind.label).upper() in text
    assert "SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI" in text
    assert "UBND THÀNH PHỐ HÀ NỘI" in text  # the governing body, shortened as Decree 30/2020 allows
    assert f"Hà Nội, ngày {timezone.localtime(document.issued_at):%d} tháng" in text
    assert KIND_PHRASES[kind] in text
    assert APPLICANT in text
    assert RECORD_CODE in text
    assert f"Số: {document.number}" in text
    assert verify_url(document) in text
    assert verify_url(document) == f"https://dichvucong.example.gov.vn/verify/{document.pk}/"


def test_receipt_slip_prints_documents_fee_and_appointment(agency, subject, rendered):
    _document, data = _issue(DocumentKind.RECEIPT_APPOINTMENT, agency, subject, rendered)
    text = " ".join(pdf_text(data).split())

    assert "Tờ khai đăng ký khai sinh" in text
    assert "Giấy chứng sinh" in text
    assert "8.000 đồng (Tám nghìn đồng)" in text
    assert "14 giờ 00 phút, ngày 17 tháng 3 năm 2026" in text
    assert "09 giờ 15 phút, ngày 12 tháng 3 năm 2026" in text


def test_only_the_embedded_noto_serif_is_used(agency, subject, rendered):
    """Every glyph comes from the font shipped in static/fonts, embedded: no system fallback."""
    from fontTools.ttLib import TTFont

    _document, data = _issue(DocumentKind.APOLOGY, agency, subject, rendered)
    reader = PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for base_font, font in fonts.items():
        assert "Portal-Serif" in base_font, base_font
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        assert embedded["name"].getDebugName(1) == "Noto Serif"
    assert any("Bold" in name for name in fonts)


def test_pdf_declares_language_title_and_pdf_ua(agency, subject, rendered):
    document, data = _issue(DocumentKind.RESULT_CERTIFICATE, agency, subject, rendered)
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]

    assert root["/Lang"] == "vi"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title.startswith(str(DocumentKind.RESULT_CERTIFICATE.label))
    assert document.number in reader.metadata.title
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
    assert reader.pages[0].mediabox.height == pytest.approx(841.89, abs=0.5)


def test_qr_code_decodes_to_the_verify_url(agency, subject, rendered):
    import zxingcpp

    document, data = _issue(DocumentKind.RECEIPT_APPOINTMENT, agency, subject, rendered)
    images = PdfReader(io.BytesIO(data)).pages[0].images
    decoded = [result.text for image in images for result in zxingcpp.read_barcodes(image.image)]

    assert decoded == [f"https://dichvucong.example.gov.vn/verify/{document.pk}/"]


def test_renderer_refuses_to_fetch_anything_but_its_fonts():
    from documents.rendering import _url_fetcher

    fetcher = _url_fetcher()
    for url in ("http://127.0.0.1:9/secret", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-05", "ngày 05 tháng 3 năm 2026"),
        ("2026-02-20", "ngày 20 tháng 02 năm 2026"),
        ("2026-12-31", "ngày 31 tháng 12 năm 2026"),
    ],
)
def test_dates_follow_the_official_leading_zero_rule(value, expected):
    assert vn_date(value) == expected


def test_aware_datetimes_print_in_vietnam_time():
    assert vn_datetime("2026-03-12T02:15:00+00:00") == "09 giờ 15 phút, ngày 12 tháng 3 năm 2026"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (15_000, "Mười lăm nghìn đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (24, "Hai mươi tư đồng"),
        (105_000, "Một trăm lẻ năm nghìn đồng"),
        (1_005_000, "Một triệu không trăm lẻ năm nghìn đồng"),
        (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
        (2_000_000_000, "Hai tỷ đồng"),
    ],
)
def test_amounts_in_words(amount, words):
    assert vnd_words(amount) == words


def test_amounts_group_thousands_with_dots():
    assert vnd(1_250_000) == "1.250.000 đồng"
