"""Every formula of the indicators on hand-built records (issue #18), edge cases included, and the live count and a
full rebuild giving the same figures."""

import datetime

import pytest
from django.utils import timezone

from monitoring import counting
from monitoring.indicators import Scope, compute, period_filter
from monitoring.models import AgencyFigure, OfficerFigure, ProcedureFigure
from records import deadlines, services
from records.constants import Channel
from records.constants import WorkflowAction as A

from ..backoffice.conftest import add_result, advance
from .conftest import another, backdate

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def period():
    return today() - datetime.timedelta(days=90), today()


def figures() -> dict:
    """Every figure row, as comparable data."""
    rows = {}
    for model in (AgencyFigure, ProcedureFigure, OfficerFigure):
        for row in model.objects.all().values():
            row.pop("id")
            key = (model.__name__,) + tuple(sorted((k, v) for k, v in row.items() if k not in counting.COUNTERS))
            rows[key] = {k: row[k] for k in counting.COUNTERS if row[k]}
    return rows


def test_no_records_gives_zeros_and_no_shares():
    result = compute(Scope(), *period())
    assert result.received == 0 and result.finished == 0
    assert result.online_share is None and result.on_time_share is None and result.average_working_days is None
    assert result.as_dict()["satisfaction_rate"] is None


def test_a_period_reads_whole_months_and_the_days_at_its_edges():
    q = str(period_filter(datetime.date(2026, 1, 15), datetime.date(2026, 3, 31)))
    assert "Grain.MONTH" in q and "date(2026, 2, 1)" in q and "date(2026, 4, 1)" in q and "date(2026, 1, 15)" in q
    inside = str(period_filter(datetime.date(2026, 1, 1), datetime.date(2026, 1, 20)))
    assert "Grain.MONTH" not in inside


def test_each_formula_on_hand_built_records(record, staff, other_agency):
    agency = record.agency
    advance(another(record), staff, "result_returned")  # on time
    advance(another(record, channel=Channel.COUNTER), staff, "rejected")  # at the counter, not resolved
    advance(another(record), staff, "refused")
    advance(another(record), staff, "supplement_requested")

    late = advance(another(record), staff, "received")
    backdate(late, 30)
    late = advance_from(late, staff, [A.START_PROCESSING, "result", A.APPROVE, A.APOLOGISE, A.RETURN_RESULT])

    overdue = advance(another(record, channel=Channel.COUNTER), staff, "received")
    backdate(overdue, 30)
    assert services.scan_overdue() >= 1

    moved = advance(another(record), staff, "in_processing")
    services.act(
        moved,
        A.TRANSFER,
        actor=staff["processor"],
        reason="Thuộc thẩm quyền cơ quan khác",
        data={"to_agency": other_agency.code},
    )
    services.act(moved, A.ACCEPT_TRANSFER, actor=staff["outsider"])
    add_result(moved, staff["outsider"])
    services.act(moved, A.APPROVE, actor=staff["outsider"])
    services.act(moved, A.RETURN_RESULT, actor=staff["outsider"])

    assert counting.count_pending() > 0
    here = compute(Scope(agency_ids=(agency.pk,)), *period())
    there = compute(Scope(agency_ids=(other_agency.pk,)), *period())
    both = compute(Scope(), *period())

    # Received where the record was received: six here (the refused one never was), none at the other agency.
    assert here.received == 6 and there.received == 0
    assert here.received_online == 4 and here.received_other == 2
    assert here.online_share == round(100 * 4 / 6, 1)
    assert here.refused == 1 and here.supplements == 1
    # Decided where the record was decided: the transferred one at the other agency.
    assert here.finished == 3 and there.finished == 1 and both.finished == 4
    assert here.finished_on_time == 2 and here.finished_late == 1
    assert here.on_time_share == round(100 * 2 / 3, 1) and here.late_share == round(100 / 3, 1)
    expected_days = deadlines.working_days_between(today() - datetime.timedelta(days=30), today())
    assert here.working_days == expected_days
    assert here.average_working_days == round(expected_days / 3, 1)
    # Results: both returned here were signed at approval.
    assert here.results_returned == 2 and here.results_digitised == 2 and here.digitised_share == 100.0
    # The reception cohort: of the six received here, two are still open (the paused one and the overdue one).
    assert here.open_from_cohort == 2 and here.overdue_from_cohort == 1
    # The handling officer's share (the agency head's view).
    officer = compute(Scope(agency_ids=(agency.pk,), officer_id=staff["processor"].pk), *period())
    assert officer.finished == 3 and officer.finished_late == 1

    counted = figures()
    counting.rebuild()
    assert figures() == counted


def advance_from(record, staff, actions):
    by = {A.START_PROCESSING: "processor", A.APPROVE: "approver", A.RETURN_RESULT: "receiver"}
    for action in actions:
        if action == "result":
            add_result(record, staff["processor"])
        elif action == A.APOLOGISE:  # late: the apology letter comes before the result
            new_date = deadlines.next_working_day(today() + datetime.timedelta(days=1))
            data = {"new_appointment": new_date.isoformat()}
            services.act(record, action, actor=staff["processor"], reason="Chờ xác minh", data=data)
        else:
            services.act(record, action, actor=staff[by[action]])
    record.refresh_from_db()
    return record


def test_a_supplement_pause_does_not_count_as_processing_time(record, staff):
    paused = advance(another(record), staff, "supplement_requested")
    backdate(paused, 14)
    services.supplement(paused, actor=paused.applicant)
    paused.refresh_from_db()
    advance_from(paused, staff, ["result", A.APPROVE, A.RETURN_RESULT])
    counting.count_pending()
    result = compute(Scope(agency_ids=(record.agency_id,)), *period())
    assert result.finished == 1
    # 14 days waited for the citizen: given back, so the record was processed in (almost) no working time.
    assert result.working_days <= 1
    assert result.finished_on_time == 1
