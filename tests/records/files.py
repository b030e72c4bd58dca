"""Small real files for upload tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def pdf(name="giay-kham-suc-khoe.pdf", size=None, fill=b"0"):
    content = PDF if size is None else PDF + fill * (size - len(PDF))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def fake_pdf(name="virus.pdf"):
    """Named like a PDF, but an executable inside."""
    return SimpleUploadedFile(name, b"MZ\x90\x00" + b"\x00" * 64, content_type="application/pdf")
