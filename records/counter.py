"""Counter intake: a receiver at the one-stop desk starts a filing for a citizen found in the population registry."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from eservices.models import OnlineService

from .constants import Channel
from .drafts import start_draft
from .models import Record


def counter_applicant(person):
    """The portal account of the person at the desk: their VNeID account if they have one, else a desk-only one.

    A desk-only account cannot log in; their first VNeID login adopts it, with the records
    filed for them (``identity.services.adopt_desk_account``).
    """
    from allauth.socialaccount.models import SocialAccount

    from identity.services import desk_account

    for key in ("userinfo", "id_token"):
        account = (
            SocialAccount.objects.filter(provider="vneid", **{f"extra_data__{key}__id_number": person.id_number})
            .select_related("user")
            .first()
        )
        if account is not None:
            return account.user
    return desk_account(person.id_number, person.full_name)


def start_counter_draft(*, service: OnlineService, id_number: str, agency, officer) -> Record:
    """A receiver files for a citizen at the desk: found in the population registry, channel "counter"."""
    from identity.constants import StaffRole
    from identity.registry.models import Person
    from identity.services import require_role

    require_role(officer, agency, StaffRole.RECEIVER)
    person = Person.objects.filter(id_number=(id_number or "").strip()).first()
    if person is None:
        raise ValidationError(_("Không tìm thấy số định danh này trong Cơ sở dữ liệu quốc gia về dân cư."))
    return start_draft(
        service=service,
        applicant=counter_applicant(person),
        applicant_id_number=person.id_number,
        applicant_name=person.full_name,
        agency=agency,
        channel=Channel.COUNTER,
        filed_by=officer,
    )
