"""The response cache's keys and the rate limits, in-process (their Redis side is tested with
a real Redis in tests/integration)."""

from __future__ import annotations

import asyncio

import pytest

from medbento.access import rate_limits as ratelimit
from medbento.settings import Settings, get_settings
from medbento.stores.response_cache import ResponseCache

pytestmark = pytest.mark.unit

TEXT = "Patient <PERSON_1> reports chest pain."


def test_a_cache_key_is_keyed_and_holds_nothing_of_its_input():
    cache = ResponseCache()
    key = cache.key("embedding", "clinical-embedder:v1", TEXT)
    assert key == cache.key("embedding", "clinical-embedder:v1", TEXT)
    assert key.startswith("medbento:cache:") and len(key) == len("medbento:cache:") + 64
    assert "PERSON" not in key and "chest" not in key
    others = {
        cache.key("generation", "clinical-embedder:v1", TEXT),  # another model
        cache.key("embedding", "clinical-embedder:v2", TEXT),  # another version
        cache.key("embedding", "clinical-embedder:v1", TEXT + " "),  # another input
        cache.key("generation", "v1", {"max_tokens": 8, "messages": [TEXT]}),
        cache.key("generation", "v1", {"max_tokens": 9, "messages": [TEXT]}),  # other params
    }
    assert key not in others and len(others) == 5


def test_parameters_in_any_order_are_one_key():
    cache = ResponseCache()
    assert cache.key("g", "v", {"a": 1, "b": 2}) == cache.key("g", "v", {"b": 2, "a": 1})


def test_the_in_process_cache_answers_what_it_was_given():
    cache = ResponseCache()
    keys = [cache.key("embedding", "v1", t) for t in ("one", "two")]

    async def scenario():
        assert await cache.get_many("embedding", keys) == [None, None]
        await cache.put_many({keys[0]: b"vector"})
        return await cache.get_many("embedding", keys)

    assert asyncio.run(scenario()) == [b"vector", None]


def limits_of(rate: str, monkeypatch) -> ratelimit.RateLimits:
    settings = Settings(**(get_settings().model_dump() | {"rate_limit": rate, "redis_url": None}))
    monkeypatch.setattr(ratelimit, "get_settings", lambda: settings)
    return ratelimit.RateLimits()


def test_a_principal_over_the_limit_is_told_when_to_come_back(monkeypatch):
    limits = limits_of("3/minute", monkeypatch)

    async def scenario():
        first = [await limits.retry_after("principal", "key_a") for _ in range(3)]
        over = await limits.retry_after("principal", "key_a")
        other = await limits.retry_after("principal", "key_b")
        address = await limits.retry_after("address", "key_a")  # another scope, another count
        return first, over, other, address

    first, over, other, address = asyncio.run(scenario())
    assert first == [None, None, None]
    assert over is not None and 1 <= over <= 60
    assert other is None and address is None
