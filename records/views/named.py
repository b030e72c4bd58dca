"""A record that names the citizen (the child's other parent, the spouse to be), read-only in "Hồ sơ của tôi".

What they may read is decided by data, a ``RecordParticipant`` row naming them (``records.participants``): the
record's facts, its public history and the form's answers, less the applicant's contact details. Not its files,
payments or documents, no action on it, and nothing else of the applicant's (their other records answer 404).
"""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from identity.decorators import citizen_required

from .. import participants
from ..presenters import INTERNAL_EVENTS, answers_shown
from .access import step_up_for


@require_GET
@citizen_required
def named_detail(request, pk):
    record = get_object_or_404(participants.records_naming(request.user, request.session), pk=pk)
    if stepping_up := step_up_for(request, record):
        return stepping_up
    participant = participants.participation(request.user, record, request.session)
    definition = record.definition
    data = participants.shared_answers(definition, record.form_data)
    return render(
        request,
        "records/named_detail.html",
        {
            "record": record,
            "participant": participant,
            "answers": answers_shown(definition, data, record.prefilled_fields),
            "events": record.events.exclude(action__in=INTERNAL_EVENTS),
        },
    )
