"""The GPU figures, in-process (run by bench/gpu.sh on a GPU machine; `--device cpu` runs the
same steps here, to check the script before a GPU window is spent on it):

- the demo generator in fp16 (and 8/4-bit where bitsandbytes is installed): completion tokens
  per second, 8 chats batched against one at a time, the same prompts as `make bench`;
- an embedder of all-MiniLM-L6-v2's shape in fp16, weights drawn at random (the device, the
  precision and the batch sizes set the speed, not the weights' values): one text's latency
  and texts per second at each batch size.

Usage: python -m bench.gpu MODELS_DIR OUT.json [--device cuda|cpu]
MODELS_DIR holds clinical-generator/ and embedder-shape/ (bench/gpu.sh prepare writes it).
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import platform
import tempfile
import time
from pathlib import Path

BATCH_SIZES = (1, 8, 32, 128)


@functools.cache
def _random_weights(shape_dir: Path) -> Path:
    """A sentence-transformers folder with the shape's config and tokenizer and seeded random
    weights, written once per process."""
    import torch
    from sentence_transformers import SentenceTransformer, models
    from transformers import AutoConfig, AutoModel, AutoTokenizer

    torch.manual_seed(0)
    folder = Path(tempfile.mkdtemp(prefix="embedder-"))
    AutoModel.from_config(AutoConfig.from_pretrained(shape_dir)).save_pretrained(folder / "t")
    AutoTokenizer.from_pretrained(shape_dir).save_pretrained(folder / "t")
    transformer = models.Transformer(str(folder / "t"), max_seq_length=256)
    pooling = models.Pooling(transformer.get_word_embedding_dimension(), "mean")
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(folder / "st"))
    return folder / "st"


def embedder(shape_dir: Path, device: str):
    """The embedder's shape with random weights, loaded as the Embedding service loads it."""
    from medbento.runtime.embedder import load

    return load(_random_weights(Path(shape_dir)), device)


def embedding_figures(shape_dir: Path, device: str) -> dict:
    import torch

    from bench.limits import Pipeline
    from bench.load import unique_texts
    from medbento.runtime.embedder import embed

    model = embedder(shape_dir, device)  # fp16 on a GPU, as the Embedding service

    def run(texts: list[str]) -> None:
        embed(model, texts)  # as the Embedding service calls it
        if device == "cuda":
            torch.cuda.synchronize()

    texts = unique_texts(1024, "gpu")
    run(texts[:128])  # warm-up: kernels chosen, memory taken
    single = Pipeline("model", run).single(texts[:100])
    throughput = {}
    for size in BATCH_SIZES[1:]:
        started = time.perf_counter()
        for i in range(0, len(texts), size):
            run(texts[i : i + size])
        throughput[str(size)] = round(len(texts) / (time.perf_counter() - started), 1)
    return {"single_text_ms": round(single * 1000, 2), "texts_per_s": throughput}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.gpu")
    parser.add_argument("models", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--device", default="cuda", choices=("cuda", "cpu"))
    args = parser.parse_args()

    import torch

    if args.device == "cuda" and not torch.cuda.is_available():
        raise SystemExit("no CUDA device: nothing to measure (use --device cpu to try the steps)")
    from bench import limits
    from bench.load import (  # the chats of `make bench`
        GENERATION_CLIENTS,
        GENERATION_PROMPTS,
        GENERATION_TOKENS,
        generation_prompt,
    )

    prompts = [generation_prompt("reference", i) for i in range(GENERATION_PROMPTS)]
    quantizations = ["none"]
    if args.device == "cuda" and importlib.util.find_spec("bitsandbytes"):
        quantizations += ["int8", "int4"]
    out = {
        "environment": {
            "device": torch.cuda.get_device_name(0) if args.device == "cuda" else "cpu",
            "torch": torch.__version__,
            "python": platform.python_version(),
        },
        "generation": {
            q: limits.generation_batching(
                prompts,
                GENERATION_TOKENS,
                GENERATION_CLIENTS,
                model_dir=args.models / "clinical-generator",
                quantization=q,
            )
            for q in quantizations
        },
        "embedding": embedding_figures(args.models / "embedder-shape", args.device),
    }
    args.out.write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
