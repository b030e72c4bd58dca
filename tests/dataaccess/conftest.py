"""The back-office's citizens, records and officers (``tests/backoffice/conftest.py``), for the data access log."""

from tests.backoffice.conftest import (  # noqa: F401  (fixtures)
    _records_rules_only,
    agency,
    catalogue,
    citizen,
    family,
    other_agency,
    record,
    staff,
)
