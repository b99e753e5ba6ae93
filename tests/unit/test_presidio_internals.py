"""The library internals medbento/phi/engine.py relies on, pinned: an upgrade of Presidio or
tldextract that renames or reshapes them fails here, not silently in the guard."""

import inspect
from pathlib import Path

import bentoml
import pytest
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from medbento.phi import engine

pytestmark = pytest.mark.unit

NOTE = (
    "Seen by Dr. Maria Gonzalez in Boston on March 3. Jonathan Smith of Springfield "
    "brought her to Massachusetts General; she moved from Texas."
)


def test_the_private_methods_entities_only_overrides_and_calls_exist_as_used():
    expected = {
        "_doc_to_nlp_artifact": ["self", "doc", "language"],
        "_get_entities": ["self", "doc"],
        "_get_scores_for_entities": ["self", "doc"],
        "_get_updated_entities": ["self", "entities", "scores"],
    }
    for name, parameters in expected.items():
        method = getattr(SpacyNlpEngine, name)
        assert list(inspect.signature(method).parameters) == parameters, name
    # process_text and process_batch reach the override (not a copy of the stock body).
    for public in ("process_text", "process_batch"):
        assert "_doc_to_nlp_artifact" in inspect.getsource(getattr(SpacyNlpEngine, public))


def test_entities_only_finds_what_the_stock_engine_finds():
    """Same entities, labels and scores; only the lemmas and token offsets (unused: context
    boosting is off) are left out."""
    model = str(Path(bentoml.models.get("phi-spacy:latest").path))
    options = {
        "models": [{"lang_code": "en", "model_name": model}],
        "ner_model_configuration": NerModelConfiguration(
            model_to_presidio_entity_mapping=engine.NER_MAPPING,
            labels_to_ignore=list(engine.IGNORED_NER_LABELS),
        ),
    }
    stock, ours = SpacyNlpEngine(**options), engine.EntitiesOnly(**options)
    stock.load()
    ours.load()
    expected, found = stock.process_text(NOTE, "en"), ours.process_text(NOTE, "en")
    spans = [(e.start_char, e.end_char, e.label_) for e in expected.entities]
    assert spans and [(e.start_char, e.end_char, e.label_) for e in found.entities] == spans
    assert found.scores == expected.scores
    assert found.lemmas == [] and expected.lemmas


def test_presidio_looks_tldextract_up_when_it_checks_an_address():
    """offline_tldextract replaces the module's `extract`; that works only while Presidio
    calls `tldextract.extract` through the module at check time (not a name bound at import)."""
    source = inspect.getsource(EmailRecognizer.validate_result)
    assert "tldextract.extract(" in source
    engine.offline_tldextract()
    import tldextract

    assert isinstance(tldextract.extract, tldextract.TLDExtract)
    assert tldextract.extract("https://portal.example.co.uk/x").suffix == "co.uk"
