"""What other apps may react to: each event appended to a record's history, in and after its transaction.

Two signals, with the same kwargs ``record``, ``event`` (the ``RecordEvent``)
and ``action``, are sent once for every event:

- ``record_changed``, synchronously inside the record's transaction, right after
  the event row is written. Its receivers write what must exist exactly when the
  change does: notifications, documents and payments write their outbox rows
  there (one per recipient, per slip, per refund; ``outbox.services.enqueue``),
  which the outbox relays to Celery after commit and its sweep sends again if
  they were lost. A receiver that raises rolls the change back, so receivers do
  no more there than decide and write rows.
- ``record_transitioned``, after the transaction commits; a rolled-back change
  sends nothing. For reactions that may be lost without harm, or that read what
  was committed.

Notifications, documents and payments connect receivers in their
``AppConfig.ready``; records never imports them. The action names are stable:

State changes (``event.from_state`` → ``event.to_state`` differ):
  ``submit``, ``withdraw``, ``receive`` (data: ``due_date``), ``refuse``,
  ``start_processing``, ``request_supplement``, ``supplement`` (data:
  ``paused_working_days``, ``due_date``), ``transfer`` (data: ``from_agency``,
  ``to_agency``; the record's agency is already the new one), ``accept_transfer``,
  ``approve`` (data: ``result``), ``reject``, ``return_result`` (data: ``late``).

Other events (the state does not change):
  ``apologise`` — the apology letter; data ``new_appointment`` (ISO date) and
  ``previous_appointment``; ``event.reason`` is the explanation.
  ``reassign`` — the agency head changed the handling officer; data ``from`` (user
  id or null), ``to`` (user id).
  ``attach_result`` — a result document was stored with the record.
  ``overdue`` — the daily scan found the record past its due date (once per record);
  data ``due_date``.
  ``reminder`` — the due date is two working days away; data ``due_date``, ``officer``
  (the assigned officer's user id, or null).
  ``merge_unit`` — its administrative unit merged into another; data ``from_unit``,
  ``to_unit``, ``from_agency``, ``to_agency``.

Events of integrated-service records moved with the bundle's first record carry
``moved_with`` (the first record's code) in their data.
"""

from django.dispatch import Signal

# kwargs: record, event (the RecordEvent), action. Sent after the transaction commits.
record_transitioned = Signal()

# The same kwargs, sent inside the transaction right after the event is written: a receiver that writes
# rows (an outbox entry for each side effect) writes them atomically with the change, or not at all.
record_changed = Signal()

# Sent with ``visit`` (a ``CounterVisit``) inside the transaction that ends a desk visit with a request to complete
# the papers (Mẫu 02) and no record: ``documents`` issues the slip for the visit.
counter_completion_requested = Signal()
