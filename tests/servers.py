"""The one way tests (and the bench) start a server: `bentoml serve` of a service or a built
Bento in this process (serve), or a command run as a user runs it (served_command), each
waited on until ready; and the environment they inherit (own_environment). Importing this
module changes nothing in the environment."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from medbento.serving.process_setup import host_jemalloc as jemalloc
from medbento.serving.process_setup import prepare

ROOT = Path(__file__).resolve().parents[1]


def keys(prefix: str, roles: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Keys made for this run: {key: role} as MEDBENTO_API_KEYS takes it, and {role: key}."""
    made = {f"{prefix}-{role}-{uuid.uuid4().hex}": role for role in roles}
    return made, {role: key for key, role in made.items()}


def own_environment(api_keys: dict[str, str], data_dir: Path) -> None:
    """The environment every server started from this process inherits, set before any
    medbento module reads its settings: an operator's MEDBENTO_* settings must not leak in,
    a throwaway data directory, this run's keys, no rate limit in the way of a load (rate
    limits have their own tests), and nothing downloaded."""
    for name in [n for n in os.environ if n.startswith("MEDBENTO_")]:
        del os.environ[name]
    os.environ.update(
        {
            "MEDBENTO_ENV": "testing",
            "MEDBENTO_DATA_DIR": str(data_dir),
            "MEDBENTO_API_KEYS": json.dumps(api_keys),
            "MEDBENTO_RATE_LIMIT": "1000000/minute",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
            "BENTOML_DO_NOT_TRACK": "True",
        }
    )
    prepare()  # as a serving process starts: its servers' workers inherit what it sets


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def allocator() -> dict[str, str]:
    """jemalloc preloaded in the server's workers where the host has it, as `make serve` does
    (README, "Tests": with glibc's malloc the Embedding worker's memory kept climbing)."""
    library = jemalloc()
    return {"LD_PRELOAD": library} if library and "LD_PRELOAD" not in os.environ else {}


def serve(target: str, env: dict[str, str] | None = None, token: str | None = None):
    """Start `bentoml serve` of a service (or built Bento) with extra environment; wait until
    it answers (`token`: a key its access control accepts)."""
    import bentoml

    saved = dict(os.environ)
    os.environ.update(allocator())
    os.environ.update(env or {})
    try:
        server = bentoml.serve(target, port=free_port(), host="127.0.0.1")
    finally:
        os.environ.clear()
        os.environ.update(saved)
    with bentoml.SyncHTTPClient(server.url, server_ready_timeout=180, token=token):
        pass
    return server


@contextlib.contextmanager
def served_command(
    command: list[str] | str,
    port: int,
    log: Path,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    timeout_s: float = 300,
    scheme: str = "http",
    verify: str | bool = True,
) -> Iterator[subprocess.Popen]:
    """Run a command that serves HTTP on `port` (`make serve`, `bentoml serve ...`) as a user
    would, its output in `log`, until its /readyz answers 200: yields the process, then stops
    its whole process group. Fails with the log's tail when the command exits or is not ready
    in time."""
    url = f"{scheme}://127.0.0.1:{port}"
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            shell=isinstance(command, str),
            cwd=cwd,
            env=env if env is not None else os.environ.copy(),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + timeout_s
        while not _ready(url, verify):
            if process.poll() is not None or time.monotonic() > deadline:
                why = "exited" if process.poll() is not None else f"not ready in {timeout_s} s"
                pytest.fail(f"{command!r} {why}:\n{log.read_text()[-3000:]}")
            time.sleep(1)
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _ready(url: str, verify: str | bool = True) -> bool:
    import httpx

    try:
        return httpx.get(f"{url}/readyz", timeout=5, verify=verify).status_code == 200
    except httpx.HTTPError:
        return False


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def embedding_status(url: str, key: str) -> int:
    """The status of one embeddings request with `key` (is the key accepted, refused?)."""
    import httpx

    return httpx.post(
        f"{url}/v1/embeddings",
        json={"input": "chest pain"},
        headers={"Authorization": f"Bearer {key}"},
        timeout=60,
    ).status_code


def wait_until(condition, seconds: float, every_s: float = 0.1) -> bool:
    """Whether `condition()` came true within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every_s)
    return False
