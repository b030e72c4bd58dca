"""The assistant's tests use the filing tests' catalogue and family (``tests/records/conftest.py``)."""

from tests.records.conftest import catalogue, citizen, family, login, other_citizen  # noqa: F401
