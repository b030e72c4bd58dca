"""Small real files for upload tests: a PDF pyHanko parses, images Pillow decodes."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PAGE = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
]


def build_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of these object bodies (numbered from 1, the first is the catalog) with a correct xref table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def padded_pdf(size: int, fill: bytes = b"0") -> bytes:
    """A real one-page PDF of exactly ``size`` bytes: ``fill`` repeated in a stream no page uses."""
    padding = max(size - len(PDF) - 64, 0)
    while True:
        content = build_pdf([*PAGE, b"<< /Length %d >>\nstream\n%s\nendstream" % (padding, fill * padding)])
        missing = size - len(content)
        if 0 <= missing <= 32:
            return content + b"\n" * missing  # blank lines after %%EOF
        padding += missing
        if padding < 0:
            raise ValueError(f"a PDF cannot be as small as {size} bytes")


def _image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (180, 40, 40)).save(buffer, kind)
    return buffer.getvalue()


PDF = build_pdf(PAGE)
PNG = _image("PNG")
JPEG = _image("JPEG")


def pdf(name="giay-kham-suc-khoe.pdf", size=None, fill=b"0"):
    content = PDF if size is None else padded_pdf(size, fill)
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def fake_pdf(name="virus.pdf"):
    """Named like a PDF, but an executable inside."""
    return SimpleUploadedFile(name, b"MZ\x90\x00" + b"\x00" * 64, content_type="application/pdf")
