"""De-identification of one request's (or one conversation's) texts, in the caller's memory.

Operators (MEDBENTO_PHI_OPERATOR): typed placeholders `<PERSON_1>` (default; the same value
gets the same placeholder across the request or conversation, and a clinician's output gets
the values back), mask, redact, keyed hash (HMAC with the deployment secret) and reversible
pseudonymization (AES through presidio-anonymizer's encrypt operator). Ages over 89 become
"90+" whatever the operator, as Safe Harbor aggregates them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from collections import Counter

import orjson
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from medbento.settings import derive_key

OPERATORS = ("placeholder", "mask", "redact", "hash", "pseudonymize")
PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*)_(\d+)>")
MASKED_CHARS = 1000  # as presidio-anonymizer's mask with chars_to_mask=1000


class Redactor:
    def __init__(self, operator: str = "placeholder", mapping: dict[str, str] | None = None):
        if operator not in OPERATORS:
            raise ValueError(f"unknown PHI operator {operator!r}")
        self.operator = operator
        self.values: dict[str, str] = dict(mapping or {})  # placeholder -> original value
        self._by_value = {(PLACEHOLDER.match(p).group(1), v): p for p, v in self.values.items()}
        self.counts: Counter[str] = Counter()
        self._pseudonym_key = derive_key("phi-pseudonymize")
        self._hash_key = derive_key("phi-hash")

    @property
    def mapping(self) -> dict[str, str]:
        return dict(self.values)

    def apply(self, text: str, findings) -> str:
        """The text with each finding replaced, in reading order (placeholders are numbered
        as a reader meets them). Findings arrive merged (analyzer.merge); one inside another
        adds nothing."""
        if not findings:
            return text
        ordered = sorted(findings, key=lambda f: f.start)
        for f in ordered:
            self.counts[f.entity_type] += 1
        if self.operator == "pseudonymize":
            return self._pseudonymized(text, ordered)
        # Replaced here rather than by presidio-anonymizer: importing it imports Presidio's
        # analyzer, transformers and torch (about 6 s in each of a Bento's worker processes),
        # for string replacements. Pseudonymization keeps its AES operator (below).
        out, at = [], 0
        for f in ordered:
            if f.end <= at:
                continue
            start = max(f.start, at)
            out += [text[at:start], self._replacement(f.entity_type, text[start : f.end])]
            at = f.end
        return "".join(out) + text[at:]

    def _replacement(self, entity: str, value: str) -> str:
        if entity == "AGE":
            return "90+"
        match self.operator:
            case "placeholder":
                return self._placeholder(entity, value)
            case "mask":
                return "*" * min(len(value), MASKED_CHARS) + value[MASKED_CHARS:]
            case "redact":
                return ""
            case _:
                return self._keyed_hash(entity, value)

    def _pseudonymized(self, text: str, findings) -> str:
        from presidio_anonymizer import AnonymizerEngine
        from presidio_anonymizer.entities import RecognizerResult

        results = [RecognizerResult(f.entity_type, f.start, f.end, f.score) for f in findings]
        operators = {f.entity_type: self._operator(f.entity_type) for f in findings}
        return AnonymizerEngine().anonymize(text, results, operators).text

    def _operator(self, entity: str):
        """presidio-anonymizer's AES operator, for every entity, ages included."""
        from presidio_anonymizer.entities import OperatorConfig

        return OperatorConfig("encrypt", {"key": self._pseudonym_key})

    def _placeholder(self, entity: str, value: str) -> str:
        key = (entity, value)
        if key not in self._by_value:
            number = 1 + sum(1 for p in self.values if PLACEHOLDER.match(p).group(1) == entity)
            placeholder = f"<{entity}_{number}>"
            self._by_value[key] = placeholder
            self.values[placeholder] = value
        return self._by_value[key]

    def _keyed_hash(self, entity: str, value: str) -> str:
        digest = hmac.new(self._hash_key, value.encode(), hashlib.sha256).hexdigest()[:16]
        return f"<{entity}:{digest}>"

    def restore(self, text: str) -> str:
        """Put the original values back (for roles allowed to see PHI)."""
        if self.operator == "placeholder":
            return PLACEHOLDER.sub(lambda m: self.values.get(m.group(0), m.group(0)), text)
        return text

    def reverse(self, text: str, items) -> str:
        """Decrypt pseudonyms (operator 'pseudonymize') at the positions the anonymizer gave
        (presidio-anonymizer's OperatorResult items)."""
        from presidio_anonymizer import DeanonymizeEngine
        from presidio_anonymizer.entities import OperatorConfig

        operators = {"DEFAULT": OperatorConfig("decrypt", {"key": self._pseudonym_key})}
        return DeanonymizeEngine().deanonymize(text, items, operators).text


class StreamRestorer:
    """restore() for text that arrives in pieces: a placeholder may be split across chunks,
    so a trailing '<...' that could still become one is held back until it completes."""

    def __init__(self, redactor: Redactor) -> None:
        self.redactor, self.pending = redactor, ""

    def feed(self, chunk: str) -> str:
        text = self.pending + chunk
        cut = text.rfind("<")
        if cut != -1 and ">" not in text[cut:] and len(text) - cut < 40:
            text, self.pending = text[:cut], text[cut:]
        else:
            self.pending = ""
        return self.redactor.restore(text)

    def flush(self) -> str:
        text, self.pending = self.pending, ""
        return self.redactor.restore(text)


def seal(mapping: dict[str, str], context: str) -> str:
    """Authenticated encryption (AES-GCM) of a placeholder mapping, bound to its conversation."""
    nonce = os.urandom(12)
    sealed = AESGCM(derive_key("conversation-mapping")).encrypt(
        nonce, orjson.dumps(mapping), context.encode()
    )
    return base64.b64encode(nonce + sealed).decode()


def unseal(blob: str | None, context: str) -> dict[str, str]:
    if not blob:
        return {}
    raw = base64.b64decode(blob)
    plain = AESGCM(derive_key("conversation-mapping")).decrypt(raw[:12], raw[12:], context.encode())
    return orjson.loads(plain)
