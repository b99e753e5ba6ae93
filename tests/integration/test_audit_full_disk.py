"""Readiness tells the truth about the audit store: with the SQLite store on a small filesystem
that fills up under load, requests are refused (fail closed) and /readyz answers 503 until space
returns; then both recover by themselves, the metrics stay readable throughout, and the chain
verifies."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from medbento.audit.records import AuditEvent, AuditProbe, AuditProbeWrite, EventIn
from medbento.audit.store import AuditStore
from medbento.stores.database import StoreUnavailable
from tests.conftest import IN_CI, KEY, serve
from tests.servers import wait_until

pytestmark = pytest.mark.integration

MEDBENTO = str(Path(sys.executable).with_name("medbento"))


@pytest.fixture
def small_filesystem(tmp_path):
    """A 16 MiB tmpfs (root only; in CI this test must run). Not smaller: SQLite's write-ahead
    log grows to 4 MiB before it is checkpointed, and on a filesystem no bigger than that the
    log alone fills it again as soon as space returns (seen under load with 4 MiB)."""
    mount = tmp_path / "small"
    mount.mkdir()
    run = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
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


class Load:
    """Clients sending embeddings without pause from threads, keeping every answer's status,
    error code and request id."""

    def __init__(self, url: str, clients: int = 6) -> None:
        self.url, self.answers, self.stopping = url, [], threading.Event()
        self.threads = [threading.Thread(target=self._client) for _ in range(clients)]
        for thread in self.threads:
            thread.start()

    def _client(self) -> None:
        headers = {"Authorization": f"Bearer {KEY['researcher']}"}
        with httpx.Client(base_url=self.url, headers=headers, timeout=60) as client:
            while not self.stopping.is_set():
                answer = client.post("/v1/embeddings", json={"input": "chest pain " * 50})
                code = answer.json().get("error", {}).get("code") if answer.is_error else None
                self.answers.append((answer.status_code, code, answer.headers["x-request-id"]))

    def since(self, start: int) -> list[tuple[int, str | None, str]]:
        return self.answers[start:]

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join()


def test_readiness_follows_the_audit_store_filling_and_emptying_under_load(small_filesystem):
    """Six clients send without pause while the disk fills and empties: /readyz says 503 while
    appends fail and 200 once space returns, no answer is a server error, and every 200 has its
    event in the chain (fail closed: the refused ones are 503 audit_unavailable)."""
    server = serve("services.embedding:Embedding", {"MEDBENTO_DATA_DIR": str(small_filesystem)})
    admin = {"Authorization": f"Bearer {KEY['admin']}"}

    def ready() -> int:
        return httpx.get(f"{server.url}/readyz", timeout=10).status_code

    def writable() -> str:
        text = httpx.get(f"{server.url}/metrics", headers=admin, timeout=60).text
        lines = [
            line for line in text.splitlines() if line.startswith("medbento_audit_store_writable")
        ]
        return lines[0].rsplit(" ", 1)[1] if lines else ""

    load = Load(server.url)
    try:
        assert wait_until(lambda: len(load.answers) >= 20, 60, every_s=1) and ready() == 200
        ballast = fill(small_filesystem)
        assert wait_until(lambda: ready() == 503, 60, every_s=1), (
            "readiness kept answering 200 on a full disk"
        )
        full_from = len(load.answers)
        assert wait_until(lambda: len(load.answers) >= full_from + 20, 60, every_s=1)
        assert writable() == "0.0"  # the metrics stay readable while the store is full
        ballast.unlink()
        assert wait_until(lambda: ready() == 200, 60, every_s=1), (
            "readiness did not come back with space"
        )
        back_from = len(load.answers)
        assert wait_until(lambda: len(load.answers) >= back_from + 20, 60, every_s=1)
    finally:
        load.stop()
        server.stop()
    statuses = Counter(status for status, _, _ in load.answers)
    assert set(statuses) <= {200, 503}, statuses  # no server error, nothing else
    assert {code for status, code, _ in load.answers if status == 503} == {"audit_unavailable"}
    # While full every append failed (a few answers in flight as it filled may still have made
    # it); once back, they succeed again.
    assert [s for s, _, _ in load.answers[full_from : full_from + 20]].count(503) >= 15
    assert {s for s, _, _ in load.since(back_from)[-10:]} == {200}

    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDBENTO_")}
    env |= {"MEDBENTO_DATA_DIR": str(small_filesystem), "MEDBENTO_ENV": "testing"}
    verify = subprocess.run([MEDBENTO, "audit", "verify"], env=env, capture_output=True, text=True)
    assert verify.returncode == 0, verify.stderr
    store = AuditStore(f"sqlite:///{small_filesystem / 'audit.db'}")
    with Session(store.engine) as session:
        audited = set(session.exec(select(AuditEvent.request_id)).all())
    answered = {request_id for status, _, request_id in load.answers if status == 200}
    assert answered and answered <= audited, len(answered - audited)


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
    with pytest.raises(StoreUnavailable) as failed:
        store.append([event() for _ in range(8)])
    assert isinstance(failed.value.__cause__, OperationalError)
    with Session(store.engine) as session:  # what the old probe did: it still succeeds
        session.merge(AuditProbe(id=1, at=datetime.now(UTC)))
        session.commit()
    with pytest.raises(StoreUnavailable):
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
