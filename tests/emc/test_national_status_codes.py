"""Every state a record can be in has its national status code, and only changes of state are reported."""

import pytest

from emc.reports import national_status, reportable
from records.constants import NATIONAL_STATUS, RecordState
from records.constants import WorkflowAction as A
from records.models import RecordEvent

# The national portal's codes for synchronisation (shared design): 1 submitted, 2 received, 3 refused, 4 processing,
# 5 supplement requested, 6 payment required, 7 withdrawn, 8 stopped, 9 result ready, 10 returned.
EXPECTED = {
    RecordState.SUBMITTED: 1,
    RecordState.RECEIVED: 2,
    RecordState.REFUSED: 3,
    RecordState.IN_PROCESSING: 4,
    RecordState.TRANSFERRED: 4,  # still being processed, at another agency
    RecordState.SUPPLEMENT_REQUESTED: 5,
    RecordState.WITHDRAWN: 7,
    RecordState.REJECTED: 8,  # the agency stops: not granted
    RecordState.APPROVED: 9,  # result ready, to be returned
    RecordState.RESULT_RETURNED: 10,
}


@pytest.mark.parametrize("state", [state for state in RecordState if state != RecordState.DRAFT])
def test_each_state_but_the_draft_has_its_national_code(state):
    assert national_status(state) == EXPECTED[state]


def test_the_mapping_covers_every_state_and_a_draft_is_nobodys_business():
    assert set(NATIONAL_STATUS) == set(RecordState) - {RecordState.DRAFT} == set(EXPECTED)
    with pytest.raises(KeyError):
        national_status(RecordState.DRAFT)
    assert set(NATIONAL_STATUS.values()) == set(range(1, 11)) - {6}  # 6 (payment required) is no state of ours


@pytest.mark.parametrize(
    ("action", "from_state", "to_state", "reported"),
    [
        (A.CREATE, "", RecordState.DRAFT, False),
        (A.SUBMIT, RecordState.DRAFT, RecordState.SUBMITTED, True),
        (A.RECEIVE, RecordState.SUBMITTED, RecordState.RECEIVED, True),
        (A.TRANSFER, RecordState.IN_PROCESSING, RecordState.TRANSFERRED, True),
        (A.RETURN_RESULT, RecordState.APPROVED, RecordState.RESULT_RETURNED, True),
        (A.REASSIGN, RecordState.IN_PROCESSING, RecordState.IN_PROCESSING, False),
        (A.APOLOGISE, RecordState.APPROVED, RecordState.APPROVED, False),
        (A.OVERDUE, RecordState.IN_PROCESSING, RecordState.IN_PROCESSING, False),
        # A merger of units moves the record to another agency: the nation must count it there.
        (A.MERGE_UNIT, RecordState.IN_PROCESSING, RecordState.IN_PROCESSING, True),
    ],
)
def test_only_changes_of_state_and_of_agency_are_reported(action, from_state, to_state, reported):
    assert reportable(RecordEvent(action=action, from_state=from_state, to_state=to_state)) is reported
