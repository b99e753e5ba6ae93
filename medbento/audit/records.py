"""What the audit trail is made of: an event as a service reports it and as GET /audit/events
answers it, the tables the store writes (the chain, its head, receipts, key fingerprint,
checkpoints, the readiness probe's rows) and verify's verdict."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field
from sqlmodel import Field as Column
from sqlmodel import SQLModel


class EventColumns(SQLModel):
    """What an event holds, as a service reports it and as the table stores it."""

    request_id: str
    principal: str = Column(index=True)
    role: str
    action: str
    route: str
    status: int
    outcome: str
    latency_ms: float
    model_id: str | None = Column(default=None, index=True)
    model_version: str | None = None
    input_digest: str | None = None
    output_digest: str | None = None


class EventFields(EventColumns):
    """What a service reports about one request."""

    entity_counts: dict[str, int] = Field(default_factory=dict)


class EventIn(EventFields):
    """An event as a service sends it to be written. `event_id` makes the write idempotent:
    a write retried after its answer was lost (a broken connection) records the event once."""

    event_id: str = Field(default_factory=lambda: uuid.uuid4().hex)


class RecordedEvent(EventFields):
    """An event as GET /audit/events answers it: what was reported, where it sits in the chain."""

    seq: int
    at: datetime
    prev_hash: str
    hash: str


class AuditEvents(BaseModel):
    events: list[RecordedEvent]


class EventQuery(BaseModel):
    """Which events to list, newest first: all filters optional."""

    since: datetime | None = None
    until: datetime | None = None
    principal: str | None = None
    model_id: str | None = None
    limit: int = Field(100, ge=1, le=1000)


class AuditEvent(EventColumns, table=True):
    __tablename__ = "audit_event"
    seq: int = Column(primary_key=True)  # assigned by the writer: a gap is a removal
    at: datetime = Column(index=True)
    entity_counts: str  # canonical JSON {type: count}
    prev_hash: str
    hash: str


class AuditReceipt(SQLModel, table=True):
    """Which event id each written event came with (an id, never content): a retried write
    finds its receipt and is answered with the sequence number it already has."""

    __tablename__ = "audit_receipt"
    event_id: str = Column(primary_key=True)
    seq: int = Column(index=True)


class AuditHead(SQLModel, table=True):
    """The chain's last event; writers lock this row to append."""

    __tablename__ = "audit_head"
    id: int = Column(default=1, primary_key=True)
    seq: int
    hash: str


class AuditKey(SQLModel, table=True):
    """Which key the chain is written with: a fingerprint (an HMAC of a fixed text under the
    chain key), never the key. It lets verify tell a store written with another key (a shell
    without the server's MEDBENTO_SECRET_KEY or data dir) from an altered one."""

    __tablename__ = "audit_key"
    id: int = Column(default=1, primary_key=True)
    fingerprint: str


class AuditProbe(SQLModel, table=True):
    """One row rewritten by every readiness probe: proof that the store takes writes."""

    __tablename__ = "audit_probe"
    id: int = Column(default=1, primary_key=True)
    at: datetime


class AuditProbeWrite(SQLModel, table=True):
    """A row each readiness probe inserts and removes: a new row of more than a page, as an
    append needs (rewriting one row in place needs no new page, and answered "writable" on a
    disk too full for any append)."""

    __tablename__ = "audit_probe_write"
    id: int | None = Column(default=None, primary_key=True)
    filler: bytes


class AuditCheckpoint(SQLModel, table=True):
    """Left by a purge: where the remaining chain starts."""

    __tablename__ = "audit_checkpoint"
    id: int | None = Column(default=None, primary_key=True)
    seq: int
    hash: str
    purged_before: datetime
    created_at: datetime
    mac: str


class Verdict(BaseModel):
    ok: bool
    events: int
    first_seq: int | None = None
    last_seq: int | None = None
    problem: str | None = None
    seq: int | None = None  # the first event found wrong
    other_key: bool = False  # written with another key than this process has
