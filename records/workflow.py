"""Every allowed change of a record, in one module.

Read this module to know the whole workflow:

- ``TRANSITIONS``: the changes of ``Record.state``, who may make them and from where;
- ``EVENTS``: what staff (or the system) may record on a record without changing its
  state: reassigning it, issuing an apology letter, attaching the result, and the
  overdue and reminder notes of the periodic scans.

``records.services.transition`` is the only code that changes ``Record.state`` and
``records.services.record_event`` the only code that adds a non-state event; both
check this table, the actor's role and agency, lock the record and append to its
history. The agency head holds every staff role of their agency
(``identity.services.has_role``).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from identity.constants import StaffRole

from .constants import RecordState as S

CITIZEN = "citizen"  # the applicant themself, acting online
SYSTEM = "system"  # periodic scans and management commands: no person, no role check


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    source: frozenset
    target: str | None  # None: the state does not change (see EVENTS)
    roles: frozenset
    reason_required: bool = False

    @property
    def changes_state(self) -> bool:
        return self.target is not None


def _t(action, label, source, target, roles, reason_required=False):
    return Transition(action, label, frozenset(source), target, frozenset(roles), reason_required)


# Integrated-service records (services.BundleMember.moves_with_first) follow the first
# record of their bundle on these actions: the one-stop desk receives and returns the
# whole bundle at once, each linked record getting its own event.
MOVES_WITH_FIRST = frozenset({"receive", "return_result"})

TRANSITIONS = {
    t.action: t
    for t in [
        _t("submit", _("Nộp hồ sơ"), {S.DRAFT}, S.SUBMITTED, {CITIZEN, StaffRole.RECEIVER}),
        _t("withdraw", _("Rút hồ sơ"), {S.SUBMITTED, S.RECEIVED}, S.WITHDRAWN, {CITIZEN}, reason_required=False),
        _t("receive", _("Tiếp nhận"), {S.SUBMITTED}, S.RECEIVED, {StaffRole.RECEIVER}),
        _t(
            "refuse",
            pgettext_lazy("action", "Từ chối tiếp nhận"),
            {S.SUBMITTED},
            S.REFUSED,
            {StaffRole.RECEIVER},
            reason_required=True,
        ),
        _t("start_processing", _("Bắt đầu xử lý"), {S.RECEIVED}, S.IN_PROCESSING, {StaffRole.PROCESSOR}),
        _t(
            "request_supplement",
            pgettext_lazy("action", "Yêu cầu bổ sung"),
            {S.IN_PROCESSING},
            S.SUPPLEMENT_REQUESTED,
            {StaffRole.PROCESSOR},
            reason_required=True,
        ),
        _t("supplement", _("Nộp bổ sung"), {S.SUPPLEMENT_REQUESTED}, S.IN_PROCESSING, {CITIZEN, StaffRole.RECEIVER}),
        _t(
            "transfer",
            _("Chuyển cơ quan khác"),
            {S.IN_PROCESSING},
            S.TRANSFERRED,
            {StaffRole.PROCESSOR},
            reason_required=True,
        ),
        _t("accept_transfer", _("Nhận hồ sơ chuyển đến"), {S.TRANSFERRED}, S.IN_PROCESSING, {StaffRole.PROCESSOR}),
        _t("approve", _("Phê duyệt"), {S.IN_PROCESSING}, S.APPROVED, {StaffRole.APPROVER}),
        _t(
            "reject",
            pgettext_lazy("action", "Không giải quyết"),
            {S.IN_PROCESSING},
            S.REJECTED,
            {StaffRole.APPROVER},
            reason_required=True,
        ),
        _t("return_result", _("Trả kết quả"), {S.APPROVED}, S.RESULT_RETURNED, {StaffRole.RECEIVER}),
    ]
}

# Work in progress after receipt: where an apology letter, a reassignment or a reminder makes sense.
_AFTER_RECEIPT = {S.RECEIVED, S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.TRANSFERRED, S.APPROVED}

EVENTS = {
    t.action: t
    for t in [
        _t("reassign", _("Phân công lại"), _AFTER_RECEIPT | {S.SUBMITTED}, None, {StaffRole.AGENCY_HEAD}),
        _t(
            "apologise",
            _("Phiếu xin lỗi, hẹn lại ngày trả"),
            _AFTER_RECEIPT,
            None,
            {StaffRole.PROCESSOR, StaffRole.APPROVER},
            reason_required=True,
        ),
        _t("attach_result", _("Đính kèm kết quả"), {S.IN_PROCESSING}, None, {StaffRole.PROCESSOR}),
        _t("overdue", _("Quá hạn giải quyết"), _AFTER_RECEIPT, None, {SYSTEM}),
        _t("reminder", _("Nhắc hạn giải quyết"), _AFTER_RECEIPT, None, {SYSTEM}),
        _t("merge_unit", _("Sắp xếp đơn vị hành chính"), _AFTER_RECEIPT | {S.SUBMITTED}, None, {SYSTEM}),
    ]
}

ACTIONS = {**TRANSITIONS, **EVENTS}


def available(state: str, roles: set[str]) -> list[Transition]:
    """State transitions that someone holding ``roles`` may take from ``state``."""
    return [t for t in TRANSITIONS.values() if state in t.source and t.roles & roles]


def available_events(state: str, roles: set[str]) -> list[Transition]:
    """Non-state actions that someone holding ``roles`` may take on a record in ``state``."""
    return [t for t in EVENTS.values() if state in t.source and t.roles & roles and SYSTEM not in t.roles]


# Extra conditions other apps attach to an action (e.g. payments: no receipt before the fee is paid).
# A guard takes the locked record and returns a message saying why the action must wait, or None.
GUARDS: dict[str, list] = {}


def register_guard(action: str, guard) -> None:
    if action not in ACTIONS:
        raise ValueError(f"Unknown action {action!r}")
    if guard not in GUARDS.setdefault(action, []):
        GUARDS[action].append(guard)


def blocking_reasons(record, action: str) -> list[str]:
    return [message for guard in GUARDS.get(action, []) if (message := guard(record))]
