import pytest
from cryptography.exceptions import InvalidTag

from medbento.phi.deid import Redactor, StreamRestorer, seal, unseal
from medbento.phi.finding import Finding

pytestmark = pytest.mark.unit

TEXT = "John Smith (92 years old) saw John Smith's nurse Ann Lee."


def found(entity: str, value: str, occurrence: int = 0) -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(value, start + 1)
    return Finding(entity_type=entity, start=start, end=start + len(value), score=0.9)


FINDINGS = [
    found("PERSON", "John Smith"),
    found("AGE", "92"),
    found("PERSON", "John Smith", 1),
    found("PERSON", "Ann Lee"),
]


def test_placeholders_are_typed_consistent_and_restorable():
    redactor = Redactor("placeholder")
    out = redactor.apply(TEXT, FINDINGS)
    assert out == "<PERSON_1> (90+ years old) saw <PERSON_1>'s nurse <PERSON_2>."
    assert redactor.counts == {"PERSON": 3, "AGE": 1}
    assert redactor.restore("Ask <PERSON_2> about <PERSON_1>.") == "Ask Ann Lee about John Smith."
    # A later text of the same request (or conversation) reuses the numbering.
    again = Redactor("placeholder", redactor.mapping)
    assert (
        again.apply("Ann Lee called.", [Finding(entity_type="PERSON", start=0, end=7, score=0.9)])
        == "<PERSON_2> called."
    )


@pytest.mark.parametrize(
    ("operator", "expected"),
    [
        ("mask", "********** (90+ years old) saw **********'s nurse *******."),
        ("redact", " (90+ years old) saw 's nurse ."),
    ],
)
def test_mask_and_redact(operator, expected):
    assert Redactor(operator).apply(TEXT, FINDINGS) == expected


def test_keyed_hash_is_stable_per_value_and_not_a_plain_hash():
    import hashlib

    out = Redactor("hash").apply(TEXT, FINDINGS)
    first, second = out.split(" ")[0], out.split("saw ")[1].split("'")[0]
    assert first == second and first.startswith("<PERSON:")
    assert hashlib.sha256(b"John Smith").hexdigest()[:16] not in out  # keyed, not bare SHA-256
    assert "John" not in out


def test_pseudonyms_are_reversible_with_the_deployment_key():
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import RecognizerResult

    redactor = Redactor("pseudonymize")
    results = [RecognizerResult(f.entity_type, f.start, f.end, f.score) for f in FINDINGS]
    engine_result = AnonymizerEngine().anonymize(
        TEXT, results, {"DEFAULT": redactor._operator("PERSON")}
    )
    assert "John" not in engine_result.text
    assert redactor.reverse(engine_result.text, engine_result.items) == TEXT


def test_stream_restorer_handles_placeholders_split_across_chunks():
    redactor = Redactor("placeholder")
    redactor.apply(TEXT, FINDINGS)
    restorer = StreamRestorer(redactor)
    pieces = [restorer.feed(c) for c in ["Call <PER", "SON_2> and <", "PERSON_1", "> today <"]]
    assert "".join(pieces) + restorer.flush() == "Call Ann Lee and John Smith today <"


def test_sealed_mappings_are_bound_to_their_conversation():
    blob = seal({"<PERSON_1>": "John Smith"}, "conversation-a")
    assert "John" not in blob
    assert unseal(blob, "conversation-a") == {"<PERSON_1>": "John Smith"}
    with pytest.raises(InvalidTag):
        unseal(blob, "conversation-b")
