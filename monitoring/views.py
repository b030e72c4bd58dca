"""Public statistics pages (``/statistics/``): the indicators and the score of the country, a province or an agency
for a period, with charts and the same numbers in tables, the ranking, the methodology, and CSV and Excel exports."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import charts, exports, reports
from .forms import StatisticsForm
from .score import GROUPS

SHARES = [
    ("online_share", _("Nộp trực tuyến")),
    ("full_online_share", _("Trực tuyến toàn trình")),
    ("on_time_share", _("Giải quyết đúng hạn")),
    ("digitised_share", _("Kết quả điện tử có ký số")),
    ("reuse_share", _("Tái sử dụng dữ liệu")),
    ("online_payment_share", _("Thanh toán trực tuyến")),
    ("satisfaction_rate", _("Hài lòng")),
]


def _query(request):
    # Unbound, the picker shows what the page shows: this year (not the first choice, "Ngày").
    form = StatisticsForm(request.GET or None, initial={"period": "year", "date": timezone.localdate()})
    if request.GET and form.is_valid():
        return form, form.cleaned_data["target"], form.cleaned_data["period_value"]
    if request.GET and "code" in form.errors:
        raise Http404(form.errors["code"][0])
    return form, reports.target("national"), reports.period_of("year")


@require_GET
def statistics(request):
    form, target, period = _query(request)
    data = reports.dashboard(target, period)
    labels = [item["month"].strftime("%m/%Y") for item in data["months"]]
    received_chart = charts.stacked_bars(
        "chart-received",
        _("Hồ sơ tiếp nhận theo tháng"),
        _("Số hồ sơ tiếp nhận mỗi tháng, trực tuyến và trực tiếp hoặc qua bưu chính; bảng số liệu ở ngay dưới."),
        labels,
        [
            (_("Trực tuyến"), [item["received_online"] for item in data["months"]]),
            (_("Trực tiếp, bưu chính"), [item["received_other"] for item in data["months"]]),
        ],
    )
    shares = [(str(label), data["indicators"][key]) for key, label in SHARES]
    shares_chart = charts.share_bars(
        "chart-shares",
        _("Các tỷ lệ chính"),
        _("Tỷ lệ phần trăm của các chỉ số chính trong kỳ; bảng số liệu ở ngay dưới."),
        shares,
    )
    return render(
        request,
        "monitoring/statistics.html",
        {
            "form": form,
            "data": data,
            "target": target,
            "period": period,
            "received_chart": received_chart,
            "shares_chart": shares_chart,
            "shares": shares,
            "provinces": reports.provinces(),
            "export_query": request.GET.urlencode(),
        },
    )


@require_GET
def ranking(request):
    form, _target, period = _query(request)
    level = "agency" if request.GET.get("by") == "agency" else "province"
    rows = reports.ranking(level, period)
    return render(
        request,
        "monitoring/ranking.html",
        {"form": form, "period": period, "rows": rows, "level": level, "groups": GROUPS},
    )


@require_GET
def methodology(request):
    return render(request, "monitoring/methodology.html", {"groups": GROUPS})


@require_GET
def export(request, fmt):
    form, target, period = _query(request)
    data = reports.dashboard(target, period)
    if fmt == "csv":
        return exports.csv_response(data)
    if fmt == "xlsx":
        return exports.xlsx_response(data)
    raise Http404
