"""Gateway: the entry service of the all-in-one Bento and the whole public HTTP surface.

BentoML APIs (callable with bentoml.SyncHTTPClient): the OpenAI-compatible POST routes and
/anonymize. FastAPI routes (mounted on the same server): GETs and routes with path parameters.
Every route that reaches a model de-identifies first (RequestGuard) and is audited (AccessControl).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated

import bentoml
from fastapi import Body, Query, Request
from fastapi.responses import JSONResponse

from medbento import freeze_after_startup
from medbento.access.policy import current
from medbento.audit.records import AuditEvents, EventQuery, Verdict
from medbento.audit.trail import record
from medbento.http import openai_routes, remote
from medbento.http.access import AccessControl
from medbento.http.errors import APIError
from medbento.http.fastapi_app import public_app
from medbento.http.gateway_schemas import (
    FILTER_NAME,
    AnonymizedText,
    ConversationCreated,
    ConversationHistory,
    ConversationPrediction,
    EmbeddingPrediction,
    GenerationPrediction,
    Health,
    IssuedKey,
    KeyInfo,
    KeyList,
    KeyRotation,
    ModelHealth,
    ModelInfos,
    ModelList,
    NewConversation,
    NewKey,
    NewMessage,
    PredictBody,
    PredictConversation,
    PredictEmbedding,
    PredictGeneration,
    Reply,
    Timestamp,
    unknown_filters,
    validated,
)
from medbento.http.key_routes import KeyRoutes
from medbento.http.middleware import RequestContext
from medbento.http.model_routes import ModelRoutes, known
from medbento.http.request_guard import RequestGuard
from medbento.http.schemas import (
    ChatCompletion,
    ChatCompletionRequest,
    EmbeddingsRequest,
    EmbeddingsResponse,
    GenerationRequest,
    GenerationResult,
    ModelInfo,
    Texts,
)
from medbento.serving.entry_service import service_config
from medbento.settings import get_settings
from services.conversation import (
    Conversation,
    answer_message,
    chat_with_conversation,
    checked_message,
    start_conversation,
)
from services.embedding import Embedding, token_counter
from services.generation import Generation, ndjson_events
from services.guarded import GuardedEntry

settings = get_settings()


app = public_app("medbento")


@bentoml.service(name="Gateway", **service_config(entry=True))
@bentoml.asgi_app(app)
class Gateway(GuardedEntry):
    embedding = bentoml.depends(Embedding)
    generation = bentoml.depends(Generation)
    conversation = bentoml.depends(Conversation)
    # Only the tokenizer is read here, to count tokens for `usage`.
    embedder = bentoml.models.BentoModel(settings.embedder_tag)

    def __init__(self) -> None:
        self.count_tokens = token_counter(Path(self.embedder.path))
        freeze_after_startup()

    # --- OpenAI-compatible and PHI (BentoML APIs) -------------------------------------------

    @bentoml.api(route="/v1/embeddings")
    async def embeddings(self, request: EmbeddingsRequest, /) -> EmbeddingsResponse:
        info = await self._model("embedding")
        return await openai_routes.embeddings(
            request,
            encode=self._encode,
            guard=self._guard(),
            dimensions=int(info.details["dimensions"]),
            version=info.tag,
            count_tokens=self.count_tokens,
        )

    @bentoml.api(route="/v1/chat/completions")
    async def chat_completions(self, request: ChatCompletionRequest, /) -> ChatCompletion:
        if request.model == "conversation":
            identity = current()
            if not identity.may_use("conversation"):  # the door checked "generation" only
                raise APIError(403)
            info = await self._model("conversation")
            return await chat_with_conversation(
                request,
                self.conversation.to_async,
                owner=identity.principal,
                reveal=identity.sees_phi,
                version=info.tag,
            )
        openai_routes.check_model(request.model, ("generation",))
        info = await self._model("generation")
        return await openai_routes.chat(
            request,
            generate=self._generate,
            stream=self._stream,
            guard=self._guard(),
            version=info.tag,
        )

    @bentoml.api(route="/anonymize")
    async def anonymize(self, texts: Texts) -> list[AnonymizedText]:
        """De-identified texts and the PHI found, with offsets into the original texts.
        Placeholders are consistent across the request's texts."""
        texts = openai_routes.check_texts(texts)
        record(sent=texts)
        guard = self._guard()
        results = [
            AnonymizedText(text=guard.redactor.apply(text, found), entities=found)
            for text, found in zip(texts, await guard.find(texts), strict=True)
        ]
        record(answered=[r.text for r in results])
        return results

    # --- models: medbento/http/model_routes.py ----------------------------------------------

    @app.get("/v1/models")
    async def list_models(self) -> ModelList:
        return await self.models.openai_list()

    @app.get("/models")
    async def describe_models(self) -> ModelInfos:
        return {"models": await self.models.every_info()}

    @app.get("/models/{model_id}/info")
    async def model_info(self, model_id: str) -> ModelInfo:
        return await self.models.info(model_id)

    @app.get("/models/{model_id}/health")
    async def model_health(self, model_id: str) -> ModelHealth:
        return await self.models.health(model_id)

    @app.get("/health", response_model=Health)
    async def health(self) -> JSONResponse:
        return await self.models.overall_health()

    @app.post("/models/{model_id}/predict")
    async def predict(
        self, model_id: str, payload: PredictBody
    ) -> EmbeddingPrediction | GenerationPrediction | ConversationPrediction:
        match known(model_id):
            case "embedding":
                info = await self._model("embedding")
                texts = openai_routes.check_texts(validated(PredictEmbedding, payload).texts)
                vectors = await openai_routes.embed(texts, self._encode, self._guard(), info.tag)
                return {
                    "model": model_id,
                    "embeddings": vectors.tolist(),
                    "dimensions": vectors.shape[1],
                }
            case "generation":
                info = await self._model("generation")
                body = validated(PredictGeneration, payload)
                request = GenerationRequest(
                    prompt=body.prompt, max_tokens=body.max_tokens, temperature=body.temperature
                )
                result = await openai_routes.complete_prompt(
                    request, self._generate, self._guard(), info.tag
                )
                return {
                    "model": model_id,
                    **result.model_dump(exclude={"phi_counts", "output_counts"}),
                }
            case _:
                body = validated(PredictConversation, payload)
                message = NewMessage(content=body.content, max_tokens=body.max_tokens)
                # Checked before a conversation is created for it: a refused message must not
                # leave a new, empty conversation behind (add_message checks it again).
                checked_message(message)
                conversation_id = body.conversation_id or (await self.create_conversation()).id
                reply = await self.add_message(conversation_id, message)
                return ConversationPrediction(
                    model="conversation", conversation_id=conversation_id, **reply.model_dump()
                )

    # --- conversations ----------------------------------------------------------------------

    @app.post("/conversations", status_code=201)
    async def create_conversation(
        self, payload: Annotated[NewConversation | None, Body()] = None
    ) -> ConversationCreated:
        await self._model("conversation")
        messages = (payload or NewConversation()).messages
        created = await start_conversation(
            self.conversation.to_async, current().principal, messages
        )
        return ConversationCreated(id=created)

    @app.post("/conversations/{conversation_id}/messages")
    async def add_message(self, conversation_id: str, payload: NewMessage) -> Reply:
        await self._model("conversation")
        identity = current()
        return await answer_message(
            self.conversation.to_async,
            conversation_id,
            payload,
            owner=identity.principal,
            reveal=identity.sees_phi,
        )

    @app.get("/conversations/{conversation_id}")
    async def get_conversation(self, conversation_id: str) -> ConversationHistory:
        identity = current()
        return await remote.call(
            self.conversation.to_async.history(
                conversation_id=conversation_id, owner=identity.principal, reveal=identity.sees_phi
            )
        )

    # --- audit (auditor role) -------------------------------------------------------------------

    @app.get("/audit/events")
    async def audit_events(
        self,
        request: Request,
        since: Timestamp | None = None,
        until: Timestamp | None = None,
        principal: str | None = Query(None, pattern=FILTER_NAME),
        model: str | None = Query(None, pattern=FILTER_NAME),
        limit: int = Query(100, ge=1, le=1000),
    ) -> AuditEvents:
        unknown_filters(request.query_params)
        events = await remote.call(
            self.audit.to_async.events(
                find=EventQuery(
                    since=since, until=until, principal=principal, model_id=model, limit=limit
                )
            )
        )
        return {"events": events}

    @app.get("/audit/verify")
    async def audit_verify(self) -> Verdict:
        verdict = await remote.call(self.audit.to_async.verify())
        return verdict if isinstance(verdict, dict) else verdict.model_dump()

    # --- API keys (admin role): medbento/http/key_routes.py -----------------------------------

    @app.get("/admin/keys")
    async def list_keys(self, revoked: bool = False) -> KeyList:
        return await self._keys.list(include_revoked=revoked)

    @app.post("/admin/keys", status_code=201)
    async def create_key(self, new: NewKey) -> IssuedKey:
        return await self._keys.create(new)

    @app.post("/admin/keys/{key_id}/revoke")
    async def revoke_key(self, key_id: str) -> KeyInfo:
        return await self._keys.revoke(key_id)

    @app.post("/admin/keys/{key_id}/rotate")
    async def rotate_key(
        self, key_id: str, rotation: Annotated[KeyRotation | None, Body()] = None
    ) -> IssuedKey:
        return await self._keys.rotate(key_id, rotation)

    @functools.cached_property
    def _keys(self) -> KeyRoutes:
        return KeyRoutes()

    @functools.cached_property
    def models(self) -> ModelRoutes:
        return ModelRoutes(
            {
                "embedding": self.embedding,
                "generation": self.generation,
                "conversation": self.conversation,
            }
        )

    # --- helpers ------------------------------------------------------------------------------

    def _guard(self) -> RequestGuard:
        return RequestGuard(self.analyze_phi)

    @property
    def _encode(self):
        """Embedding.encode, this process's concurrent requests sent together."""
        return self.coalesced("embedding", "encode", settings.embed_max_batch_size)

    async def _model(self, model_id: str) -> ModelInfo:
        """The model's info, and the request's audit event names it."""
        info = await self.models.info(model_id)
        record(model=(model_id, info.tag))
        return info

    async def _generate(self, request: GenerationRequest) -> GenerationResult:
        (result,) = await remote.call_pure(lambda: self.generation.to_async.generate([request]))
        return GenerationResult.model_validate(result)

    async def _stream(self, request: GenerationRequest):
        async for event in ndjson_events(remote.stream(self.generation.to_async.stream(request))):
            yield event


Gateway.add_asgi_middleware(RequestContext)
Gateway.add_asgi_middleware(AccessControl)
