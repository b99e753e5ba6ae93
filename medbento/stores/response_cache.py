"""Response cache for embeddings and deterministic (temperature 0) generation.

Keys are HMACs (keyed with the deployment secret) of the de-identified input, the model
version and the parameters; values are model outputs before any re-identification. So the
cache never holds PHI: neither a value nor anything a key could be reversed to. Redis with a
TTL when configured (shared by replicas; skipped while Redis is out), in-process LRU with TTL
otherwise.
"""

from __future__ import annotations

import functools
import hashlib
import hmac

import orjson
from cachetools import TTLCache

from medbento.observability.metrics import CACHE_REQUESTS
from medbento.settings import derive_key, get_settings
from medbento.stores.redis_link import redis_link


class ResponseCache:
    def __init__(self) -> None:
        settings = get_settings()
        self.ttl = settings.cache_ttl_s
        self.link = redis_link()
        self.local = (
            None if self.link else TTLCache(settings.cache_max_entries, ttl=max(self.ttl, 1))
        )

    @property
    def enabled(self) -> bool:
        return self.ttl > 0

    def key(self, *parts) -> str:
        data = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)
        return "medbento:cache:" + hmac.new(derive_key("cache"), data, hashlib.sha256).hexdigest()

    async def get_many(self, model: str, keys: list[str]) -> list[bytes | None]:
        if not self.enabled or not keys:
            return [None] * len(keys)
        if self.link is None:
            found = [self.local.get(k) for k in keys]
        else:

            async def none() -> list[None]:
                return [None] * len(keys)

            found = await self.link.call(lambda client: client.mget(keys), none)
        hits = sum(v is not None for v in found)
        CACHE_REQUESTS.labels(model=model, result="hit").inc(hits)
        CACHE_REQUESTS.labels(model=model, result="miss").inc(len(keys) - hits)
        return found

    async def put_many(self, items: dict[str, bytes]) -> None:
        if not self.enabled or not items:
            return
        if self.link is None:
            self.local.update(items)
            return

        async def store(client) -> None:
            async with client.pipeline(transaction=False) as pipe:
                for key, value in items.items():
                    pipe.set(key, value, ex=self.ttl)
                await pipe.execute()

        async def skip() -> None:
            return None

        await self.link.call(store, skip)


@functools.cache
def response_cache() -> ResponseCache:
    return ResponseCache()
