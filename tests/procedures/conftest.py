import pytest

from procedures import services


@pytest.fixture(autouse=True)
def _no_pending_views():
    """Views are sent to the cache in batches (``services.record_view``): none is left over from another test."""
    services.forget_pending_views()
    yield
    services.forget_pending_views()
