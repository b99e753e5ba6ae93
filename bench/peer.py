"""The peer: infinity-emb serving the same embedding model on the same machine, with each CPU
engine it can run here: torch, and optimum (ONNX Runtime) on the ONNX export medbento stores
beside the weights (the same fp32 graph medbento's `auto` runtime runs).

infinity-emb pins numpy<2 and sentence-transformers<4, which medbento's environment cannot
hold, so it lives in its own virtual environment (`make bench` creates .venv-infinity, with
its optimum extra). It runs with its CPU defaults and medbento's batch size; like medbento's
served figures, each request carries one text.

infinity 0.0.78's optimum engine hands optimum 2.x the ONNX file's path as it found it, and
optimum only takes a name relative to the model's folder: given the stored model's absolute
path it refuses to start, and given its `onnx/model.onnx` too. So the engine is started in a
folder of links to the model's files with the export linked as `model.onnx` at the top, as
`--model-id .`; infinity's own graph optimisation then fails with optimum 2.x
(OptimizationConfig has no `optimize_with_onnxruntime_only`) and it serves the export as is,
which it logs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

VENV = Path(__file__).resolve().parent.parent / ".venv-infinity"
SERVED_NAME = "clinical-embedder"
ENGINES = ("torch", "optimum")


def available() -> bool:
    return (VENV / "bin" / "infinity_emb").exists()


def version() -> str:
    out = subprocess.run(
        [VENV / "bin" / "python", "-c", "import infinity_emb; print(infinity_emb.__version__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip() or "unknown"


@contextlib.contextmanager
def infinity(
    model_dir: str, port: int, batch_size: int, log: Path, engine: str = "torch"
) -> Iterator[str]:
    work = Path(tempfile.mkdtemp(prefix="medbento-peer-"))
    env = dict(os.environ)
    env.update(
        {
            "HF_HUB_OFFLINE": "1",
            "INFINITY_ANONYMOUS_USAGE_STATS": "0",
            "DO_NOT_TRACK": "1",
            "TOKENIZERS_PARALLELISM": "false",
            # Where infinity keeps optimised graphs, keyed by the model id ("."): its own.
            "HF_HUB_CACHE": str(work / "cache"),
            "HUGGINGFACE_HUB_CACHE": str(work / "cache"),
        }
    )
    model_id, cwd = model_dir, None
    if engine == "optimum":
        cwd = work / "model"
        cwd.mkdir()
        for item in Path(model_dir).iterdir():
            if item.name != "onnx":
                (cwd / item.name).symlink_to(item)
        (cwd / "model.onnx").symlink_to(Path(model_dir) / "onnx" / "model.onnx")
        model_id = "."
    command = [
        str(VENV / "bin" / "infinity_emb"), "v2",
        "--model-id", model_id,
        "--served-model-name", SERVED_NAME,
        "--engine", engine,
        "--device", "cpu",
        "--batch-size", str(batch_size),
        "--no-model-warmup",
        "--host", "127.0.0.1",
        "--port", str(port),
        "--log-level", "warning",
    ]  # fmt: skip
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"infinity-emb exited {process.returncode}; see {log}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"infinity-emb not ready in 180 s; see {log}")
            time.sleep(1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(work, ignore_errors=True)
