"""A Conversation service, entry of its own Bento, keeping sessions in Redis."""

from __future__ import annotations

import httpx
import pytest
import redis

from tests.conftest import KEY, serve

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def conversation_url(redis_url):
    server = serve("services.conversation:Conversation", {"MEDBENTO_REDIS_URL": redis_url})
    try:
        yield server.url
    finally:
        server.stop()


def test_conversation_history_lives_in_redis(conversation_url, redis_url):
    headers = {"Authorization": f"Bearer {KEY['researcher']}"}
    with httpx.Client(base_url=conversation_url, timeout=60, headers=headers) as http:
        first = http.post(
            "/v1/chat/completions",
            json={
                "model": "conversation",
                "messages": [{"role": "user", "content": "What are the vital signs?"}],
            },
        ).json()
        conversation_id = first["conversation_id"]
        http.post(
            "/v1/chat/completions",
            json={
                "model": "conversation",
                "conversation_id": conversation_id,
                "messages": [{"role": "user", "content": "What should we do next?"}],
            },
        ).raise_for_status()
        unknown = http.post(
            "/v1/chat/completions",
            json={
                "model": "conversation",
                "conversation_id": "nope",
                "messages": [{"role": "user", "content": "x"}],
            },
        )
    assert (
        unknown.status_code == 404 and unknown.json()["error"]["code"] == "conversation_not_found"
    )
    turns = redis.Redis.from_url(redis_url).lrange(
        f"medbento:conversation:{conversation_id}:turns", 0, -1
    )
    assert len(turns) == 4  # two questions, two answers, all server-side
    assert redis.Redis.from_url(redis_url).ttl(f"medbento:conversation:{conversation_id}") > 0
