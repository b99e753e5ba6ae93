import hashlib
from pathlib import Path

import pytest

from models.corpus import build_corpus
from models.demo_lm import train
from models.importer import weights_sha256

pytestmark = pytest.mark.unit


def test_corpus_is_deterministic_and_has_chat_samples():
    assert build_corpus(50, seed=3) == build_corpus(50, seed=3)
    assert any("<|assistant|>" in text for text in build_corpus(10))


def test_demo_model_builds_byte_for_byte_the_same(tmp_path):
    first = train(tmp_path / "a", steps=3, samples=200)
    second = train(tmp_path / "b", steps=3, samples=200)
    digest = [
        hashlib.sha256((d / "model.safetensors").read_bytes()).hexdigest() for d in (first, second)
    ]
    assert digest[0] == digest[1]


def test_demo_tokenizer_feeds_gpt2_only_what_it_understands(tmp_path):
    from transformers import AutoTokenizer

    out = train(tmp_path / "m", steps=1, samples=100)
    tokenizer = AutoTokenizer.from_pretrained(out)
    assert set(tokenizer("The patient")) == {"input_ids", "attention_mask"}
    prompt = tokenizer.apply_chat_template(
        [{"role": "user", "content": "hi"}], tokenize=False, add_generation_prompt=True
    )
    assert prompt == "<|user|>\nhi\n<|assistant|>\n"


def test_weights_sha256_covers_weights_only(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    (tmp_path / "config.json").write_text("{}")
    before = weights_sha256(tmp_path)
    (tmp_path / "config.json").write_text('{"changed": true}')
    assert weights_sha256(tmp_path) == before
    (tmp_path / "model.safetensors").write_bytes(b"other weights")
    assert weights_sha256(tmp_path) != before


def test_imported_models_carry_source_license_and_sha256():
    import bentoml

    for name in ("clinical-embedder", "clinical-generator", "phi-spacy", "phi-detector"):
        model = bentoml.models.get(f"{name}:latest")
        labels = model.info.labels
        assert labels["source"] and labels["license"]
        assert labels["sha256"] == weights_sha256(Path(model.path))
