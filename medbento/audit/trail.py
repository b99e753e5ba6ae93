"""A request's contribution to its audit event: model, entity counts and keyed digests,
never text.

AccessControl opens a Trail for each request and writes it as the request's event; everything
a route adds goes through `record()`, which takes what was sent or answered and keeps only its
keyed digest, so no route can put text into an event by mistake."""

from __future__ import annotations

import contextvars
import hashlib
import hmac
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson

from medbento.settings import derive_key


@dataclass
class Trail:
    """This request's contribution to its audit event (never text: counts and digests)."""

    model_id: str | None = None
    model_version: str | None = None
    counts: Counter = field(default_factory=Counter)
    input_digest: str | None = None
    output_digest: str | None = None


TRAIL: contextvars.ContextVar[Trail | None] = contextvars.ContextVar("trail", default=None)


def trail() -> Trail:
    """The current request's trail (a throwaway one outside an audited request)."""
    return TRAIL.get() or Trail()


_UNSET: Any = object()


def record(
    *,
    model: tuple[str, str] | None = None,
    sent: Any = _UNSET,
    answered: Any = _UNSET,
    counts: dict[str, int] | None = None,
) -> None:
    """Add to the current request's audit event: the model (id, version) that served it, the
    keyed digest of what the client sent and of what it was answered, entity counts."""
    current = trail()
    if model is not None:
        current.model_id, current.model_version = model
    if sent is not _UNSET:
        current.input_digest = keyed_digest(sent)
    if answered is not _UNSET:
        current.output_digest = keyed_digest(answered)
    if counts:
        current.counts.update(counts)


def keyed_digest(payload: Any) -> str:
    """HMAC-SHA256 of a canonical encoding: proves what was sent without storing it."""
    data = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS | orjson.OPT_SERIALIZE_NUMPY)
    return hmac.new(derive_key("audit-digest"), data, hashlib.sha256).hexdigest()


OUTPUT = "output."  # audit entity counts of model output carry this prefix


def output_counts(counts: dict[str, int]) -> dict[str, int]:
    """Entity counts of model output as the audit event keeps them, apart from the input's."""
    return {f"{OUTPUT}{entity}": count for entity, count in counts.items()}
