"""Presidio's AnalyzerEngine as medbento builds it: a spaCy pipeline's people and places
(en_core_web_sm's NER, or phi-detector's in its place), medbento's Safe Harbor patterns and
word lists, and nothing that downloads. Imported only by the PHIGuard's process and by tools:
Presidio imports transformers and torch, which a Bento's other workers never load.

Three library internals are relied on here, each pinned by tests/unit/test_presidio_internals.py
so that an upgrade that changes them fails a test rather than the guard:
- SpacyNlpEngine's private `_doc_to_nlp_artifact`, `_get_entities`, `_get_updated_entities`
  and `_get_scores_for_entities` (EntitiesOnly);
- `tldextract.extract`, replaced module-wide (offline_tldextract).
"""

from __future__ import annotations

from pathlib import Path

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IbanRecognizer

from medbento.phi.gazetteer import CheckedSpacyRecognizer, GazetteerRecognizer, gazetteer_at
from medbento.phi.learned import LearnedRecognizer
from medbento.phi.recognizers import SafeHarborRecognizer

# spaCy's NER labels worth keeping: people and places. Dates, organisations, nationalities and
# quantities stay with the patterns (spaCy calls "two days" and "Lasix" dates and organisations).
NER_MAPPING = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    # phi-detector's people and places (its other labels reach the guard through
    # LearnedRecognizer, unchecked).
    "NAME": "PERSON",
    "GEO": "LOCATION",
}
IGNORED_NER_LABELS = (
    "DATE", "TIME", "ORG", "NORP", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY",
    "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
)  # fmt: skip
# Only tokens and entities feed the recognizers: the parse, tags and lemmas (used by Presidio
# to boost scores near context words; medbento's patterns carry their context) are most of
# spaCy's time. The NER component has its own token embedding; the shared tok2vec feeds the
# parser and tagger only (measured: a quarter of spaCy's time, the same entities without it).
UNUSED_PIPES = ("parser", "tagger", "attribute_ruler", "lemmatizer", "tok2vec")


def offline_tldextract() -> None:
    """Presidio's email check calls tldextract.extract, which fetches the public suffix list
    over the network on first use; point it at the snapshot bundled with tldextract."""
    import tldextract

    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class EntitiesOnly(SpacyNlpEngine):
    """Presidio collects every token's lemma and offset for its context boosting, which
    medbento turns off (PatternsCarryContext): a tenth of the guard's time, unused."""

    def _doc_to_nlp_artifact(self, doc, language):
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class PatternsCarryContext(ContextAwareEnhancer):
    """No lemma-based score boosting: there are no lemmas (EntitiesOnly), and medbento's
    patterns match their context words themselves."""

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


def build_analyzer(spacy_dir: Path, gazetteer_dir: Path, learned: bool = False) -> AnalyzerEngine:
    """The engine. `learned`: the pipeline is phi-detector, whose every tag is taken too
    (LearnedRecognizer); it then replaces en_core_web_sm's NER rather than running beside it,
    so the guard still runs one NER per text."""
    if not (spacy_dir / "config.cfg").is_file():
        # Presidio would otherwise try spacy.cli.download for a model it cannot find.
        raise RuntimeError(f"no spaCy pipeline at {spacy_dir}; run: medbento models import")
    offline_tldextract()
    learned_recognizer = LearnedRecognizer(spacy_dir) if learned else None
    nlp_engine = _nlp_engine(spacy_dir, learned_recognizer.types if learned_recognizer else {})
    gazetteer = gazetteer_at(str(gazetteer_dir))
    # Words met for the first time inside a memory zone (see analyzer.detect) are made again
    # for every batch: the ordinary English words, made once here, outlive the zones
    # (measured: a tenth of the guard's time went to remaking them).
    vocab = nlp_engine.nlp["en"].vocab
    for word in gazetteer.common:
        vocab[word], vocab[word.capitalize()], vocab[word.upper()]
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in (
        CheckedSpacyRecognizer(gazetteer, supported_entities=["PERSON", "LOCATION"]),
        GazetteerRecognizer(gazetteer),
        CreditCardRecognizer(),
        IbanRecognizer(),
        SafeHarborRecognizer(),
        *([learned_recognizer] if learned_recognizer else []),
    ):
        registry.add_recognizer(recognizer)
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


def _nlp_engine(spacy_dir: Path, learned_types) -> EntitiesOnly:
    """The spaCy pipeline, loaded with its NER only; people and places kept from it (and,
    from phi-detector, the labels LearnedRecognizer takes instead)."""
    nlp_engine = EntitiesOnly(
        models=[{"lang_code": "en", "model_name": str(spacy_dir)}],
        ner_model_configuration=NerModelConfiguration(
            model_to_presidio_entity_mapping=NER_MAPPING,
            labels_to_ignore=[
                *IGNORED_NER_LABELS,
                *(label for label in learned_types if label not in NER_MAPPING),
            ],
        ),
    )
    nlp_engine.load()
    for pipe in UNUSED_PIPES:
        if pipe in nlp_engine.nlp["en"].pipe_names:
            nlp_engine.nlp["en"].disable_pipe(pipe)
    return nlp_engine
