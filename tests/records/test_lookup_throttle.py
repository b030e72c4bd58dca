"""The public lookup's limit holds under concurrent requests, and per IPv6 /64 rather than per address."""

import math

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from records.throttles import LookupThrottle
from tests.threads import all_at_once

API = "/api/v1/records/lookup/"
PAGE = "/lookup/"
GUESS = {"code": "000.00.00.H01-261123-0001", "id_number": "001099000001"}  # no such record: 404 when answered
LIMIT = 30

pytestmark = pytest.mark.django_db(transaction=True)


def _forget_allowances():
    client = cache._cache.get_client(write=True)
    for key in client.scan_iter(cache.make_key("throttle_record_lookup_*")):
        client.delete(key)


@pytest.fixture(autouse=True)
def _fresh_allowances():
    """The test Redis is shared by the whole run: no lookup counted here may leak into another test."""
    _forget_allowances()
    yield
    _forget_allowances()


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, stopped mid-minute so that a burst never straddles two windows."""
    now = {"time": 1_900_000_000 // 60 * 60 + 30.0}
    monkeypatch.setattr(LookupThrottle, "timer", lambda self: now["time"])
    return now


def _lookup(path, address):
    client = Client(REMOTE_ADDR=address)
    return client.post(path, GUESS, content_type="application/json") if path == API else client.post(path, GUESS)


def _burst(requests):
    responses, errors = all_at_once(_lookup, requests)
    assert errors == []
    assert {r.status_code for r in responses} <= {404, 429}
    return responses


def _answered(responses):
    return sum(r.status_code != 429 for r in responses)


def test_a_burst_from_one_address_gets_30_lookups_answered_in_a_minute(clock):
    """Parallel requests must not overwrite each other's count: 120 at once, exactly 30 evaluated."""
    responses = _burst([(API, "192.0.2.10")] * 120)
    assert _answered(responses) == LIMIT
    refused = [r for r in responses if r.status_code == 429]
    assert all(0 < int(r.headers["Retry-After"]) <= 60 for r in refused)

    assert _answered(_burst([(API, "192.0.2.10")] * 20)) == 0  # the minute's allowance is spent
    assert _lookup(API, "192.0.2.11").status_code == 404  # another address has its own
    clock["time"] += 60
    assert _answered(_burst([(API, "192.0.2.10")] * 40)) == LIMIT  # the next minute, a new allowance


def test_the_page_and_the_api_share_one_allowance_under_concurrency(clock):
    responses = _burst([(PAGE, "192.0.2.20"), (API, "192.0.2.20")] * 50)
    assert _answered(responses) == LIMIT
    for response in responses:
        if response.status_code == 429 and response.headers["Content-Type"].startswith("text/html"):
            assert "Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau 1 phút." in response.content.decode()
        elif response.status_code == 429:
            assert 0 < int(response.headers["Retry-After"]) <= 60


def test_ipv6_addresses_of_one_64_network_share_one_allowance(clock):
    """A /64 is one subscriber's: taking a new address in it for each guess buys nothing."""
    responses = _burst([(API, f"2001:db8:a:b::{n:x}") for n in range(1, 61)])
    assert _answered(responses) == LIMIT
    assert _lookup(API, "2001:db8:a:b:ffff:ffff:ffff:ffff").status_code == 429
    assert _lookup(PAGE, "2001:db8:a:b:1234::9").status_code == 429
    assert _lookup(API, "2001:db8:a:c::1").status_code == 404  # the next /64 is someone else


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client(clock, settings):
    """With NUM_PROXIES=1 the last X-Forwarded-For hop identifies the client, then its /64."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for n in range(LIMIT):
        forwarded = {"HTTP_X_FORWARDED_FOR": f"198.51.100.1, 2001:db8:5:6::{n + 1:x}"}
        assert proxy.get(API, GUESS, **forwarded).status_code == 404
    assert proxy.get(API, GUESS, HTTP_X_FORWARDED_FOR="2001:db8:5:6::beef").status_code == 429
    assert proxy.post(PAGE, GUESS, HTTP_X_FORWARDED_FOR="2001:db8:5:6::beef").status_code == 429
    assert proxy.get(API, GUESS, HTTP_X_FORWARDED_FOR="2001:db8:5:7::1").status_code == 404


def test_the_wait_is_what_remains_of_the_minute(clock):
    """Retry-After (API) and the page's "thử lại sau … phút" come from wait(): the rest of the window."""
    throttle = LookupThrottle()
    request = RequestFactory().get(API, GUESS, REMOTE_ADDR="192.0.2.30")
    for _ in range(LIMIT):
        assert throttle.allow_request(request, None)
    assert not throttle.allow_request(request, None)
    assert math.ceil(throttle.wait()) == 30
