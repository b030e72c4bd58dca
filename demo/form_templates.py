"""Small real files for the demo catalogue's form templates (tờ khai, mẫu đơn), made at seed time.

Each is a minimal Word document (.docx: a ZIP of three XML parts) with the form's title, the procedure it belongs
to and blank lines to fill in, marked as a demonstration: a citizen downloading "Tờ khai ..." from a procedure
page gets a document that opens, as on the real portal, without the repository shipping binary files.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    "</Relationships>"
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

FIELDS = (
    "Họ, chữ đệm và tên",
    "Ngày, tháng, năm sinh",
    "Số định danh cá nhân",
    "Nơi cư trú",
    "Số điện thoại",
    "Nội dung đề nghị",
)


def _paragraph(text: str, *, bold=False, center=False, size=None) -> str:
    props = ""
    if center:
        props += '<w:pPr><w:jc w:val="center"/></w:pPr>'
    run_props = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    run_props = f"<w:rPr>{run_props}</w:rPr>" if run_props else ""
    return f'<w:p>{props}<w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx(title: str, procedure: str) -> bytes:
    """A one-page form: national motto, title, procedure, labelled blank lines, signature, demo notice."""
    body = [
        _paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True),
        _paragraph("Độc lập - Tự do - Hạnh phúc", bold=True, center=True),
        _paragraph(""),
        _paragraph(title.upper(), bold=True, center=True, size=28),
        _paragraph(f"(Thủ tục: {procedure})", center=True),
        _paragraph(""),
        *(_paragraph(f"{label}: " + "." * 60) for label in FIELDS),
        _paragraph(""),
        _paragraph("Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật."),
        _paragraph("NGƯỜI YÊU CẦU (ký, ghi rõ họ tên)", bold=True, center=True),
        _paragraph(""),
        _paragraph("Mẫu trình diễn của Cổng Dịch vụ công nguồn mở, không có giá trị pháp lý.", center=True),
    ]
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _RELS),
            ("word/document.xml", document),
        ):
            # A fixed date inside the archive: the same form gives the same bytes at every seed.
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 7, 1, 0, 0, 0)), part, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


UPLOAD_TO = "procedures/forms/"  # DocumentComponent.template_file's upload_to


def stored(title: str, procedure: str, filename: str) -> str:
    """The storage name of the form's file, written once: every seed of every database makes the same bytes, so a
    file already there is reused rather than copied again under a new name at each seed (or test run)."""
    name = UPLOAD_TO + filename
    content = docx(title, procedure)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as existing:
            if existing.read() == content:
                return name
    return default_storage.save(name, ContentFile(content))
