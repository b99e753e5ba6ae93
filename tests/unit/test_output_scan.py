"""Both directions: what a model says is scanned with the same guard before it reaches a role
that may not see PHI, whole or streamed in pieces of any size (the real analyzer, no mock)."""

from __future__ import annotations

import asyncio
import random

import pytest

from medbento.http.request_guard import RequestGuard
from medbento.phi.analyzer import detect, local_analyzer

pytestmark = pytest.mark.unit

ANSWER = (
    "The patient Harriet Quimby (MRN 40718822) was seen on March 3rd by Dr. Okafor; call "
    "her daughter Priya at (617) 555-0199 or write to hquimby@example.org. She is 94 years "
    "old, lives at 12 Elm Street in Sugar Land, and the pacemaker serial is PZM604512S. "
    "Metoprolol 25 mg daily, EF 35%, L4-L5 stenosis."
)
PHI = [
    *("Harriet", "Quimby", "40718822", "March 3rd", "Okafor", "Priya", "555-0199", "hquimby"),
    *("94", "Elm Street", "Sugar Land", "PZM604512S"),
]
CLINICAL = ["Metoprolol 25 mg daily", "EF 35%", "L4-L5 stenosis"]


@pytest.fixture(scope="module")
def analyzer():
    return local_analyzer()


def guard(analyzer, reveal: bool, mapping: dict[str, str] | None = None) -> RequestGuard:
    async def analyze(texts):
        return [[f.model_dump() for f in found] for found in detect(analyzer, texts)]

    return RequestGuard(analyze, mapping=mapping, reveal=reveal)


def test_a_whole_answer_leaves_without_phi_and_with_its_clinical_content(analyzer):
    researcher = guard(analyzer, reveal=False)
    scanned = asyncio.run(researcher.scan_output(ANSWER))
    assert not [p for p in PHI if p in scanned], scanned
    assert all(c in scanned for c in CLINICAL), scanned
    assert researcher.output_counts["PERSON"] >= 3


@pytest.mark.parametrize("seed", range(5))
def test_a_streamed_answer_leaves_without_phi_whatever_the_chunks(analyzer, seed):
    scanner = guard(analyzer, reveal=False).stream_scanner()
    rng = random.Random(seed)
    chunks, at = [], 0
    while at < len(ANSWER):
        size = rng.randint(1, 9)
        chunks.append(ANSWER[at : at + size])
        at += size

    async def run() -> list[str]:
        sent = [await scanner.feed(chunk) for chunk in chunks]
        return [*sent, await scanner.flush()]

    pieces = asyncio.run(run())
    streamed = "".join(pieces)
    assert not [p for p in PHI if p in streamed], streamed
    assert all(c in streamed for c in CLINICAL), streamed
    # Only what could still be part of an identifier is held back: text leaves while it arrives.
    assert sum(1 for p in pieces[:-1] if p) >= 5
    assert len(pieces[-1]) < 80


def test_placeholders_of_the_request_stay_for_restoring(analyzer):
    researcher = guard(analyzer, False, {"<PERSON_1>": "Jane Roe", "<DATE_1>": "03/14"})
    text = "Summary for <PERSON_1>: seen <DATE_1>, stable."
    assert asyncio.run(researcher.scan_output(text)) == text


def test_a_placeholder_the_request_did_not_make_is_no_hiding_place(analyzer):
    researcher = guard(analyzer, False, {"<PERSON_1>": "Jane Roe"})
    text = "Ask <PERSON_1> to call <ID_078051120> or Harriet Quimby<PERSON_1> today."
    scanned = asyncio.run(researcher.scan_output(text))
    assert "078051120" not in scanned and "Quimby" not in scanned, scanned
    assert scanned.count("<PERSON_1>") == 2


def test_a_clinicians_answer_is_not_scanned_unless_configured(analyzer):
    clinician = guard(analyzer, reveal=True)
    assert not clinician.scans_output
    assert clinician.stream_scanner() is None
