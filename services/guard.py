"""What every route does around a model call: de-identify through PHIGuard, note what the
audit event needs (model, entity counts, keyed digests), restore PHI for roles allowed to
see it. Route code builds one Guard per request; the mapping lives and dies with it."""

from __future__ import annotations

import contextvars
import hashlib
import hmac
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from . import remote
from .auth import current
from .deid import Redactor, StreamRestorer
from .errors import APIError
from .metrics import PHI_ENTITIES
from .phi import Finding
from .settings import derive_key, get_settings


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


def keyed_digest(payload: Any) -> str:
    """HMAC-SHA256 of a canonical encoding: proves what was sent without storing it."""
    data = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS | orjson.OPT_SERIALIZE_NUMPY)
    return hmac.new(derive_key("audit-digest"), data, hashlib.sha256).hexdigest()


Analyze = Callable[[list[str]], Awaitable[list[list[Any]]]]


class Guard:
    def __init__(
        self, analyze: Analyze, mapping: dict[str, str] | None = None, reveal: bool | None = None
    ) -> None:
        settings = get_settings()
        self.analyze = analyze
        self.policy = settings.phi_policy
        self.redactor = Redactor(settings.phi_operator, mapping)
        self.reveal = current().sees_phi if reveal is None else reveal
        self.counts: Counter[str] = Counter()

    async def deidentify(self, texts: list[str]) -> list[str]:
        """The texts as a model may see them; raises 422 under the `reject` policy."""
        if self.policy == "off" or not texts:
            return texts
        findings = [
            [Finding.model_validate(f) for f in found]
            for found in await remote.call_pure(lambda: self.analyze(texts))
        ]
        found = Counter(f.entity_type for per_text in findings for f in per_text)
        for entity, count in found.items():
            PHI_ENTITIES.labels(entity_type=entity).inc(count)
        self.counts.update(found)
        trail().counts.update(found)
        if found and self.policy == "reject":
            kinds = ", ".join(sorted(found))
            raise APIError(
                422,
                f"The input contains PHI ({kinds}); this deployment rejects it.",
                "phi_rejected",
            )
        return [self.redactor.apply(t, f) for t, f in zip(texts, findings, strict=True)]

    def restore(self, text: str) -> str:
        return self.redactor.restore(text) if self.reveal else text

    def stream_restorer(self) -> StreamRestorer | None:
        return StreamRestorer(self.redactor) if self.reveal else None

    @property
    def mapping(self) -> dict[str, str]:
        return self.redactor.mapping
