"""What a citizen's session must hold to read or change a filing: the VNeID level its service asks for."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from identity.services import assurance_satisfied

from ..constants import Channel
from ..models import Record


def session_lacks_level(request, record: Record) -> bool:
    """Whether the request's VNeID session is below the level ``record``'s filing asked for: the one rule every door
    to a record's data asks of its applicant (its page, files, result, issued documents, e-receipts, the API).

    A record filed at the desk asked for no level (the officer saw the citizen's papers). Officers reach a record
    by their role at its agency, never by a VNeID level: callers ask this of the applicant only."""
    if record.channel != Channel.ONLINE:
        return False
    definition = record.definition
    return definition.needs_step_up and not assurance_satisfied(request, definition.required_assurance)


def step_up_first(request, definition, come_back: str | None = None):
    """A redirect to raise the session's VNeID level when ``definition`` (a service or an integrated service) needs
    more than it has; None when it may go on. Reading or changing a record asks for the level its filing asked."""
    if definition.needs_step_up and not assurance_satisfied(request, definition.required_assurance):
        return _to_step_up(come_back or request.get_full_path())
    return None


def step_up_for(request, record: Record, come_back: str | None = None):
    """``step_up_first`` for a filed record: an online filing's level (``session_lacks_level``). A record
    filed at the desk asked for no VNeID level (the officer saw the citizen's papers), so a citizen with a level-1
    account still reads it. Other apps' doors to a record's data (documents, e-receipts) ask this too."""
    if not session_lacks_level(request, record):
        return None
    return _to_step_up(come_back or request.get_full_path())


def applicant_step_up(request, record: Record, come_back: str | None = None):
    """``step_up_for`` when the request's user is ``record``'s applicant: for doors that officers use too (issued
    documents, e-receipts, attachments), whose access otherwise rests on each door's own rule."""
    user = request.user
    if user.is_authenticated and record.applicant_id == user.pk:
        return step_up_for(request, record, come_back)
    return None


def _to_step_up(come_back: str):
    return redirect(f"{reverse('identity:step_up')}?{urlencode({'next': come_back})}")
