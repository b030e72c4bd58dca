"""What the demo procedures' results are as data, and which papers a later filing may take from the citizen's store.

The driving-licence renewal returns a driving licence (Lê Văn Cường's B2 ``790198765432``, valid for about 20 days
after seeding, is renewed in the wallet when his renewal is returned); birth registration a birth certificate
extract (the newborn enters the registry); permanent residence registration a residence confirmation; the sole
proprietorship registration a business registration certificate. A driver's health certificate handed in (and
digitised with consent) is offered again to later filings while it is valid. Idempotent.
"""

from procedures.constants import PaperKind
from procedures.models import DocumentComponent, Procedure

RESULT_TYPES = {
    "1.002804": PaperKind.DRIVING_LICENCE,
    "1.001193": PaperKind.BIRTH_CERTIFICATE,
    "1.004194": PaperKind.RESIDENCE_CONFIRMATION,
    "2.001610": PaperKind.BUSINESS_REGISTRATION,
}

# (procedure code or "*" for every procedure, start of the component's name) → kind of paper.
PAPER_TYPES = [
    ("*", "Bản sao giấy phép lái xe", PaperKind.DRIVING_LICENCE),
    ("*", "Giấy phép lái xe", PaperKind.DRIVING_LICENCE),
    ("*", "Giấy khai sinh của trẻ", PaperKind.BIRTH_CERTIFICATE),
    ("*", "Bản sao giấy chứng nhận đăng ký doanh nghiệp", PaperKind.BUSINESS_REGISTRATION),
    ("*", "Giấy khám sức khỏe của người lái xe", PaperKind.DRIVER_HEALTH_CERTIFICATE),
]
# Papers valid for a legal period: a digitised copy keeps it (a driver's health certificate is used within 12 months).
VALIDITY_MONTHS = [("Giấy khám sức khỏe của người lái xe", 12)]


def seed() -> str:
    procedures = sum(
        Procedure.objects.filter(code=code).update(result_type=kind) for code, kind in RESULT_TYPES.items()
    )
    components = 0
    for code, prefix, kind in PAPER_TYPES:
        rows = DocumentComponent.objects.filter(name__startswith=prefix)
        if code != "*":
            rows = rows.filter(version__procedure__code=code)
        # A classification of the paper, not a change of the published text: set on every version's row at once.
        components += rows.update(paper_type=kind)
    for prefix, months in VALIDITY_MONTHS:
        DocumentComponent.objects.filter(name__startswith=prefix).update(validity_months=months)
    return f"{procedures} procedures with a typed result, {components} papers reusable from the data store"
