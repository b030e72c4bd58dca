"""Record codes as one-stop systems print them: ``{agency code}-{yyMMdd}-{4-digit daily sequence}``."""

import datetime

from django.db import transaction

from .models import CodeSequence


def allocate_code(agency, day: datetime.date) -> str:
    """The next code of ``agency`` for ``day``.

    Must run inside the transaction that saves the record: the sequence row
    stays locked until it commits, so concurrent filings queue here, and a
    rolled-back filing gives its number back instead of leaving it used.
    """
    assert transaction.get_connection().in_atomic_block, "allocate_code must run inside the filing transaction"
    CodeSequence.objects.bulk_create([CodeSequence(agency=agency, day=day)], ignore_conflicts=True)
    sequence = CodeSequence.objects.select_for_update().get(agency=agency, day=day)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return f"{agency.code}-{day:%y%m%d}-{sequence.last_value:04d}"
