"""The whole HTTP surface of a served Gateway (bentoml.serve: every service in its own process),
driven with httpx, the official openai client and the generated BentoML client."""

from __future__ import annotations

import base64

import bentoml
import httpx
import numpy as np
import openai
import pytest

from tests.conftest import KEY

pytestmark = pytest.mark.integration

PHI = "Jane Roe, MRN 4471-882"
MODEL_IDS = ("embedding", "generation", "conversation")


@pytest.fixture(scope="module")
def http(gateway_url, api_key):
    with httpx.Client(
        base_url=gateway_url, timeout=60, headers={"Authorization": f"Bearer {api_key}"}
    ) as client:
        yield client


@pytest.fixture(scope="module")
def oai(gateway_url, api_key):
    return openai.OpenAI(base_url=f"{gateway_url}/v1", api_key=api_key, max_retries=0)


def error_of(response: httpx.Response) -> dict:
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "request_id"}
    assert body["error"]["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text
    return body["error"]


# --- OpenAI-compatible -----------------------------------------------------------------------


def test_models_list_the_three_ids(oai):
    assert sorted(m.id for m in oai.models.list()) == sorted(MODEL_IDS)


def test_embeddings_through_the_openai_client(oai):
    # The openai client asks for base64 and decodes it; the vectors must be unit length.
    result = oai.embeddings.create(model="embedding", input=["chest pain", "shortness of breath"])
    assert [d.index for d in result.data] == [0, 1]
    vectors = np.array([d.embedding for d in result.data])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert result.usage.prompt_tokens > 0


def test_float_and_base64_encodings_agree(http):
    body = {"input": "fever and chills", "model": "embedding"}
    floats = http.post("/v1/embeddings", json=body).json()["data"][0]["embedding"]
    packed = http.post("/v1/embeddings", json=body | {"encoding_format": "base64"}).json()
    decoded = np.frombuffer(base64.b64decode(packed["data"][0]["embedding"]), dtype="<f4")
    assert np.allclose(decoded, floats, atol=1e-6)


def test_similar_clinical_texts_are_closer_than_unrelated_ones(oai):
    texts = ["myocardial infarction", "heart attack", "ankle sprain"]
    v = np.array([d.embedding for d in oai.embeddings.create(model="embedding", input=texts).data])
    assert v[0] @ v[1] > v[0] @ v[2]


def test_chat_completion_through_the_openai_client(oai):
    result = oai.chat.completions.create(
        model="generation",
        messages=[{"role": "user", "content": "What is the plan for cellulitis?"}],
        max_tokens=24,
    )
    choice = result.choices[0]
    assert choice.message.role == "assistant" and choice.message.content.strip()
    assert choice.finish_reason in ("stop", "length")
    assert 0 < result.usage.completion_tokens <= 24
    assert result.usage.total_tokens == result.usage.prompt_tokens + result.usage.completion_tokens


def test_streamed_chat_matches_the_unstreamed_answer(oai):
    request = {
        "model": "generation",
        "messages": [{"role": "user", "content": "Which labs are abnormal?"}],
        "max_tokens": 24,
    }
    whole = oai.chat.completions.create(**request).choices[0].message.content
    chunks = list(
        oai.chat.completions.create(**request, stream=True, stream_options={"include_usage": True})
    )
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole  # greedy decoding: same tokens either way
    assert len([c for c in chunks if c.choices and c.choices[0].delta.content]) > 1
    finishes = [
        c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason
    ]
    assert finishes in (["stop"], ["length"])
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0


def test_stream_is_server_sent_events_ending_in_done(http):
    body = {"messages": [{"role": "user", "content": "What should we do next?"}], "stream": True}
    with http.stream("POST", "/v1/chat/completions", json=body) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in response.iter_lines() if line]
    assert all(line.startswith("data: ") for line in lines)
    assert lines[-1] == "data: [DONE]"


def test_conversation_model_keeps_history_across_openai_calls(oai, http):
    first = oai.chat.completions.create(
        model="conversation", messages=[{"role": "user", "content": "What are the vital signs?"}]
    )
    conversation_id = first.model_extra["conversation_id"]
    oai.chat.completions.create(
        model="conversation",
        messages=[{"role": "user", "content": "Summarize the assessment."}],
        extra_body={"conversation_id": conversation_id},
    )
    turns = http.get(f"/conversations/{conversation_id}").json()["messages"]
    assert [t["role"] for t in turns] == ["user", "assistant", "user", "assistant"]
    assert turns[0]["content"] == "What are the vital signs?"


def test_unknown_model_is_404_in_the_openai_error_shape(oai):
    with pytest.raises(openai.NotFoundError) as caught:
        oai.embeddings.create(model="gpt-4", input="x")
    assert caught.value.body["code"] == "model_not_found"


def test_wrong_route_for_a_model_is_400(http):
    response = http.post("/v1/embeddings", json={"input": "x", "model": "generation"})
    assert response.status_code == 400 and error_of(response)["code"] == "unsupported_model"


# --- the generated BentoML client --------------------------------------------------------------


def test_every_bentoml_api_works_with_the_generated_client(gateway_url, api_key):
    with bentoml.SyncHTTPClient(gateway_url, token=api_key) as client:
        assert {"embeddings", "chat_completions"} <= set(client.endpoints)
        embedded = client.embeddings({"input": ["dyspnea"], "model": "embedding"})
        assert len(embedded["data"][0]["embedding"]) == 384
        chat = client.chat_completions(
            {
                "messages": [{"role": "user", "content": "Summarize the assessment."}],
                "max_tokens": 16,
            }
        )
        assert chat["choices"][0]["message"]["content"]


# --- seed REST -------------------------------------------------------------------------------


def test_models_and_their_info(http):
    listed = http.get("/models").json()["models"]
    assert [m["id"] for m in listed] == list(MODEL_IDS)
    for model_id in MODEL_IDS:
        info = http.get(f"/models/{model_id}/info").json()
        assert info["id"] == model_id
        assert info["tag"].split(":")[1] != "latest"  # the exact version served
        assert set(info["labels"]) >= {"source", "license", "sha256"}
        assert len(info["labels"]["sha256"]) == 64
        assert info["batching"]["max_batch_size"] >= 1
        assert info["device"] in ("cpu", "cuda")
    assert http.get("/models/embedding/info").json()["details"]["dimensions"] == 384


def test_model_health_and_overall_health(http):
    for model_id in MODEL_IDS:
        health = http.get(f"/models/{model_id}/health").json()
        assert health == health | {"id": model_id, "status": "ok"}
    overall = http.get("/health")
    assert overall.status_code == 200 and overall.json()["status"] == "ok"


@pytest.mark.parametrize("path", ["/models/nope/info", "/models/nope/health"])
def test_unknown_model_id_is_a_404_envelope(http, path):
    response = http.get(path)
    assert response.status_code == 404 and error_of(response)["code"] == "model_not_found"


def test_predict_takes_each_model_types_natural_input(http):
    embedded = http.post("/models/embedding/predict", json={"texts": ["a", "b"]}).json()
    assert len(embedded["embeddings"]) == 2 and embedded["dimensions"] == 384
    generated = http.post(
        "/models/generation/predict", json={"prompt": "The patient presents with", "max_tokens": 8}
    ).json()
    assert generated["text"] and generated["completion_tokens"] <= 8
    talked = http.post(
        "/models/conversation/predict", json={"content": "What are the vital signs?"}
    ).json()
    assert talked["content"] and talked["conversation_id"]
    again = http.post(
        "/models/conversation/predict",
        json={"content": "What should we do next?", "conversation_id": talked["conversation_id"]},
    ).json()
    assert again["conversation_id"] == talked["conversation_id"]
    response = http.post("/models/unknown/predict", json={"texts": ["a"]})
    assert response.status_code == 404 and error_of(response)["code"] == "model_not_found"


def test_conversation_routes(http):
    created = http.post("/conversations")
    assert created.status_code == 201
    conversation_id = created.json()["id"]
    reply = http.post(
        f"/conversations/{conversation_id}/messages", json={"content": "Which labs are abnormal?"}
    )
    assert (
        reply.status_code == 200 and reply.json()["role"] == "assistant" and reply.json()["content"]
    )
    history = http.get(f"/conversations/{conversation_id}").json()
    assert history["id"] == conversation_id
    assert [m["content"] for m in history["messages"]] == [
        "Which labs are abnormal?",
        reply.json()["content"],
    ]
    missing = http.get("/conversations/does-not-exist")
    assert missing.status_code == 404 and error_of(missing)["code"] == "conversation_not_found"
    missing = http.post("/conversations/does-not-exist/messages", json={"content": "hello"})
    assert missing.status_code == 404


# --- probes and metrics ------------------------------------------------------------------------


def test_probes_and_prometheus_metrics(http, gateway_url):
    assert httpx.get(f"{gateway_url}/livez").status_code == 200  # open, no key
    assert httpx.get(f"{gateway_url}/readyz").status_code == 200
    http.post("/v1/embeddings", json={"input": "warm"})
    admin = {"Authorization": f"Bearer {KEY['admin']}"}
    metrics = httpx.get(f"{gateway_url}/metrics", headers=admin).text
    assert "bentoml_service_adaptive_batch_size_bucket" in metrics
    assert 'runner_name="Embedding"' in metrics


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/embeddings", {"input": 5}),
        ("/v1/embeddings", {"input": []}),
        ("/v1/embeddings", {"input": ["   "]}),
        ("/v1/embeddings", {"input": [PHI] * 1000}),
        ("/v1/embeddings", {"input": PHI * 2000}),
        ("/v1/chat/completions", {"messages": []}),
        ("/v1/chat/completions", {"messages": [{"role": "nurse", "content": PHI}]}),
        (
            "/v1/chat/completions",
            {"messages": [{"role": "user", "content": PHI}], "max_tokens": 100000},
        ),
        ("/models/embedding/predict", {"texts": PHI}),
        ("/models/generation/predict", {"prompt": ""}),
        ("/models/generation/predict", {"prompt": PHI, "max_tokens": "many"}),
        ("/conversations", {"messages": PHI}),
    ],
)
def test_bad_input_is_a_4xx_envelope_that_never_echoes_it(http, path, body):
    response = http.post(path, json=body)
    assert 400 <= response.status_code < 500
    message = error_of(response)["message"]  # (the request id is random hex: not checked)
    assert "Jane" not in message and "4471" not in message


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe\x00", b"[" * 5000 + b"]" * 5000, b""])
def test_malformed_bodies_are_4xx_envelopes(http, raw):
    for path in ("/v1/embeddings", "/v1/chat/completions", "/models/embedding/predict"):
        response = http.post(path, content=raw, headers={"content-type": "application/json"})
        assert 400 <= response.status_code < 500, (path, raw[:10], response.status_code)
        error_of(response)


def test_the_bearer_scheme_is_case_insensitive(gateway_url, api_key):
    for scheme in ("bearer", "BEARER"):
        response = httpx.get(
            f"{gateway_url}/v1/models", headers={"Authorization": f"{scheme} {api_key}"}
        )
        assert response.status_code == 200, scheme
