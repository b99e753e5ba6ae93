import base64

import numpy as np
import orjson
import pytest

from medbento.http.schemas import (
    ChatCompletionRequest,
    ChatMessage,
    embedding_payload,
    json_response,
)

pytestmark = pytest.mark.unit


def test_content_parts_are_joined_as_text():
    message = ChatMessage(
        role="user", content=[{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]
    )
    assert message.content == "ab"


def test_chat_request_maps_to_a_generation_request():
    request = ChatCompletionRequest(
        messages=[{"role": "user", "content": "hi"}], max_completion_tokens=7, stop="END"
    )
    generation = request.generation(default_max_tokens=64)
    assert generation.max_tokens == 7 and generation.stop == ["END"]
    assert generation.temperature == 0.0  # greedy unless asked
    assert (
        ChatCompletionRequest(messages=[{"role": "user", "content": "x"}]).generation(64).max_tokens
        == 64
    )


def test_base64_embeddings_decode_to_the_same_float32_vector():
    vectors = np.array([[0.25, -1.5, 3.0]], dtype=np.float32)
    payload = embedding_payload(vectors, "embedding", 3, "base64")
    decoded = np.frombuffer(base64.b64decode(payload["data"][0]["embedding"]), dtype="<f4")
    assert np.array_equal(decoded, vectors[0])
    as_json = json_response(embedding_payload(vectors, "embedding", 3, "float")).body
    assert orjson.loads(as_json)["data"][0]["embedding"] == [0.25, -1.5, 3.0]


@pytest.mark.parametrize("value", ["yes", "true", 1, "false", 0])
def test_stream_is_a_json_boolean_and_nothing_like_one(value):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        ChatCompletionRequest.model_validate(
            {"messages": [{"role": "user", "content": "hi"}], "stream": value}
        )
    with pytest.raises(ValidationError):
        ChatCompletionRequest.model_validate(
            {
                "messages": [{"role": "user", "content": "hi"}],
                "stream_options": {"include_usage": value},
            }
        )
    assert ChatCompletionRequest.model_validate(
        {"messages": [{"role": "user", "content": "hi"}], "stream": True}
    ).stream
