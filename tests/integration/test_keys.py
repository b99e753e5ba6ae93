"""API keys from outside: `medbento keys create` prints a key once and stores only its hash,
a served Bento accepts it, and a revoked one is refused by every replica within seconds; in
development with no keys, the first start writes one key per
role (0600) and says where."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from medbento.access.policy import digest
from tests.conftest import free_port, served_command
from tests.servers import embedding_status

pytestmark = pytest.mark.integration


@contextlib.contextmanager
def serve_with(env: dict[str, str], log: Path):
    """`bentoml serve` of the embedding Bento with `env`, its output in `log` (the suite's own
    keys are not configured here, so its readiness client cannot be used)."""
    port = free_port()
    bentoml = str(Path(sys.executable).with_name("bentoml"))
    command = [bentoml, "serve", "services.embedding:Embedding", "--port", str(port)]
    with served_command(command, port, log, os.environ.copy() | env, timeout_s=180):
        yield f"http://127.0.0.1:{port}"


def medbento(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "medbento.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


def test_a_created_key_is_shown_once_stored_as_a_hash_and_accepted(tmp_path: Path):
    env = {
        "MEDBENTO_ENV": "staging",
        "MEDBENTO_DATA_DIR": str(tmp_path),
        "MEDBENTO_API_KEYS": "{}",
        "MEDBENTO_SECRET_KEY": "k" * 64,
        "PATH": "/usr/bin:/bin",
    }
    key = medbento("keys", "create", "--role", "researcher", env=env).stdout.strip()
    stored = (tmp_path / "audit.db").read_bytes()
    assert key.encode() not in stored and digest(key).encode() in stored
    (listed,) = json.loads(medbento("keys", "list", "--format", "json", env=env).stdout)
    assert listed["role"] == "researcher" and listed["id"] == f"key_{digest(key)[:12]}"
    with serve_with(env, tmp_path / "server.log") as url:
        assert embedding_status(url, key) == 200
        assert embedding_status(url, key + "x") == 401
        metrics = httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {key}"})
        assert metrics.status_code == 403  # a researcher is no admin


def test_a_revoked_key_is_refused_on_every_replica_within_seconds(tmp_path, postgres_schema):
    """Two replicas on one PostgreSQL, no restart: `medbento keys revoke` is seen by both
    within 5 seconds (KEYS_REFRESH_S is 2). A key limited to another model is refused 403."""
    env = {
        "MEDBENTO_ENV": "staging",
        "MEDBENTO_DATA_DIR": str(tmp_path),
        "MEDBENTO_DATABASE_URL": postgres_schema,
        "MEDBENTO_API_KEYS": "{}",
        "MEDBENTO_SECRET_KEY": "k" * 64,
        "PATH": os.environ["PATH"],
    }
    key = medbento("keys", "create", "--role", "clinician", env=env).stdout.strip()
    other = medbento(
        "keys", "create", "--role", "clinician", "--models", "generation", env=env
    ).stdout.strip()
    with (
        serve_with(env, tmp_path / "one.log") as one,
        serve_with(env, tmp_path / "two.log") as two,
    ):
        assert embedding_status(one, key) == 200 and embedding_status(two, key) == 200
        assert embedding_status(one, other) == 403
        medbento("keys", "revoke", f"key_{digest(key)[:12]}", env=env)
        revoked = time.monotonic()
        refused: dict[str, float] = {}
        while len(refused) < 2 and time.monotonic() - revoked < 10:
            for url in {one, two} - set(refused):
                if embedding_status(url, key) == 401:
                    refused[url] = time.monotonic() - revoked
            time.sleep(0.1)
        assert len(refused) == 2 and max(refused.values()) < 5, refused


def test_development_without_keys_writes_one_per_role_privately(tmp_path: Path):
    env = {"MEDBENTO_ENV": "development", "MEDBENTO_DATA_DIR": str(tmp_path / "data")}
    log = tmp_path / "server.log"
    with serve_with(env | {"MEDBENTO_API_KEYS": "{}"}, log) as url:
        assert embedding_status(url, "not-a-key") == 401  # auth stays on in development
        keys_file = tmp_path / "data" / "dev-api-keys.json"
        assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
        keys = json.loads(keys_file.read_text())
        assert sorted(keys.values()) == ["admin", "auditor", "clinician", "researcher"]
        clinician = next(k for k, role in keys.items() if role == "clinician")
        assert embedding_status(url, clinician) == 200
    text = log.read_text()
    assert str(keys_file) in text  # it says where the keys are
    assert clinician not in text  # but never prints them

    # A key made with the CLI joins them: the development keys still work at the next start.
    made = medbento("keys", "create", "--role", "researcher", env=os.environ | env).stdout.strip()
    with serve_with(env | {"MEDBENTO_API_KEYS": "{}"}, tmp_path / "again.log") as url:
        assert embedding_status(url, clinician) == 200 and embedding_status(url, made) == 200
    assert json.loads(keys_file.read_text()) == keys  # the same keys, not made again
