"""The operations on records that views, the APIs, other apps and tests call: one import for all of them.

Each operation lives in the module of its purpose; this module only gathers their public names:

- ``drafts``: start a filing, keep what each step sends, submit, withdraw, supplement;
- ``attachments``: the files of a record and the wallet or registry data standing in for papers;
- ``transitions``: the one funnel for every change of state (``transition``) and every other event
  (``record_event``), with the table and each action's effect in ``workflow``;
- ``processing``: what officers do in the back-office, in the role they hold;
- ``counter``: filing for a citizen at the one-stop desk;
- ``scans``: the periodic overdue and reminder scans;
- ``rules``: read-only rules (what is missing, time limits, where a filing goes).

The filing API's one-request path is ``complete_filing``; reads for pages are in ``selectors``.
"""

from identity.services import staff_roles

from .attachments import StorageUnavailable, attach, remove_attachment, stored_attachment, use_wallet_document
from .counter import (
    ask_completion_at_counter,
    counter_applicant,
    counter_procedures,
    look_up,
    receive_at_counter,
    refuse_at_counter,
    start_counter_draft,
    start_counter_record,
)
from .drafts import (
    DOUBLE_START_SECONDS,
    StaleDraft,
    change_agency,
    discard_draft,
    save_applicant,
    save_eligibility,
    save_eligibility_step,
    save_form,
    save_form_step,
    start_bundle_draft,
    start_draft,
    start_keyed_draft,
    start_online_draft,
    submit,
    submit_group,
    supplement,
    withdraw,
)
from .processing import (
    act,
    allowed_actions,
    apologise,
    attach_result,
    generate_result,
    reassign,
    result_file,
    role_for,
)
from .rules import (
    agency_for_unit,
    applicant_role_for,
    bundle_members,
    days_to_result,
    eligibility_refusals,
    located_submission_problems,
    missing_components,
    needs_no_file,
    residence_unit_code,
    result_date_of,
    submission_problems,
    time_limit,
    transfer_targets,
    unanswered_questions,
    wallet_source,
)
from .scans import scan_overdue, scan_step_overdue, send_reminders
from .transitions import RecordChanged, record_event, transition
from .workflow import can_withdraw

__all__ = [
    "DOUBLE_START_SECONDS",
    "StaleDraft",
    "StorageUnavailable",
    "RecordChanged",
    "act",
    "agency_for_unit",
    "allowed_actions",
    "apologise",
    "applicant_role_for",
    "attach",
    "attach_result",
    "bundle_members",
    "can_withdraw",
    "change_agency",
    "ask_completion_at_counter",
    "counter_applicant",
    "counter_procedures",
    "look_up",
    "receive_at_counter",
    "refuse_at_counter",
    "days_to_result",
    "discard_draft",
    "eligibility_refusals",
    "generate_result",
    "located_submission_problems",
    "missing_components",
    "needs_no_file",
    "reassign",
    "record_event",
    "remove_attachment",
    "residence_unit_code",
    "result_date_of",
    "result_file",
    "role_for",
    "save_applicant",
    "save_eligibility",
    "save_eligibility_step",
    "save_form",
    "save_form_step",
    "scan_overdue",
    "scan_step_overdue",
    "send_reminders",
    "staff_roles",
    "start_bundle_draft",
    "start_counter_draft",
    "start_counter_record",
    "start_draft",
    "start_keyed_draft",
    "start_online_draft",
    "stored_attachment",
    "submission_problems",
    "submit",
    "submit_group",
    "supplement",
    "time_limit",
    "transfer_targets",
    "transition",
    "unanswered_questions",
    "use_wallet_document",
    "wallet_source",
    "withdraw",
]
