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


def test_a_logged_in_visitor_gets_their_own_menu_with_the_cached_lists():
    from identity.models import User

    factories.published(CODE, "Đăng ký khai sinh")
    Client().get("/")  # the whole page is now kept for anonymous visitors
    citizen = Client()
    citizen.force_login(User.objects.create_user("an", kind=User.Kind.CITIZEN))
    for _ in range(2):  # rendered, then with the lists from the fragment cache
        response = citizen.get("/")
        html = response.content.decode()
        assert "Đăng xuất" in html and "Hồ sơ của tôi" in html and "Đăng ký khai sinh" in html
        assert "ETag" not in response
    assert "Đăng xuất" not in Client().get("/").content.decode()
