"""Request and response shapes shared by the services: the OpenAI-compatible ones and the
items that travel between the gateway and the model services."""

from __future__ import annotations

import base64
import time
import uuid
from typing import Annotated, Literal

import numpy as np
import orjson
from pydantic import (
    BaseModel,
    Field,
    StrictBool,
    WithJsonSchema,
    field_validator,
)
from starlette.responses import Response

from medbento.settings import get_settings

ModelId = Literal["embedding", "generation", "conversation"]


def _text_schema() -> dict:
    settings = get_settings()
    return {"type": "string", "minLength": 1, "maxLength": settings.max_chars, "pattern": r"\S"}


# The limits on texts, for the OpenAPI document only: `check_texts` enforces them, with errors
# that name the limit (pydantic's would be vaguer). Each limit sits inside the type it bounds,
# so a generated client sees a list of strings as a list; in unions the list comes first,
# because BentoML's own schema (/schema.json, read by its client) keeps only a union's first.
Text = Annotated[str, WithJsonSchema(_text_schema())]
Texts = Annotated[
    list[str],
    WithJsonSchema(
        {
            "type": "array",
            "items": _text_schema(),
            "minItems": 1,
            "maxItems": get_settings().max_texts,
        }
    ),
]


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str

    @field_validator("content", mode="before")
    @classmethod
    def _text_parts(cls, value: object) -> object:
        # OpenAI clients may send content as [{"type": "text", "text": ...}, ...].
        if isinstance(value, list):
            parts = [
                p.get("text", "") for p in value if isinstance(p, dict) and p.get("type") == "text"
            ]
            # A ValueError, which pydantic reports (400); joining a non-string part would raise
            # a TypeError, which escapes validation (500).
            if not all(isinstance(p, str) for p in parts):
                raise ValueError("a text part's text must be a string")
            return "".join(parts)
        return value


class GenerationRequest(BaseModel):
    """One prompt, or a chat (rendered with the model's chat template), to complete."""

    prompt: str | None = None
    messages: list[ChatMessage] | None = None
    max_tokens: int = Field(64, ge=1)
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    stop: list[str] = Field(default_factory=list)

    @property
    def greedy(self) -> bool:
        # Below 0.01, sampling is greedy decoding in all but name, and dividing the logits by a
        # temperature near zero overflows them to inf (NaN probabilities).
        return self.temperature < 0.01


class GenerationResult(BaseModel):
    text: str
    prompt_tokens: int
    completion_tokens: int
    finish_reason: Literal["stop", "length"]
    phi_counts: dict[str, int] = Field(default_factory=dict)  # found in the input, by type
    output_counts: dict[str, int] = Field(default_factory=dict)  # found in the answer, by type


class ModelInfo(BaseModel):
    id: ModelId
    tag: str
    created: int  # unix time the model entered the store
    labels: dict[str, str]
    device: str
    batching: dict[str, int]
    details: dict[str, str | int | bool] = Field(default_factory=dict)


# --- OpenAI-compatible shapes -------------------------------------------------------------


def completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex}"


def embedding_payload(
    vectors: np.ndarray, model: str, prompt_tokens: int, encoding_format: str
) -> dict:
    def encode(vector: np.ndarray) -> np.ndarray | str:
        if encoding_format == "base64":  # what the openai client asks for by default
            return base64.b64encode(vector.astype("<f4").tobytes()).decode()
        return vector  # serialized by orjson straight from numpy (see json_response)

    return {
        "object": "list",
        "data": [
            {"object": "embedding", "index": i, "embedding": encode(v)}
            for i, v in enumerate(vectors)
        ],
        "model": model,
        "usage": {"prompt_tokens": prompt_tokens, "total_tokens": prompt_tokens},
    }


def json_response(payload: dict) -> Response:
    """JSON bytes written once by orjson (numpy arrays included), not re-validated on the way
    out: the embeddings response is most of the gateway's work per request otherwise."""
    return Response(
        orjson.dumps(payload, option=orjson.OPT_SERIALIZE_NUMPY), media_type="application/json"
    )


def chat_payload(result: GenerationResult, model: str, **extra: object) -> dict:
    return {
        "id": completion_id(),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": result.text},
                "finish_reason": result.finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": result.prompt_tokens,
            "completion_tokens": result.completion_tokens,
            "total_tokens": result.prompt_tokens + result.completion_tokens,
        },
        **extra,
    }


def chat_chunk(
    chunk_id: str, created: int, model: str, delta: dict, finish_reason: str | None = None
) -> dict:
    return {
        "id": chunk_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


class EmbeddingsRequest(BaseModel):
    """POST /v1/embeddings, as OpenAI defines it."""

    input: Texts | Text
    model: str = "embedding"
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: int | None = Field(None, ge=1)
    user: str | None = None


class StreamOptions(BaseModel):
    include_usage: StrictBool = False


class ChatCompletionRequest(BaseModel):
    """POST /v1/chat/completions, as OpenAI defines it, plus `conversation_id` (medbento):
    with model "conversation" it continues a server-side conversation."""

    messages: list[ChatMessage] = Field(min_length=1)
    model: str = "generation"
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    # medbento defaults to greedy decoding: the same question gets the same answer.
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    n: int = Field(1, ge=1, le=1)
    stop: str | list[str] | None = None
    # Strict: "yes", "no", 1 or "false" are a client's mistake, not a choice to guess.
    stream: StrictBool = False
    stream_options: StreamOptions | None = None
    user: str | None = None
    conversation_id: str | None = None

    def generation(self, default_max_tokens: int) -> GenerationRequest:
        stop = [self.stop] if isinstance(self.stop, str) else list(self.stop or [])
        return GenerationRequest(
            messages=self.messages,
            max_tokens=self.max_completion_tokens or self.max_tokens or default_max_tokens,
            temperature=self.temperature,
            top_p=self.top_p,
            stop=stop,
        )


# --- Response shapes, as /docs.json publishes them -----------------------------------------
# The routes build their answers as plain dicts and numpy arrays (cheaper than models on the
# hot path); these name and describe those answers for clients generated from the document,
# and tests/integration/test_generated_client.py parses every answer with them.


class EmbeddingData(BaseModel):
    object: Literal["embedding"] = "embedding"
    index: int
    # A list of floats, or with encoding_format "base64" the little-endian float32 bytes.
    embedding: list[float] | str


class EmbeddingsUsage(BaseModel):
    prompt_tokens: int
    total_tokens: int


class EmbeddingsResponse(BaseModel):
    object: Literal["list"] = "list"
    data: list[EmbeddingData]
    model: str
    usage: EmbeddingsUsage


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class ChatChoice(BaseModel):
    index: int
    message: AssistantMessage
    finish_reason: Literal["stop", "length"]


class CompletionUsage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(BaseModel):
    """A chat completion; with `stream: true` the route answers server-sent events instead."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[ChatChoice]
    usage: CompletionUsage
    conversation_id: str | None = None  # model "conversation": send it back to continue
