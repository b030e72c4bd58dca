"""What other apps (the indicators in ``monitoring``) may react to, sent inside the change's transaction.

- ``rating_given(rating=...)``: a citizen rated a returned record (``services.rate``).
- ``feedback_received(feedback=...)``: a feedback or petition was sent (``services.send_feedback``).
- ``feedback_answered(feedback=...)``: the agency answered it (``services.answer``).

Receivers run in the transaction (write outbox rows or aggregate rows there); one that raises rolls the change
back. ``feedback.selectors`` computes the same figures from the tables, for a rebuild.
"""

from django.dispatch import Signal

rating_given = Signal()
feedback_received = Signal()
feedback_answered = Signal()
