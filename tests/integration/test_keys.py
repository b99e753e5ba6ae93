"""API keys from outside: `medbento keys create` prints a key once and stores only its hash,
and a served Bento accepts it; in development with no keys, the first start writes one key per
role (0600) and says where."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from medbento.infra.auth import digest
from tests.conftest import free_port, served_command

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


def embed(url: str, key: str) -> int:
    return httpx.post(
        f"{url}/v1/embeddings",
        json={"input": "chest pain"},
        headers={"Authorization": f"Bearer {key}"},
        timeout=60,
    ).status_code


def test_a_created_key_is_shown_once_stored_as_a_hash_and_accepted(tmp_path: Path):
    env = {"MEDBENTO_DATA_DIR": str(tmp_path), "MEDBENTO_API_KEYS": "{}", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "medbento.cli", "keys", "create", "--role", "researcher"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    key = run.stdout.strip().splitlines()[0]
    keys_file = tmp_path / "api-keys.json"
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    stored = keys_file.read_text()
    assert key not in stored and json.loads(stored) == {digest(key): "researcher"}
    env = {"MEDBENTO_ENV": "staging", "MEDBENTO_DATA_DIR": str(tmp_path), "MEDBENTO_API_KEYS": "{}"}
    with serve_with(env | {"MEDBENTO_SECRET_KEY": "k" * 64}, tmp_path / "server.log") as url:
        assert embed(url, key) == 200
        assert embed(url, key + "x") == 401
        metrics = httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {key}"})
        assert metrics.status_code == 403  # a researcher is no admin


def test_development_without_keys_writes_one_per_role_privately(tmp_path: Path):
    env = {"MEDBENTO_ENV": "development", "MEDBENTO_DATA_DIR": str(tmp_path / "data")}
    log = tmp_path / "server.log"
    with serve_with(env | {"MEDBENTO_API_KEYS": "{}"}, log) as url:
        assert embed(url, "not-a-key") == 401  # auth stays on in development
        keys_file = tmp_path / "data" / "dev-api-keys.json"
        assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
        keys = json.loads(keys_file.read_text())
        assert sorted(keys.values()) == ["admin", "auditor", "clinician", "researcher"]
        clinician = next(k for k, role in keys.items() if role == "clinician")
        assert embed(url, clinician) == 200
    text = log.read_text()
    assert str(keys_file) in text  # it says where the keys are
    assert clinician not in text  # but never prints them
