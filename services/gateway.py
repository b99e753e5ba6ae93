"""Gateway: the entry service of the all-in-one Bento and the whole public HTTP surface.

BentoML APIs (callable with bentoml.SyncHTTPClient): the OpenAI-compatible POST routes.
FastAPI routes (mounted on the same server): GETs and routes with path parameters.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import bentoml
from fastapi import Body, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError

from . import openai_routes, remote
from .conversation import Conversation, chat_with_conversation
from .embedding import Embedding, token_counter
from .errors import APIError, validation_message
from .generation import Generation, ndjson_events
from .middleware import RequestContext
from .schemas import (
    ChatCompletionRequest,
    ChatMessage,
    EmbeddingsRequest,
    GenerationRequest,
    GenerationResult,
)
from .settings import MODEL_IDS, get_settings

settings = get_settings()
OWNER = "anonymous"  # until API keys identify a principal

app = FastAPI(title="medbento", openapi_url=None, docs_url=None, redoc_url=None)


@app.exception_handler(APIError)
async def _api_error(_: Request, error: APIError) -> Response:
    return Response(error.body(), status_code=error.status, media_type="application/json")


@app.exception_handler(RequestValidationError)
async def _invalid(request: Request, error: RequestValidationError) -> Response:
    return await _api_error(request, APIError(400, validation_message(list(error.errors()))))


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


def validated(model: type[BaseModel], payload: Any) -> Any:
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        raise APIError(400, validation_message(error.errors(include_input=False))) from None


def known(model_id: str) -> str:
    if model_id not in MODEL_IDS:
        raise APIError(404, "No such model.", "model_not_found")
    return model_id


@bentoml.service(
    name="Gateway",
    # BentoML's own timeout answers outside our middleware; ours (request_timeout_s) fires first.
    traffic={"timeout": settings.request_timeout_s + 5},
    http={
        "cors": {
            "enabled": bool(settings.cors_origins),
            "access_control_allow_origins": settings.cors_origins,
            "access_control_allow_methods": ["GET", "POST", "OPTIONS"],
            "access_control_allow_headers": ["Authorization", "Content-Type", "X-Request-ID"],
            "access_control_expose_headers": ["X-Request-ID", "Retry-After"],
        }
    },
    workers=1,
)
@bentoml.asgi_app(app)
class Gateway:
    embedding = bentoml.depends(Embedding)
    generation = bentoml.depends(Generation)
    conversation = bentoml.depends(Conversation)
    # Only the tokenizer is read here, to count tokens for `usage`.
    embedder = bentoml.models.BentoModel(settings.embedder_tag)

    def __init__(self) -> None:
        self.count_tokens = token_counter(Path(self.embedder.path))

    # --- OpenAI-compatible (BentoML APIs) -----------------------------------------------------

    @bentoml.api(route="/v1/embeddings")
    async def embeddings(self, request: EmbeddingsRequest, /) -> dict:
        return await openai_routes.embeddings(
            request,
            encode=self.embedding.to_async.encode,
            dimensions=await self._dimensions(),
            count_tokens=self.count_tokens,
        )

    @bentoml.api(route="/v1/chat/completions")
    async def chat_completions(self, request: ChatCompletionRequest, /) -> dict:
        if request.model == "conversation":
            return await chat_with_conversation(request, self.conversation.to_async, owner=OWNER)
        openai_routes.check_model(request.model, ("generation",))
        return await openai_routes.chat(request, generate=self._generate, stream=self._stream)

    # --- models ---------------------------------------------------------------------------

    @app.get("/v1/models")
    async def list_models(self) -> dict:
        infos = await self._infos()
        return {
            "object": "list",
            "data": [
                {"id": i["id"], "object": "model", "created": i["created"], "owned_by": "medbento"}
                for i in infos
            ],
        }

    @app.get("/models")
    async def models(self) -> dict:
        return {"models": await self._infos()}

    @app.get("/models/{model_id}/info")
    async def model_info(self, model_id: str) -> dict:
        return await self._info(known(model_id))

    @app.get("/models/{model_id}/health")
    async def model_health(self, model_id: str) -> dict:
        known(model_id)
        started = time.perf_counter()
        try:
            await asyncio.wait_for(self._info(model_id), timeout=5)
            status = "ok"
        except (APIError, TimeoutError):
            status = "unavailable"
        latency_ms = round((time.perf_counter() - started) * 1000, 1)
        return {"id": model_id, "status": status, "probe_latency_ms": latency_ms}

    @app.get("/health")
    async def health(self) -> JSONResponse:
        states = await asyncio.gather(*(self.model_health(m) for m in MODEL_IDS))
        healthy = all(s["status"] == "ok" for s in states)
        body = {"status": "ok" if healthy else "degraded", "models": states}
        return JSONResponse(body, status_code=200 if healthy else 503)

    @app.post("/models/{model_id}/predict")
    async def predict(self, model_id: str, payload: dict[str, Any] = Body(...)) -> dict:  # noqa: B008
        match known(model_id):
            case "embedding":
                texts = openai_routes.check_texts(validated(PredictEmbedding, payload).texts)
                vectors = await remote.call(self.embedding.to_async.encode(texts))
                return {
                    "model": model_id,
                    "embeddings": vectors.tolist(),
                    "dimensions": vectors.shape[1],
                }
            case "generation":
                body = validated(PredictGeneration, payload)
                request = GenerationRequest(
                    prompt=body.prompt, max_tokens=body.max_tokens, temperature=body.temperature
                )
                result = await self._generate(openai_routes.check_generation(request))
                return {"model": model_id, **result.model_dump()}
            case _:
                body = validated(PredictConversation, payload)
                conversation_id = (
                    body.conversation_id or (await self.create_conversation(None))["id"]
                )
                reply = await self.add_message(
                    conversation_id, {"content": body.content, "max_tokens": body.max_tokens}
                )
                return {"model": model_id, "conversation_id": conversation_id, **reply}

    # --- conversations ----------------------------------------------------------------------

    @app.post("/conversations", status_code=201)
    async def create_conversation(self, payload: dict[str, Any] | None = Body(None)) -> dict:  # noqa: B008
        body = validated(NewConversation, payload or {})
        return await remote.call(
            self.conversation.to_async.create(owner=OWNER, messages=body.messages)
        )

    @app.post("/conversations/{conversation_id}/messages")
    async def add_message(self, conversation_id: str, payload: dict[str, Any] = Body(...)) -> dict:  # noqa: B008
        body = validated(NewMessage, payload)
        request = openai_routes.check_generation(
            GenerationRequest(
                messages=[ChatMessage(role="user", content=body.content)],
                max_tokens=body.max_tokens,
                temperature=body.temperature,
            )
        )
        result = GenerationResult.model_validate(
            await remote.call(
                self.conversation.to_async.reply(
                    conversation_id=conversation_id, owner=OWNER, request=request
                )
            )
        )
        return {
            "role": "assistant",
            "content": result.text,
            "finish_reason": result.finish_reason,
            "usage": {
                "prompt_tokens": result.prompt_tokens,
                "completion_tokens": result.completion_tokens,
            },
        }

    @app.get("/conversations/{conversation_id}")
    async def get_conversation(self, conversation_id: str) -> dict:
        return await remote.call(
            self.conversation.to_async.history(conversation_id=conversation_id, owner=OWNER)
        )

    # --- helpers ------------------------------------------------------------------------------

    async def _generate(self, request: GenerationRequest) -> GenerationResult:
        (result,) = await remote.call(self.generation.to_async.generate([request]))
        return GenerationResult.model_validate(result)

    async def _stream(self, request: GenerationRequest):
        async for event in ndjson_events(remote.stream(self.generation.to_async.stream(request))):
            yield event

    async def _info(self, model_id: str) -> dict:
        service = {
            "embedding": self.embedding,
            "generation": self.generation,
            "conversation": self.conversation,
        }[model_id]
        info = await remote.call(service.to_async.info())
        return info if isinstance(info, dict) else info.model_dump()

    async def _infos(self) -> list[dict]:
        return list(await asyncio.gather(*(self._info(m) for m in MODEL_IDS)))

    async def _dimensions(self) -> int:
        if not hasattr(self, "_dims"):
            self._dims = int((await self._info("embedding"))["details"]["dimensions"])
        return self._dims


Gateway.add_asgi_middleware(RequestContext)
