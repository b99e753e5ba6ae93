"""PostgreSQL stopped in the middle of a load: no model output is returned without its audit
event, and when the database comes back the service reconnects, every successful response has
exactly one audit event, and the chain verifies.

The database is a private PostgreSQL cluster started for this test (initdb in a temporary
directory, its own port), so stopping it harms no other test. PostgreSQL refuses to run as
root: when the tests run as root, its programs run as the `postgres` user. Every request has a
client timeout: one that hangs fails the test as surely as a wrong answer.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.conftest import DATA_DIR, KEY, free_port, serve, unavailable

pytestmark = [pytest.mark.integration, pytest.mark.slow]

HEADERS = {"Authorization": f"Bearer {KEY['clinician']}"}
CLIENTS = 8
OUTAGE_S = 5.0  # at least this long, and until every client has been refused
PHASE_DEADLINE_S = 40.0
CLIENT_TIMEOUT_S = 60.0  # a request that hangs fails the test


@dataclass
class PrivatePostgres:
    """A PostgreSQL cluster of this test's own: start() and stop() it at will."""

    bindir: Path
    datadir: Path
    port: int
    user: str | None  # the OS user to run the server as (None: the current user)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        argv = [str(self.bindir / command[0]), *command[1:]]
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        subprocess.run(argv, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.datadir} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.datadir / "server.log")
        self._run("pg_ctl", "-D", str(self.datadir), "-o", options, "-l", log, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.datadir), "-m", mode, "-w", "stop")


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = Path(found[-1]) if found else Path(shutil.which("initdb") or "/nonexistent")
    if not (initdb.exists() and (initdb.parent / "pg_ctl").exists()):
        unavailable("A PostgreSQL server (initdb and pg_ctl)")
    user = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            unavailable("A `postgres` OS user to run PostgreSQL as (the tests run as root)")
        user = "postgres"
    root = tempfile.mkdtemp(prefix="medbento-pg-")
    if user:
        os.chown(root, account.pw_uid, account.pw_gid)
    cluster = PrivatePostgres(initdb.parent, Path(root) / "data", free_port(), user)
    try:
        cluster._run("initdb", "-D", str(cluster.datadir), "-A", "trust", "-U", "postgres")
        cluster.start()
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class Outcome:
    started: float
    ended: float
    status: int | str  # the HTTP status, or the exception of a request that failed or hung
    code: str = ""  # the error envelope's code
    request_id: str = ""
    has_output: bool = False  # the body carries embeddings


class Load:
    """`clients` threads posting unique texts full of PHI-like values to /v1/embeddings until
    stopped, keeping every outcome."""

    def __init__(self, url: str, clients: int) -> None:
        self.url = url
        self.outcomes: list[Outcome] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(clients)
        ]

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=CLIENT_TIMEOUT_S + 10)

    def _run(self, client: int) -> None:
        with httpx.Client(base_url=self.url, headers=HEADERS, timeout=CLIENT_TIMEOUT_S) as http:
            visit = 0
            while not self._stop.is_set():
                visit += 1
                text = (
                    f"Patient Harriet Quimby (MRN {40_000_000 + client * 100_000 + visit}), "
                    f"phone 617-555-{visit % 10_000:04d}, seen on 03/14/2024 for chest pain; "
                    f"note {uuid.uuid4().hex}"
                )
                started = time.monotonic()
                try:
                    response = http.post("/v1/embeddings", json={"input": text})
                    body = response.json()
                    outcome = Outcome(
                        started,
                        time.monotonic(),
                        response.status_code,
                        (body.get("error") or {}).get("code", ""),
                        response.headers.get("x-request-id", ""),
                        "data" in body,
                    )
                except (httpx.HTTPError, ValueError) as error:
                    outcome = Outcome(started, time.monotonic(), type(error).__name__)
                with self._lock:
                    self.outcomes.append(outcome)

    def wait_for(self, condition: Callable[[list[Outcome]], bool], seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self._lock:
                outcomes = list(self.outcomes)
            if condition(outcomes):
                return True
            time.sleep(0.2)
        return False


def after(outcomes: list[Outcome], moment: float) -> list[Outcome]:
    """The requests sent after `moment`."""
    return [o for o in outcomes if o.started >= moment]


def withheld(outcome: Outcome) -> bool:
    return outcome.status == 503 and outcome.code == "audit_unavailable"


def test_postgres_stopped_under_load_withholds_output_and_the_trail_stays_whole(
    private_postgres,
):
    pg = private_postgres
    server = serve("services.embedding:Embedding", {"MEDBENTO_DATABASE_URL": pg.url})
    try:
        with Load(server.url, CLIENTS) as load:
            # Phases end on what the clients saw, not on a clock: a busy machine is slower.
            assert load.wait_for(
                lambda o: sum(x.status == 200 for x in o) >= CLIENTS, PHASE_DEADLINE_S
            ), "the load did not get going"
            stopping = time.monotonic()
            pg.stop("fast")  # what `pg_ctl stop` does: connections cut, transactions rolled back
            stopped = time.monotonic()
            assert load.wait_for(
                lambda o: (
                    time.monotonic() - stopped >= OUTAGE_S and len(after(o, stopped)) >= CLIENTS
                ),
                PHASE_DEADLINE_S,
            ), "no request was answered during the outage: hung?"
            starting = time.monotonic()
            pg.start()
            back = time.monotonic()
            assert load.wait_for(
                lambda o: sum(x.status == 200 for x in after(o, back)) >= 2 * CLIENTS,
                PHASE_DEADLINE_S,
            ), "no recovery after PostgreSQL came back"
        outcomes = list(load.outcomes)
    finally:
        server.stop()

    statuses = Counter((o.status, o.code) for o in outcomes)
    print(f"\n{len(outcomes)} requests: {dict(statuses)}; outage {starting - stopping:.1f} s")

    # Nothing hung, nothing failed but for the documented refusal, and that held no output.
    assert set(statuses) <= {(200, ""), (503, "audit_unavailable")}, statuses
    assert not any(o.has_output for o in outcomes if o.status != 200)
    assert all(o.request_id for o in outcomes)

    # While the database was down no event could be written, so no request was answered.
    during = [o for o in outcomes if o.started >= stopped and o.ended <= starting]
    assert len(during) >= CLIENTS
    assert {o.status for o in during} == {503}, Counter(o.status for o in during)
    assert any(withheld(o) for o in during)

    # Once it accepted connections again, the service reconnected by itself: from then on no
    # audit write failed.
    assert not [o for o in after(outcomes, back) if withheld(o)]

    # Every answered request has exactly one audit event; a withheld one has none.
    with psycopg.connect(pg.url, connect_timeout=5) as conn:
        audited = dict(
            conn.execute(
                "SELECT request_id, status FROM audit_event WHERE route = '/v1/embeddings'"
            ).fetchall()
        )
        events = conn.execute(
            "SELECT count(*) FROM audit_event WHERE route = '/v1/embeddings'"
        ).fetchone()[0]
        total = conn.execute("SELECT count(*) FROM audit_event").fetchone()[0]
        everything = repr(conn.execute("SELECT * FROM audit_event").fetchall())
    answered = [o for o in outcomes if o.status == 200]
    print(
        f"200: {len(answered)}, withheld: {sum(map(withheld, outcomes))}, "
        f"audit events for /v1/embeddings: {events} ({total} in all)"
    )
    expected = {o.request_id: o.status for o in outcomes if not withheld(o)}
    assert events == len(audited) == len(expected)
    assert audited == expected
    assert sum(status == 200 for status in audited.values()) == len(answered)
    assert "Quimby" not in everything and "617-555" not in everything  # digests, never text

    # The chain survived the outage: `medbento audit verify` walks it on that database.
    verify = subprocess.run(
        [str(Path(sys.executable).with_name("medbento")), "audit", "verify"],
        env={
            "MEDBENTO_DATA_DIR": str(DATA_DIR),  # the secret the server keyed the chain with
            "MEDBENTO_DATABASE_URL": pg.url,
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert verify.returncode == 0, verify.stderr
    assert f"audit chain verified: {total} events" in verify.stdout


def test_the_dependency_client_drops_idle_connections_before_the_service_does():
    """The audit write is never retried (it could record a request twice), so the client must
    not reuse a pooled connection that the AuditLog's server is closing (services/remote.py)."""
    import asyncio
    import inspect

    import uvicorn
    from _bentoml_impl.client.proxy2 import AsyncClient

    import services.remote  # noqa: F401  (what every entry service imports)

    async def client_keepalive(url: str) -> float:
        session = AsyncClient._make_client(url, {}, 10.0)
        try:
            return session.connector._keepalive_timeout
        finally:
            await session.close()

    server_keepalive = inspect.signature(uvicorn.Config).parameters["timeout_keep_alive"].default
    for url in ("file:///nonexistent/medbento.sock", "tcp://127.0.0.1:9"):
        assert asyncio.run(client_keepalive(url)) <= server_keepalive / 2
