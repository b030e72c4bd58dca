"""Fifty officers press conflicting buttons on one record at once, on PostgreSQL: one wins per state."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from records import services
from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent
from tests.threads import all_at_once

from .conftest import add_result

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 50


def race(record, attempts):
    """Run ``attempts`` ((actor, action, reason, data) each) together; return (successes, changed, other errors)."""
    seen = record.state  # the state on every officer's screen

    def attempt(actor, action, reason, data):
        page = Record.objects.select_related("agency").get(pk=record.pk)
        try:
            services.act(page, action, actor=actor, reason=reason, data=data, expected_state=seen)
            return "won", action, None
        except services.RecordChanged:
            return "changed", action, None
        except (ValidationError, PermissionDenied) as error:
            return "refused", action, error

    outcomes, crashes = all_at_once(attempt, attempts)
    assert crashes == []
    wins = [action for outcome, action, _error in outcomes if outcome == "won"]
    changed = [action for outcome, action, _error in outcomes if outcome == "changed"]
    errors = [(action, error) for outcome, action, error in outcomes if outcome == "refused"]
    return wins, changed, errors


def test_conflicting_transitions_one_wins_per_state(record, staff, other_agency):
    receiver, processor, approver = staff["receiver"], staff["processor"], staff["approver"]
    rounds = [
        (S.SUBMITTED, [(receiver, A.RECEIVE, "", {}), (receiver, A.REFUSE, "Sai thẩm quyền", {})]),
        (S.RECEIVED, [(processor, A.START_PROCESSING, "", {})]),
        (
            S.IN_PROCESSING,
            [
                (approver, A.APPROVE, "", {}),
                (approver, A.REJECT, "Không đủ điều kiện", {}),
                (processor, A.REQUEST_SUPPLEMENT, "Thiếu giấy tờ", {}),
                (processor, A.TRANSFER, "Thuộc thẩm quyền cấp trên", {"to_agency": other_agency.code}),
            ],
        ),
    ]
    for state, kinds in rounds:
        current = Record.objects.get(pk=record.pk)
        assert current.state == state
        if state == S.IN_PROCESSING:
            add_result(current, processor)
        attempts = [kinds[i % len(kinds)] for i in range(THREADS)]
        wins, changed, errors = race(current, attempts)
        assert errors == []
        assert len(wins) == 1, wins
        assert len(changed) == THREADS - 1
        if wins[0] in (A.REFUSE, A.REJECT, A.TRANSFER):
            break
        if state == S.IN_PROCESSING:
            break
    # The history is one chain: each event starts where the previous state change ended.
    events = list(RecordEvent.objects.filter(record=record).exclude(to_state="").order_by("at", "id"))
    state_changes = [e for e in events if e.from_state != e.to_state]
    for before, after in zip(state_changes, state_changes[1:], strict=False):
        assert after.from_state == before.to_state
    final = Record.objects.get(pk=record.pk)
    assert state_changes[-1].to_state == final.state
    assert len([e for e in state_changes if e.from_state == S.SUBMITTED]) == 1
    assert len([e for e in state_changes if e.from_state == S.IN_PROCESSING]) <= 1


def test_the_same_button_pressed_fifty_times_applies_once(record, staff):
    wins, changed, errors = race(record, [(staff["receiver"], A.RECEIVE, "", {})] * THREADS)
    assert (len(wins), len(changed), errors) == (1, THREADS - 1, [])
    assert RecordEvent.objects.filter(record=record, action=A.RECEIVE).count() == 1
