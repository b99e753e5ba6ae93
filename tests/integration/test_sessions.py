"""The conversation store against real SQLite, PostgreSQL and Redis."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from services.sessions import RedisSessions, SQLSessions, Turn

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql", "redis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        return SQLSessions(f"sqlite:///{tmp_path / 's.db'}")
    if request.param == "postgresql":
        return SQLSessions(request.getfixturevalue("postgres_schema"))
    return RedisSessions(request.getfixturevalue("fresh_redis"))


def test_a_conversation_round_trips_in_order(store):
    async def scenario():
        owner = f"owner-{uuid.uuid4().hex}"
        conversation_id = await store.create(owner, [Turn(role="system", content="be brief")])
        await store.append(conversation_id, [Turn(role="user", content="one")])
        await store.append(
            conversation_id,
            [Turn(role="assistant", content="two"), Turn(role="user", content="three")],
        )
        got = await store.get(conversation_id)
        assert got.owner == owner
        assert [(t.role, t.content) for t in got.turns] == [
            ("system", "be brief"),
            ("user", "one"),
            ("assistant", "two"),
            ("user", "three"),
        ]
        assert await store.get("missing") is None
        assert await store.ping()

    asyncio.run(scenario())
