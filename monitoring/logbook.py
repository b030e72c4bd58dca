"""The records logbook (Mẫu 06 of Circular 01/2018/TT-VPCP, "Sổ theo dõi hồ sơ") of one agency for a period.

One line per record received at the agency in the period, with the dates the one-stop desk writes in the paper book:
received, promised, handed to the agency that decides, result (or answer that it is not resolved), returned to the
applicant. Unlike the dashboards it reads the records and their events, for one agency at a time: a logbook names
each record.

"Received at the agency" follows the figures' rule (``counting.record_deltas``): the day of the ``receive`` event, at
the agency holding the record then; a record received here and transferred elsewhere stays in this agency's book,
one transferred in from elsewhere is in the other's. So the book's length equals the ``received`` figure.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from records.constants import OPEN_STATES, RecordState
from records.constants import WorkflowAction as A
from records.models import Record, RecordEvent

from .counting import MOVES_AGENCY, first_holder

# The events a line of the book is written from.
NOTED = (
    A.RECEIVE,
    A.START_PROCESSING,
    A.TRANSFER,
    A.TRANSFER_BACK,
    A.ACCEPT_TRANSFER,
    A.MERGE_UNIT,
    A.REQUEST_SUPPLEMENT,
    A.APPROVE,
    A.REJECT,
    A.RETURN_RESULT,
    A.WITHDRAW,
    A.APOLOGISE,
)

# The columns of Mẫu 06, in its order.
COLUMNS = [
    ("number", gettext_lazy("STT")),
    ("code", gettext_lazy("Mã hồ sơ")),
    ("procedure", gettext_lazy("Tên thủ tục hành chính")),
    ("sets", gettext_lazy("Số lượng hồ sơ (bộ)")),
    ("applicant", gettext_lazy("Tên tổ chức, cá nhân")),
    ("contact", gettext_lazy("Địa chỉ, số điện thoại")),
    ("handling_agency", gettext_lazy("Cơ quan chủ trì giải quyết")),
    ("received", gettext_lazy("Nhận hồ sơ (ngày, tháng, năm)")),
    ("appointment", gettext_lazy("Hẹn trả kết quả")),
    ("handed_over", gettext_lazy("Chuyển hồ sơ đến cơ quan giải quyết")),
    ("decided", gettext_lazy("Ngày có kết quả/yêu cầu trả lại")),
    ("returned", gettext_lazy("Trả kết quả: ngày, tháng, năm")),
    ("signature", gettext_lazy("Trả kết quả: ký nhận")),
    ("notes", gettext_lazy("Ghi chú")),
]


def _bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The local days ``start``–``end`` as aware datetimes [from, to)."""
    lo = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
    hi = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time()))
    return lo, hi


def _receiving_agency(events, current_code: str) -> str | None:
    """The code of the agency holding the record when it was received, replayed as ``counting`` does: before the
    first move it was at that move's ``from_agency``, then each move takes it to its ``to_agency``."""
    agency = first_holder(events, current_code)
    for event in events:
        if event.action in MOVES_AGENCY:
            agency = (event.data or {}).get("to_agency") or agency
        elif event.action == A.RECEIVE:
            return agency
    return None


def received(agency, start: datetime.date, end: datetime.date):
    """The records received at ``agency`` from ``start`` to ``end`` (local days), in the order they were received."""
    lo, hi = _bounds(start, end)
    # A record leaves the agency after it was received there: only the moves since the period began (``at`` index).
    sent_away = RecordEvent.objects.filter(action__in=MOVES_AGENCY, at__gte=lo, data__from_agency=agency.code)
    # Submitted before it was received: the bound lets the (agency, submitted_at) index narrow the search.
    here = Q(agency=agency, submitted_at__lt=hi)
    candidates = Record.objects.filter(here | Q(pk__in=sent_away.values("record_id")), received_at__gte=lo)
    candidates = candidates.filter(received_at__lt=hi).exclude(state=RecordState.DRAFT)
    # Few records ever move: only theirs are replayed to know where they were received.
    moved = candidates.filter(Exists(RecordEvent.objects.filter(record=OuterRef("pk"), action__in=MOVES_AGENCY)))
    moved = dict(moved.values_list("pk", "agency__code"))
    elsewhere = []
    if moved:
        events = defaultdict(list)
        rows = RecordEvent.objects.filter(record_id__in=moved, action__in=(*MOVES_AGENCY, A.RECEIVE)).order_by(
            "at", "id"
        )
        for event in rows.only("record_id", "action", "data", "at"):
            events[event.record_id].append(event)
        elsewhere = [pk for pk, code in moved.items() if _receiving_agency(events[pk], code) != agency.code]
    return (
        candidates.exclude(pk__in=elsewhere)
        .select_related("procedure_version", "agency")
        .only(
            "id",
            "code",
            "state",
            "channel",
            "applicant_name",
            "subject_name",
            "form_data",
            "received_at",
            "due_date",
            "expected_result_date",
            "new_appointment_date",
            "agency__name",
            "agency__name_en",
            "agency__code",
            "procedure_version__name",
        )
        .order_by("received_at", "code")
    )


@dataclass
class Line:
    """One line of the book: the record and the dates read from its events."""

    number: int
    record: Record
    appointment: datetime.date | None = None
    handed_over: datetime.date | None = None
    handed_to: str = ""
    decided: datetime.date | None = None
    returned: datetime.date | None = None
    notes: list = field(default_factory=list)

    @property
    def applicant(self) -> str:
        return self.record.subject_name or self.record.applicant_name

    @property
    def contact(self) -> str:
        data = self.record.form_data if isinstance(self.record.form_data, dict) else {}
        address = data.get("permanent_address") or data.get("address") or data.get("postal_address") or ""
        parts = [str(address).strip(), str(data.get("phone") or "").strip()]
        return "; ".join(p for p in parts if p)

    @property
    def received(self) -> datetime.date:
        return timezone.localdate(self.record.received_at)

    def values(self) -> dict:
        """The line as the export writes it: dates as dd/mm/yyyy text, as in the paper book."""

        def day(value):
            return value.strftime("%d/%m/%Y") if value else ""

        handed = day(self.handed_over)
        if self.handed_to:
            handed = f"{handed} ({self.handed_to})"
        return {
            "number": self.number,
            "code": self.record.code,
            "procedure": self.record.procedure_version.name,
            "sets": 1,
            "applicant": self.applicant,
            "contact": self.contact,
            "handling_agency": self.record.agency.display_name,
            "received": day(self.received),
            "appointment": day(self.appointment),
            "handed_over": handed,
            "decided": day(self.decided),
            "returned": day(self.returned),
            "signature": "",
            "notes": "; ".join(self.notes),
        }


def lines(records, first_number: int = 1) -> list[Line]:
    """The book's lines for ``records`` (a page of ``received``), numbered from ``first_number``; one query for all
    their events."""
    records = list(records)
    events = defaultdict(list)
    rows = RecordEvent.objects.filter(record_id__in=[r.pk for r in records], action__in=NOTED).order_by("at", "id")
    for event in rows.only("record_id", "action", "data", "at", "reason"):
        events[event.record_id].append(event)
    today = timezone.localdate()
    return [_line(number, record, events[record.pk], today) for number, record in enumerate(records, first_number)]


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _line(number: int, record: Record, events, today) -> Line:
    from procedures.models import Agency

    line = Line(number, record)
    supplements = 0
    for event in events:
        day = timezone.localdate(event.at)
        data = event.data or {}
        if event.action == A.RECEIVE:
            line.appointment = _date(data.get("due_date"))
        elif event.action == A.START_PROCESSING and line.handed_over is None:
            line.handed_over = day
        elif event.action == A.TRANSFER and not line.handed_to:
            # Handed over to another agency: that date and agency, rather than the desk's own hand-over.
            line.handed_over = day
            target = Agency.objects.filter(code=data.get("to_agency", "")).first()
            line.handed_to = target.display_name if target else data.get("to_agency", "")
        elif event.action in (A.APPROVE, A.REJECT) and line.decided is None:
            line.decided = day
            if event.action == A.REJECT:
                line.notes.append(_("Không giải quyết"))
        elif event.action == A.REQUEST_SUPPLEMENT:
            supplements += 1
            if line.decided is None:
                line.notes.append(_("Yêu cầu bổ sung ngày %(day)s") % {"day": day.strftime("%d/%m/%Y")})
        elif event.action == A.APOLOGISE and data.get("new_appointment"):
            new = _date(data["new_appointment"])
            if new:
                line.notes.append(_("Xin lỗi, hẹn lại ngày %(day)s") % {"day": new.strftime("%d/%m/%Y")})
        elif event.action == A.RETURN_RESULT and line.returned is None:
            line.returned = day
            if data.get("late"):
                line.notes.append(_("Trả quá hạn"))
        elif event.action == A.WITHDRAW:
            line.notes.append(_("Người nộp rút hồ sơ"))
    line.appointment = line.appointment or record.expected_result_date or record.due_date
    if record.state in OPEN_STATES:
        line.notes.append(str(record.get_state_display()))
        if record.is_overdue(today):
            line.notes.append(_("Đang quá hạn"))
    return line


# --- Exports ------------------------------------------------------------------------


def _all_lines(records, chunk: int = 1000):
    """Every line of ``records``, a chunk of records (and one query for their events) at a time."""
    number = 1
    records = records.iterator(chunk_size=chunk) if hasattr(records, "iterator") else iter(records)
    while True:
        batch = [record for _n, record in zip(range(chunk), records, strict=False)]
        if not batch:
            return
        yield from lines(batch, number)
        number += len(batch)


def _filename(agency, period, extension: str) -> str:
    import re

    code = re.sub(r"[^A-Za-z0-9.-]", "", agency.code)  # the agency's code as printed: 000.00.21.H56
    return f"so-theo-doi-ho-so-{code}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{extension}"


def csv_response(agency, period, records):
    """The book as CSV (UTF-8 with a BOM, so spreadsheet programs read the Vietnamese right): a header, then a line
    per record."""
    import csv
    import io

    from django.http import HttpResponse

    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([str(label) for _key, label in COLUMNS])
    for line in _all_lines(records):
        values = line.values()
        writer.writerow([values[key] for key, _label in COLUMNS])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(agency, period, "csv")}"'
    return response


TITLE_ROWS = 3  # the sheet's title, agency and period lines, then the header on the next row


def xlsx_response(agency, period, records):
    """The book as an Excel sheet laid out like the paper one: its title, the agency and the period, then the table
    (the header on row ``TITLE_ROWS + 1``), written row by row (openpyxl's write-only mode)."""
    import io

    from django.http import HttpResponse
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Sổ theo dõi hồ sơ")[:31])
    for index, width in enumerate((6, 26, 40, 10, 26, 36, 30, 14, 14, 24, 16, 14, 14, 30), start=1):
        sheet.column_dimensions[_column_letter(index)].width = width
    sheet.freeze_panes = f"C{TITLE_ROWS + 2}"
    title = WriteOnlyCell(sheet, _("SỔ THEO DÕI HỒ SƠ"))
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    sheet.append([_("Cơ quan: %(agency)s") % {"agency": agency.display_name}])
    sheet.append([_("Kỳ: %(period)s") % {"period": period.label}])
    header = []
    for _key, label in COLUMNS:
        cell = WriteOnlyCell(sheet, str(label))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    sheet.append(header)
    for line in _all_lines(records):
        values = line.values()
        sheet.append([values[key] for key, _label in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(agency, period, "xlsx")}"'
    return response


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
