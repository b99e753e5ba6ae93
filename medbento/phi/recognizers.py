"""The Presidio recognizer that runs every Safe Harbor pattern (medbento.phi.patterns) in one
pass per pattern, each match checked by its validator where it has one."""

from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from medbento.phi.patterns import PATTERNS, VALIDATORS


class SafeHarborRecognizer(LocalRecognizer):
    """Every pattern above, in one recognizer."""

    def __init__(self) -> None:
        self.compiled = [
            (entity, re.compile(regex), score, VALIDATORS.get(regex))
            for entity, regex, score in PATTERNS
        ]
        entities = sorted({entity for entity, _, _ in PATTERNS})
        super().__init__(
            supported_entities=entities, name="medbento-safe-harbor", supported_language="en"
        )

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        wanted = set(entities or self.supported_entities)
        results = []
        for entity, regex, score, validate in self.compiled:
            if entity not in wanted:
                continue
            for match in regex.finditer(text):
                if "no" in regex.groupindex and match.group("no") is not None:
                    continue  # the context that makes this match something else
                group = "v" if "v" in regex.groupindex else 0
                start, end = match.span(group)
                if start == end or (validate and not validate(match.group(group))):
                    continue
                results.append(RecognizerResult(entity, start, end, score))
        return results
