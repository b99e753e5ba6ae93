"""Texts through the embedder as one batch: tokenize, forward, normalise.

SentenceTransformer.encode() does housekeeping on every call that a service does not need,
since its model sits on one device in eval mode from its load on: it moves the model to its
device and sets eval mode again (each walks every module), inspects the forward's keyword
arguments, and sorts the texts by length for its own batching. Measured in-process on two
cores, one text: 14.9-16.5 ms through encode(), 12.5-14.2 ms this way (to() and eval() alone
1.3 ms). The vectors are encode()'s, bit for bit on the CPU (tests/unit/test_embed.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

# The ONNX exports `medbento models import` stores beside the weights (models/importer.py).
ONNX_FILES = {"onnx": "onnx/model.onnx", "onnx-int8": "onnx/model_quint8_avx2.onnx"}


def runtime_for(path, device: str, runtime: str) -> str:
    """The runtime MEDBENTO_EMBEDDER_RUNTIME names; `auto` is ONNX Runtime on a CPU (faster
    there, the same vectors: README, "Measured") and torch on a GPU. An impossible choice
    fails at start, not at the first request."""
    exported = (Path(path) / ONNX_FILES["onnx"]).is_file()
    if runtime == "auto":
        return "onnx" if device == "cpu" and exported else "torch"
    if runtime != "torch":
        if device != "cpu":
            raise RuntimeError(f"MEDBENTO_EMBEDDER_RUNTIME={runtime} is a CPU runtime; use torch")
        if not (Path(path) / ONNX_FILES[runtime]).is_file():
            raise RuntimeError(
                "the embedder has no ONNX export; re-import it: medbento models import --force"
            )
    return runtime


def load(path, device: str, runtime: str = "torch"):
    """The SentenceTransformer at `path` for `runtime` (runtime_for's answer): torch on
    `device` in eval mode once, as embed() expects, in fp16 on a GPU; or ONNX Runtime on the
    CPU with the stored export."""
    from sentence_transformers import SentenceTransformer

    if runtime != "torch":
        return SentenceTransformer(
            str(path),
            device="cpu",
            backend="onnx",
            model_kwargs={"file_name": ONNX_FILES[runtime], "provider": "CPUExecutionProvider"},
        )
    model = SentenceTransformer(str(path), device=device).eval()
    return model.half() if device == "cuda" else model


def embed(model, texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text, from a model that load() gave."""
    import torch
    from sentence_transformers.util import batch_to_device

    with torch.inference_mode():
        features = batch_to_device(model.preprocess(texts), model.device)
        vectors = model(features)["sentence_embedding"].float()
        return torch.nn.functional.normalize(vectors, p=2, dim=1).cpu().numpy()
