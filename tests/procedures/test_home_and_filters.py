"""The home page's two lists show different procedures, and a bad filter on the results page is explained with
the labels the citizen sees in the filters, not the API's internal codes."""

import re

import pytest

from procedures.models import Procedure

from . import factories

pytestmark = pytest.mark.django_db


def _codes(html, heading):
    section = html.split(heading, 1)[1].split("</section>", 1)[0]
    return re.findall(r'href="/procedures/([\d.]+)/"', section)


def test_the_home_pages_two_lists_do_not_repeat_a_procedure(client):
    for i in range(14):
        factories.published(f"1.00{i:04d}", f"Thủ tục số {i}")
    Procedure.objects.filter(code__in=["1.000012", "1.000013"]).update(view_count=50)  # popular and recent
    html = client.get("/").content.decode()
    popular, recent = _codes(html, "Thủ tục được quan tâm"), _codes(html, "Thủ tục mới cập nhật")
    assert len(popular) == 6 and len(recent) == 6
    assert not set(popular) & set(recent), (popular, recent)


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"level": "huyen"}, ["Cấp trung ương", "Cấp tỉnh", "Cấp xã"], ["central", "province", "commune"]),
        ({"delivery": "x"}, ["Toàn trình", "Một phần", "Cung cấp thông tin"], ["full_online", "partly_online"]),
    ],
)
def test_a_bad_filter_on_the_results_page_names_the_choices_as_the_citizen_sees_them(client, query, shown, hidden):
    response = client.get("/procedures/", query)
    assert response.status_code == 400
    summary = response.content.decode().split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    for label in shown:
        assert label in summary
    for code in hidden:
        assert code not in summary


def test_the_api_still_names_its_codes(client):
    response = client.get("/api/v1/procedures/", {"level": "huyen"})
    assert response.status_code == 400
    assert "commune" in response.content.decode()
