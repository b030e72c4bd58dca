"""The home page from the page cache (``common.pagecache``, ``portal.views.home``): anonymous visitors get it whole,
and a newly published procedure shows on it at once. The page cache works only with changes committed.
"""

import pytest
from django.test import Client

from tests.procedures import factories

pytestmark = pytest.mark.django_db(transaction=True)

CODE = "1.001193"


def test_the_home_page_is_cached_for_anonymous_visitors_and_shows_a_new_procedure_at_once(
    django_assert_max_num_queries,
):
    factories.published(CODE, "Đăng ký khai sinh")
    client = Client()
    assert "Đăng ký khai sinh" in client.get("/").content.decode()
    with django_assert_max_num_queries(0):
        response = Client().get("/")
    assert response.status_code == 200 and response["ETag"]
    factories.published("1.000105", "Cấp đổi giấy phép lái xe")
    assert "Cấp đổi giấy phép lái xe" in client.get("/", HTTP_IF_NONE_MATCH=response["ETag"]).content.decode()
