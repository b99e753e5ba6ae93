"""medbento benchmark: served figures against the in-process limit, in one run, as ratios.

    python -m bench            (make bench)

It measures the in-process model first (nothing else running), then starts the Gateway with
`bentoml.serve` and loads it from this process. Absolute times depend on the machine; the
ratios are what the README reports.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("MEDBENTO_ENV", "testing")
os.environ.setdefault("MEDBENTO_DATA_DIR", tempfile.mkdtemp(prefix="medbento-bench-"))

from . import load

LONE, CONCURRENT, TOTAL = 100, 64, 1280


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def in_process() -> dict[str, float]:
    import bentoml
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(bentoml.models.get("clinical-embedder:latest").path, device="cpu")
    texts = load.unique_texts(512, "inproc")
    model.encode(texts[:64], batch_size=64)
    single = []
    for text in texts[:LONE]:
        started = time.perf_counter()
        model.encode([text], normalize_embeddings=True)
        single.append(time.perf_counter() - started)
    best = 0.0
    for size in (16, 32, 64, 128):
        started, done = time.perf_counter(), 0
        for i in range(0, len(texts), size):
            model.encode(texts[i : i + size], batch_size=size, normalize_embeddings=True)
            done += len(texts[i : i + size])
        best = max(best, done / (time.perf_counter() - started))
    return {
        "single_s": statistics.median(single),
        "limit_rps": best,
        "threads": torch.get_num_threads(),
    }


def main() -> None:
    progress("in-process embedding model (single text, best batch size)")
    reference = in_process()
    progress("starting the Gateway with bentoml.serve")
    from tests.conftest import serve

    server = serve("services.gateway:Gateway")
    try:
        load.run(server.url, load.unique_texts(128, "warmup"), CONCURRENT)
        progress(f"lone client: {LONE} sequential requests")
        lone = load.run(server.url, load.unique_texts(LONE, "lone"), 1)
        progress(f"{CONCURRENT} concurrent clients: {TOTAL} requests")
        busy = load.run(server.url, load.unique_texts(TOTAL, "busy"), CONCURRENT)
    finally:
        server.stop()

    print(f"\nmachine: {os.cpu_count()} CPUs, torch threads {reference['threads']}, device cpu")
    print("| figure | measured | reference | ratio |")
    print("|---|---|---|---|")
    print(
        f"| lone-client median latency | {lone.median * 1000:.1f} ms "
        f"| in-process single text {reference['single_s'] * 1000:.1f} ms "
        f"| {lone.median / reference['single_s']:.2f}x |"
    )
    print(
        f"| /v1/embeddings throughput, {CONCURRENT} clients | {busy.throughput:.1f} req/s "
        f"| in-process best batch {reference['limit_rps']:.1f} texts/s "
        f"| {busy.throughput / reference['limit_rps']:.2f} |"
    )
    print(
        f"| latency at {CONCURRENT} clients | p50 {busy.median * 1000:.0f} ms, "
        f"p99 {busy.percentile(0.99) * 1000:.0f} ms | | |"
    )
    print(f"| errors | {lone.errors + busy.errors} of {LONE + TOTAL} | | |")


if __name__ == "__main__":
    main()
