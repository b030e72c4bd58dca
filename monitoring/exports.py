"""The statistics as CSV (UTF-8 with a BOM, so spreadsheet programs read the Vietnamese right) and Excel (.xlsx,
written by openpyxl): the scope's total, then one row per province, agency or procedure one level down."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

COLUMNS = [
    ("code", gettext_lazy("Mã")),
    ("name", gettext_lazy("Tên")),
    ("received", gettext_lazy("Hồ sơ tiếp nhận")),
    ("received_online", gettext_lazy("Tiếp nhận trực tuyến")),
    ("received_other", gettext_lazy("Tiếp nhận trực tiếp, bưu chính")),
    ("online_share", gettext_lazy("Tỷ lệ trực tuyến (%)")),
    ("full_online_share", gettext_lazy("Tỷ lệ trực tuyến toàn trình (%)")),
    ("finished", gettext_lazy("Hồ sơ đã giải quyết")),
    ("finished_on_time", gettext_lazy("Đúng hạn")),
    ("finished_late", gettext_lazy("Quá hạn")),
    ("on_time_share", gettext_lazy("Tỷ lệ đúng hạn (%)")),
    ("open_from_cohort", gettext_lazy("Còn đang giải quyết")),
    ("overdue_from_cohort", gettext_lazy("Đang giải quyết, đã quá hạn")),
    ("average_working_days", gettext_lazy("Thời gian giải quyết bình quân (ngày làm việc)")),
    ("supplements", gettext_lazy("Yêu cầu bổ sung")),
    ("refused", gettext_lazy("Từ chối tiếp nhận")),
    ("digitised_share", gettext_lazy("Tỷ lệ kết quả điện tử (%)")),
    ("reuse_share", gettext_lazy("Tỷ lệ tái sử dụng dữ liệu (%)")),
    ("online_payment_share", gettext_lazy("Tỷ lệ thanh toán trực tuyến (%)")),
    ("satisfaction_rate", gettext_lazy("Tỷ lệ hài lòng (%)")),
    ("score", gettext_lazy("Điểm (theo Quyết định 766)")),
]


def rows(data: dict) -> list[list]:
    header = [str(label) for _key, label in COLUMNS]
    total = {"code": data["target"]["code"], "name": data["target"]["name"], **data["indicators"]}
    total["score"] = data["score"]["score"]
    lines = [header, [total.get(key) for key, _label in COLUMNS]]
    lines += [[item.get(key) for key, _label in COLUMNS] for item in data["breakdown"]]
    return lines


def _filename(data: dict, extension: str) -> str:
    period = data["period"]
    scope = slugify(data["target"]["code"] or "toan-quoc")
    return f"chi-so-{scope}-{period['start']:%Y%m%d}-{period['end']:%Y%m%d}.{extension}"


def csv_response(data: dict) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for line in rows(data):
        writer.writerow(["" if value is None else value for value in line])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(data, "csv")}"'
    return response


def xlsx_response(data: dict) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("Chỉ số")[:31]
    for line in rows(data):
        sheet.append(line)
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(data, "xlsx")}"'
    return response
