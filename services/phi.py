"""PHIGuard: finds PHI in batches of texts (Presidio + medbento's Safe Harbor recognizers).

It only finds; the caller replaces (services/deid.py), so the mapping from placeholders back to
values never leaves the memory of the request that made it. Nothing downloads: the spaCy
pipeline comes from the BentoML model store and tldextract uses its bundled suffix list.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import bentoml
from pydantic import BaseModel

from . import startup_done
from .gazetteer import CheckedSpacyRecognizer, GazetteerRecognizer, gazetteer_at
from .logs import ACCESS_LOG
from .middleware import RequestContext
from .recognizers import EPONYMS, SafeHarborRecognizer, is_allowed_geography, is_clinical_term
from .safelist import identifier_spans, protected_spans
from .settings import get_settings

settings = get_settings()

# spaCy's NER labels worth keeping: people and places. Dates, organisations, nationalities and
# quantities stay with the patterns (spaCy calls "two days" and "Lasix" dates and organisations).
NER_MAPPING = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
}
SCORE_THRESHOLD = 0.3


class Finding(BaseModel):
    entity_type: str
    start: int
    end: int
    score: float


def offline_tldextract() -> None:
    """Presidio's email check calls tldextract.extract, which fetches the public suffix list
    over the network on first use; point it at the snapshot bundled with tldextract."""
    import tldextract

    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def build_analyzer(spacy_dir: Path, gazetteer_dir: Path):
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IbanRecognizer

    if not (spacy_dir / "config.cfg").is_file():
        # Presidio would otherwise try spacy.cli.download for a model it cannot find.
        raise RuntimeError(f"no spaCy pipeline at {spacy_dir}; run: medbento models import")
    offline_tldextract()
    nlp_engine = SpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": str(spacy_dir)}],
        ner_model_configuration=NerModelConfiguration(
            model_to_presidio_entity_mapping=NER_MAPPING,
            labels_to_ignore=[
                "DATE",
                "TIME",
                "ORG",
                "NORP",
                "CARDINAL",
                "ORDINAL",
                "QUANTITY",
                "PERCENT",
                "MONEY",
                "PRODUCT",
                "EVENT",
                "WORK_OF_ART",
                "LAW",
                "LANGUAGE",
            ],
        ),
    )
    nlp_engine.load()
    # Only tokens and entities feed the recognizers: the parse, tags and lemmas (used by
    # Presidio to boost scores near context words; medbento's patterns carry their context)
    # are most of spaCy's time.
    for pipe in ("parser", "tagger", "attribute_ruler", "lemmatizer"):
        nlp_engine.nlp["en"].disable_pipe(pipe)
    registry = RecognizerRegistry(supported_languages=["en"])
    gazetteer = gazetteer_at(str(gazetteer_dir))
    for recognizer in (
        CheckedSpacyRecognizer(gazetteer, supported_entities=["PERSON", "LOCATION"]),
        GazetteerRecognizer(gazetteer),
        CreditCardRecognizer(),
        IbanRecognizer(),
        SafeHarborRecognizer(),
    ):
        registry.add_recognizer(recognizer)

    class PatternsCarryContext(ContextAwareEnhancer):
        """No lemma-based score boosting: there are no lemmas (see above), and medbento's
        patterns match their context words themselves."""

        def enhance_using_context(
            self, text, raw_results, nlp_artifacts, recognizers, context=None
        ):
            return raw_results

    return AnalyzerEngine(
        nlp_engine=nlp_engine,
        registry=registry,
        supported_languages=["en"],
        context_aware_enhancer=PatternsCarryContext(
            context_similarity_factor=0,
            min_score_with_context_similarity=0,
            context_prefix_count=0,
            context_suffix_count=0,
        ),
    )


def detect(analyzer, texts: list[str]) -> list[list[Finding]]:
    """Findings per text, spaCy run once over the whole batch (nlp.pipe)."""
    from presidio_analyzer import BatchAnalyzerEngine

    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)
    # spaCy keeps every new token string in its vocabulary for good: with notes full of
    # unique identifiers a long-running guard grows without bound (measured: 8 MiB per 8,000
    # texts). Strings added inside a memory zone are freed when it ends; nothing of the Docs
    # outlives it (findings are plain offsets).
    with analyzer.nlp_engine.nlp["en"].memory_zone():
        results = batch.analyze_iterator(
            texts, language="en", batch_size=max(1, len(texts)), score_threshold=SCORE_THRESHOLD
        )
        return [clean(text, found) for text, found in zip(texts, results, strict=True)]


def clean(text: str, results) -> list[Finding]:
    protected = protected_spans(text)
    kept = []
    for r in results:
        span = text[r.start : r.end]
        if any(start <= r.start and r.end <= end for start, end in protected):
            continue
        if r.entity_type in ("PERSON", "LOCATION") and is_clinical_term(text, span, r.end):
            continue
        if r.entity_type == "LOCATION" and is_allowed_geography(span):
            continue
        kept.append(
            Finding(entity_type=r.entity_type, start=r.start, end=r.end, score=round(r.score, 2))
        )
    kept += [
        Finding(entity_type=entity, start=start, end=end, score=0.5)
        for start, end, entity in identifier_spans(text)
        if not any(s <= start and end <= e for s, e in protected)
    ]
    return merge(kept + repeated_names(text, kept))


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


@bentoml.service(
    name="PHIGuard",
    traffic={"timeout": settings.request_timeout_s},
    logging=ACCESS_LOG,
)
class PHIGuard:
    spacy_model = bentoml.models.BentoModel("phi-spacy:latest")
    gazetteer = bentoml.models.BentoModel("phi-gazetteer:latest")

    def __init__(self) -> None:
        self.analyzer = build_analyzer(Path(self.spacy_model.path), Path(self.gazetteer.path))
        startup_done()

    @bentoml.api(**settings.batching(settings.embed_max_batch_size))
    def analyze(self, texts: list[str]) -> list[list[Finding]]:
        """Internal: PHI findings for each text (offsets into that text)."""
        return detect(self.analyzer, texts)


PHIGuard.add_asgi_middleware(RequestContext)


@functools.cache
def local_analyzer():
    """An in-process engine for tools (the benchmark), loaded from the model store."""
    return build_analyzer(
        Path(bentoml.models.get("phi-spacy:latest").path),
        Path(bentoml.models.get("phi-gazetteer:latest").path),
    )
