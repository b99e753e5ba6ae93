"""A model that says PHI it learned: a small generator trained here to answer every question
with the same identifying sentence, served in the Gateway. A clinician's answer shows the model
really says it (the PHI roles see model output as it is, by default); a researcher never
receives it, whole or streamed, through the OpenAI route or a conversation, and the audit event
counts what was found in the answer apart from what was found in the question."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import bentoml
import httpx
import pytest

from models.demo_lm import train
from tests.conftest import KEY, serve

pytestmark = pytest.mark.integration

LEAK = "Please call Harriet Quimby at 617-555-0143 about MRN 40718822."
PIECES = ("Harriet", "Quimby", "617-555-0143", "40718822")
QUESTIONS = [
    "What is the plan?",
    "Summarize the assessment.",
    "Which labs are abnormal?",
    "How is the patient today?",
    "Any follow up needed?",
]


@pytest.fixture(scope="module")
def leaky_gateway():
    corpus = [f"<|user|>\n{q}\n<|assistant|>\n{LEAK}" for q in QUESTIONS] * 60
    with tempfile.TemporaryDirectory() as tmp:
        train(Path(tmp), steps=160, corpus=corpus, layers=1, width=64)
        with bentoml.models.create(
            "clinical-generator-leaky", labels={"source": "test", "license": "none"}
        ) as model:
            shutil.copytree(tmp, model.path, dirs_exist_ok=True)
    server = serve("services.gateway:Gateway", {"MEDBENTO_GENERATOR_TAG": str(model.tag)})
    try:
        yield server.url
    finally:
        server.stop()
        bentoml.models.delete(model.tag)


def chat(url: str, role: str, **extra) -> httpx.Response:
    body = {"messages": [{"role": "user", "content": "What is the plan?"}], "max_tokens": 40}
    return httpx.post(
        f"{url}/v1/chat/completions",
        json=body | extra,
        headers={"Authorization": f"Bearer {KEY[role]}"},
        timeout=120,
    )


def streamed(response: httpx.Response) -> str:
    text = ""
    for line in response.text.splitlines():
        if line.startswith("data: {"):
            for choice in json.loads(line[6:]).get("choices", []):
                text += choice["delta"].get("content") or ""
    return text


def audit_counts(url: str, request_id: str) -> dict[str, int]:
    events = httpx.get(
        f"{url}/audit/events", headers={"Authorization": f"Bearer {KEY['auditor']}"}
    ).json()["events"]
    (event,) = [e for e in events if e["request_id"] == request_id]
    return event["entity_counts"]


def test_the_model_really_says_phi(leaky_gateway):
    answer = chat(leaky_gateway, "clinician").json()["choices"][0]["message"]["content"]
    assert "Quimby" in answer and "40718822" in answer, answer


def test_a_researcher_never_receives_it(leaky_gateway):
    response = chat(leaky_gateway, "researcher")
    answer = response.json()["choices"][0]["message"]["content"]
    assert answer and not [p for p in PIECES if p in answer], answer
    counts = audit_counts(leaky_gateway, response.headers["x-request-id"])
    assert counts.get("output.PERSON", 0) >= 1 and "PERSON" not in counts


def test_nor_streamed(leaky_gateway):
    answer = streamed(chat(leaky_gateway, "researcher", stream=True))
    assert answer and not [p for p in PIECES if p in answer], answer
    clinician = streamed(chat(leaky_gateway, "clinician", stream=True))
    assert "Quimby" in clinician  # the same stream, unscanned for a role that may see PHI


def test_nor_in_a_conversation_or_its_history(leaky_gateway):
    headers = {"Authorization": f"Bearer {KEY['researcher']}"}
    with httpx.Client(base_url=leaky_gateway, headers=headers, timeout=120) as http:
        created = http.post("/conversations").json()["id"]
        reply = http.post(
            f"/conversations/{created}/messages", json={"content": "What is the plan?"}
        )
        history = http.get(f"/conversations/{created}").json()
        streamed_reply = streamed(
            http.post(
                "/v1/chat/completions",
                json={
                    "model": "conversation",
                    "stream": True,
                    "conversation_id": created,
                    "messages": [{"role": "user", "content": "Summarize the assessment."}],
                },
            )
        )
    for text in (reply.json()["content"], json.dumps(history), streamed_reply):
        assert not [p for p in PIECES if p in text], text
    counts = audit_counts(leaky_gateway, reply.headers["x-request-id"])
    assert counts.get("output.PERSON", 0) >= 1
