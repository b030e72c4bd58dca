"""Documents are signed (PAdES) by their agency's certificate from the demo CA, and tampering shows."""

import io
import stat

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID
from django.core.management import call_command

from documents.signing import Signer, get_signer
from documents.signing.pki import DemoPKI

from . import factories
from .conftest import make_document, read_pdf

pytestmark = pytest.mark.django_db


def validate(data: bytes):
    """Validate the document's signature with pyHanko, trusting the demo CA only."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    (signature,) = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    context = ValidationContext(trust_roots=get_signer().trust_roots(), allow_fetching=False)
    return signature, validate_pdf_signature(signature, signer_validation_context=context)


def tamper(data: bytes) -> bytes:
    """Change one byte inside the signed range (the PDF version in the header) and nothing else."""
    position = data.index(b"%PDF-1.") + 7
    return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]


def test_signature_is_valid_pades_by_the_agency(issued, agency):
    data = read_pdf(issued)
    signature, status = validate(data)

    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES baseline
    assert status.coverage.name == "ENTIRE_FILE"
    subject = status.signing_cert.subject.native
    assert subject["common_name"] == agency.name
    assert subject["serial_number"] == agency.code
    assert issued.signer_subject == status.signing_cert.subject.human_friendly
    assert issued.signer_serial == format(status.signing_cert.serial_number, "X")


def test_stored_hash_is_the_hash_of_the_issued_pdf(issued):
    import hashlib

    assert issued.sha256 == hashlib.sha256(read_pdf(issued)).hexdigest()


def test_one_changed_byte_fails_validation(issued):
    _signature, status = validate(tamper(read_pdf(issued)))

    assert not status.intact
    assert not status.bottom_line


def test_untrusted_root_fails_validation(issued, tmp_path):
    """A certificate from another CA (say a forger's own) does not validate against ours."""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    other = DemoPKI(tmp_path / "other")
    other.ensure_ca()
    (signature,) = PdfFileReader(io.BytesIO(read_pdf(issued)), strict=False).embedded_signatures
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(other.ca_cert_path))], allow_fetching=False)
    status = validate_pdf_signature(signature, signer_validation_context=context)

    assert status.intact
    assert not status.trusted
    assert not status.bottom_line


def test_init_signing_creates_ca_and_one_certificate_per_active_agency_once(settings, tmp_path):
    settings.DOCUMENT_SIGNING_DIR = tmp_path / "signing"
    first = factories.agency(code="000.00.01.H01", name="Sở Y tế thành phố Hà Nội")
    second = factories.agency(code="000.00.02.H01", name="Sở Xây dựng thành phố Hà Nội")
    retired = factories.agency(code="000.00.03.H01", name="Sở đã giải thể", is_active=False)
    pki = DemoPKI(settings.DOCUMENT_SIGNING_DIR)
    out = io.StringIO()

    call_command("init_signing", stdout=out)

    assert "CA created, 2 agency certificate(s) created" in out.getvalue()
    assert pki.has_certificate(first) and pki.has_certificate(second)
    assert not pki.has_certificate(retired)
    assert stat.S_IMODE(pki.ca_key_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(pki.paths(first).key_path.stat().st_mode) == 0o600
    cert = x509.load_pem_x509_certificate(pki.paths(first).cert_path.read_bytes())
    assert cert.public_key().key_size == 2048
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Sở Y tế thành phố Hà Nội"
    assert cert.issuer == pki.ca_certificate().subject
    files = {path: path.read_bytes() for path in settings.DOCUMENT_SIGNING_DIR.rglob("*.pem")}

    third = factories.agency(code="000.00.04.H01", name="Sở Nội vụ thành phố Hà Nội")
    out = io.StringIO()
    call_command("init_signing", stdout=out)

    assert "CA present, 1 agency certificate(s) created" in out.getvalue()
    assert pki.has_certificate(third)
    assert all(path.read_bytes() == data for path, data in files.items())  # nothing existing was replaced


def test_missing_certificate_is_created_when_signing(settings, tmp_path, subject):
    from documents.services import render_and_sign

    settings.DOCUMENT_SIGNING_DIR = tmp_path / "fresh"
    newcomer = factories.agency(code="000.00.09.H01", name="Sở Khoa học và Công nghệ thành phố Hà Nội")
    assert not DemoPKI(settings.DOCUMENT_SIGNING_DIR).has_certificate(newcomer)

    document = render_and_sign(make_document(newcomer, subject).pk)

    assert DemoPKI(settings.DOCUMENT_SIGNING_DIR).has_certificate(newcomer)
    assert "Sở Khoa học và Công nghệ thành phố Hà Nội" in document.signer_subject


def test_renamed_agency_gets_a_certificate_in_its_new_name(settings, tmp_path):
    settings.DOCUMENT_SIGNING_DIR = tmp_path / "signing"
    pki = DemoPKI(settings.DOCUMENT_SIGNING_DIR)
    agency = factories.agency(code="000.00.05.H01", name="Sở Tài nguyên và Môi trường")
    pki.ensure_agency_certificate(agency)

    agency.name = "Sở Nông nghiệp và Môi trường"
    assert not pki.has_certificate(agency)
    _credentials, created = pki.ensure_agency_certificate(agency)

    assert created and pki.has_certificate(agency)


def test_signer_backend_comes_from_settings(settings):
    settings.DOCUMENT_SIGNER = "tests.documents.test_signing.RecordingSigner"

    signer = get_signer()

    assert isinstance(signer, RecordingSigner)
    assert isinstance(signer, Signer)
    assert get_signer() is signer  # one per process


class RecordingSigner:
    """A stand-in remote signing service: signs with the local backend and remembers who asked."""

    def __init__(self):
        from documents.signing.local import LocalSigner

        self.local = LocalSigner()
        self.calls = []

    def sign(self, pdf_bytes, *, agency):
        self.calls.append(agency.code)
        return self.local.sign(pdf_bytes, agency=agency)


def test_a_remote_style_backend_signs_through_the_same_interface(settings, agency, subject):
    from documents.services import render_and_sign

    settings.DOCUMENT_SIGNER = "tests.documents.test_signing.RecordingSigner"

    document = render_and_sign(make_document(agency, subject).pk)

    assert get_signer().calls == [agency.code]
    assert document.is_issued


def test_signing_works_while_an_event_loop_runs(agency):
    """An eager task under ASGI, or a browser test, signs in a thread whose asyncio loop is running."""
    import asyncio
    import threading

    from weasyprint import HTML

    from documents.signing.local import outside_event_loop

    pdf = HTML(string="<p>Giấy tiếp nhận</p>").write_pdf()
    signer = get_signer()
    signer.sign(pdf, agency=agency)  # the agency's certificate exists before the loop starts
    outcome = {}

    async def sign_inside_a_loop():
        return signer.sign(pdf, agency=agency)

    def thread_with_a_loop():  # a thread of its own: the test thread may hold a browser test's loop already
        try:
            outcome["pdf"] = asyncio.run(sign_inside_a_loop())
        except Exception as error:  # noqa: BLE001 - reported below
            outcome["error"] = error

    thread = threading.Thread(target=thread_with_a_loop)
    thread.start()
    thread.join()
    assert "error" not in outcome, outcome.get("error")
    _signature, status = outside_event_loop(validate, outcome["pdf"])
    assert status.intact and status.valid
