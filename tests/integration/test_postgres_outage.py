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
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.conftest import DATA_DIR, KEY, free_port, serve, unavailable
from tests.load import Load, Outcome

pytestmark = [pytest.mark.integration, pytest.mark.slow]

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
        with Load(server.url, CLIENTS, KEY["clinician"], timeout_s=CLIENT_TIMEOUT_S) as load:
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
        outcomes = load.snapshot()
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
