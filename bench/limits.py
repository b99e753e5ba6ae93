"""The in-process references: what the same model (and the same guard) do on the same texts
with no server in between. Measured first, with nothing else running."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from . import load

BATCH_SIZES = (16, 32, 64, 128)


@dataclass
class Pipeline:
    """`run(texts)` does for a batch what the served route does for each text."""

    name: str
    run: object

    def single(self, texts: list[str]) -> float:
        """Median seconds for one text at a time."""
        times = []
        for text in texts:
            started = time.perf_counter()
            self.run([text])
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    def best_batch(self, texts: list[str]) -> tuple[float, int]:
        """(texts per second, batch size) at the best batch size."""
        best = (0.0, 0)
        for size in BATCH_SIZES:
            started = time.perf_counter()
            for i in range(0, len(texts), size):
                self.run(texts[i : i + size])
            best = max(best, (len(texts) / (time.perf_counter() - started), size))
        return best

    def at_concurrency(self, texts: list[str], clients: int) -> tuple[float, float]:
        """What a server could do at best with C requests in flight: batches of C texts.
        (texts per second, p99 of the batch times, which is each request's latency)."""
        times = []
        for i in range(0, len(texts) - clients + 1, clients):
            started = time.perf_counter()
            self.run(texts[i : i + clients])
            times.append(time.perf_counter() - started)
        ordered = sorted(times)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        return clients * len(times) / sum(times), p99


def pipelines() -> tuple[Pipeline, Pipeline]:
    """The model alone, and guard + model (find PHI, replace it, encode)."""
    import bentoml

    from medbento.phi.analyzer import detect, local_analyzer
    from medbento.phi.deid import Redactor
    from medbento.runtime import embedder
    from medbento.settings import get_settings

    path = bentoml.models.get("clinical-embedder:latest").path
    runtime = embedder.runtime_for(path, "cpu", get_settings().embedder_runtime)
    model = embedder.load(path, "cpu", runtime)  # the runtime the Embedding service picks
    analyzer = local_analyzer()
    operator = get_settings().phi_operator

    def encode(texts: list[str]):
        return embedder.embed(model, texts)  # as the Embedding service calls it

    def guarded(texts: list[str]):
        redactor = Redactor(operator)
        clean = [redactor.apply(t, f) for t, f in zip(texts, detect(analyzer, texts), strict=True)]
        return encode(clean)

    warm = load.unique_texts(128, "warm")
    encode(warm[:64])
    guarded(warm[:64])
    return Pipeline("model", encode), Pipeline("guard + model", guarded)


def generation_batching(
    prompts: list[str],
    max_new_tokens: int,
    batch: int,
    model_dir: Path | None = None,
    quantization: str = "none",
) -> dict:
    """The generator in-process: completion tokens per second for the prompts one at a time
    and in batches of `batch` (left-padded, greedy): the most served batching could gain. The
    model is the store's demo generator unless `model_dir` names one (bench/gpu.py)."""
    import torch

    from medbento.runtime.generator import load_generator

    if model_dir is None:
        import bentoml

        model_dir = Path(bentoml.models.get("clinical-generator:latest").path)
    model, tokenizer, device = load_generator(model_dir, quantization=quantization, runtime="torch")
    tokenizer.padding_side = "left"
    texts = [
        tokenizer.apply_chat_template(
            [{"role": "user", "content": p}], tokenize=False, add_generation_prompt=True
        )
        for p in prompts
    ]

    def tokens_per_second(size: int) -> float:
        started, tokens = time.perf_counter(), 0
        for i in range(0, len(texts), size):
            inputs = tokenizer(
                texts[i : i + size], return_tensors="pt", padding=True, return_token_type_ids=False
            ).to(device)
            with torch.inference_mode():
                output = model.generate(
                    **inputs,
                    max_new_tokens=max_new_tokens,
                    do_sample=False,
                    pad_token_id=tokenizer.pad_token_id,
                    eos_token_id=tokenizer.eos_token_id,
                )
            for row in output[:, inputs["input_ids"].shape[1] :].tolist():
                eos = tokenizer.eos_token_id
                tokens += row.index(eos) if eos in row else len(row)
        return tokens / (time.perf_counter() - started)

    tokens_per_second(batch)  # warm-up
    return {"one_at_a_time": tokens_per_second(1), "batched": tokens_per_second(batch)}
