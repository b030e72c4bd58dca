"""For random sequences of workflow events, the figures counted as the events come (in batches, at random moments)
equal the figures rebuilt from the records afterwards (issue #18)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoring import counting
from records import services
from records.constants import Channel
from records.constants import WorkflowAction as A

from ..backoffice.conftest import add_result
from .conftest import another
from .test_indicators import figures

pytestmark = pytest.mark.django_db

# (action, who takes it); "result" stores a result file, "count" runs the batch count now.
STEPS = [
    (A.RECEIVE, "receiver"),
    (A.REFUSE, "receiver"),
    (A.START_PROCESSING, "processor"),
    (A.REQUEST_SUPPLEMENT, "processor"),
    (A.SUPPLEMENT, "receiver"),
    (A.TRANSFER, "processor"),
    (A.ACCEPT_TRANSFER, "outsider"),
    (A.TRANSFER_BACK, "outsider"),
    ("result", "processor"),
    (A.APPROVE, "approver"),
    (A.REJECT, "approver"),
    (A.RETURN_RESULT, "receiver"),
    (A.REASSIGN, "head"),
    ("count", None),
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    channels=st.lists(st.sampled_from([Channel.ONLINE, Channel.COUNTER]), min_size=1, max_size=3),
    steps=st.lists(st.tuples(st.integers(min_value=0, max_value=2), st.sampled_from(STEPS)), max_size=25),
)
def test_counting_as_events_come_equals_a_full_rebuild(record, staff, other_agency, channels, steps):
    records = [another(record, channel=channel) for channel in channels]
    for index, (action, who) in steps:
        target = records[index % len(records)]
        target.refresh_from_db()
        if action == "count":
            counting.count_pending()
            continue
        actor = staff[who]
        try:
            if action == "result":
                add_result(target, actor)
            else:
                data = {"to_agency": other_agency.code} if action == A.TRANSFER else {}
                if action == A.REASSIGN:
                    data = {"to": staff["processor"].pk}
                services.act(target, action, actor=actor, reason="Lý do kiểm thử", data=data)
        except (ValidationError, PermissionDenied):
            continue  # not allowed in this state: nothing happened
    counting.count_pending()
    counted = figures()
    counting.rebuild()
    assert figures() == counted
