"""Search input that folds to nothing searchable gives no results, never a server error."""

import pytest

from . import factories

pytestmark = pytest.mark.django_db

UNSEARCHABLE = ["_", "__", "中文", "ß", "_ 中文 ß"]


@pytest.fixture
def birth():
    return factories.published("1.001193", "Đăng ký khai sinh")


@pytest.mark.parametrize("q", UNSEARCHABLE)
def test_the_api_answers_an_unsearchable_query_with_no_results(client, birth, q):
    response = client.get("/api/v1/procedures/", {"q": q})
    assert response.status_code == 200, response.content
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


@pytest.mark.parametrize("q", UNSEARCHABLE)
def test_the_results_page_answers_an_unsearchable_query_with_no_results(client, birth, q):
    response = client.get("/procedures/", {"q": q})
    assert response.status_code == 200
    page = response.content.decode()
    assert "/procedures/1.001193/" not in page
    # The page says nothing was found and how to search better, rather than showing nothing at all.
    assert "Tìm thấy 0 thủ tục" in page and "Không tìm thấy thủ tục phù hợp." in page
