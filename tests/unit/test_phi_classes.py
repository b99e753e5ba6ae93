"""Each class of identifier that once leaked, and each clinical phrase that was once lost
(issues 11 and 22, in phi_classes.json), pinned with the real guard: the identifier's pieces
are all inside findings, and no finding touches the clinical phrase. The sentences are written
for this test, not taken from any benchmark family."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medbento.phi.analyzer import detect, local_analyzer

pytestmark = pytest.mark.unit

CASES = json.loads((Path(__file__).parent / "phi_classes.json").read_text(encoding="utf-8"))
IDENTIFIERS = [(c["class"], c["sentence"], c["pieces"]) for c in CASES["identifiers"]]
CLINICAL = [(c["sentence"], c["phrase"]) for c in CASES["clinical"]]


@pytest.fixture(scope="module")
def analyzer():
    return local_analyzer()


@pytest.mark.parametrize(
    ("kind", "sentence", "pieces"), IDENTIFIERS, ids=[i[0] for i in IDENTIFIERS]
)
def test_each_class_of_identifier_is_found(analyzer, kind, sentence, pieces):
    (findings,) = detect(analyzer, [sentence])
    covered = {i for f in findings for i in range(f.start, f.end)}
    for piece in pieces:
        at = sentence.index(piece)
        missing = [
            c for c in range(at, at + len(piece)) if sentence[c].isalnum() and c not in covered
        ]
        assert not missing, f"{kind}: {piece!r} survives in {sentence!r}"


@pytest.mark.parametrize(("sentence", "phrase"), CLINICAL, ids=[c[1] for c in CLINICAL])
def test_each_clinical_phrase_survives(analyzer, sentence, phrase):
    (findings,) = detect(analyzer, [sentence])
    at = sentence.index(phrase)
    touched = [
        sentence[f.start : f.end] for f in findings if f.start < at + len(phrase) and at < f.end
    ]
    assert not touched, f"{touched} removed from {phrase!r}"
