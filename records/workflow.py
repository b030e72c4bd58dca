"""Every allowed change of a record's state, in one table.

Read this table to know the whole workflow. ``records.services.transition``
is the only code that changes ``Record.state``; it checks the table, the
actor's role and agency, locks the record and appends the event.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from identity.constants import StaffRole

from .constants import RecordState as S

CITIZEN = "citizen"  # the applicant themself, acting online


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    source: frozenset
    target: str
    roles: frozenset
    reason_required: bool = False


def _t(action, label, source, target, roles, reason_required=False):
    return Transition(action, label, frozenset(source), target, frozenset(roles), reason_required)


TRANSITIONS = {
    t.action: t
    for t in [
        _t("submit", _("Nộp hồ sơ"), {S.DRAFT}, S.SUBMITTED, {CITIZEN, StaffRole.RECEIVER}),
        _t("withdraw", _("Rút hồ sơ"), {S.SUBMITTED, S.RECEIVED}, S.WITHDRAWN, {CITIZEN}, reason_required=False),
        _t("receive", _("Tiếp nhận"), {S.SUBMITTED}, S.RECEIVED, {StaffRole.RECEIVER}),
        _t("refuse", _("Từ chối tiếp nhận"), {S.SUBMITTED}, S.REFUSED, {StaffRole.RECEIVER}, reason_required=True),
        _t("start_processing", _("Bắt đầu xử lý"), {S.RECEIVED}, S.IN_PROCESSING, {StaffRole.PROCESSOR}),
        _t(
            "request_supplement",
            _("Yêu cầu bổ sung"),
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
        _t("reject", _("Không giải quyết"), {S.IN_PROCESSING}, S.REJECTED, {StaffRole.APPROVER}, reason_required=True),
        _t("return_result", _("Trả kết quả"), {S.APPROVED}, S.RESULT_RETURNED, {StaffRole.RECEIVER}),
    ]
}


def available(state: str, roles: set[str]) -> list[Transition]:
    """Transitions that someone holding ``roles`` may take from ``state``."""
    return [t for t in TRANSITIONS.values() if state in t.source and t.roles & roles]


# Extra conditions other apps attach to an action (e.g. payments: no receipt before the fee is paid).
# A guard takes the locked record and returns a message saying why the action must wait, or None.
GUARDS: dict[str, list] = {}


def register_guard(action: str, guard) -> None:
    if action not in TRANSITIONS:
        raise ValueError(f"Unknown action {action!r}")
    if guard not in GUARDS.setdefault(action, []):
        GUARDS[action].append(guard)


def blocking_reasons(record, action: str) -> list[str]:
    return [message for guard in GUARDS.get(action, []) if (message := guard(record))]
