"""From a record's change to what the personal data store keeps (connected in ``apps.py``).

Inside the record's transaction (``records.signals.record_changed``) the store only writes outbox rows: the result
returned (``return_result``) is kept with its fields and the registry or wallet updated; the papers received
(``receive``: the officer certifies them), and those handed in later, are digitised when the applicant consents.
The work runs after commit in ``tasks.py``, once per key.
"""

from __future__ import annotations

from records.constants import WorkflowAction as A

# The officer's acts that certify the papers the record holds: its receipt, and each act after it, so that a paper
# handed in later (a supplement) is digitised by the next officer who handles the record. Papers already kept are
# not kept twice (``services.digitise_record``).
DIGITISE_ACTIONS = (
    A.RECEIVE,
    A.SUPPLEMENT,
    A.HAND_OVER,
    A.SUBMIT_TO_LEADER,
    A.SEND_BACK,
    A.APPROVE,
    A.REJECT,
    A.TRANSFER,
    A.ACCEPT_TRANSFER,
)


def on_record_changed(sender, *, record, event, action, **kwargs):
    from outbox.services import enqueue

    if action == A.RETURN_RESULT:
        enqueue("datastore.tasks.store_result", {"record_id": record.pk}, f"datastore:result:{record.pk}")
    elif action in DIGITISE_ACTIONS:
        from .services import consents, set_consent

        if (event.data or {}).get("digitise_consent"):  # given at the desk (``records.counter.receive_at_counter``)
            set_consent(record.applicant_id_number, True)
        if consents(record.applicant_id_number):
            enqueue("datastore.tasks.digitise", {"event_id": event.pk}, f"datastore:digitise:{event.pk}")
