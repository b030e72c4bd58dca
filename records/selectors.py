"""Read-only queries over records."""

from django.core.paginator import Paginator

from .constants import RecordState
from .models import Record


def records_of_applicant(user):
    return Record.objects.filter(applicant=user).select_related("service", "agency", "procedure_version", "group")


def records_of(user, page_number, per_page: int = 20):
    """The citizen's records, drafts included, newest first."""
    qs = records_of_applicant(user).order_by("-created_at")
    return Paginator(qs, per_page).get_page(page_number)


def lookup(code: str, id_number: str) -> Record | None:
    """A submitted record by its code and the applicant's ID number; both must match."""
    return (
        Record.objects.exclude(state=RecordState.DRAFT)
        .select_related("agency", "procedure_version")
        .filter(code=code.strip(), applicant_id_number=id_number.strip())
        .first()
    )
