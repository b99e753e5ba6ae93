"""MEDBENTO_PHI_OPERATOR=surrogate through every route of a served Gateway, with conversations
kept in each store (SQL and Redis): models see realistic stand-ins, never the values; a
conversation keeps its stand-ins and its date offset from turn to turn; clinicians get the
values back."""

from __future__ import annotations

import re
from datetime import date

import httpx
import numpy as np
import pytest

from tests.conftest import KEY, serve

pytestmark = pytest.mark.integration

NOTE = "Patient Harriet Quimby, MRN 40718822, seen 03/04/2024, reports chest pain."
FOLLOW_UP = "Ms. Quimby came back on 03/14/2024 with the same pain."
PHI_VALUES = ("Harriet", "Quimby", "40718822", "03/04/2024", "03/14/2024")
DATE = re.compile(r"\b(\d\d)/(\d\d)/(\d{4})\b")


@pytest.fixture(scope="module", params=["sql", "redis"])
def gateway(request, redis_url):
    env = {"MEDBENTO_PHI_OPERATOR": "surrogate"}
    if request.param == "redis":
        env["MEDBENTO_REDIS_URL"] = redis_url
    server = serve("services.gateway:Gateway", env)
    try:
        yield server.url
    finally:
        server.stop()


def client(url: str, role: str) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {KEY[role]}"})


def dates(text: str) -> list[date]:
    return [date(int(y), int(m), int(d)) for m, d, y in DATE.findall(text)]


def test_anonymize_embeddings_and_chat_use_stand_ins(gateway):
    with client(gateway, "researcher") as http:
        (anonymized,) = http.post("/anonymize", json={"texts": [NOTE]}).json()
        vectors = [
            http.post("/v1/embeddings", json={"input": NOTE, "model": "embedding"}).json()
            for _ in range(2)
        ]
        chat = http.post(
            "/v1/chat/completions",
            json={"model": "generation", "messages": [{"role": "user", "content": NOTE}]},
        )
    text = anonymized["text"]
    assert not any(v in text for v in PHI_VALUES) and "<" not in text
    assert re.fullmatch(
        r"Patient \w+ \w+, MRN \d{8}, seen \d\d/\d\d/\d{4}, reports chest pain\.", text
    )
    assert {e["entity_type"] for e in anonymized["entities"]} >= {"PERSON", "DATE"}
    # Each request draws its own stand-ins, so the model saw two different notes: it never
    # saw the note itself, which would give the same vector twice.
    first, second = (np.array(v["data"][0]["embedding"]) for v in vectors)
    assert not np.allclose(first, second)
    assert chat.status_code == 200
    assert not any(v in chat.json()["choices"][0]["message"]["content"] for v in PHI_VALUES)


def test_a_conversation_keeps_its_stand_ins_and_offset_in_the_store(gateway):
    with client(gateway, "researcher") as http:
        conversation = http.post("/conversations").json()["id"]
        for content in (NOTE, FOLLOW_UP):
            reply = http.post(f"/conversations/{conversation}/messages", json={"content": content})
            assert reply.status_code == 200, reply.text
        history = http.get(f"/conversations/{conversation}").json()["messages"]
    asked = [m["content"] for m in history if m["role"] == "user"]
    assert len(asked) == 2 and not any(v in t for t in asked for v in PHI_VALUES)
    (seen,), (back,) = dates(asked[0]), dates(asked[1])
    assert (back - seen).days == 10  # one offset for the whole conversation
    assert seen != date(2024, 3, 4)
    surname = re.search(r"Patient \w+ (\w+),", asked[0])[1]
    assert asked[1].startswith(f"Ms. {surname} came back")  # the same stand-in next turn


def test_a_clinician_gets_the_values_back(gateway):
    with client(gateway, "clinician") as http:
        conversation = http.post("/conversations").json()["id"]
        http.post(f"/conversations/{conversation}/messages", json={"content": NOTE})
        history = http.get(f"/conversations/{conversation}").json()["messages"]
        (anonymized,) = http.post("/anonymize", json={"texts": [NOTE]}).json()
    assert history[0]["content"] == NOTE
    assert "Quimby" not in anonymized["text"]  # /anonymize de-identifies for every role
