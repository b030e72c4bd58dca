"""Django's Redis cache with one client per connection pool.

Django's backend builds a new ``redis.Redis`` for every operation, and building one
(its table of response callbacks) costs more than a GET to a local Redis. Clients are
thread-safe and share their pool's connections, so one per pool serves every call:
sessions and registry copies are read on every request.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


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
