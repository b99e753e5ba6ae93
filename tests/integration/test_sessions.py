"""The conversation store against real SQLite, PostgreSQL and Redis."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from medbento.stores.conversations import RedisSessions, SQLSessions, Turn

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql", "redis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        return SQLSessions(f"sqlite:///{tmp_path / 's.db'}")
    if request.param == "postgresql":
        return SQLSessions(request.getfixturevalue("postgres_schema"))
    return RedisSessions(request.getfixturevalue("fresh_redis"), timedelta(days=30))


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


@pytest.fixture(params=["sqlite", "postgresql"])
def sql_store(request, tmp_path):
    if request.param == "sqlite":
        return SQLSessions(f"sqlite:///{tmp_path / 's.db'}")
    return SQLSessions(request.getfixturevalue("postgres_schema"))


def test_idle_conversations_expire_and_active_ones_stay(sql_store):
    async def create(owner: str) -> str:
        return await sql_store.create(owner, [Turn(role="user", content="hello")])

    idle, active, revived = (asyncio.run(create(f"o{i}")) for i in range(3))
    with sql_store.engine.begin() as conn:  # forty days ago: started, and last spoken to
        for table, key in (("conversation", "id"), ("conversation_turn", "conversation_id")):
            conn.execute(
                text(f"UPDATE {table} SET created_at = :old WHERE {key} IN (:a, :b)"),
                {"old": datetime.now(UTC) - timedelta(days=40), "a": idle, "b": revived},
            )
    asyncio.run(sql_store.append(revived, [Turn(role="user", content="still here")]))
    assert sql_store.expire(timedelta(days=30)) == 1
    assert asyncio.run(sql_store.get(idle)) is None
    assert asyncio.run(sql_store.get(active)) is not None
    assert len(asyncio.run(sql_store.get(revived)).turns) == 2
    assert sql_store.expire(timedelta(days=30)) == 0


def test_a_backlog_expires_in_batches(sql_store, monkeypatch):
    import medbento.stores.conversations

    monkeypatch.setattr(medbento.stores.conversations, "EXPIRE_BATCH", 2)

    async def create(owner: str) -> str:
        return await sql_store.create(owner, [Turn(role="user", content="hello")])

    ids = [asyncio.run(create(f"o{i}")) for i in range(5)]
    with sql_store.engine.begin() as conn:
        for table in ("conversation", "conversation_turn"):
            conn.execute(
                text(f"UPDATE {table} SET created_at = :old"),
                {"old": datetime.now(UTC) - timedelta(days=40)},
            )
    assert sql_store.expire(timedelta(days=30)) == 5
    assert all(asyncio.run(sql_store.get(i)) is None for i in ids)


def test_redis_conversations_expire_after_the_ttl(fresh_redis):
    import redis

    store = RedisSessions(fresh_redis, timedelta(days=2))
    conversation_id = asyncio.run(store.create("owner", [Turn(role="user", content="hi")]))
    client = redis.Redis.from_url(fresh_redis)
    for key in client.keys(f"medbento:conversation:{conversation_id}*"):
        assert 2 * 86400 - 60 < client.ttl(key) <= 2 * 86400


def test_concurrent_conversations_are_all_stored(store):
    """Eight chats at once, each creating, extending (which re-seals the mapping: a read, then
    a write) and answering. On SQLite two such writers once deadlocked upgrading their read
    locks, and one failed at once with "database is locked" (found by the bench's 8
    concurrent chats on the conversation Bento)."""

    async def chat(i: int) -> str:
        conversation_id = await store.create(f"owner-{i}", [], sealed="sealed-0")
        for turn in range(3):
            await store.append(
                conversation_id, [Turn(role="user", content=f"q{turn}")], sealed=f"sealed-{turn}"
            )
            await store.append(conversation_id, [Turn(role="assistant", content=f"a{turn}")])
        return conversation_id

    async def scenario():
        ids = await asyncio.gather(*(chat(i) for i in range(8)))
        for conversation_id in ids:
            got = await store.get(conversation_id)
            assert [t.content for t in got.turns] == ["q0", "a0", "q1", "a1", "q2", "a2"]
            assert got.sealed_mapping == "sealed-2"

    asyncio.run(scenario())
