"""Retention without a person: a served Bento purges its own old audit events on a schedule,
leaves the checkpoint that keeps the chain verifiable, and keeps what is recent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import KEY, serve

pytestmark = pytest.mark.integration

MEDBENTO = str(Path(sys.executable).with_name("medbento"))


def report(data_dir: Path) -> dict:
    """The compliance report of the server's store, read as the operator would: a shell with
    the server's data dir (its SQLite store and its generated secret)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDBENTO_")}
    env |= {"MEDBENTO_DATA_DIR": str(data_dir), "MEDBENTO_ENV": "testing"}
    run = subprocess.run(
        [MEDBENTO, "audit", "report", "--since", "2000-01-01", "--until", "2999-01-01"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def test_old_audit_events_are_purged_by_the_schedule_and_the_chain_verifies(tmp_path):
    retention_s = 12
    server = serve(
        "services.embedding:Embedding",
        {
            "MEDBENTO_DATA_DIR": str(tmp_path),
            "MEDBENTO_AUDIT_RETENTION_DAYS": str(retention_s / 86400),
            "MEDBENTO_RETENTION_INTERVAL_S": "1",
        },
    )
    headers = {"Authorization": f"Bearer {KEY['researcher']}"}
    try:

        def embed() -> None:
            response = httpx.post(
                f"{server.url}/v1/embeddings", json={"input": "dyspnea"}, headers=headers
            )
            assert response.status_code == 200

        for _ in range(3):
            embed()
        assert report(tmp_path)["events"] >= 3
        time.sleep(retention_s + 4)  # the three are now older than the retention
        embed()
        deadline = time.monotonic() + 30
        while (after := report(tmp_path))["events"] > 1 and time.monotonic() < deadline:
            time.sleep(1)
    finally:
        server.stop()
    assert after["events"] == 1  # the old ones went by themselves; the new one stays
    assert after["chain"]["verified"], after["chain"]
