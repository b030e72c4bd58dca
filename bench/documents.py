"""Documents benchmark: receipt slips rendered and signed per second, beside raw WeasyPrint on the same HTML.

Run with ``make bench`` (or ``python bench/documents.py``). It needs no database:
the document rows are built in memory, so the figures are the rendering and
signing path only — what a ``documents`` worker does per slip. Both rates are
measured in the same process and run, alternating rounds so that machine noise
hits both alike; the target is a ratio of at least 80%.
``--smoke``: two slips, one round, no figure judged (see ``bench/common.py``).
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import SMOKE, size  # noqa: E402

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault("DOCUMENT_SIGNING_DIR", str(Path(tempfile.gettempdir()) / "portal-bench-signing"))

N = size(int(os.environ.get("BENCH_DOCUMENTS", "30")), 2)
ROUNDS = size(int(os.environ.get("BENCH_ROUNDS", "3")), 1)
TARGET = 0.80


def slip_documents(n):
    from django.utils import timezone

    from documents.constants import DocumentKind
    from documents.models import Document
    from procedures.models import AdministrativeUnit, Agency

    unit = AdministrativeUnit(code="01", name="Thành phố Hà Nội")
    parent = Agency(code="000.00.00.H26", name="Ủy ban nhân dân thành phố Hà Nội", unit=unit)
    agency = Agency(
        code="000.00.21.H26", name="Sở Tư pháp thành phố Hà Nội", unit=unit, parent=parent, governing_body=parent
    )
    received = timezone.now()
    documents = []
    for i in range(n):
        document = Document(
            id=uuid.uuid4(),
            kind=DocumentKind.RECEIPT_APPOINTMENT,
            agency=agency,
            context={
                "record_code": f"000.00.21.H26-260312-{i + 1:04d}",
                "applicant_name": "Nguyễn Thị Hồng Nhung",
                "procedure_name": "Đăng ký khai sinh",
                "documents_received": [
                    {"name": "Tờ khai đăng ký khai sinh", "form": "Bản điện tử", "copies": 1},
                    {"name": "Giấy chứng sinh", "form": "Bản điện tử", "copies": 1},
                ],
                "fee": 8000,
                "processing_days": 3,
                "received_at": received.isoformat(),
                "appointment_at": (received + datetime.timedelta(days=5)).isoformat(),
            },
        )
        document.issued_at = received
        documents.append(document)
    return agency, documents


def main():
    import django

    django.setup()
    from documents.rendering import render_html, render_pdf
    from documents.signing import get_signer

    agency, documents = slip_documents(N)
    html = [render_html(document) for document in documents]
    signer = get_signer()

    # Warm up both paths: imports, fonts, the agency's key (created once under DOCUMENT_SIGNING_DIR).
    signer.sign(render_pdf(html[0]), agency=agency)

    def raw():
        for page in html:
            render_pdf(page)

    def slips():
        for document in documents:
            signer.sign(render_pdf(render_html(document)), agency=agency)

    raw_rates, slip_rates = [], []
    for _round in range(ROUNDS):
        for rates, work in ((raw_rates, raw), (slip_rates, slips)):
            start = time.perf_counter()
            work()
            rates.append(N / (time.perf_counter() - start))

    raw_rate, slip_rate = statistics.median(raw_rates), statistics.median(slip_rates)
    ratio = slip_rate / raw_rate
    print(f"documents: {N} receipt slips x {ROUNDS} rounds (median), one process")
    print(f"  raw WeasyPrint render of the same HTML : {raw_rate:6.2f} documents/s   (ceiling, same run)")
    print(f"  slip: template + render + PAdES sign    : {slip_rate:6.2f} documents/s")
    print(f"  ratio: {ratio:.0%} of raw (target >= {TARGET:.0%}) -> {'OK' if ratio >= TARGET else 'BELOW TARGET'}")
    if SMOKE:
        print("smoke run: too few documents for the figures to mean anything")
    return 0  # a figure to read, not a gate: the machines are noisy


if __name__ == "__main__":
    sys.exit(main())
