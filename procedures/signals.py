"""What the catalogue tells the layers built on it (online services, bundles): procedures imports none of them."""

from dataclasses import dataclass

from django.dispatch import Signal


@dataclass(frozen=True)
class Notice:
    """One thing the administrator must read after a publication; ``needs_review``: something is held until they
    review it."""

    text: str
    needs_review: bool = False

    def __str__(self):
        return self.text


# A published version became the one in force, at its publication or on its effective date (sent inside the
# transaction that switches it). Arguments: ``procedure``, ``old`` (the version in force until then, or None) and
# ``new``. Receivers move onto ``new`` what is built on the older versions and return a list of ``Notice`` for the
# administrator: what moved, and what must be reviewed before it is offered again.
version_in_force = Signal()

# A version was published to come into force on a later date. Arguments: ``procedure``, ``current`` (the version in
# force now, or None), ``new``. Receivers return a list of ``Notice`` of what will happen
# on that date.
version_scheduled = Signal()
