"""Record codes as one-stop systems print them: ``{agency code}-{yyMMdd}-{4-digit daily sequence}``."""

import datetime

from django.db import connection, transaction

from .models import CodeSequence


def allocate_code(agency, day: datetime.date) -> str:
    """The next code of ``agency`` for ``day``.

    Must run inside the transaction that saves the record: the sequence row
    stays locked until it commits, so concurrent filings queue here, and a
    rolled-back filing gives its number back instead of leaving it used.
    """
    assert transaction.get_connection().in_atomic_block, "allocate_code must run inside the filing transaction"
    table = CodeSequence._meta.db_table
    with connection.cursor() as cursor:
        # One statement: create the day's row or take the next number, locking the row either way.
        cursor.execute(
            f"INSERT INTO {table} (agency_id, day, last_value) VALUES (%s, %s, 1) "  # noqa: S608 - table name is ours
            f"ON CONFLICT (agency_id, day) DO UPDATE SET last_value = {table}.last_value + 1 RETURNING last_value",
            [agency.pk, day],
        )
        number = cursor.fetchone()[0]
    return f"{agency.code}-{day:%y%m%d}-{number:04d}"
