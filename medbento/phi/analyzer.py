"""The PHI analyzer: finds PHI in batches of texts with the engine of medbento/phi/engine.py
(Presidio + medbento's Safe Harbor recognizers), and cleans what it found.

It only finds; the caller replaces (medbento/phi/deid.py), so the mapping from placeholders back to
values never leaves the memory of the request that made it. Nothing downloads: the spaCy
pipeline comes from the BentoML model store and tldextract uses its bundled suffix list.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import bentoml

from medbento.phi.engine import build_analyzer
from medbento.phi.finding import Finding
from medbento.phi.patterns import EPONYMS, is_allowed_geography, is_clinical_term
from medbento.phi.safelist import identifier_spans, protected_spans
from medbento.settings import get_settings

settings = get_settings()

SCORE_THRESHOLD = 0.3


def detect(analyzer, texts: list[str]) -> list[list[Finding]]:
    """Findings per text (offsets into the text as given), spaCy run once over the whole
    batch (nlp.pipe), on the texts made readable first (see `readable`)."""
    from presidio_analyzer import BatchAnalyzerEngine

    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)
    prepared = [readable(text) for text in texts]
    # spaCy keeps every new token string in its vocabulary for good: with notes full of
    # unique identifiers a long-running guard grows without bound (measured: 8 MiB per 8,000
    # texts). Strings added inside a memory zone are freed when it ends; nothing of the Docs
    # outlives it (findings are plain offsets).
    with analyzer.nlp_engine.nlp["en"].memory_zone():
        results = batch.analyze_iterator(
            [text for text, _ in prepared],
            language="en",
            batch_size=max(1, len(texts)),
            score_threshold=SCORE_THRESHOLD,
        )
        return [
            _back(clean(text, found) + unreadable(text), index)
            for (text, index), found in zip(prepared, results, strict=True)
        ]


# Characters that show nothing (zero-width spaces and joiners, soft hyphens, direction marks,
# variation selectors, Hangul fillers: Unicode's Default_Ignorable_Code_Point, which Python's
# unicodedata does not expose): "J\u200bohn" and "J\ufe0fohn" must read as "John".
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# Latin letters with their accents, and Greek ones: clinical notation (beta-blockers, alpha-1,
# micrograms), not another script.
_OTHER_SCRIPT = re.compile(
    r"[^\W\d_a-zA-Z\u00c0-\u024f\u1e00-\u1eff\u0391-\u03a9\u03b1-\u03c9\u00b5]"
)
# A Greek letter inside a run of Latin letters ("J\u03bfhn" with an omicron) is a disguise, not
# notation: notation stands apart ("\u03b2-blocker", "\u03b11").
_GREEK_IN_LATIN = re.compile(
    r"[a-zA-Z\u00c0-\u024f][\u0391-\u03a9\u03b1-\u03bb\u03bd-\u03c9]|[\u0391-\u03a9\u03b1-\u03bb\u03bd-\u03c9][a-zA-Z\u00c0-\u024f]"
)


def readable(text: str) -> tuple[str, list[int] | None]:
    """The text as the recognizers can read it (NFKC: full-width digits and letters,
    ligatures; invisible characters dropped), with the index in the original of each
    character, so that findings are given back in the original's offsets."""
    if text.isascii():
        return text, None
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        if char.isascii():
            out.append(char)
            index.append(i)
            continue
        if unicodedata.category(char) == "Cf" or _INVISIBLE.match(char):
            continue
        # Digits of any script (Arabic-Indic, Devanagari, ...) are digits: "٣١٢" is 312.
        digit = unicodedata.decimal(char, None)
        normal = str(digit) if digit is not None else unicodedata.normalize("NFKC", char)
        out.append(normal)
        index.extend([i] * len(normal))
    return "".join(out), index


def unreadable(text: str) -> list[Finding]:
    """Words in a script the guard cannot read (Cyrillic, Chinese, Arabic, ...), a Cyrillic
    letter hidden in a Latin name included, are PHI until proven otherwise; a text that is
    mostly such words is masked whole rather than passed through half-read."""
    if text.isascii():  # most texts: nothing to look for
        return []
    words = [
        m
        for m in re.finditer(r"\S+", text)
        if _OTHER_SCRIPT.search(m.group()) or _GREEK_IN_LATIN.search(m.group())
    ]
    if not words:
        return []
    letters = sum(c.isalpha() for c in text)
    foreign = sum(c.isalpha() for m in words for c in m.group())
    if foreign > 0.3 * letters:
        return [Finding(entity_type="UNREADABLE", start=0, end=len(text), score=1.0)]
    return [
        Finding(entity_type="UNREADABLE", start=m.start(), end=m.end(), score=0.9) for m in words
    ]


def _back(findings: list[Finding], index: list[int] | None) -> list[Finding]:
    if index is None or not findings:
        return merge(findings)
    return merge(
        [
            f.model_copy(update={"start": index[f.start], "end": index[f.end - 1] + 1})
            for f in findings
        ]
    )


# medbento's own placeholders (`<PERSON_1>`, and `<PERSON>` in scanned output): text that was
# already de-identified is not PHI (the learned tagger, which never met them, takes them for
# e-mails and places). Their counters are small: "<ID_078051120>" is a number dressed as one,
# which must still be found (a model's invented placeholder is no hiding place).
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*(?:_\d{1,3})?>")


def clean(text: str, results) -> list[Finding]:
    protected = protected_spans(text)
    if "<" in text:
        protected += [m.span() for m in _PLACEHOLDER.finditer(text)]
    kept = []
    for r in results:
        for start, end in outside(text, r.start, r.end, protected):
            span = text[start:end]
            if r.entity_type in ("PERSON", "LOCATION") and is_clinical_term(text, span, end):
                continue
            if r.entity_type == "LOCATION" and is_allowed_geography(span):
                continue
            kept.append(
                Finding(entity_type=r.entity_type, start=start, end=end, score=round(r.score, 2))
            )
    kept += [
        Finding(entity_type=entity, start=start, end=end, score=0.5)
        for found_start, found_end, entity in identifier_spans(text)
        for start, end in outside(text, found_start, found_end, protected)
    ]
    return merge(kept + repeated_names(text, kept))


def outside(
    text: str, start: int, end: int, protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of a finding that no protected span covers, trimmed to letters and digits:
    a tagger's "PERRL, LKW 0830" keeps "PERRL", and a code's prefix taken with a protected
    variant ("T p.Thr117Met") is dropped with it."""
    covered = [(s, e) for s, e in protected if s < end and start < e]
    if not covered:
        return [(start, end)]
    free = [i for i in range(start, end) if not any(s <= i < e for s, e in covered)]
    parts: list[tuple[int, int]] = []
    for i in free:
        if parts and parts[-1][1] == i:
            parts[-1] = (parts[-1][0], i + 1)
        else:
            parts.append((i, i + 1))
    trimmed = []
    for s, e in parts:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def repeated_names(text: str, findings: list[Finding]) -> list[Finding]:
    """A name found once is PHI wherever else it appears in the text ('Ms. Wheeler' after
    'Name: Wheeler, Heather'), context or not."""
    parts = {
        part
        for f in findings
        if f.entity_type == "PERSON"
        for part in re.findall(r"[A-Z][a-zA-Z'\-]{2,}", text[f.start : f.end])
        if part.lower() not in EPONYMS
    }
    if not parts:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(parts))) + r")\b")
    return [
        Finding(entity_type="PERSON", start=m.start(), end=m.end(), score=0.6)
        for m in pattern.finditer(text)
    ]


def merge(findings: list[Finding]) -> list[Finding]:
    """Overlapping findings become one span covering both (nothing of either may leak),
    typed by the more confident one."""
    merged: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            best = last if last.score >= f.score else f
            merged[-1] = Finding(
                entity_type=best.entity_type,
                start=last.start,
                end=max(last.end, f.end),
                score=max(last.score, f.score),
            )
        else:
            merged.append(f)
    return merged


@functools.cache
def local_analyzer(learned: bool = True):
    """An in-process engine for tools (the benchmark), loaded from the model store; `learned`
    False: the rules alone."""
    pipeline = "phi-detector" if learned else "phi-spacy"
    return build_analyzer(
        Path(bentoml.models.get(f"{pipeline}:latest").path),
        Path(bentoml.models.get("phi-gazetteer:latest").path),
        learned,
    )
