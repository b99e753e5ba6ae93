"""API keys as records (medbento/access/keys.py) on both stores: created, listed, revoked and
rotated, each change an event of the audit chain written with it, never the key itself; an
entry service's keyring refuses a revoked key within KEYS_REFRESH_S and an expired one at
once. Real SQLite files and a real PostgreSQL."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from sqlmodel import Session, select

from medbento.access.keys import KeyStore, UnknownKey, describe
from medbento.access.policy import KEYS_REFRESH_S, Keyring, digest
from medbento.audit.records import AuditEvent

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'audit.db'}"
    return request.getfixturevalue("postgres_schema")


def bearer(key: str) -> str:
    return f"Bearer {key}"


def stored_text(url: str, tmp_path) -> str:
    """Everything the database holds, as text: the key must be nowhere in it."""
    if url.startswith("sqlite"):
        return (tmp_path / "audit.db").read_bytes().decode("latin-1") + "".join(
            p.read_bytes().decode("latin-1") for p in tmp_path.glob("audit.db-*")
        )
    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(url.split("?")[0]) as conn:
        rows = conn.execute(f"SELECT * FROM {schema}.api_key").fetchall()
        rows += conn.execute(f"SELECT * FROM {schema}.audit_event").fetchall()
    return repr(rows)


def test_a_keys_life_is_recorded_and_audited(store_url, tmp_path):
    store = KeyStore(store_url)
    until = datetime.now(UTC) + timedelta(days=30)
    key, record = store.create("researcher", "cli:alice", expires_at=until, models=["embedding"])
    assert record.key_id == f"key_{digest(key)[:12]}" and record.digest == digest(key)
    listed = [describe(r) for r in store.list()]
    assert [k["id"] for k in listed] == [record.key_id]
    assert listed[0]["models"] == ["embedding"] and listed[0]["created_by"] == "cli:alice"
    assert "digest" not in listed[0] and key not in repr(listed)
    grant = store.grants()[digest(key)]
    assert (grant.role, grant.models) == ("researcher", frozenset({"embedding"}))

    new_key, new = store.rotate(record.key_id, "cli:bob", grace=timedelta(minutes=5))
    grants = store.grants()
    assert {digest(key), digest(new_key)} <= set(grants)  # both work during the grace period
    assert grants[digest(key)].until <= datetime.now(UTC) + timedelta(minutes=5)
    assert (new.role, new.models, new.created_by) == ("researcher", '["embedding"]', "cli:bob")

    store.revoke(record.key_id, "cli:bob")  # ends the grace period now
    assert digest(key) not in store.grants() and digest(new_key) in store.grants()
    assert [k["id"] for k in map(describe, store.list())] == [new.key_id]
    assert len(store.list(include_revoked=True)) == 2
    with pytest.raises(UnknownKey):
        store.revoke(record.key_id, "cli:bob")  # revoked already
    with pytest.raises(UnknownKey):
        store.rotate("key_000000000000", "cli:bob")

    with Session(store.audit.engine) as session:
        actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.seq))]
    assert actions == [
        f"key create {record.key_id} role=researcher",
        f"key rotate {record.key_id} to {new.key_id} grace=0:05:00",
        f"key revoke {record.key_id}",
    ]
    assert store.audit.verify().ok
    text = stored_text(store_url, tmp_path)
    assert key not in text and new_key not in text


def test_bad_requests_change_nothing(store_url):
    store = KeyStore(store_url)
    for role, kwargs in [
        ("owner", {}),
        ("clinician", {"models": ["embedding", "gpt-4"]}),
        ("clinician", {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}),
    ]:
        with pytest.raises(ValueError) as refused:
            store.create(role, "cli:alice", **kwargs)
        assert "gpt-4" not in str(refused.value)  # the input is not echoed
    assert store.list(include_revoked=True) == []
    assert store.audit.verify().events == 0


def test_the_keyring_refuses_a_revoked_key_within_its_refresh_and_an_expired_one_at_once(
    store_url,
):
    store = KeyStore(store_url)
    ring = Keyring({}, store)
    key, record = store.create("clinician", "cli:alice")
    short, _ = store.create(
        "auditor", "cli:alice", expires_at=datetime.now(UTC) + timedelta(seconds=1.5)
    )
    assert ring.identify(bearer(key)).principal == record.key_id
    assert ring.identify(bearer(short)).role == "auditor"
    store.revoke(record.key_id, "cli:alice")
    started = time.monotonic()
    while ring.identify(bearer(key)) is not None:
        assert time.monotonic() - started < KEYS_REFRESH_S + 1, "revoked key still accepted"
        time.sleep(0.05)
    time.sleep(max(0.0, 1.6 - (time.monotonic() - started)))
    assert ring.identify(bearer(short)) is None  # expired: no refresh needed


def test_bootstrap_keys_stay_and_a_limited_key_says_which_models(store_url):
    store = KeyStore(store_url)
    key, _ = store.create("researcher", "cli:alice", models=["generation"])
    ring = Keyring({digest("bootstrap-key"): "admin"}, store)
    assert ring.identify(bearer("bootstrap-key")).role == "admin"
    limited = ring.identify(bearer(key))
    assert limited.may_use("generation") and not limited.may_use("embedding")
    assert limited.may_use(None)  # routes of no model (/anonymize) stay open to its role


def test_list_shows_when_a_key_was_last_used(store_url, monkeypatch):
    monkeypatch.setattr("medbento.access.policy.LAST_USE_EVERY_S", 0.0)
    store = KeyStore(store_url)
    used, _ = store.create("clinician", "cli:alice")
    unused, _ = store.create("clinician", "cli:alice")
    ring = Keyring({}, store)
    assert ring.identify(bearer(used)) is not None
    ring.live_grants(max_age_s=0)  # the next read writes what was used since the last one
    last_use = {k["id"]: k["last_used_at"] for k in map(describe, store.list())}
    assert last_use[f"key_{digest(used)[:12]}"] is not None
    assert last_use[f"key_{digest(unused)[:12]}"] is None


def test_services_starting_together_create_the_tables_once(postgres_schema):
    """The AuditLog and every entry's keyring create the audit database's tables as they
    start; in an image, two did at once and one failed (a duplicate pg_type on PostgreSQL,
    whose check-then-CREATE is not atomic). Eight starting at the same moment all succeed."""
    import threading

    start, failures = threading.Barrier(8), []

    def open_store() -> None:
        start.wait()
        try:
            KeyStore(postgres_schema)
        except Exception as error:  # the failure itself is what this test looks for
            failures.append(repr(error)[:200])

    threads = [threading.Thread(target=open_store) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
