"""The peer: infinity-emb serving the same embedding model on the same machine.

infinity-emb pins numpy<2 and sentence-transformers<4, which medbento's environment cannot
hold, so it lives in its own virtual environment (`make bench` creates .venv-infinity).
It runs with its defaults for CPU (torch engine) and medbento's batch size; like medbento's
served figures, each request carries one text.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

VENV = Path(__file__).resolve().parent.parent / ".venv-infinity"
SERVED_NAME = "clinical-embedder"


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
def infinity(model_dir: str, port: int, batch_size: int, log: Path) -> Iterator[str]:
    env = dict(os.environ)
    env.update(
        {
            "HF_HUB_OFFLINE": "1",
            "INFINITY_ANONYMOUS_USAGE_STATS": "0",
            "DO_NOT_TRACK": "1",
            "TOKENIZERS_PARALLELISM": "false",
        }
    )
    command = [
        str(VENV / "bin" / "infinity_emb"), "v2",
        "--model-id", model_dir,
        "--served-model-name", SERVED_NAME,
        "--engine", "torch",
        "--device", "cpu",
        "--batch-size", str(batch_size),
        "--no-model-warmup",
        "--host", "127.0.0.1",
        "--port", str(port),
        "--log-level", "warning",
    ]  # fmt: skip
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
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
