"""A client generated from /docs.json by a maintained generator (openapi-python-client) calls
every route of a served Gateway and parses every answer with the document's own types; the
BentoML client, which reads BentoML's /schema.json, calls every BentoML API."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import bentoml
import httpx
import pytest

from tests.conftest import KEY

pytestmark = pytest.mark.integration

GENERATOR = str(Path(sys.executable).with_name("openapi-python-client"))
NOTE = "Patient John Smith, MRN 4471882, reports chest pain since 03/14/2024."


@pytest.fixture(scope="module")
def document(gateway_url) -> dict:
    response = httpx.get(
        f"{gateway_url}/docs.json", headers={"Authorization": f"Bearer {KEY['researcher']}"}
    )
    assert response.status_code == 200
    return response.json()


@pytest.fixture(scope="module")
def generated(document, tmp_path_factory):
    """The package openapi-python-client writes for the document, imported."""
    root = tmp_path_factory.mktemp("generated")
    (root / "docs.json").write_text(json.dumps(document))
    env = os.environ | {"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    arguments = ["--path", "docs.json", "--meta", "none", "--output-path", "medbento_client"]
    run = subprocess.run(
        [GENERATOR, "generate", *arguments],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Warning" not in run.stdout + run.stderr, run.stdout + run.stderr
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("medbento_client")
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n.startswith("medbento_client")]:
            del sys.modules[name]


def test_every_operation_has_a_chosen_id_and_named_schemas(document):
    ids = [op["operationId"] for ops in document["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    # Handler names, not BentoML's `<Service>__<api>` or FastAPI's path-and-method compounds.
    assert all("__" not in i and not i.endswith(("_get", "_post")) for i in ids), ids
    schemas = document["components"]["schemas"]
    assert not [n for n in schemas if n.endswith("IODescriptor") or n.startswith("Response")]
    body = document["paths"]["/v1/embeddings"]["post"]["requestBody"]["content"]
    request = schemas[body["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]]
    variants = request["properties"]["input"]["anyOf"]
    assert {v["type"] for v in variants} == {"array", "string"}
    assert "type" not in request["properties"]["input"]  # the limits sit inside the variants
    array = next(v for v in variants if v["type"] == "array")
    assert array["items"]["type"] == "string" and array["maxItems"] >= 1
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            success = operation["responses"].get("200") or operation["responses"].get("201")
            schema = success.get("content", {}).get("application/json", {}).get("schema", {})
            if path not in ("/livez", "/readyz", "/healthz", "/metrics"):
                assert "$ref" in schema or "items" in schema or "anyOf" in schema, (
                    method,
                    path,
                )


def test_the_generated_client_calls_every_route(generated, gateway_url):
    from medbento_client import AuthenticatedClient
    from medbento_client.api.audit import audit_events, audit_verify
    from medbento_client.api.conversations import (
        add_message,
        create_conversation,
        get_conversation,
    )
    from medbento_client.api.keys import create_key, list_keys, revoke_key, rotate_key
    from medbento_client.api.models import (
        describe_models,
        health,
        model_health,
        model_info,
        predict,
    )
    from medbento_client.api.openai import chat_completions, embeddings, list_models
    from medbento_client.api.phi import anonymize
    from medbento_client.api.probes import healthz, livez, metrics, readyz
    from medbento_client.models import (
        AnonymizeRequest,
        ChatCompletionRequest,
        ChatMessage,
        ChatMessageRole,
        EmbeddingsRequest,
        KeyRotation,
        NewConversation,
        NewKey,
        NewKeyRole,
        NewMessage,
        PredictConversation,
        PredictEmbedding,
        PredictGeneration,
    )

    clients = {
        role: AuthenticatedClient(base_url=gateway_url, token=KEY[role], timeout=120)
        for role in ("clinician", "auditor", "admin")
    }
    called: set[str] = set()

    def call(operation, role: str = "clinician", **arguments):
        response = operation.sync_detailed(client=clients[role], **arguments)
        assert response.status_code in (200, 201), (operation.__name__, response.content[:300])
        called.add(operation.__name__.rsplit(".", 1)[1])
        return response.parsed

    user = ChatMessage(role=ChatMessageRole.USER, content="Summarize the assessment.")
    assert {m.id.value for m in call(list_models).data} == {
        "embedding",
        "generation",
        "conversation",
    }
    vectors = call(embeddings, body=EmbeddingsRequest(input_=[NOTE, "dyspnea"]))
    assert [len(d.embedding) for d in vectors.data] == [384, 384]
    single = call(embeddings, body=EmbeddingsRequest(input_="dyspnea"))
    assert len(single.data) == 1
    completion = call(chat_completions, body=ChatCompletionRequest(messages=[user], max_tokens=8))
    assert completion.choices[0].message.content
    (anonymized,) = call(anonymize, body=AnonymizeRequest(texts=[NOTE]))
    assert "John Smith" not in anonymized.text
    assert {"PERSON", "DATE"} <= {e.entity_type for e in anonymized.entities}

    assert [m.id.value for m in call(describe_models, "admin").models] == [
        "embedding",
        "generation",
        "conversation",
    ]
    assert call(model_info, "admin", model_id="embedding").details["dimensions"] == 384
    assert call(model_health, "admin", model_id="generation").status.value == "ok"
    assert call(health, "admin").status.value == "ok"
    assert (
        call(predict, model_id="embedding", body=PredictEmbedding(texts=[NOTE])).dimensions == 384
    )
    assert call(
        predict, model_id="generation", body=PredictGeneration(prompt=NOTE, max_tokens=4)
    ).text
    predicted = call(
        predict, model_id="conversation", body=PredictConversation(content=NOTE, max_tokens=4)
    )
    assert predicted.conversation_id

    created = call(create_conversation, body=NewConversation(messages=[]))
    reply = call(
        add_message, conversation_id=created.id, body=NewMessage(content=NOTE, max_tokens=4)
    )
    assert reply.role == "assistant" and reply.finish_reason.value in ("stop", "length")
    history = call(get_conversation, conversation_id=created.id)
    assert [t.role.value for t in history.messages] == ["user", "assistant"]
    assert history.messages[0].content == NOTE  # a clinician sees the PHI restored

    assert call(audit_events, "auditor", limit=5).events[0].seq > 0
    assert call(audit_verify, "auditor").ok
    for probe in (livez, readyz, healthz):
        call(probe)
    call(metrics, "admin")

    issued = call(create_key, "admin", body=NewKey(role=NewKeyRole.RESEARCHER))
    assert issued.key.startswith("mb-") and issued.role == "researcher"
    assert issued.id in {k.id for k in call(list_keys, "admin").keys}
    successor = call(rotate_key, "admin", key_id=issued.id, body=KeyRotation(grace_seconds=0))
    assert successor.key != issued.key
    assert call(revoke_key, "admin", key_id=successor.id).revoked_at

    api = Path(generated.__file__).parent / "api"
    every = {p.stem for p in api.glob("*/*.py") if p.stem != "__init__"}
    assert called == every, f"not called: {every - called}"


def test_the_bentoml_client_calls_every_bentoml_api(gateway_url):
    with bentoml.SyncHTTPClient(gateway_url, token=KEY["clinician"]) as client:
        assert set(client.endpoints) == {"embeddings", "chat_completions", "anonymize"}
        embedded = client.embeddings({"input": ["dyspnea", "orthopnea"], "model": "embedding"})
        assert [len(d["embedding"]) for d in embedded["data"]] == [384, 384]
        chat = client.chat_completions(
            {
                "messages": [{"role": "user", "content": "Summarize the assessment."}],
                "max_tokens": 8,
            }
        )
        assert chat["choices"][0]["message"]["content"]
        (anonymized,) = client.anonymize(texts=[NOTE])
        assert "John Smith" not in anonymized["text"]
    # BentoML's schema keeps a union's first type only: the list of texts comes first.
    schema = httpx.get(
        f"{gateway_url}/schema.json", headers={"Authorization": f"Bearer {KEY['clinician']}"}
    ).json()
    route = next(r for r in schema["routes"] if r["name"] == "embeddings")
    assert route["input"]["properties"]["input"]["type"] == "array"
