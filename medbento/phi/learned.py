"""The learned PHI tagger (the phi-detector model, built by models/phi_detector.py) as a
Presidio recognizer: it reads context where the rules match forms, so a name in a form no rule
covers ("mama thảo got confused") is still found. The guard takes the union of its spans and
the rules', and the safe list still protects clinical notation from both (analyzer.clean).
phi-detector is the spaCy pipeline the analyzer runs (engine.build_analyzer): its tags are
read from the Doc Presidio already made, not computed a second time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from presidio_analyzer import LocalRecognizer, RecognizerResult

# Below the rules' scores: where a rule and the tagger overlap, the rule names the type.
SCORE = 0.45
_NUMBER = re.compile(r"\d+")
# The end of a sentence: a word of four or more characters, then . ! or ? and a space ("Dr."
# and "St." do not end one).
_SENTENCE_END = re.compile(r"\w{4}[.!?]\s")


class LearnedRecognizer(LocalRecognizer):
    def __init__(self, detector_dir: Path) -> None:
        # Its label -> the guard's entity type (written beside the weights at training time).
        self.types: dict[str, str] = json.loads((detector_dir / "labels.json").read_text())
        super().__init__(
            supported_entities=sorted(set(self.types.values())),
            name="medbento-phi-detector",
            supported_language="en",
        )

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        wanted = set(entities or self.supported_entities)
        found = [(e.start_char, e.end_char, e.label_) for e in nlp_artifacts.tokens.ents]
        results = []
        for start, found_end, label in found:
            # A value does not run on into the next sentence: what the tagger carried over
            # is that sentence's first words (seen: "PZM604512S. Metoprolol 25" as one span).
            boundary = _SENTENCE_END.search(text, start, found_end)
            end = boundary.end() - 2 if boundary else found_end
            entity = self.types.get(label)
            if entity not in wanted:
                continue
            if entity == "AGE" and not over_89(text[start:end]):
                continue  # only ages over 89 are PHI (and become "90+"): never touch a younger one
            results.append(RecognizerResult(entity, start, end, SCORE))
        return results


def over_89(span: str) -> bool:
    """Does an age span say more than 89 years? (Digits, or "ninety..."; "hundred" too.)"""
    lower = span.lower()
    return (
        any(int(n) > 89 for n in _NUMBER.findall(span)) or "ninety" in lower or "hundred" in lower
    )
