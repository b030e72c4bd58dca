"""The public pages from the page cache (``common.pagecache``): what anonymous visitors get, what logged-in ones get,
a new publication at once, ETag and 304, and nobody's CSRF token, message or notifications given to someone else.

The whole-page cache works only with changes committed (``procedures.selectors.catalogue_generation``), so these
tests commit: ``transaction=True``.
"""

import re

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages.storage.base import Message as FlashMessage
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.utils import timezone

from identity.models import User
from notifications.constants import Event
from notifications.models import Message
from procedures import services

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)

CODE = "1.001193"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _secret_of(client) -> str:
    return client.cookies["csrftoken"].value


def _tokens(html: str) -> set[str]:
    return set(TOKEN.findall(html))


@pytest.fixture
def page():
    factories.published(CODE, "Đăng ký khai sinh")
    return f"/procedures/{CODE}/"


def test_anonymous_visitors_get_the_page_from_the_cache_with_their_own_csrf_token(page, django_assert_max_num_queries):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    assert first.get(page).status_code == 200
    with django_assert_max_num_queries(0):  # answered from the cache: no query, nothing rendered
        response = second.get(page)
    html = response.content.decode()
    assert "Đăng ký khai sinh" in html and "pagecacheCsrfTokenPlaceholder" not in html
    tokens = _tokens(html)
    assert tokens  # the language switch and the assistant's form
    assert {_unmask_cipher_token(token) for token in tokens} == {_secret_of(second)} != {_secret_of(first)}
    # The token works: the language switch posts with it.
    answer = second.post("/i18n/setlang/", {"language": "en", "next": page, "csrfmiddlewaretoken": tokens.pop()})
    assert answer.status_code == 302


def test_a_revalidation_is_answered_304_for_the_same_page_and_cookie_only(page):
    client = Client()
    response = client.get(page)
    etag = response["ETag"]
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    again = client.get(page, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    # Someone else's ETag (another CSRF secret: the token in the page they kept is not this visitor's): the page.
    stranger = Client()
    assert stranger.get(page, HTTP_IF_NONE_MATCH=etag).status_code == 200
    # Another language is another page.
    client.cookies["django_language"] = "en"
    assert client.get(page, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_new_version_shows_at_once_and_its_old_etag_is_no_longer_valid(page):
    client = Client()
    old = client.get(page)
    assert "Đăng ký khai sinh" in old.content.decode()
    draft = services.create_draft(factories.ProcedureFactory._meta.model.objects.get(code=CODE))
    draft.name = "Đăng ký khai sinh (bản sửa đổi 2026)"
    draft.save()
    services.publish_version(draft, effective_from=timezone.localdate())
    new = client.get(page, HTTP_IF_NONE_MATCH=old["ETag"])
    assert new.status_code == 200
    assert "Đăng ký khai sinh (bản sửa đổi 2026)" in new.content.decode()
    assert new["ETag"] != old["ETag"]
    # The first version stays readable at its own address, saying it is no longer the one in force.
    html = client.get(page, {"version": "1"}).content.decode()
    assert "không phải phiên bản hiện hành" in html


def test_a_version_published_for_later_is_listed_at_once(page):
    client = Client()
    assert "Các phiên bản" not in client.get(page).content.decode()
    draft = services.create_draft(factories.ProcedureFactory._meta.model.objects.get(code=CODE))
    services.publish_version(draft, effective_from=timezone.localdate() + timezone.timedelta(days=30))
    assert "Các phiên bản" in client.get(page).content.decode()


def test_a_logged_in_citizen_gets_their_own_header_never_a_cached_one(page):
    anonymous = Client()
    anonymous.get(page)  # the page is now in the cache for anonymous visitors
    an = User.objects.create_user("an", kind=User.Kind.CITIZEN)
    binh = User.objects.create_user("binh", kind=User.Kind.CITIZEN)
    for n in range(3):
        Message.objects.create(
            recipient=an, event=Event.values[0], subject="Thông báo", body="...", idempotency_key=f"an-{n}"
        )
    as_an, as_binh = Client(), Client()
    as_an.force_login(an)
    as_binh.force_login(binh)
    html_an = as_an.get(page).content.decode()
    assert "Đăng xuất" in html_an and 'class="notification-badge"' in html_an and ">3</span>" in html_an
    assert "ETag" not in as_an.get(page)
    html_binh = as_binh.get(page).content.decode()
    assert "Đăng xuất" in html_binh and 'class="notification-badge"' not in html_binh
    html_anonymous = anonymous.get(page).content.decode()
    assert "Đăng xuất" not in html_anonymous and "Thông báo</a>" not in html_anonymous
    # Each one's CSRF token is their own.
    for client, html in ((as_an, html_an), (as_binh, html_binh)):
        assert {_unmask_cipher_token(token) for token in _tokens(html)} == {_secret_of(client)}


def test_a_message_waiting_for_a_visitor_is_shown_to_them_once_and_never_cached(page):
    client = Client()
    storage = CookieStorage(HttpRequest())
    client.cookies["messages"] = storage._encode([FlashMessage(message_levels.SUCCESS, "Bạn đã đăng xuất.")])
    assert "Bạn đã đăng xuất." in client.get(page).content.decode()
    assert "Bạn đã đăng xuất." not in Client().get(page).content.decode()
    assert "Bạn đã đăng xuất." not in client.get(page).content.decode()


def test_only_the_pages_own_parameters_are_cached(page, django_assert_max_num_queries):
    Client().get(page, {"utm_source": "x"})
    with django_assert_max_num_queries(20) as captured:
        Client().get(page, {"utm_source": "x"})
    assert len(captured.captured_queries) > 1  # rendered again: ?utm_... is not kept
