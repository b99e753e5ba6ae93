"""A PHI finding: what the guard found where. Its own light module: every service imports it,
and only PHIGuard's process needs the analyzer (Presidio, spaCy, transformers: about 6 s of
imports in each of a Bento's worker processes)."""

from __future__ import annotations

from pydantic import BaseModel


class Finding(BaseModel):
    entity_type: str
    start: int
    end: int
    score: float
