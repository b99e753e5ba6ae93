"""Bodies and queries of the Gateway's own routes (not OpenAI's): models and their health,
/predict, conversations, API keys, /anonymize and the audit query."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Body
from pydantic import BaseModel, BeforeValidator, Field, ValidationError, WithJsonSchema

from medbento.http.errors import APIError, validation_message
from medbento.http.schemas import ChatMessage, ModelId, ModelInfo
from medbento.phi.finding import Finding


class ModelCard(BaseModel):
    id: ModelId
    object: Literal["model"] = "model"
    created: int
    owned_by: str


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class ModelInfos(BaseModel):
    models: list[ModelInfo]


class LatencySummary(BaseModel):
    p50: float | None
    p95: float | None


class RecentCalls(BaseModel):
    window_s: int
    requests: int
    errors: int
    error_rate: float
    latency_ms: LatencySummary


class ModelHealth(BaseModel):
    id: ModelId
    status: Literal["ok", "unavailable"]
    probe_latency_ms: float
    recent: RecentCalls


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    models: list[ModelHealth]


class EmbeddingPrediction(BaseModel):
    model: Literal["embedding"]
    embeddings: list[list[float]]
    dimensions: int


class GenerationPrediction(BaseModel):
    model: Literal["generation"]
    text: str
    prompt_tokens: int
    completion_tokens: int
    finish_reason: Literal["stop", "length"]


class ReplyUsage(BaseModel):
    prompt_tokens: int
    completion_tokens: int


class Reply(BaseModel):
    """The assistant's answer to a message in a server-side conversation."""

    role: Literal["assistant"] = "assistant"
    content: str
    finish_reason: Literal["stop", "length"]
    usage: ReplyUsage


class ConversationPrediction(Reply):
    model: Literal["conversation"]
    conversation_id: str


class ConversationCreated(BaseModel):
    id: str


class HistoryTurn(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str
    created_at: str


class ConversationHistory(BaseModel):
    id: str
    messages: list[HistoryTurn]


# --- API keys (admin role) -------------------------------------------------------------------


class NewKey(BaseModel):
    role: Literal["clinician", "researcher", "auditor", "admin"]
    expires_at: datetime | None = None
    models: list[Literal["embedding", "generation", "conversation"]] | None = None


class KeyRotation(BaseModel):
    grace_seconds: int = Field(0, ge=0, le=7 * 24 * 3600)


class KeyInfo(BaseModel):
    id: str
    role: str
    models: list[str] | None
    expires_at: str | None
    created_at: str
    created_by: str
    revoked_at: str | None
    revoked_by: str | None
    replaced_by: str | None
    last_used_at: str | None


class IssuedKey(KeyInfo):
    key: str  # shown once: only its SHA-256 is stored


class KeyList(BaseModel):
    keys: list[KeyInfo]


# --- the Gateway's own routes' bodies and queries ----------------------------------------------


class PredictEmbedding(BaseModel):
    texts: list[str]


class PredictGeneration(BaseModel):
    prompt: str
    max_tokens: int = Field(64, ge=1)
    temperature: float = Field(0.0, ge=0.0, le=2.0)


class PredictConversation(BaseModel):
    content: str
    conversation_id: str | None = None
    max_tokens: int = Field(64, ge=1)


class NewMessage(BaseModel):
    content: str
    max_tokens: int = Field(64, ge=1)
    temperature: float = Field(0.0, ge=0.0, le=2.0)


class NewConversation(BaseModel):
    messages: list[ChatMessage] = Field(default_factory=list)


class AnonymizedText(BaseModel):
    text: str
    entities: list[Finding]


# The body of POST /models/{model_id}/predict depends on the model: checked against the one
# shape its model takes (so an error names that shape's fields), published as the three.
PredictBody = Annotated[
    dict[str, Any],
    Body(),
    WithJsonSchema(
        {
            "oneOf": [
                model.model_json_schema()
                for model in (PredictEmbedding, PredictGeneration, PredictConversation)
            ]
        }
    ),
]


def validated(model: type[BaseModel], payload: Any) -> Any:
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        raise APIError(400, validation_message(error.errors(include_input=False))) from None


def _date_time_only(value: Any) -> Any:
    # pydantic would also take "5" as a unix time; an audit query wants no such surprise.
    if isinstance(value, str) and not re.match(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}", value):
        raise ValueError("an ISO 8601 date-time is expected")
    return value


AUDIT_FILTERS = {"since", "until", "principal", "model", "limit"}


def unknown_filters(names: Iterable[str]) -> None:
    """A misspelt audit filter must not silently return every event."""
    if set(names) - AUDIT_FILTERS:
        raise APIError(422, "Unknown query parameter.", "unknown_parameter")


# principal and model are ids: a NUL or other control character in one would reach
# PostgreSQL, which refuses it with an error (5xx), so such a filter is a 400 first.
FILTER_NAME = r"^[A-Za-z0-9_.:-]{1,128}$"
Timestamp = Annotated[datetime, BeforeValidator(_date_time_only)]
