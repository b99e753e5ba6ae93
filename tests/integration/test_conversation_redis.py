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


def test_a_conversation_store_that_stops_is_a_503_and_the_next_start_is_answered(private_redis):
    """The store's driver error leaves as the one 503 of http/errors.py (it was a 500, a
    traceback in the log), naming the store and nothing of the conversation."""
    port, state, start = private_redis
    server = serve(
        "services.conversation:Conversation", {"MEDBENTO_REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    )
    headers = {"Authorization": f"Bearer {KEY['researcher']}"}

    def message(http: httpx.Client, conversation_id: str | None = None) -> httpx.Response:
        body = {
            "model": "conversation",
            "messages": [{"role": "user", "content": "Jane Roe's BP?"}],
        }
        return http.post("/v1/chat/completions", json=body | {"conversation_id": conversation_id})

    try:
        with httpx.Client(base_url=server.url, timeout=60, headers=headers) as http:
            conversation_id = message(http).raise_for_status().json()["conversation_id"]
            state["process"].kill()
            state["process"].wait()
            down = message(http, conversation_id)
            state["process"] = start()
            again = message(http)
    finally:
        server.stop()
    assert down.status_code == 503, down.text
    assert down.json()["error"] | {"request_id": ""} == {
        "code": "store_unavailable",
        "message": "The conversation store is unavailable.",
        "request_id": "",
    }
    assert "Jane" not in down.text and conversation_id not in down.text
    assert again.status_code == 200, again.text
