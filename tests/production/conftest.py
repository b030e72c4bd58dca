from tests.backoffice.conftest import (  # noqa: F401
    _records_rules_only,
    agency,
    catalogue,
    citizen,
    family,
    other_agency,
    record,
    staff,
)
