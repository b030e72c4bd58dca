"""Django's Redis cache with one client per connection pool.

Django's backend builds a new ``redis.Redis`` for every operation, and building one
(its table of response callbacks) costs more than a GET to a local Redis. Clients are
thread-safe and share their pool's connections, so one per pool serves every call:
registry copies and the home page's overview are read on every request.

``TolerantRedisCache`` (the one settings use) also survives Redis going away.
"""

import logging
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


class TolerantRedisCache(ReusedClientRedisCache):
    """The shared cache, which a Redis outage turns into an empty cache that forgets every write.

    Nothing the portal keeps only in the cache is needed to answer a request (sessions are in the
    database; registry copies, the home page's overview and counters are rebuilt or restarted), so
    while Redis does not answer every call is logged and treated as a miss instead of raising: a read
    finds nothing, a write is dropped, ``add`` stores "as if absent" and ``incr`` counts from zero.

    The counters of the throttles live here, so while Redis is down they fail OPEN, deliberately: the
    record lookup, the assistant and the login rate limits let requests through rather than refuse
    every citizen, for the minutes of an outage. What guards a secret does not rely on them alone: a
    VNeID one-time code still expires and is used once (database rows), and a login still needs the
    password and the second factor.

    Connections come back by themselves: redis-py opens a new connection for the next call.
    """

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**_SHORT_TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)

    def _tolerate(self, operation: str, fallback, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except _REDIS_ERRORS as error:
            _log_outage(operation, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._tolerate("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._tolerate("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._tolerate("has_key", False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._tolerate("set", None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerate("set_many", list(data), super().set_many, data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerate("add", True, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerate("touch", False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._tolerate("incr", delta, super().incr, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._tolerate("decr", -delta, super().decr, key, delta, version)

    def delete(self, key, version=None):
        return self._tolerate("delete", False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._tolerate("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._tolerate("clear", False, super().clear)


# A Redis that does not answer costs a request one second at most, not the OS's connect timeout.
_SHORT_TIMEOUTS = {"socket_connect_timeout": 1, "socket_timeout": 1}
_REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, redis.exceptions.BusyLoadingError)
_last_logged = 0.0


def _log_outage(operation: str, error: Exception) -> None:
    """One warning per 10 s at most: during an outage every request would log several."""
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= 10:
        _last_logged = now
        logger.warning("Cache unavailable, %s treated as a miss: %s", operation, error)
