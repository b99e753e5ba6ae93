"""The audit chain against real SQLite and PostgreSQL: verify catches every kind of tampering,
purge leaves a verifiable chain, and concurrent writers never fork it."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from medbento.audit.chain import event_mac
from medbento.audit.records import AuditEvent, AuditHead, EventIn, EventQuery
from medbento.audit.store import GENESIS, AuditStore

pytestmark = pytest.mark.integration
COLUMNS = (
    "seq, at, request_id, principal, role, action, route, status, outcome, latency_ms, "
    "model_id, model_version, entity_counts, input_digest, output_digest"
)


def event(i: int = 0, **extra) -> EventIn:
    fields = {
        "request_id": f"req-{i}",
        "principal": "key_abc",
        "role": "clinician",
        "action": "embeddings",
        "route": "/v1/embeddings",
        "status": 200,
        "outcome": "ok",
        "latency_ms": 12.5,
        "model_id": "embedding",
        "model_version": "clinical-embedder:v1",
        "entity_counts": {"PERSON": 1},
        "input_digest": "d" * 64,
    }
    return EventIn(**(fields | extra))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield AuditStore(f"sqlite:///{tmp_path / 'audit.db'}")
        return
    # A fresh schema per test on the real server, so tests never see each other's chains.
    yield AuditStore(request.getfixturevalue("postgres_schema"))


def sql(store, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


def test_a_clean_chain_verifies(store):
    assert store.append([event(i) for i in range(5)]) == [1, 2, 3, 4, 5]
    store.append([event(9)])
    verdict = store.verify()
    assert verdict.ok and verdict.events == 6 and verdict.last_seq == 6


def test_a_retried_write_records_each_event_once(store):
    """A write whose answer was lost (a broken connection) is sent again with the same events:
    each is written once and answered with the sequence number it already has."""
    first, second = event(1), event(2)
    assert store.append([first]) == [1]
    assert store.append([first, second]) == [1, 2]  # the retry, batched with a new event
    assert store.append([second, second]) == [2, 2]
    assert sorted(e["request_id"] for e in store.events(EventQuery(limit=10))) == ["req-1", "req-2"]
    assert store.verify().ok and store.verify().events == 2
    # Two requests with one request id (a client may choose it) are still two events.
    assert store.append([event(1)]) == [3]


def test_receipts_go_with_the_events_they_name(store):
    store.append([event(i) for i in range(3)])
    backdate(store, through_seq=2)
    assert store.purge(older_than_days=5) == 2
    with store.engine.begin() as conn:
        assert conn.execute(text("SELECT seq FROM audit_receipt")).scalars().all() == [3]


def test_events_never_hold_text_only_digests_and_counts(store):
    store.append([event(1)])
    (row,) = store.events()
    assert row["entity_counts"] == {"PERSON": 1}
    assert set(row) >= {
        "request_id",
        "principal",
        "role",
        "action",
        "status",
        "latency_ms",
        "hash",
        "prev_hash",
    }


@pytest.mark.parametrize(
    ("tamper", "seq", "words"),
    [
        ("UPDATE audit_event SET status = 500 WHERE seq = 3", 3, "altered"),
        ("UPDATE audit_event SET principal = 'someone' WHERE seq = 2", 2, "altered"),
        ("DELETE FROM audit_event WHERE seq = 3", 3, "removed"),
        ("DELETE FROM audit_event WHERE seq >= 4", 4, "removed"),
        ("UPDATE audit_event SET seq = seq + 100 WHERE seq = 5", 5, "removed"),
    ],
)
def test_verify_names_the_first_event_tampered_with(store, tamper, seq, words):
    store.append([event(i) for i in range(5)])
    sql(store, tamper)
    verdict = store.verify()
    assert not verdict.ok and verdict.seq == seq and words in verdict.problem


def test_swapping_two_events_is_caught(store):
    store.append([event(i) for i in range(4)])
    sql(store, "UPDATE audit_event SET seq = 1000 WHERE seq = 2")
    sql(store, "UPDATE audit_event SET seq = 2 WHERE seq = 3")
    sql(store, "UPDATE audit_event SET seq = 3 WHERE seq = 1000")
    verdict = store.verify()
    assert not verdict.ok and verdict.seq == 2


def test_an_event_inserted_with_a_copied_hash_is_caught(store):
    store.append([event(i) for i in range(3)])
    sql(
        store,
        f"INSERT INTO audit_event ({COLUMNS}, prev_hash, hash) "
        f"SELECT 4, {COLUMNS.removeprefix('seq, ')}, hash, hash FROM audit_event WHERE seq = 3",
    )
    verdict = store.verify()
    assert not verdict.ok and verdict.seq == 4


def test_purge_leaves_a_checkpoint_that_verifies(store):
    store.append([event(i) for i in range(6)])
    backdate(store, through_seq=4)
    assert store.purge(older_than_days=5) == 4
    verdict = store.verify()
    assert verdict.ok and verdict.events == 2 and verdict.first_seq == 5
    store.append([event(7)])
    assert store.verify().ok
    assert store.purge(older_than_days=5) == 0


def test_purge_goes_in_batches_each_with_its_checkpoint(store, monkeypatch):
    import medbento.audit.store

    monkeypatch.setattr(medbento.audit.store, "PURGE_BATCH", 2)
    store.append([event(i) for i in range(7)])
    backdate(store, through_seq=5)
    assert store.purge(older_than_days=5) == 5
    with store.engine.begin() as conn:
        checkpoints = conn.execute(text("SELECT seq FROM audit_checkpoint ORDER BY id")).all()
    assert [row[0] for row in checkpoints] == [2, 4, 5]  # three transactions, not one
    verdict = store.verify()
    assert verdict.ok and verdict.events == 2 and verdict.first_seq == 6


def backdate(store, through_seq: int) -> None:
    """Make events 1..through_seq ten days old. Moving `at` is itself tampering, so every MAC
    is then recomputed in order, as if those rows had been written ten days ago."""
    sql(
        store,
        f"UPDATE audit_event SET at = at - INTERVAL '10 days' WHERE seq <= {through_seq}"
        if store.engine.dialect.name == "postgresql"
        else f"UPDATE audit_event SET at = datetime(at, '-10 days') WHERE seq <= {through_seq}",
    )
    with Session(store.engine) as session:
        prev = GENESIS
        for row in session.exec(select(AuditEvent).order_by(AuditEvent.seq)).all():
            row.prev_hash = prev
            row.hash = prev = event_mac(row)
            session.add(row)
        head = session.get(AuditHead, 1)
        head.hash = prev
        session.add(head)
        session.commit()


def test_concurrent_writers_extend_one_chain(store):
    # Several writers (threads here, each with its own store and connections, as separate
    # workers or replicas would be) append at once: one contiguous, verifiable chain.
    url = store.engine.url.render_as_string(hide_password=False)
    writers = [AuditStore(url) for _ in range(4)]
    errors: list[BaseException] = []

    def write(w: AuditStore, n: int) -> None:
        try:
            for i in range(15):
                w.append([event(n * 100 + i), event(n * 100 + i + 50)])
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(w, n)) for n, w in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    verdict = store.verify()
    assert verdict.ok and verdict.events == 4 * 15 * 2 and verdict.last_seq == 120


def test_retention_default_is_six_years():
    from medbento.settings import Settings

    assert timedelta(days=Settings().audit_retention_days) >= timedelta(days=365 * 6)


# --- which key wrote the chain ------------------------------------------------------------------

MEDBENTO = str(Path(sys.executable).with_name("medbento"))


def cli(url: str, *args: str, secret: str | None = None) -> subprocess.CompletedProcess:
    """`medbento audit ...` in a shell of its own: this suite's settings, or another secret."""
    env = os.environ | {"MEDBENTO_DATABASE_URL": url}
    if secret:
        env["MEDBENTO_SECRET_KEY"] = secret
    return subprocess.run(
        [MEDBENTO, "audit", *args], env=env, capture_output=True, text=True, check=False
    )


def test_verify_tells_another_key_from_tampering(store):
    store.append([event(i) for i in range(3)])
    url = store.engine.url.render_as_string(hide_password=False)
    assert cli(url, "verify").returncode == 0
    other = cli(url, "verify", secret="not-the-servers-secret-0123456789")
    assert other.returncode == 2
    assert "another key" in other.stderr and "MEDBENTO_SECRET_KEY" in other.stderr
    sql(store, "UPDATE audit_event SET status = 500 WHERE seq = 2")
    altered = cli(url, "verify")
    assert altered.returncode == 1 and "event 2 was altered" in altered.stderr


def test_a_writer_with_another_key_is_refused_and_an_edited_fingerprint_is_tampering(store):
    from medbento.audit.chain import OtherKeyError

    store.append([event(1)])
    sql(store, "UPDATE audit_key SET fingerprint = 'ffff'")
    verdict = store.verify()  # this key still verifies the events: the fingerprint was edited
    assert not verdict.ok and not verdict.other_key and "fingerprint" in verdict.problem
    with pytest.raises(OtherKeyError):
        store.append([event(2)])  # nor is the chain extended under a key it does not name


# --- the compliance report ------------------------------------------------------------------


def test_the_compliance_report_counts_without_text(store):
    store.append(
        [
            event(1),
            event(2),
            event(3, status=403, outcome="denied", entity_counts={}),
            event(4, status=429, outcome="client_error", entity_counts={}),
            event(5, status=503, outcome="error", entity_counts={}),
            event(6, entity_counts={"PERSON": 2, "output.PERSON": 1, "output.DATE": 3}),
        ]
    )
    url = store.engine.url.render_as_string(hide_password=False)
    window = ("--since", "2000-01-01", "--until", "2999-01-01")
    run = cli(url, "report", *window)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["events"] == 6
    assert report["requests_by_principal"] == {"key_abc": 6}
    assert report["requests_by_role"] == {"clinician": 6}
    assert report["requests_by_model"] == {"embedding": 6}
    assert report["refusals_by_status"] == {"403": 1, "429": 1}
    assert report["failures_by_status"] == {"503": 1}
    assert report["phi_in_requests_by_type"] == {"PERSON": 4}
    assert report["phi_in_answers_by_type"] == {"DATE": 3, "PERSON": 1}
    assert report["chain"]["verified"] is True
    assert "d" * 64 not in run.stdout  # digests are not part of it either

    rows = list(csv.reader(io.StringIO(cli(url, "report", *window, "--format", "csv").stdout)))
    assert rows[0] == ["section", "key", "value"]
    assert ["refusals_by_status", "403", "1"] in rows
    markdown = cli(url, "report", *window, "--format", "md").stdout
    assert "# medbento audit report" in markdown and "| 429 | 1 |" in markdown
    assert "Audit chain: verified" in markdown

    empty = json.loads(cli(url, "report", "--since", "2001-01-01", "--until", "2001-02-01").stdout)
    assert empty["events"] == 0
