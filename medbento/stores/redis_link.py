"""The one Redis that cache and rate limits share (when MEDBENTO_REDIS_URL is set), with its
outages absorbed: while it is down, callers get their fallback at once instead of waiting on a
timeout per request, a metric and one log line say so, and it is tried again every few seconds.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from medbento.observability.metrics import redis_up
from medbento.settings import get_settings

log = logging.getLogger("medbento.redis")
RETRY_S = 5.0
# Short timeouts: a request must not wait long on a Redis that is gone. One immediate retry on
# a fresh connection: the pooled connections an outage left behind are dead, and without it
# the first requests after Redis returns would fail on them and mark Redis down again.
CLIENT_OPTIONS = {
    "socket_timeout": 0.5,
    "socket_connect_timeout": 0.5,
    "retry": Retry(NoBackoff(), 1),
}


class RedisLink:
    def __init__(self, url: str) -> None:
        import redis.asyncio as redis

        self.client = redis.Redis.from_url(url, **CLIENT_OPTIONS)
        self.up = True
        self._retry_at = 0.0
        redis_up().set(1)

    async def call(
        self, operation: Callable[[Any], Awaitable[Any]], fallback: Callable[[], Awaitable[Any]]
    ):
        """operation(client), or fallback() while Redis is out."""
        if not self.up and time.monotonic() < self._retry_at:
            return await fallback()
        try:
            result = await operation(self.client)
        except (RedisError, OSError) as error:
            if self.up:
                log.warning(
                    "redis unavailable (%s): no cache, in-process rate limits", type(error).__name__
                )
                redis_up().set(0)
            self.up, self._retry_at = False, time.monotonic() + RETRY_S
            return await fallback()
        if not self.up:
            log.warning("redis is back: shared cache and rate limits resumed")
            self.up = True
            redis_up().set(1)
        return result

    async def ping(self) -> bool:
        async def ping(client) -> bool:
            return bool(await client.ping())

        async def down() -> bool:
            return False

        return await self.call(ping, down)


@functools.cache
def redis_link() -> RedisLink | None:
    url = get_settings().redis_url
    return RedisLink(url) if url else None
