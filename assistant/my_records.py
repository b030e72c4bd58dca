"""Answers about the logged-in citizen's own records: where they stand, when the result is due, what fee is owed.

Read from ``records.selectors.records_of_applicant(request.user)`` only, so no one else's record can ever appear,
and at the session's VNeID level: a record whose filing asked for level 2 shows nothing of its state, date or fee to
a level-1 session (the same rule as the record's own page, ``records.views.access.session_lacks_level``); the
citizen is sent to raise the level first.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from common.money import vnd
from payments.selectors import payment_summary
from records.constants import RecordState
from records.selectors import records_of_applicant
from records.views.access import session_lacks_level

from .constants import Intent

RECORDS_SHOWN = 5


def own_records(request, intent: str, record_code: str = "") -> tuple[str, list[dict]]:
    """The answer's text and one card per record (the latest filed first, or the one whose code was given)."""
    records = records_of_applicant(request.user).exclude(state=RecordState.DRAFT).order_by("-submitted_at")
    if record_code:
        records = records.filter(code__iexact=record_code)
    records = list(records[:RECORDS_SHOWN])
    if not records:
        if record_code:
            return _("Bạn không có hồ sơ nào mang mã %(code)s.") % {"code": record_code}, []
        return _("Bạn chưa nộp hồ sơ nào trên Cổng."), []
    cards = [_record_card(request, record, intent) for record in records]
    texts = {
        Intent.RECORD_STATUS: _("Tình trạng các hồ sơ gần đây của bạn:"),
        Intent.RECORD_RESULT_DATE: _("Ngày hẹn trả kết quả các hồ sơ gần đây của bạn:"),
        Intent.RECORD_FEE: _("Phí, lệ phí các hồ sơ gần đây của bạn:"),
    }
    return texts[intent], cards


def _record_card(request, record, intent: str) -> dict:
    url = reverse("records:detail", args=[record.pk])
    card = {
        "kind": "record",
        "id": record.code,
        "code": record.code,
        "title": record.service.display_name,
        "summary": "",
        "facts": [],
        "papers": [],
        "places": [record.agency.display_name],
        "actions": [],
        "source": {"label": _("Hồ sơ %(code)s") % {"code": record.code}, "url": url},
    }
    if session_lacks_level(request, record):
        card["summary"] = _(
            "Hồ sơ này được nộp với tài khoản định danh điện tử mức độ 2: hãy nâng mức đăng nhập VNeID để xem "
            "tình trạng, ngày hẹn và phí."
        )
        card["actions"].append({"label": _("Nâng mức đăng nhập để xem"), "url": url, "primary": True})
        return card
    card["facts"].append({"label": _("Trạng thái"), "value": record.get_state_display()})
    if intent in (Intent.RECORD_RESULT_DATE, Intent.RECORD_STATUS):
        card["facts"].append({"label": _("Ngày hẹn trả kết quả"), "value": _appointment(record)})
    if intent == Intent.RECORD_FEE:
        card["facts"].append({"label": _("Phí, lệ phí"), "value": _fee(record)})
    card["actions"].append({"label": _("Xem hồ sơ"), "url": url, "primary": True})
    return card


def _appointment(record) -> str:
    if record.state == RecordState.RESULT_RETURNED:
        return _("Đã trả kết quả")
    if not record.is_open:
        return _("Hồ sơ đã kết thúc")
    if record.state == RecordState.SUPPLEMENT_REQUESTED:
        return _("Đang chờ bạn bổ sung hồ sơ; ngày hẹn tính lại khi bạn nộp bổ sung")
    if record.appointment_date:
        return date_format(record.appointment_date, "d/m/Y")
    return _("Chưa có ngày hẹn: cơ quan hẹn ngày khi tiếp nhận hồ sơ")


def _fee(record) -> str:
    summary = payment_summary(record)
    if not summary.has_fee:
        return _("Thủ tục này không thu phí, lệ phí")
    if summary.paid:
        return _("Đã nộp %(amount)s") % {"amount": vnd(summary.paid.amount)}
    if summary.exempt:
        return _("Được miễn phí, lệ phí")
    if summary.exemption_pending:
        return _("Đang chờ cơ quan xét miễn phí, lệ phí")
    return _("Còn phải nộp %(amount)s") % {"amount": vnd(summary.due)}
