"""The Embedding service's model call (medbento.infra.embed) gives what
SentenceTransformer.encode() gives, without its per-call housekeeping."""

from __future__ import annotations

import bentoml
import numpy as np
import pytest
from sentence_transformers import SentenceTransformer

from medbento.infra.embed import embed, load
from medbento.settings import get_settings


@pytest.fixture(scope="module")
def model() -> SentenceTransformer:
    return load(bentoml.models.get(get_settings().embedder_tag).path, "cpu")


TEXTS = [
    "Chest pain radiating to the left arm after exertion.",
    "no known drug allergies",
    "BP 142/90, HR 88; start lisinopril 10 mg daily. " * 40,  # past the model's 256 tokens
    "ok",
]


@pytest.mark.parametrize("texts", [TEXTS, TEXTS[:1], TEXTS[2:3]], ids=["mixed", "one", "long"])
def test_the_vectors_are_encodes_bit_for_bit(model, texts):
    expected = model.encode(texts, batch_size=len(texts), normalize_embeddings=True)
    got = embed(model, texts)
    assert got.dtype == np.float32 and got.shape == (len(texts), 384)
    assert np.array_equal(got, expected)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-6)


def test_each_row_is_its_own_texts_vector_in_any_batch(model):
    """Rows come back in the order the texts went in, whatever their lengths."""
    alone = np.vstack([embed(model, [text]) for text in TEXTS])
    assert np.allclose(embed(model, TEXTS), alone, atol=1e-5)
    assert np.allclose(embed(model, TEXTS[::-1]), alone[::-1], atol=1e-5)
