"""The guard's memory does not grow with the texts it has seen: spaCy would keep every new
token string in its vocabulary for good, and clinical notes are full of unique identifiers."""

from __future__ import annotations

import uuid

import pytest

from medbento.phi.analyzer import detect, local_analyzer

pytestmark = pytest.mark.unit


def test_unique_texts_leave_nothing_in_the_vocabulary():
    analyzer = local_analyzer()
    strings = analyzer.nlp_engine.nlp["en"].vocab.strings

    def batch() -> list[str]:
        return [f"Harriet Quimby, MRN {uuid.uuid4().hex}, seen today." for _ in range(8)]

    findings = detect(analyzer, batch())  # loads lazily-built state first
    assert any(f.entity_type == "PERSON" for per_text in findings for f in per_text)
    before = len(strings)
    for _ in range(20):
        detect(analyzer, batch())
    assert len(strings) == before  # 160 new identifiers, none kept
