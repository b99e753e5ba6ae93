"""Shared fixtures: real PostgreSQL and Redis, and real BentoML servers started once per session.

Settings are read from the environment at import time, so the environment is fixed here,
before any `services` module is imported, and every served process inherits it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(tempfile.mkdtemp(prefix="medbento-test-"))
KEYS = {
    f"test-{role}-{uuid.uuid4().hex}": role
    for role in ("clinician", "researcher", "auditor", "admin")
}
KEY = {role: key for key, role in KEYS.items()}
for name in [n for n in os.environ if n.startswith("MEDBENTO_")]:
    del os.environ[name]  # an operator's settings must not leak into the tests
os.environ.update(
    {
        "MEDBENTO_ENV": "testing",
        "MEDBENTO_DATA_DIR": str(DATA_DIR),
        "MEDBENTO_API_KEYS": json.dumps(KEYS),
        # Load tests send hundreds of requests from one address; rate limits have their own tests.
        "MEDBENTO_RATE_LIMIT": "1000000/minute",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "BENTOML_DO_NOT_TRACK": "True",
    }
)

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(what: str) -> None:
    """Outside CI a missing service skips the test; in CI it fails it (CI must run them)."""
    message = f"{what} is not reachable"
    if IN_CI:
        pytest.fail(message + " (CI=true: tests that need it must run)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        unavailable("Redis at " + REDIS_URL)
    return REDIS_URL


@pytest.fixture(scope="session")
def postgres_url() -> str:
    import psycopg

    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=2).close()
    except psycopg.OperationalError:
        unavailable("PostgreSQL at " + POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def postgres_schema(postgres_url: str) -> Iterator[str]:
    """A database URL whose tables live in a new, empty schema (dropped afterwards)."""
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{postgres_url}?options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def fresh_redis(redis_url: str) -> Iterator[str]:
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield redis_url
    client.flushdb()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(target: str, env: dict[str, str] | None = None):
    """Start `bentoml serve` of a service (or built Bento) with extra environment; wait ready."""
    import bentoml

    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        server = bentoml.serve(target, port=free_port(), host="127.0.0.1")
    finally:
        os.environ.clear()
        os.environ.update(saved)
    with bentoml.SyncHTTPClient(server.url, server_ready_timeout=180, token=KEY["admin"]):
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


@pytest.fixture(scope="session")
def gateway_url() -> Iterator[str]:
    server = serve("services.gateway:Gateway")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def api_key() -> str:
    """A clinician's key: may use every model route and sees PHI restored."""
    return KEY["clinician"]


@pytest.fixture
def private_redis():
    """A Redis of this test's own, so stopping it harms no other test: (port, state, start);
    state["process"] is the running redis-server, start() starts another on the same port."""
    import shutil
    import subprocess
    import time

    import redis

    port = free_port()
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    command = [
        binary,
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
    ]

    def start() -> subprocess.Popen:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):
            try:
                redis.Redis(port=port).ping()
                return process
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    state = {"process": start()}
    yield port, state, start
    state["process"].kill()
