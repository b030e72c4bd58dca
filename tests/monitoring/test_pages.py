"""The statistics pages, exports and API show the figures (issue #18): charts with the same numbers in tables, CSV and
Excel files that read back, the API documented and answering 400 on a bad parameter."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from monitoring import counting
from records.constants import Channel

from ..backoffice.conftest import advance
from .conftest import another

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(record, staff):
    advance(another(record), staff, "result_returned")
    advance(another(record, channel=Channel.COUNTER), staff, "received")
    counting.count_pending()
    return record.agency


def test_the_statistics_page_draws_its_charts_and_the_same_numbers_in_tables(client, figures):
    page = client.get("/statistics/").content.decode()
    assert '<svg class="chart" id="chart-received"' in page and 'role="img"' in page
    assert 'id="received-table"' in page and 'id="indicator-table"' in page
    month = timezone.localdate().strftime("%m/%Y")
    assert f'<th scope="row">{month}</th><td>1</td><td>1</td><td>2</td>' in page
    assert "50,0%" in page  # online share
    assert "Phương pháp tính" in page


def test_a_province_and_an_agency_are_reached_by_their_codes(client, figures):
    province = figures.unit if figures.unit.level == "province" else figures.unit.parent
    page = client.get(f"/statistics/?level=province&code={province.code}&period=year").content.decode()
    assert province.name in page and figures.name in page
    page = client.get(f"/statistics/?level=agency&code={figures.code}&period=month").content.decode()
    assert figures.name in page
    assert client.get("/statistics/?level=agency&code=KHONG-CO").status_code == 404


def test_csv_and_excel_exports_read_back(client, figures):
    response = client.get("/statistics/export.csv?period=year")
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:3] == ["Mã", "Tên", "Hồ sơ tiếp nhận"]
    assert lines[1][1] == "Toàn quốc" and lines[1][2] == "2"
    response = client.get("/statistics/export.xlsx?period=year")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=1, column=3).value == "Hồ sơ tiếp nhận"
    assert sheet.cell(row=2, column=3).value == 2


def test_the_api_answers_the_same_figures_and_400_on_a_bad_parameter(client, figures):
    data = client.get(f"/api/v1/indicators/?level=agency&code={figures.code}&period=year").json()
    assert data["indicators"]["received"] == 2 and data["indicators"]["online_share"] == 50.0
    assert data["score"]["possible"] > 0
    bad = client.get("/api/v1/indicators/?period=fortnight")
    assert bad.status_code == 400 and "period" in bad.json()
    bad = client.get("/api/v1/indicators/?level=province&code=99")
    assert bad.status_code == 400 and "code" in bad.json()
    bad = client.get("/api/v1/indicators/?period=range&start=2026-05-01&end=2026-01-01")
    assert bad.status_code == 400
    ranking = client.get("/api/v1/indicators/ranking/?level=agency").json()
    assert ranking["rows"][0]["code"] == figures.code and ranking["rows"][0]["rank"] == 1
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/indicators/" in schema


def test_the_ranking_and_methodology_pages(client, figures):
    page = client.get("/statistics/ranking/?by=agency").content.decode()
    assert figures.name in page
    page = client.get("/statistics/methodology/").content.decode()
    assert "Không quan sát được" in page and "12 × tỷ lệ trực tuyến toàn trình" in page


def test_a_procedure_and_a_sector_are_scopes_too(client, figures, record):
    procedure = record.procedure_version.procedure
    data = client.get(f"/api/v1/indicators/?level=procedure&code={procedure.code}&period=year").json()
    assert data["indicators"]["received"] == 2 and data["target"]["code"] == procedure.code
    assert [row["code"] for row in data["breakdown"]] == [figures.code]  # by agency
    assert data["indicators"]["ratings"] == 0  # an agency's ratings are not borrowed for one of its procedures
    sector = record.procedure_version.sector
    data = client.get(f"/api/v1/indicators/?level=sector&code={sector.code}&period=year").json()
    assert data["indicators"]["received"] == 2
    assert procedure.code in [row["code"] for row in data["breakdown"]]  # by procedure
    assert client.get("/api/v1/indicators/?level=sector&code=khong-co").status_code == 400
    page = client.get(f"/statistics/?level=procedure&code={procedure.code}&period=year").content.decode()
    assert record.procedure_version.procedure.current_version.name in page


def test_every_record_overdue(record, staff):
    from monitoring.indicators import Scope, compute
    from records import services

    from .conftest import backdate

    for channel in (Channel.ONLINE, Channel.COUNTER):
        late = advance(another(record, channel=channel), staff, "received")
        backdate(late, 30)
    assert services.scan_overdue() == 2
    counting.count_pending()
    today = timezone.localdate()
    result = compute(Scope(agency_ids=(record.agency_id,)), today - datetime.timedelta(days=60), today)
    assert result.received == 2 and result.open_from_cohort == 2 and result.overdue_from_cohort == 2
    assert result.finished == 0 and result.on_time_share is None
