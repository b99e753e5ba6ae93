"""No route reaches a model without the PHI guard and the audit trail: proved from outside for
the Gateway Bento and for each model type served as the entry of its own Bento."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import numpy as np
import pytest

from medbento.audit.records import EventQuery
from medbento.audit.store import AuditStore
from tests.conftest import DATA_DIR, KEY, serve

pytestmark = pytest.mark.integration

PATIENT = "Harriet Quimby"
PHI_NOTE = f"Patient {PATIENT}, MRN 40718822, seen 03/14/2024, reports chest pain."
CLEAN_NOTE = "Patient <PERSON_1>, MRN <MEDICAL_RECORD_NUMBER_1>, seen <DATE_1>, reports chest pain."
# What the guard finds in PHI_NOTE: one of each (CLEAN_NOTE is PHI_NOTE as the model sees it).
NOTE_COUNTS = {"PERSON": 1, "MEDICAL_RECORD_NUMBER": 1, "DATE": 1}
PHI_VALUES = (PATIENT, "Harriet", "Quimby", "40718822", "03/14/2024")
INTERNAL_ROUTES = {
    "gateway": [],
    "embedding": ["/encode", "/info"],
    "generation": ["/generate", "/stream", "/info"],
    "conversation": ["/create", "/extend", "/complete", "/stream_complete", "/history", "/info"],
}
SERVICES = {
    "embedding": "services.embedding:Embedding",
    "generation": "services.generation:Generation",
    "conversation": "services.conversation:Conversation",
}


def client(url: str, role: str = "researcher") -> httpx.Client:
    return httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {KEY[role]}"})


def audit_event(request_id: str) -> dict:
    (event,) = [
        e
        for e in AuditStore(f"sqlite:///{DATA_DIR / 'audit.db'}").events(EventQuery(limit=1000))
        if e["request_id"] == request_id
    ]
    return event


def assert_audited(
    response: httpx.Response,
    model_id: str | None,
    phi_counts: dict[str, int],
    digested: bool = True,
) -> None:
    """The request's audit event, with exactly `phi_counts` found in its input (counted once,
    whichever services took part)."""
    event = audit_event(response.headers["x-request-id"])
    assert event["status"] == response.status_code and event["model_id"] == model_id
    found = {k: v for k, v in event["entity_counts"].items() if not k.startswith("output.")}
    assert found == phi_counts
    if digested:  # a refused request's body is never read
        assert event["input_digest"] and len(event["input_digest"]) == 64
    row = str(event)
    assert not any(value in row for value in PHI_VALUES), "an audit row holds a PHI value"


@pytest.fixture(scope="module")
def standalone():
    servers = {name: serve(target) for name, target in SERVICES.items()}
    try:
        yield {name: server.url for name, server in servers.items()}
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture(scope="module")
def bentos(gateway_url, standalone):
    return {"gateway": gateway_url, **standalone}


def test_embeddings_see_only_deidentified_text(bentos):
    for name in ("gateway", "embedding"):
        with client(bentos[name]) as http:
            raw = http.post("/v1/embeddings", json={"input": PHI_NOTE, "model": "embedding"})
            clean = http.post("/v1/embeddings", json={"input": CLEAN_NOTE, "model": "embedding"})
        assert raw.status_code == 200
        # Same vector: the model was given the placeholders, not the name, MRN or date.
        a, b = (np.array(r.json()["data"][0]["embedding"]) for r in (raw, clean))
        assert np.allclose(a, b, atol=1e-5), name
        assert_audited(raw, "embedding", NOTE_COUNTS)


def test_generation_sees_only_deidentified_text(bentos):
    def ask(http: httpx.Client, text: str) -> httpx.Response:
        return http.post(
            "/v1/chat/completions",
            json={
                "model": "generation",
                "messages": [{"role": "user", "content": text}],
                "max_tokens": 24,
            },
        )

    for name in ("gateway", "generation"):
        with client(bentos[name]) as http:
            raw, clean = ask(http, PHI_NOTE), ask(http, CLEAN_NOTE)
        assert raw.status_code == 200
        # Greedy decoding: the same completion, so the model's input was the same.
        assert raw.json()["choices"][0]["message"] == clean.json()["choices"][0]["message"]
        assert raw.json()["usage"]["prompt_tokens"] == clean.json()["usage"]["prompt_tokens"]
        assert_audited(raw, "generation", NOTE_COUNTS)


def test_conversations_store_deidentified_turns_and_give_names_back_to_clinicians(bentos):
    for name in ("gateway", "conversation"):
        with client(bentos[name], "clinician") as http:
            first = http.post(
                "/v1/chat/completions",
                json={"model": "conversation", "messages": [{"role": "user", "content": PHI_NOTE}]},
            )
            assert first.status_code == 200
            assert_audited(first, "conversation", NOTE_COUNTS)
            conversation_id = first.json()["conversation_id"]
            again = http.post(
                "/v1/chat/completions",
                json={
                    "model": "conversation",
                    "conversation_id": conversation_id,
                    "messages": [{"role": "user", "content": f"Is {PATIENT} better?"}],
                },
            )
            assert again.status_code == 200
        stored = _stored_turns(conversation_id)
        assert stored[0] == CLEAN_NOTE
        assert stored[2] == "Is <PERSON_1> better?"  # the same placeholder in every turn
        assert not any(v in " ".join(stored) for v in PHI_VALUES)
    with client(bentos["gateway"], "clinician") as http:
        conversation_id = http.post(
            "/conversations", json={"messages": [{"role": "user", "content": PHI_NOTE}]}
        ).json()["id"]
        shown = http.get(f"/conversations/{conversation_id}").json()["messages"]
    assert shown[0]["content"] == PHI_NOTE  # a clinician sees the original
    with client(bentos["gateway"], "researcher") as http:
        conversation_id = http.post(
            "/conversations", json={"messages": [{"role": "user", "content": PHI_NOTE}]}
        ).json()["id"]
        shown = http.get(f"/conversations/{conversation_id}").json()["messages"]
        # ...a researcher only ever the placeholders, and nobody else's conversations.
        assert shown[0]["content"] == CLEAN_NOTE
    with client(bentos["gateway"], "clinician") as other:
        assert other.get(f"/conversations/{conversation_id}").status_code == 404


def _stored_turns(conversation_id: str) -> list[str]:
    with sqlite3.connect(DATA_DIR / "sessions.db") as db:
        rows = db.execute(
            "SELECT content FROM conversation_turn WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        ).fetchall()
        (sealed,) = db.execute(
            "SELECT sealed_mapping FROM conversation WHERE id = ?", (conversation_id,)
        ).fetchone()
    assert sealed and PATIENT not in sealed  # the mapping is stored encrypted
    return [content for (content,) in rows]


def test_internal_apis_are_closed_to_clients_of_every_bento(bentos):
    for name, routes in INTERNAL_ROUTES.items():
        with client(bentos[name], "clinician") as http:
            for route in routes:
                response = http.post(route, json={"texts": [PHI_NOTE]})
                assert response.status_code == 404, (name, route)
                assert response.json()["error"]["code"] == "not_found"


def test_every_bento_needs_a_key_and_the_right_role(bentos):
    for name, url in bentos.items():
        route = "/v1/embeddings" if name == "embedding" else "/v1/chat/completions"
        body = {"input": PHI_NOTE, "messages": [{"role": "user", "content": PHI_NOTE}]}
        anonymous = httpx.post(f"{url}{route}", json=body)
        assert anonymous.status_code == 401 and anonymous.headers["www-authenticate"] == "Bearer"
        assert "Harriet" not in anonymous.text
        assert_audited(anonymous, None, {}, digested=False)
        with client(url, "auditor") as http:
            assert http.post(route, json=body).status_code == 403
        wrong = httpx.post(
            f"{url}{route}", json=body, headers={"Authorization": "Bearer not-a-key"}
        )
        assert wrong.status_code == 401


def test_anonymize_returns_offsets_into_the_original(gateway_url):
    texts = [PHI_NOTE, f"{PATIENT} called from (617) 555-0199."]
    with client(gateway_url) as http:
        response = http.post("/anonymize", json={"texts": texts})
    assert response.status_code == 200
    first, second = response.json()
    assert first["text"] == CLEAN_NOTE
    assert second["text"] == "<PERSON_1> called from <PHONE_NUMBER_1>."  # consistent across texts
    for original, result in zip(texts, (first, second), strict=True):
        for entity in result["entities"]:
            assert set(entity) == {"entity_type", "start", "end", "score"}
            assert original[entity["start"] : entity["end"]] in PHI_NOTE + texts[1]
    assert {texts[0][e["start"] : e["end"]] for e in first["entities"]} == {
        PATIENT,
        "40718822",
        "03/14/2024",
    }
    assert_audited(response, None, NOTE_COUNTS | {"PERSON": 2, "PHONE_NUMBER": 1})


def test_reject_policy_refuses_phi_naming_types_not_values():
    server = serve(SERVICES["embedding"], {"MEDBENTO_PHI_POLICY": "reject"})
    try:
        with client(server.url) as http:
            refused = http.post("/v1/embeddings", json={"input": PHI_NOTE})
            accepted = http.post(
                "/v1/embeddings", json={"input": "chest pain radiating to the left arm"}
            )
    finally:
        server.stop()
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["code"] == "phi_rejected"
    assert "PERSON" in error["message"] and "MEDICAL_RECORD_NUMBER" in error["message"]
    assert not any(v in refused.text for v in PHI_VALUES)
    assert accepted.status_code == 200
    assert audit_event(refused.headers["x-request-id"])["outcome"] == "rejected"


def test_no_output_without_its_audit_event(postgres_url, postgres_schema):
    """Fail closed: with the audit store unwritable, the model's answer is withheld (503)."""
    import psycopg

    url = postgres_schema
    schema = url.rsplit("%3D", 1)[1]
    server = serve(SERVICES["embedding"], {"MEDBENTO_DATABASE_URL": url})
    try:
        with client(server.url) as http:
            assert http.post("/v1/embeddings", json={"input": "fever"}).status_code == 200
            with psycopg.connect(postgres_url, autocommit=True) as conn:
                conn.execute(f"ALTER TABLE {schema}.audit_event RENAME TO audit_event_gone")
            withheld = http.post("/v1/embeddings", json={"input": "fever and chills"})
            with psycopg.connect(postgres_url, autocommit=True) as conn:
                conn.execute(f"ALTER TABLE {schema}.audit_event_gone RENAME TO audit_event")
            restored = http.post("/v1/embeddings", json={"input": "fever and chills"})
    finally:
        server.stop()
    assert withheld.status_code == 503
    assert withheld.json()["error"]["code"] == "audit_unavailable"
    assert "embedding" not in withheld.text.replace('"code"', "")
    assert restored.status_code == 200


def test_cli_verify_passes_live_and_fails_on_an_edited_or_shortened_copy(tmp_path, gateway_url):
    with client(gateway_url) as http:
        for _ in range(3):
            http.post("/v1/embeddings", json={"input": PHI_NOTE})

    def verify(db: Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(Path(sys.executable).with_name("medbento")), "audit", "verify"],
            env={
                "MEDBENTO_DATA_DIR": str(DATA_DIR),
                "MEDBENTO_DATABASE_URL": f"sqlite:///{db}",
                "PATH": "/usr/bin:/bin",
            },
            capture_output=True,
            text=True,
            check=False,
        )

    live = verify(DATA_DIR / "audit.db")
    assert live.returncode == 0, live.stderr
    assert "verified" in live.stdout

    def copy(name: str) -> Path:
        target = tmp_path / name
        with sqlite3.connect(DATA_DIR / "audit.db") as source, sqlite3.connect(target) as dest:
            source.backup(dest)
        return target

    edited = copy("edited.db")
    with sqlite3.connect(edited) as db:
        seq = db.execute("SELECT min(seq) + 1 FROM audit_event").fetchone()[0]
        db.execute("UPDATE audit_event SET status = 200, outcome = 'ok' WHERE seq = ?", (seq,))
        db.execute("UPDATE audit_event SET principal = 'key_000000000000' WHERE seq = ?", (seq,))
    broken = verify(edited)
    assert broken.returncode == 1 and f"event {seq} was altered" in broken.stderr

    deleted = copy("deleted.db")
    with sqlite3.connect(deleted) as db:
        db.execute("DELETE FROM audit_event WHERE seq = ?", (seq,))
    broken = verify(deleted)
    assert broken.returncode == 1 and f"event {seq} was removed" in broken.stderr
    shutil.rmtree(tmp_path, ignore_errors=True)
