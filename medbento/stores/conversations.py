"""Server-side conversation history: the SQL database by default (SQLite file, or PostgreSQL),
Redis when MEDBENTO_REDIS_URL is set so that every replica sees every conversation."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import orjson
from pydantic import BaseModel, Field
from sqlalchemy import delete, exists
from sqlmodel import Field as Column
from sqlmodel import Session, SQLModel, select

from medbento.settings import Settings
from medbento.stores.database import create_tables, failures_of, sql_engine

# Conversations removed per transaction when they expire.
EXPIRE_BATCH = 1000
STORE = "conversation store"  # StoreUnavailable's name for it


class Turn(BaseModel):
    role: str
    content: str
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class StoredConversation(BaseModel):
    id: str
    owner: str
    turns: list[Turn]  # de-identified, as the model saw them
    sealed_mapping: str | None = None  # placeholders -> values, AES-GCM (medbento/phi/deid.py)


class ConversationRow(SQLModel, table=True):
    __tablename__ = "conversation"
    id: str = Column(primary_key=True)
    owner: str = Column(index=True)
    created_at: datetime
    sealed_mapping: str | None = None


class TurnRow(SQLModel, table=True):
    __tablename__ = "conversation_turn"
    id: int | None = Column(default=None, primary_key=True)
    conversation_id: str = Column(foreign_key="conversation.id", index=True)
    role: str
    content: str
    created_at: datetime


class Sessions:
    """Where conversations are kept; SQLSessions and RedisSessions store them."""

    async def create(
        self,
        owner: str,
        turns: list[Turn],
        sealed: str | None = None,
        conversation_id: str | None = None,
    ) -> str:
        conversation_id = conversation_id or uuid.uuid4().hex
        with failures_of(STORE):
            await self._store_new(conversation_id, owner, turns, sealed)
        return conversation_id

    async def _store_new(
        self, conversation_id: str, owner: str, turns: list[Turn], sealed: str | None
    ) -> None:
        raise NotImplementedError


class SQLSessions(Sessions):
    def __init__(self, url: str) -> None:
        # A turn's write reads first (the conversation's row): on SQLite the write lock is
        # taken at BEGIN, or two concurrent chats deadlock and one fails ("database is locked").
        self.engine = sql_engine(url, immediate=True)
        create_tables(self.engine, [ConversationRow.__table__, TurnRow.__table__])

    def _create(
        self, conversation_id: str, owner: str, turns: list[Turn], sealed: str | None
    ) -> None:
        with Session(self.engine) as session:
            session.add(
                ConversationRow(
                    id=conversation_id,
                    owner=owner,
                    created_at=datetime.now(UTC),
                    sealed_mapping=sealed,
                )
            )
            session.add_all(
                TurnRow(conversation_id=conversation_id, **t.model_dump()) for t in turns
            )
            session.commit()

    def _append(self, conversation_id: str, turns: list[Turn], sealed: str | None) -> None:
        with Session(self.engine) as session:
            if sealed is not None:
                row = session.get(ConversationRow, conversation_id)
                row.sealed_mapping = sealed
                session.add(row)
            session.add_all(
                TurnRow(conversation_id=conversation_id, **t.model_dump()) for t in turns
            )
            session.commit()

    def _get(self, conversation_id: str) -> StoredConversation | None:
        with Session(self.engine) as session:
            row = session.get(ConversationRow, conversation_id)
            if row is None:
                return None
            turns = session.exec(
                select(TurnRow)
                .where(TurnRow.conversation_id == conversation_id)
                .order_by(TurnRow.id)
            ).all()
            return StoredConversation(
                id=row.id,
                owner=row.owner,
                sealed_mapping=row.sealed_mapping,
                turns=[
                    Turn(role=t.role, content=t.content, created_at=t.created_at) for t in turns
                ],
            )

    async def _store_new(
        self, conversation_id: str, owner: str, turns: list[Turn], sealed: str | None
    ) -> None:
        await asyncio.to_thread(self._create, conversation_id, owner, turns, sealed)

    async def append(
        self, conversation_id: str, turns: list[Turn], sealed: str | None = None
    ) -> None:
        with failures_of(STORE):
            await asyncio.to_thread(self._append, conversation_id, turns, sealed)

    async def get(self, conversation_id: str) -> StoredConversation | None:
        with failures_of(STORE):
            return await asyncio.to_thread(self._get, conversation_id)

    async def ping(self) -> bool:
        def check() -> None:
            with Session(self.engine) as session:
                session.exec(select(1)).one()

        with failures_of(STORE):
            await asyncio.to_thread(check)
        return True

    def expire(self, idle: timedelta) -> int:
        """Remove conversations with no turn (and no start) within `idle`, their turns first,
        in batches: a backlog of months is removed without one transaction that holds the
        tables (or a list of ids in memory) for minutes."""
        cutoff = datetime.now(UTC) - idle
        recent = exists().where(
            TurnRow.conversation_id == ConversationRow.id, TurnRow.created_at >= cutoff
        )
        stale = (
            select(ConversationRow.id)
            .where(ConversationRow.created_at < cutoff, ~recent)
            .limit(EXPIRE_BATCH)
        )
        removed = 0
        while True:
            with Session(self.engine) as session:
                ids = list(session.exec(stale).all())
                if not ids:
                    return removed
                session.exec(delete(TurnRow).where(TurnRow.conversation_id.in_(ids)))
                session.exec(delete(ConversationRow).where(ConversationRow.id.in_(ids)))
                session.commit()
            removed += len(ids)


class RedisSessions(Sessions):
    """Each conversation's keys expire after MEDBENTO_CONVERSATION_TTL_DAYS without a turn."""

    def __init__(self, url: str, ttl: timedelta) -> None:
        import redis.asyncio as redis

        self.redis = redis.Redis.from_url(url)
        self.ttl_s = max(1, int(ttl.total_seconds()))

    @staticmethod
    def _keys(conversation_id: str) -> tuple[str, str]:
        return (
            f"medbento:conversation:{conversation_id}",
            f"medbento:conversation:{conversation_id}:turns",
        )

    async def _store_new(
        self, conversation_id: str, owner: str, turns: list[Turn], sealed: str | None
    ) -> None:
        meta, log = self._keys(conversation_id)
        fields = {
            "owner": owner,
            "created_at": datetime.now(UTC).isoformat(),
            "mapping": sealed or "",
        }
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(meta, mapping=fields)
            pipe.expire(meta, self.ttl_s)
            if turns:
                pipe.rpush(log, *(t.model_dump_json() for t in turns))
                pipe.expire(log, self.ttl_s)
            await pipe.execute()

    async def append(
        self, conversation_id: str, turns: list[Turn], sealed: str | None = None
    ) -> None:
        meta, log = self._keys(conversation_id)
        with failures_of(STORE):
            async with self.redis.pipeline(transaction=True) as pipe:
                if sealed is not None:
                    pipe.hset(meta, "mapping", sealed)
                if turns:
                    pipe.rpush(log, *(t.model_dump_json() for t in turns))
                pipe.expire(log, self.ttl_s)
                pipe.expire(meta, self.ttl_s)
                await pipe.execute()

    async def get(self, conversation_id: str) -> StoredConversation | None:
        meta, log = self._keys(conversation_id)
        with failures_of(STORE):
            owner, sealed = await self.redis.hmget(meta, ["owner", "mapping"])
            if owner is None:
                return None
            stored = await self.redis.lrange(log, 0, -1)
        turns = [Turn.model_validate(orjson.loads(raw)) for raw in stored]
        return StoredConversation(
            id=conversation_id,
            owner=owner.decode(),
            turns=turns,
            sealed_mapping=(sealed or b"").decode() or None,
        )

    async def ping(self) -> bool:
        with failures_of(STORE):
            return bool(await self.redis.ping())


def open_sessions(settings: Settings) -> Sessions:
    if settings.redis_url:
        return RedisSessions(settings.redis_url, timedelta(days=settings.conversation_ttl_days))
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return SQLSessions(settings.database_for("sessions"))
