"""Readiness tells the truth about the audit store: with the SQLite store on a small filesystem
that fills up, requests are refused (fail closed) and /readyz answers 503 until space returns;
then both recover by themselves, the metrics stay readable throughout, and the chain verifies."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from medbento.audit.store import AuditProbe, AuditProbeWrite, AuditStore, EventIn
from tests.conftest import IN_CI, KEY, serve

pytestmark = pytest.mark.integration

MEDBENTO = str(Path(sys.executable).with_name("medbento"))


@pytest.fixture
def small_filesystem(tmp_path):
    """A 4 MiB tmpfs (root only; in CI this test must run)."""
    mount = tmp_path / "small"
    mount.mkdir()
    run = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        message = f"cannot mount a tmpfs: {run.stderr.strip()}"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(directory: Path) -> Path:
    """Write until the filesystem refuses: what is left is less than a block."""
    ballast = directory / "ballast"
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    return ballast


def wait_for(condition, timeout_s: float = 60) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(1)
    return False


def test_readiness_follows_the_audit_store_filling_and_emptying(small_filesystem):
    server = serve("services.embedding:Embedding", {"MEDBENTO_DATA_DIR": str(small_filesystem)})
    researcher = {"Authorization": f"Bearer {KEY['researcher']}"}
    admin = {"Authorization": f"Bearer {KEY['admin']}"}

    def embed() -> httpx.Response:
        return httpx.post(
            f"{server.url}/v1/embeddings",
            json={"input": "chest pain " * 50},
            headers=researcher,
            timeout=60,
        )

    def ready() -> int:
        return httpx.get(f"{server.url}/readyz", timeout=10).status_code

    def writable() -> str:
        text = httpx.get(f"{server.url}/metrics", headers=admin, timeout=60).text
        lines = [
            line for line in text.splitlines() if line.startswith("medbento_audit_store_writable")
        ]
        return lines[0].rsplit(" ", 1)[1] if lines else ""

    try:
        assert embed().status_code == 200 and ready() == 200
        ballast = fill(small_filesystem)
        refused = [embed() for _ in range(5)]
        assert all(r.status_code == 503 for r in refused)
        assert {r.json()["error"]["code"] for r in refused} == {"audit_unavailable"}
        assert wait_for(lambda: ready() == 503), "readiness kept answering 200 on a full disk"
        assert writable() == "0.0"  # the metrics stay readable while the store is full
        ballast.unlink()
        assert wait_for(lambda: ready() == 200), "readiness did not come back with space"
        assert embed().status_code == 200
        assert writable() == "1.0"
    finally:
        server.stop()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDBENTO_")}
    env |= {"MEDBENTO_DATA_DIR": str(small_filesystem), "MEDBENTO_ENV": "testing"}
    verify = subprocess.run([MEDBENTO, "audit", "verify"], env=env, capture_output=True, text=True)
    assert verify.returncode == 0, verify.stderr


def event() -> EventIn:
    return EventIn(
        request_id=uuid.uuid4().hex,
        principal="p" * 16,
        role="clinician",
        action="embed",
        route="/v1/embeddings",
        status=200,
        outcome="ok",
        latency_ms=3.2,
        model_id="clinical-embedder",
        input_digest="a" * 64,
        output_digest="b" * 64,
    )


def test_the_probe_fails_where_appends_fail_not_only_on_an_empty_disk(small_filesystem):
    """Issue 23's finding, kept: with a few KiB left, every append failed while rewriting one
    row in place (the old probe) still succeeded, so /readyz said 200 to a replica that could
    only refuse. The probe now writes new rows, as an append does."""
    store = AuditStore(f"sqlite:///{small_filesystem / 'audit.db'}")
    store.append([event() for _ in range(50)])
    ballast = fill(small_filesystem)
    ballast.unlink()
    left = os.statvfs(small_filesystem)
    with ballast.open("wb") as space:
        space.write(b"\0" * (left.f_bavail * left.f_frsize - 8192))
    with pytest.raises(OperationalError):
        store.append([event() for _ in range(8)])
    with Session(store.engine) as session:  # what the old probe did: it still succeeds
        session.merge(AuditProbe(id=1, at=datetime.now(UTC)))
        session.commit()
    with pytest.raises(OperationalError):
        store.writable()
    ballast.unlink()
    assert store.writable()
    assert store.append([event()]) == [51]


def test_the_probe_leaves_nothing_behind_on_postgresql(postgres_schema):
    store = AuditStore(postgres_schema)
    for _ in range(3):
        assert store.writable()
    with Session(store.engine) as session:
        assert session.exec(select(AuditProbeWrite)).all() == []
