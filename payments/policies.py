"""Who may see a payment and download its e-receipt: the applicant and the officers of the record's agency."""

from identity.services import has_role


def can_view_payment(user, payment) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    record = payment.record
    return record.applicant_id == user.pk or has_role(user, record.agency)


def can_download_receipt(user, document, subject=None) -> bool:
    payment = subject or document.subject
    return payment is not None and can_view_payment(user, payment)
