"""What every route does around a model call: de-identify through PHIGuard, note what the
audit event needs (model, entity counts, keyed digests), restore PHI for roles allowed to
see it. Route code builds one RequestGuard per request; the mapping lives and dies with it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from medbento.access.policy import current
from medbento.audit.trail import Trail, output_counts
from medbento.audit.trail import trail as current_trail
from medbento.http import remote
from medbento.http.errors import APIError
from medbento.observability.metrics import PHI_ENTITIES
from medbento.phi.deid import Redactor, StreamRestorer
from medbento.phi.finding import Finding
from medbento.settings import get_settings

Analyze = Callable[[list[str]], Awaitable[list[list[Any]]]]


class RequestGuard:
    def __init__(
        self,
        analyze: Analyze,
        mapping: dict[str, str] | None = None,
        reveal: bool | None = None,
        trail: Trail | None = None,
    ) -> None:
        """`trail`: where the counts go, the current request's by default. An internal API
        that returns its counts to its caller passes a Trail of its own: the caller adds them
        to its request's event, once, whether it called in-process or over the network."""
        settings = get_settings()
        self.analyze = analyze
        self.policy = settings.phi_policy
        self.redactor = Redactor(settings.phi_operator, mapping)
        self.reveal = current().sees_phi if reveal is None else reveal
        self.counts: Counter[str] = Counter()
        self.output_counts: Counter[str] = Counter()
        self.trail = trail if trail is not None else current_trail()

    async def find(self, texts: list[str]) -> list[list[Finding]]:
        """The PHI in each text, counted (metrics, this request's audit event) once."""
        findings = [
            [Finding.model_validate(f) for f in found]
            for found in await remote.call_pure(lambda: self.analyze(texts))
        ]
        found = Counter(f.entity_type for per_text in findings for f in per_text)
        for entity, count in found.items():
            PHI_ENTITIES.labels(entity_type=entity, direction="input").inc(count)
        self.counts.update(found)
        self.trail.counts.update(found)
        return findings

    async def deidentify(self, texts: list[str]) -> list[str]:
        """The texts as a model may see them; raises 422 under the `reject` policy."""
        if self.policy == "off" or not texts:
            return texts
        findings = await self.find(texts)
        if self.policy == "reject" and any(findings):
            kinds = ", ".join(sorted({f.entity_type for found in findings for f in found}))
            raise APIError(
                422,
                f"The input contains PHI ({kinds}); this deployment rejects it.",
                "phi_rejected",
            )
        return [self.redactor.apply(t, f) for t, f in zip(texts, findings, strict=True)]

    def restore(self, text: str) -> str:
        return self.redactor.restore(text) if self.reveal else text

    def stream_restorer(self) -> StreamRestorer | None:
        return StreamRestorer(self.redactor) if self.reveal else None

    @property
    def mapping(self) -> dict[str, str]:
        return self.redactor.mapping

    # --- the other direction: what the model says -----------------------------------------

    @property
    def scans_output(self) -> bool:
        """A model can say PHI it learned in training: its output is scanned with the same
        guard for every role that may not see PHI (MEDBENTO_PHI_SCAN_OUTPUT=all: every role)."""
        if self.policy == "off":
            return False
        return get_settings().phi_scan_output == "all" or not self.reveal

    async def output_findings(self, text: str) -> list[Finding]:
        """The PHI in a model's answer, this request's own placeholders left out (none when
        the PHI policy is off)."""
        if not text or self.policy == "off":
            return []
        (found,) = await remote.call_pure(lambda: self.analyze([text]))
        return self._outside_placeholders(text, [Finding.model_validate(f) for f in found])

    async def scan_output(self, text: str, findings: list[Finding] | None = None) -> str:
        """The model's answer with the PHI it holds replaced by `<TYPE>` (no number: nothing
        restores it); this request's own placeholders stay as they are, for restore().
        `findings`: what output_findings already gave for this text."""
        if not self.scans_output or not text:
            return text
        if findings is None:
            findings = await self.output_findings(text)
        self.count_output(findings)
        return _tagged(text, findings)

    def stream_scanner(self) -> StreamScanner | None:
        return StreamScanner(self) if self.scans_output else None

    def stream(self) -> ScanThenRestore:
        """What a streamed answer goes through: this guard's scan, then its restore."""
        return ScanThenRestore(self.stream_scanner(), self.stream_restorer())

    def count_output(self, findings: list[Finding]) -> None:
        found = Counter(f.entity_type for f in findings)
        for entity, count in found.items():
            PHI_ENTITIES.labels(entity_type=entity, direction="output").inc(count)
        self.output_counts.update(found)
        self.trail.counts.update(output_counts(found))

    def _outside_placeholders(self, text: str, findings: list[Finding]) -> list[Finding]:
        """Findings with this request's placeholders cut out of them. Only placeholders this
        request made count: a model that writes "<ID_078051120>" gets no pass for it."""
        own = self.redactor.own_spans(text)
        kept = []
        for f in findings:
            pieces = [(f.start, f.end)]
            for start, end in own:
                pieces = [
                    part
                    for a, b in pieces
                    for part in ((a, min(b, start)), (max(a, end), b))
                    if part[0] < part[1]
                ]
            kept += [f.model_copy(update={"start": a, "end": b}) for a, b in pieces]
        return [f for f in kept if text[f.start : f.end].strip()]


def _tagged(text: str, findings: list[Finding]) -> str:
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        text = f"{text[: f.start]}<{f.entity_type}>{text[f.end :]}"
    return text


class ScanThenRestore:
    """A streamed answer's pieces, first scanned for PHI the caller may not see, then with the
    request's own PHI put back for a role that may see it (either step may be off). Each call
    answers (scanned, shown): a conversation stores the scanned text and sends the shown."""

    def __init__(self, scanner: StreamScanner | None, restorer: StreamRestorer | None) -> None:
        self.scanner, self.restorer = scanner, restorer

    async def feed(self, text: str) -> tuple[str, str]:
        scanned = await self.scanner.feed(text) if self.scanner else text
        return scanned, self.restorer.feed(scanned) if self.restorer else scanned

    async def finish(self) -> tuple[str, str]:
        """What was held back, once the answer has ended."""
        scanned = await self.scanner.flush() if self.scanner else ""
        if self.restorer is None:
            return scanned, scanned
        return scanned, self.restorer.feed(scanned) + self.restorer.flush()


class StreamScanner:
    """scan_output() for an answer that arrives in pieces. The last HOLD characters are kept
    back (a name, a date or a number may still be growing there), the rest is scanned with the
    left context NER needs and sent on; an identifier that reaches into the kept-back part is
    kept back whole. The first text leaves once HOLD + STEP characters have arrived."""

    HOLD, STEP, CONTEXT = 32, 16, 64

    def __init__(self, guard: RequestGuard) -> None:
        self.guard, self.pending, self.context = guard, "", ""

    async def feed(self, chunk: str) -> str:
        self.pending += chunk
        if len(self.pending) < self.HOLD + self.STEP:
            return ""
        cut = self.pending.rfind(" ", 0, len(self.pending) - self.HOLD) + 1
        return await self._emit(cut) if cut > 0 else ""

    async def flush(self) -> str:
        return await self._emit(len(self.pending)) if self.pending else ""

    async def _emit(self, cut: int) -> str:
        window = self.context + self.pending
        found = await self.guard.output_findings(window)
        offset = len(self.context)
        findings = [  # in `pending`; one that began in text already sent is cut to its rest
            Finding(
                entity_type=f.entity_type,
                start=max(0, f.start - offset),
                end=f.end - offset,
                score=f.score,
            )
            for f in found
            if f.end > offset
        ]
        for f in findings:  # an identifier across the cut waits whole for the next round
            if f.start < cut < f.end:
                cut = f.start
        sent = [f for f in findings if f.end <= cut]
        self.guard.count_output(sent)
        text, self.pending = self.pending[:cut], self.pending[cut:]
        self.context = (self.context + text)[-self.CONTEXT :]
        return _tagged(text, sent)
