"""Rate limits per principal and per client address (MEDBENTO_RATE_LIMIT, moving window),
with the `limits` library: counters in Redis when configured, so that every worker and
replica shares one limit; in-process otherwise, and while Redis is out."""

from __future__ import annotations

import functools
import math
import time

from limits import parse
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from medbento.observability.metrics import RATE_LIMITED
from medbento.settings import get_settings
from medbento.stores.redis_link import CLIENT_OPTIONS, redis_link


class RateLimits:
    def __init__(self) -> None:
        settings = get_settings()
        self.limit = parse(settings.rate_limit)
        self.local = MovingWindowRateLimiter(MemoryStorage())
        self.shared = None
        if settings.redis_url:
            uri = "async+" + settings.redis_url
            storage = storage_from_string(uri, implementation="redispy", **CLIENT_OPTIONS)
            self.shared = MovingWindowRateLimiter(storage)

    async def retry_after(self, scope: str, who: str) -> int | None:
        """Count one request for `who`; seconds to wait if over the limit, else None."""
        link = redis_link()

        async def local() -> int | None:
            return await self._hit(self.local, scope, who)

        if self.shared is None or link is None:
            wait = await local()
        else:
            wait = await link.call(lambda _: self._hit(self.shared, scope, who), local)
        if wait is not None:
            RATE_LIMITED.labels(scope=scope).inc()
        return wait

    async def _hit(self, limiter: MovingWindowRateLimiter, scope: str, who: str) -> int | None:
        if await limiter.hit(self.limit, "medbento", scope, who):
            return None
        stats = await limiter.get_window_stats(self.limit, "medbento", scope, who)
        return max(1, math.ceil(stats.reset_time - time.time()))


@functools.cache
def rate_limits() -> RateLimits:
    return RateLimits()
