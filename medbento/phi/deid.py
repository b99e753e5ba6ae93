"""De-identification of one request's (or one conversation's) texts, in the caller's memory.

Operators (MEDBENTO_PHI_OPERATOR): typed placeholders `<PERSON_1>` (default; the same value
gets the same placeholder across the request or conversation, and a clinician's output gets
the values back), surrogates (realistic stand-ins, surrogate.py; consistent and restored the
same way, dates moved by one offset), mask, redact, keyed hash (HMAC with the deployment
secret) and reversible pseudonymization (AES through presidio-anonymizer's encrypt operator).
Ages over 89 become "90+" whatever the operator, as Safe Harbor aggregates them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from collections import Counter

import orjson
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from medbento.phi.surrogate import Surrogates
from medbento.settings import derive_key

OPERATORS = ("placeholder", "surrogate", "mask", "redact", "hash", "pseudonymize")
PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*)_(\d+)>")
# The date offset of a request or conversation, kept in its mapping (sealed with it).
DATE_SHIFT = "<DATE_SHIFT>"
MASKED_CHARS = 1000  # as presidio-anonymizer's mask with chars_to_mask=1000


class Redactor:
    def __init__(self, operator: str = "placeholder", mapping: dict[str, str] | None = None):
        if operator not in OPERATORS:
            raise ValueError(f"unknown PHI operator {operator!r}")
        self.operator = operator
        # What stands in the text -> the original value (placeholders or surrogates).
        self.values: dict[str, str] = dict(mapping or {})
        self.counts: Counter[str] = Counter()
        self._stand_ins: re.Pattern | None = None  # every surrogate, for restore()
        if operator == "surrogate":
            shift = int(self.values.get(DATE_SHIFT) or _random_shift())
            self.values[DATE_SHIFT] = str(shift)
            self.surrogates = Surrogates(shift)
            # Stand-ins are by value whatever the type; single words are also name words.
            self._by_value = {("*", v): s for s, v in self.values.items() if s != DATE_SHIFT}
            self.surrogates.name_tokens.update(
                {v.lower(): s for s, v in self.values.items() if " " not in v and s != DATE_SHIFT}
            )
        else:
            self._by_value = {(PLACEHOLDER.match(p).group(1), v): p for p, v in self.values.items()}
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
            case "surrogate":
                return self._surrogate(entity, value)
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

    def _surrogate(self, entity: str, value: str) -> str:
        key = ("*", value)
        if key not in self._by_value:
            stand_in = self.surrogates.make(entity, value)
            for _ in range(8):  # never the value itself, never another value's stand-in
                if stand_in != value and self.values.get(stand_in, value) == value:
                    break
                stand_in = self.surrogates.make(entity, value)
            self._by_value[key] = stand_in
            self.values[stand_in] = value
            if entity == "PERSON":  # "Ms. Marsh" later in a model's answer is restored too
                for word, original in zip(stand_in.split(), value.split(), strict=False):
                    word, original = word.strip(",.;:'\"()"), original.strip(",.;:'\"()")
                    if len(word) > 2 and word != original:
                        self.values.setdefault(word, original)
            self._stand_ins = None
        return self._by_value[key]

    def _keyed_hash(self, entity: str, value: str) -> str:
        digest = hmac.new(self._hash_key, value.encode(), hashlib.sha256).hexdigest()[:16]
        return f"<{entity}:{digest}>"

    def restore(self, text: str) -> str:
        """Put the original values back (for roles allowed to see PHI)."""
        if self.operator == "placeholder":
            return PLACEHOLDER.sub(lambda m: self.values.get(m.group(0), m.group(0)), text)
        if self.operator == "surrogate" and (pattern := self._surrogate_pattern()):
            return pattern.sub(lambda m: self.values[m.group(0)], text)
        return text

    def own_spans(self, text: str) -> list[tuple[int, int]]:
        """Where this request's (or conversation's) own stand-ins stand in a text."""
        if self.operator == "placeholder":
            return [m.span() for m in PLACEHOLDER.finditer(text) if m.group() in self.values]
        if self.operator == "surrogate" and (pattern := self._surrogate_pattern()):
            return [m.span() for m in pattern.finditer(text)]
        return []

    def unfinished(self, text: str) -> int:
        """How many characters at the end of a streamed text may still grow into a stand-in
        (held back until the next piece tells)."""
        if self.operator == "placeholder":
            cut = text.rfind("<")
            return (
                len(text) - cut
                if cut != -1 and ">" not in text[cut:] and len(text) - cut < 40
                else 0
            )
        if self.operator != "surrogate":
            return 0
        stand_ins = [s for s in self.values if s != DATE_SHIFT]
        for size in range(min(len(text), max(map(len, stand_ins), default=0)), 0, -1):
            tail = text[-size:]
            at_word_start = size == len(text) or not text[-size - 1].isalnum()
            if at_word_start and any(s.startswith(tail) for s in stand_ins):
                return size
        return 0

    def _surrogate_pattern(self) -> re.Pattern | None:
        if self._stand_ins is None:
            stand_ins = sorted((s for s in self.values if s != DATE_SHIFT), key=len, reverse=True)
            if not stand_ins:
                return None
            self._stand_ins = re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, stand_ins)) + r")(?!\w)"
            )
        return self._stand_ins

    def reverse(self, text: str, items) -> str:
        """Decrypt pseudonyms (operator 'pseudonymize') at the positions the anonymizer gave
        (presidio-anonymizer's OperatorResult items)."""
        from presidio_anonymizer import DeanonymizeEngine
        from presidio_anonymizer.entities import OperatorConfig

        operators = {"DEFAULT": OperatorConfig("decrypt", {"key": self._pseudonym_key})}
        return DeanonymizeEngine().deanonymize(text, items, operators).text


class StreamRestorer:
    """restore() for text that arrives in pieces: a placeholder or a surrogate may be split
    across chunks, so an end that could still become one is held back until it completes."""

    def __init__(self, redactor: Redactor) -> None:
        self.redactor, self.pending = redactor, ""

    def feed(self, chunk: str) -> str:
        text = self.pending + chunk
        cut = len(text) - self.redactor.unfinished(text)
        text, self.pending = text[:cut], text[cut:]
        return self.redactor.restore(text)

    def flush(self) -> str:
        text, self.pending = self.pending, ""
        return self.redactor.restore(text)


def _random_shift() -> int:
    """A date offset between one month and a year, either way: drawn, not derived."""
    days = secrets.randbelow(335) + 30
    return days if secrets.randbelow(2) else -days


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
