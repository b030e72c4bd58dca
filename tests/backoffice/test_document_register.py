"""Documents take their number and symbol (số, ký hiệu) from the agency's register, per year and kind: unique and
gapless under 20 concurrent approvals; a rolled-back issue gives its number back (issue #16 item 3)."""

import pytest
from django.db import transaction
from django.utils import timezone

from documents import registers
from documents.models import Document
from records import services
from records.constants import RecordState as S
from records.constants import WorkflowAction as A
from records.models import Record
from tests.threads import all_at_once

from .conftest import add_result, advance, submitted_record

APPROVALS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_approvals_take_numbers_one_to_twenty(record, staff, citizen, family):
    records = [advance(record, staff, "in_processing")]
    for _ in range(APPROVALS - 1):
        records.append(advance(submitted_record(citizen, family["father"]), staff, "in_processing"))
    for each in records:
        add_result(each, staff["processor"])

    def approve(pk):
        services.act(Record.objects.get(pk=pk), A.APPROVE, actor=staff["approver"], expected_state=S.IN_PROCESSING)

    _done, errors = all_at_once(approve, [(each.pk,) for each in records])
    assert errors == []
    issued = Document.objects.filter(object_id__in=[str(each.pk) for each in records], kind="result_document")
    assert issued.count() == APPROVALS
    assert sorted(issued.values_list("register_number", flat=True)) == list(range(1, APPROVALS + 1))
    assert set(issued.values_list("register_year", flat=True)) == {timezone.localdate().year}
    symbols = set(issued.values_list("context__number", flat=True))
    assert len(symbols) == APPROVALS
    assert all(symbol.split("/")[1].startswith("KQ-") for symbol in symbols)


@pytest.mark.django_db
def test_a_rolled_back_issue_gives_its_number_back(agency):
    year = timezone.localdate().year
    with transaction.atomic():
        assert registers.take_number(agency, "result_certificate", year) == 1
    try:
        with transaction.atomic():
            assert registers.take_number(agency, "result_certificate", year) == 2
            raise RuntimeError("the approval failed")
    except RuntimeError:
        pass
    with transaction.atomic():
        assert registers.take_number(agency, "result_certificate", year) == 2
        # Each kind and year has a register of its own.
        assert registers.take_number(agency, "result_document", year) == 1
        assert registers.take_number(agency, "result_certificate", year + 1) == 1


def test_the_symbol_names_the_kind_and_the_issuing_body():
    class Agency:
        name, code = "Ủy ban nhân dân phường Ba Đình", "H01.01"

    assert registers.symbol(Agency(), "result_certificate", 15) == "15/GCN-UBND"
