"""What a citizen's session must hold to read or change a filing: the VNeID level its service asks for."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from identity.services import assurance_satisfied

from ..constants import Channel
from ..models import Record


def step_up_first(request, definition, come_back: str | None = None):
    """A redirect to raise the session's VNeID level when ``definition`` (a service or an integrated service) needs
    more than it has; None when it may go on. Reading or changing a record asks for the level its filing asked."""
    if definition.needs_step_up and not assurance_satisfied(request, definition.required_assurance):
        return redirect(f"{reverse('identity:step_up')}?{urlencode({'next': come_back or request.get_full_path()})}")
    return None


def step_up_for(request, record: Record, come_back: str | None = None):
    """``step_up_first`` for a filed record: an online filing's level. A record filed at the desk asked for no
    VNeID level (the officer saw the citizen's papers), so a citizen with a level-1 account still reads it."""
    if record.channel != Channel.ONLINE:
        return None
    return step_up_first(request, record.definition, come_back)
