"""The chain's MACs: HMAC-SHA256 under a key derived from the deployment secret, so that
whoever can write the database still cannot re-forge the chain after editing it."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

import orjson

from medbento.audit.records import AuditCheckpoint, AuditEvent
from medbento.settings import derive_key


def _mac(*parts: object) -> str:
    message = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS, default=str)
    return hmac.new(derive_key("audit-chain"), message, hashlib.sha256).hexdigest()


def event_mac(row: AuditEvent) -> str:
    return _mac(
        row.seq, timestamp(row.at), row.request_id, row.principal, row.role, row.action, row.route,
        row.status, row.outcome, row.latency_ms, row.model_id, row.model_version,
        row.entity_counts, row.input_digest, row.output_digest, row.prev_hash,
    )  # fmt: skip


def key_fingerprint() -> str:
    return _mac("medbento audit chain key")


class OtherKeyError(RuntimeError):
    """The chain was written with another key: appending would mix two keys in one chain."""


def checkpoint_mac(row: AuditCheckpoint) -> str:
    return _mac(
        "checkpoint", row.seq, row.hash, timestamp(row.purged_before), timestamp(row.created_at)
    )


def utc(moment: datetime) -> datetime:
    """Aware UTC; a naive time (as some drivers return it) is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def timestamp(moment: datetime) -> str:
    """One text form of a time, whatever tz-awareness the database gives back."""
    return utc(moment).isoformat(timespec="microseconds")
