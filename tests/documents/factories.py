"""Builders for the documents tests, on the catalogue and account factories; each returns a saved row."""

from tests.identity.factories import UserFactory
from tests.procedures import factories as catalogue


def unit(code="01", name="Thành phố Hà Nội"):
    return catalogue.unit(code, name)


def agency(
    code="000.00.21.H56", name="Sở Tư pháp thành phố Hà Nội", *, is_active=True, parent=None, governing_body=None
):
    return catalogue.agency(code, name, unit_=unit(), is_active=is_active, parent=parent, governing_body=governing_body)


def procedure(code="1.001193"):
    """Records do not exist yet: a procedure stands in for what a document is about."""
    return catalogue.ProcedureFactory(code=code)


def user(username="citizen", **fields):
    return UserFactory(username=username, **fields)
