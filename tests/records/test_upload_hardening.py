"""Uploads are bounded before they are stored, and checked all the way through, not by their first bytes.

Findings of a security review: a 300 MB body was written to disk before any check, even anonymously;
a file starting like a PDF or a JPEG was taken for one whatever followed; a PDF running JavaScript
was accepted; and a file could be stored for a document the e-form or the registry replaces.
"""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.test import Client
from PIL import Image

from eservices.constants import ReplacementSource
from eservices.models import OnlineService
from records import services
from records.constants import MAX_ATTACHMENT_SIZE, MAX_RECORD_ATTACHMENTS_SIZE, RecordState
from records.models import Attachment, Record

from . import files
from .conftest import filled_draft
from .test_filing import LICENCE_FORM, answer_eligibility, filing_url, start

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


class RecordingHandler(FileUploadHandler):
    """Stands where Django's memory and temporary-file handlers stand, and notes how much of each file they get."""

    received: list[int] = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received.append(0)

    def receive_data_chunk(self, raw_data, start):
        self.received[-1] += len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None


@pytest.fixture
def recorded(settings):
    settings.FILE_UPLOAD_HANDLERS = [
        "records.upload_handlers.SizeLimitUploadHandler",
        f"{__name__}.RecordingHandler",
        "django.core.files.uploadhandler.MemoryFileUploadHandler",
        "django.core.files.uploadhandler.TemporaryFileUploadHandler",
    ]
    RecordingHandler.received = []
    return RecordingHandler.received


def licence_draft(client):
    """A licence renewal draft at the documents step, its health certificate already uploaded."""
    base = filing_url(start(client))
    answer_eligibility(client, base)
    client.post(base + "form/", {**LICENCE_FORM, "continue": ""})
    record = Record.objects.get(service__slug="cap-doi-giay-phep-lai-xe")
    health = record.procedure_version.components.get(name__startswith="Giấy khám sức khỏe")
    licence = record.procedure_version.components.get(name__startswith="Bản sao giấy phép lái xe")
    response = client.post(
        base + "attachments/", {"action": "upload", "record": record.pk, "component": health.pk, "file": files.pdf()}
    )
    assert response.status_code == 302 and record.attachments.count() == 1
    return base, record, health, licence


# --- Size: nothing over 10 MB of a file is kept, and an oversized request is not read at all ----------------


def test_a_file_over_10_mb_is_refused_with_its_size_and_never_stored_whole(client, citizen, recorded):
    base, record, health, licence = licence_draft(client)
    big = files.pdf("ban-sao-gplx.pdf", size=30 * MB)

    response = client.post(
        base + "attachments/", {"action": "upload", "record": record.pk, "component": licence.pk, "file": big}
    )

    assert response.status_code == 400
    assert "Tệp “ban-sao-gplx.pdf” nặng 30.0 MB, vượt quá 10 MB" in response.content.decode()
    record.refresh_from_db()
    assert record.state == RecordState.DRAFT
    assert [a.component_id for a in record.attachments.all()] == [health.pk]  # the good file stays
    # What reached the memory and temporary-file handlers: the good file whole, of the big one 10 MB at most.
    assert recorded[0] == len(files.PDF)
    assert 0 < recorded[1] <= MAX_ATTACHMENT_SIZE


def test_the_filing_api_refuses_an_oversized_file_and_keeps_the_good_one_in_the_draft(client, citizen, recorded):
    service = OnlineService.objects.get(slug="cap-doi-giay-phep-lai-xe")
    health = service.version.components.get(name__startswith="Giấy khám sức khỏe")
    licence = service.version.components.get(name__startswith="Bản sao giấy phép lái xe")

    response = client.post(
        "/api/v1/records/",
        {
            "service": service.slug,
            "data": json.dumps({"reason": "expired", "delivery": "online"}),
            "eligibility": json.dumps({"has_licence": True}),
            f"component_{health.pk}": files.pdf("kham.pdf"),
            f"component_{licence.pk}": files.pdf("gplx.pdf", size=12 * MB),
        },
    )

    assert response.status_code == 400, response.content
    assert "Tệp “gplx.pdf” nặng 12.0 MB, vượt quá 10 MB" in str(response.json()["detail"])
    draft = Record.objects.get(pk=response.json()["draft"])
    assert draft.is_draft and [a.component_id for a in draft.attachments.all()] == [health.pk]
    assert max(recorded) <= MAX_ATTACHMENT_SIZE


def test_an_oversized_upload_has_no_data_to_store():
    """What the view gets for a file over the limit cannot be saved by mistake as an empty or truncated file."""
    from django.core.exceptions import RequestDataTooBig

    from records.upload_handlers import OversizedUpload

    upload = OversizedUpload("to.pdf", "application/pdf", 300 * MB)
    assert (upload.name, upload.size) == ("to.pdf", 300 * MB)
    with pytest.raises(RequestDataTooBig):
        upload.read()
    with pytest.raises(RequestDataTooBig):
        list(upload.chunks())


@pytest.fixture
def small_cap(settings):
    settings.MAX_REQUEST_BODY_SIZE = 1 * MB
    return settings


def oversized_post(client, path, **extra):
    return client.post(path, {"file": files.pdf("scan.pdf", size=2 * MB)}, **extra)


def test_an_oversized_request_gets_413_before_csrf_or_parsing(small_cap, catalogue):
    anonymous = Client(enforce_csrf_checks=True)  # no session, no CSRF token: 403 if anything parsed the body
    response = oversized_post(anonymous, "/my/filings/8c4a3bb4-41a0-4a43-a1ce-1f0b5f3e2a10/attachments/")

    assert response.status_code == 413
    page = response.content.decode()
    assert "Dữ liệu gửi lên quá lớn" in page
    assert "Mỗi tệp tải lên tối đa 10 MB; tổng các tệp của một hồ sơ tối đa 50 MB." in page
    assert "độ phân giải thấp hơn" in page and "Tách tệp" in page and "Nén tệp" in page

    api = oversized_post(anonymous, "/api/v1/records/")
    assert api.status_code == 413 and api["Content-Type"] == "application/json"
    detail = api.json()["detail"]
    assert "quá lớn (2.0 MB)" in detail and "Mỗi tệp tối đa 10 MB" in detail and "50 MB" in detail


def test_the_request_cap_leaves_room_for_a_whole_record(settings, client, citizen):
    """The filing API sends every file of a record in one request: 50 MB of files and the form must pass."""
    assert settings.MAX_REQUEST_BODY_SIZE > MAX_RECORD_ATTACHMENTS_SIZE + MB
    settings.MAX_REQUEST_BODY_SIZE = 3 * MB
    service = OnlineService.objects.get(slug="dang-ky-thanh-lap-doanh-nghiep-tu-nhan")
    papers = service.version.components.get(name__startswith="Bản sao giấy tờ pháp lý")
    fields = {"service": service.slug, "data": "{}", f"component_{papers.pk}": files.pdf(size=2 * MB)}
    assert client.post("/api/v1/records/", fields).status_code == 400  # read and answered by the view


# --- Content: what follows the first bytes --------------------------------------------------------------------


def pdf_with(catalog_extra: bytes = b"", page_extra: bytes = b"", extra_objects=()) -> bytes:
    catalog = b"<< /Type /Catalog /Pages 2 0 R %s>>" % catalog_extra
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s>>" % page_extra
    return files.build_pdf([catalog, files.PAGE[1], page, *extra_objects])


def image(kind: str, size=(600, 400), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 0).save(buffer, kind)
    return buffer.getvalue()


BROKEN = "bị hỏng hoặc không phải PDF, JPEG, PNG thật"
ACTIVE = "chứa mã lệnh hoặc tệp đính kèm bên trong nên không được nhận"

REFUSED = {
    "html-named-pdf": ("don.pdf", b"%PDF-<html><script>alert(document.cookie)</script></html>", BROKEN),
    "executable-named-jpg": ("anh.jpg", b"\xff\xd8\xff" + b"MZ\x90\x00\x03" + b"\x00" * 400, BROKEN),
    "zip-named-pdf": ("ho-so.pdf", b"%PDF-PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 400, BROKEN),
    "truncated-png": ("anh.png", image("PNG", mode="L")[:-40] + b"\x00" * 8, BROKEN),
    "truncated-jpeg": ("anh.jpg", image("JPEG")[:300], BROKEN),
    "javascript-open-action": (
        "to-khai.pdf",
        pdf_with(b"/OpenAction 4 0 R ", extra_objects=[b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"]),
        ACTIVE,
    ),
    "hex-escaped-javascript": (
        "to-khai.pdf",
        pdf_with(b"/OpenAction << /S /J#61vaScript /J#53 (app.launchURL('http://x')) >> "),
        ACTIVE,
    ),
    "launch-on-page-open": ("to-khai.pdf", pdf_with(page_extra=b"/AA << /O << /S /Launch /F (cmd.exe) >> >> "), ACTIVE),
    "embedded-file": (
        "to-khai.pdf",
        pdf_with(
            b"/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> ",
            extra_objects=[
                b"<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>",
                b"<< /Length 0 >>\nstream\n\nendstream",
            ],
        ),
        ACTIVE,
    ),
    "javascript-in-names-tree": (
        "to-khai.pdf",
        pdf_with(
            b"/Names << /JavaScript << /Names [(x) << /S /JavaScript /JS 4 0 R >>] >> >> ",
            extra_objects=[b"(app.alert(1))"],
        ),
        ACTIVE,
    ),
    "submit-form-link": (
        "to-khai.pdf",
        pdf_with(page_extra=b"/Annots [<< /Subtype /Link /Rect [0 0 9 9] /A << /S /SubmitForm /F (http://x) >> >>] "),
        ACTIVE,
    ),
    "javascript-after-eof": ("to-khai.pdf", files.PDF + b"4 0 obj << /S /JavaScript /JS (x) >> endobj\n", BROKEN),
}


@pytest.mark.parametrize("case", REFUSED)
def test_disguised_broken_and_active_files_are_refused(citizen, family, case):
    name, content, message = REFUSED[case]
    record = filled_draft(citizen, family["father"])
    component = record.procedure_version.components.first()
    with pytest.raises(ValidationError) as refused:
        services.attach(record, component, SimpleUploadedFile(name, content), by=citizen)
    assert (
        refused.value.messages == [refused.value.messages[0]] and f"Tệp “{name}” {message}" in refused.value.messages[0]
    )
    assert "Hãy" in refused.value.messages[0]  # and says what to do
    assert not Attachment.objects.exists()


def test_a_decompression_bomb_is_refused(citizen, family):
    """A 100-megapixel black PNG weighs a few kilobytes but would take 300 MB of memory to open."""
    record = filled_draft(citizen, family["father"])
    bomb = image("PNG", size=(10_000, 10_000), mode="1")
    assert len(bomb) < MB
    with pytest.raises(ValidationError, match="quá nhiều điểm ảnh"):
        services.attach(
            record, record.procedure_version.components.first(), SimpleUploadedFile("a.png", bomb), by=citizen
        )
    assert not Attachment.objects.exists()


def test_real_pdfs_and_pictures_still_pass(citizen, family):
    record = filled_draft(citizen, family["father"])
    component = record.procedure_version.components.first()
    scan = io.BytesIO()
    Image.new("RGB", (1240, 1754), (250, 250, 245)).save(scan, "PDF", resolution=150)  # a scanner-like PDF
    uploads = {
        "quet.pdf": scan.getvalue(),
        # A link to a web page and opening on the first page are not active content.
        "lien-ket.pdf": pdf_with(
            b"/OpenAction [3 0 R /Fit] ",
            b"/Annots [<< /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (https://dichvucong.gov.vn) >> >>] ",
        ),
        # Junk after %%EOF (padding some tools add) is ignored, as readers ignore it.
        "co-duoi.pdf": files.PDF + b"\x00" * 4096,
        "anh.jpg": image("JPEG"),
        "anh.png": image("PNG"),
        "tien.jpg": files.JPEG,
        "tien.png": files.PNG,
    }
    for name, content in uploads.items():
        services.attach(record, component, SimpleUploadedFile(name, content), by=citizen)
    assert record.attachments.count() == len(uploads)


def damaged_xref(pdf: bytes) -> bytes:
    """The same PDF with its cross-reference table pointing nowhere, as some scanners write them (readers repair)."""
    start = pdf.rindex(b"startxref")
    return pdf[:start] + b"startxref\n999999\n%%EOF\n"


def test_a_pdf_whose_cross_references_readers_repair_is_still_checked(citizen, family):
    import zlib

    record = filled_draft(citizen, family["father"])
    component = record.procedure_version.components.first()
    scan = io.BytesIO()
    Image.new("RGB", (620, 877), (250, 250, 245)).save(scan, "PDF", resolution=75)
    services.attach(record, component, SimpleUploadedFile("quet.pdf", damaged_xref(scan.getvalue())), by=citizen)

    script = b"<< /S /J#61vaScript /JS (app.alert(1)) >>"
    hidden = zlib.compress(script)  # compressed in a stream, as object streams hold objects
    for name, content in {
        "mo-la-chay.pdf": damaged_xref(pdf_with(b"/OpenAction " + script + b" ")),
        "nen.pdf": damaged_xref(
            pdf_with(extra_objects=[b"<< /Length %d >>\nstream\n%s\nendstream" % (len(hidden), hidden)])
        ),
    }.items():
        with pytest.raises(ValidationError, match=ACTIVE):
            services.attach(record, component, SimpleUploadedFile(name, content), by=citizen)
    with pytest.raises(ValidationError, match=BROKEN):  # objects, but nothing a reader could show
        services.attach(
            record, component, SimpleUploadedFile("rac.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF"), by=citizen
        )
    assert [a.original_name for a in record.attachments.all()] == ["quet.pdf"]


def test_a_large_photo_is_checked_without_decoding_it_whole_and_a_huge_png_is_refused(citizen, family):
    record = filled_draft(citizen, family["father"])
    component = record.procedure_version.components.first()
    photo = image("JPEG", size=(8000, 6000))  # a 48-megapixel phone photo
    services.attach(record, component, SimpleUploadedFile("anh-48mp.jpg", photo), by=citizen)
    huge = image("PNG", size=(6000, 5000), mode="1")  # 30 megapixels, a few kilobytes
    with pytest.raises(ValidationError, match="quá nhiều điểm ảnh"):
        services.attach(record, component, SimpleUploadedFile("to.png", huge), by=citizen)


# --- Documents that need no file ------------------------------------------------------------------------------


def test_no_file_is_taken_for_a_document_the_e_form_or_the_registry_replaces(client, citizen):
    base, record, health, _licence = licence_draft(client)
    service = record.service
    registry = service.replacements.get(source=ReplacementSource.POPULATION_REGISTRY).component
    cases = [
        (service.form_component, "tờ khai điện tử bạn điền ở bước “Tờ khai” đã thay cho nó"),
        (registry, "cơ quan lấy thông tin từ Cơ sở dữ liệu quốc gia về dân cư"),
    ]
    for component, message in cases:
        response = client.post(
            base + "attachments/",
            {"action": "upload", "record": record.pk, "component": component.pk, "file": files.pdf("thua.pdf")},
        )
        assert response.status_code == 400
        assert f"Không cần tải tệp cho giấy tờ này: {message}" in response.content.decode()
    assert [a.component_id for a in record.attachments.all()] == [health.pk]
