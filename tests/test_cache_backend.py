"""The shared cache (sessions, registry copies) on Redis, with one client per connection pool."""

import redis
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache


def test_the_cache_is_redis_and_keeps_values_between_calls():
    assert isinstance(caches["default"], RedisCache)
    cache.set("cache-test:value", {"ten": "Nguyễn Văn An"}, 30)
    assert cache.get("cache-test:value") == {"ten": "Nguyễn Văn An"}
    assert cache.add("cache-test:value", "other", 30) is False
    cache.delete("cache-test:value")
    assert cache.get("cache-test:value") is None


def test_calls_share_one_redis_client(monkeypatch):
    """Django builds a client per call otherwise, which costs more than the GET itself."""
    cache.get("cache-test:warm")
    built = []
    original = redis.Redis.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting_init)
    for number in range(5):
        cache.set(f"cache-test:{number}", number, 30)
        assert cache.get(f"cache-test:{number}") == number
    cache.delete_many([f"cache-test:{number}" for number in range(5)])
    assert built == []
