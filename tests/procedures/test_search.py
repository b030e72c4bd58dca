"""Accent-insensitive search, ranking and filters, through the API a client would use."""

import pytest

from procedures.constants import AgencyLevel

from . import factories

pytestmark = pytest.mark.django_db


def codes(client, **params):
    response = client.get("/api/v1/procedures/", params)
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["results"]]


@pytest.fixture
def catalogue():
    transport = factories.sector("duong-bo", "Đường bộ", "Road transport")
    justice = factories.sector()
    province_dept = factories.agency("000.00.03.H01", "Sở Xây dựng thành phố Hà Nội")
    commune = factories.agency(
        "00004.00.00.H01",
        "Ủy ban nhân dân phường Ba Đình",
        level=AgencyLevel.COMMUNE,
        unit_=factories.unit("00004", "Phường Ba Đình", level="commune", parent=factories.unit()),
    )
    return {
        "renew": factories.published(
            "1.002809", "Cấp đổi giấy phép lái xe", sector_=transport, agencies=[province_dept], levels=["province"]
        ),
        "reissue": factories.published(
            "1.002804", "Cấp lại giấy phép lái xe", sector_=transport, agencies=[province_dept], levels=["province"]
        ),
        "birth": factories.published(
            "1.001193", "Đăng ký khai sinh", sector_=justice, agencies=[commune], levels=["commune"]
        ),
        # "giấy phép" and "lái xe" appear, but not in the name: must rank after name matches.
        "exam": factories.published(
            "2.000123",
            "Sát hạch cấp chứng chỉ",
            sector_=transport,
            agencies=[province_dept],
            levels=["province"],
            result_name="Giấy phép lái xe đổi mới",
            delivery="partly_online",
        ),
    }


def test_search_without_accents_finds_the_accented_name(client, catalogue):
    assert codes(client, q="cap doi giay phep lai xe")[0] == "1.002809"


def test_search_is_case_insensitive_and_d_matches_dj(client, catalogue):
    assert codes(client, q="ĐĂNG KÝ KHAI SINH") == ["1.001193"]
    assert codes(client, q="dang ky khai sinh") == ["1.001193"]
    assert codes(client, q="Đăng Ky khai sinh") == ["1.001193"]


def test_search_words_in_any_order(client, catalogue):
    assert codes(client, q="lai xe doi")[0] == "1.002809"


def test_search_by_code(client, catalogue):
    assert codes(client, q="1.001193") == ["1.001193"]
    assert codes(client, q="002804") == ["1.002804"]


def test_name_matches_rank_before_other_text(client, catalogue):
    found = codes(client, q="giay phep lai xe")
    assert set(found) == {"1.002809", "1.002804", "2.000123"}
    assert found[-1] == "2.000123"


def test_no_match_gives_an_empty_page(client, catalogue):
    response = client.get("/api/v1/procedures/", {"q": "khong co thu tuc nay"})
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sector": "ho-tich"}, {"1.001193"}),
        ({"level": "province"}, {"1.002809", "1.002804", "2.000123"}),
        ({"level": "commune"}, {"1.001193"}),
        ({"agency": "00004.00.00.H01"}, {"1.001193"}),
        ({"unit": "01"}, {"1.001193", "1.002809", "1.002804", "2.000123"}),
        ({"unit": "00004"}, {"1.001193"}),
        ({"delivery": "partly_online"}, {"2.000123"}),
        ({"q": "lai xe", "delivery": "full_online"}, {"1.002809", "1.002804"}),
    ],
)
def test_filters(client, catalogue, params, expected):
    assert set(codes(client, **params)) == expected


def test_results_are_paginated(client, catalogue):
    first = client.get("/api/v1/procedures/", {"page_size": 3}).json()
    assert first["count"] == 4
    assert len(first["results"]) == 3
    second = client.get("/api/v1/procedures/", {"page_size": 3, "page": 2}).json()
    assert len(second["results"]) == 1


def test_the_exact_name_comes_before_longer_names_containing_it(client, catalogue):
    bundle = factories.published(
        "1.001022", "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"
    )
    again = factories.published("1.004884", "Đăng ký khai sinh lại")
    from procedures.models import Procedure

    Procedure.objects.filter(pk=bundle.procedure_id).update(view_count=1000)
    assert codes(client, q="dang ky khai sinh") == ["1.001193", again.procedure.code, "1.001022"]
