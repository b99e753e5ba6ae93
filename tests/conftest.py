"""Shared fixtures: real PostgreSQL and Redis, and real BentoML servers started once per session.

Settings are read from the environment at import time, so the environment is fixed here,
before any `services` module is imported, and every served process inherits it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import servers

# Re-exported: the tests import them from here.
from tests.servers import ROOT, free_port, port_free, served_command  # noqa: F401

DATA_DIR = Path(tempfile.mkdtemp(prefix="medbento-test-"))
KEYS, KEY = servers.keys("test", ("clinician", "researcher", "auditor", "admin"))
servers.own_environment(KEYS, DATA_DIR)

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


def serve(target: str, env: dict[str, str] | None = None):
    """servers.serve with the tests' admin key for the readiness check."""
    return servers.serve(target, env, token=KEY["admin"])


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


def import_into_empty_store(store: Path, importer: str, name: str) -> dict:
    """`models.importer.<importer>()` in a process whose BentoML store is `store` (empty), as
    `make models` runs on a new machine; the stored model's labels and path. Imports once
    failed only there, while every machine that already had the model skipped them."""
    code = (
        f"import json, bentoml; from models import importer; importer.{importer}(); "
        f"m = bentoml.models.get('{name}:latest'); "
        "print(json.dumps({'labels': m.info.labels, 'path': m.path}))"
    )
    env = {**os.environ, "BENTOML_HOME": str(store)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
