"""Gateway: the entry service of the all-in-one Bento and the whole public HTTP surface.

BentoML APIs (callable with bentoml.SyncHTTPClient): the OpenAI-compatible POST routes and
/anonymize. FastAPI routes (mounted on the same server): GETs and routes with path parameters.
Every route that reaches a model de-identifies first (RequestGuard) and is audited (AccessControl).
"""

from __future__ import annotations

import asyncio
import functools
import re
import time
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import bentoml
from fastapi import Body, Query, Request
from fastapi.responses import JSONResponse

from medbento import freeze_after_startup
from medbento.access.keys import KeyStore, UnknownKey, describe
from medbento.access.policy import current, keyring
from medbento.audit.store import AuditEvents, EventQuery, Verdict
from medbento.audit.trail import keyed_digest, trail
from medbento.http import openai_routes, remote
from medbento.http.access import AccessControl
from medbento.http.errors import APIError
from medbento.http.fastapi_app import public_app
from medbento.http.middleware import RequestContext
from medbento.http.request_guard import RequestGuard
from medbento.http.schemas import (
    AUDIT_FILTERS,
    FILTER_NAME,
    AnonymizedText,
    ChatCompletion,
    ChatCompletionRequest,
    ChatMessage,
    ConversationCreated,
    ConversationHistory,
    ConversationPrediction,
    EmbeddingPrediction,
    EmbeddingsRequest,
    EmbeddingsResponse,
    GenerationPrediction,
    GenerationRequest,
    GenerationResult,
    Health,
    IssuedKey,
    KeyInfo,
    KeyList,
    KeyRotation,
    ModelHealth,
    ModelInfo,
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
    ReplyUsage,
    Texts,
    Timestamp,
    validated,
)
from medbento.observability.recent_calls import recent_calls
from medbento.serving.entry_service import service_config
from medbento.settings import MODEL_IDS, get_settings
from services.conversation import Conversation, chat_with_conversation
from services.embedding import Embedding, token_counter
from services.generation import Generation, ndjson_events
from services.guarded import GuardedEntry

settings = get_settings()
KEY_ID = re.compile(r"key_[0-9a-f]{12}")


app = public_app("medbento")


def checked_message(body: NewMessage) -> GenerationRequest:
    return openai_routes.check_generation(
        GenerationRequest(
            messages=[ChatMessage(role="user", content=body.content)],
            max_tokens=body.max_tokens,
            temperature=body.temperature,
        )
    )


def known(model_id: str) -> str:
    if model_id not in MODEL_IDS:
        raise APIError(404, "No such model.", "model_not_found")
    return model_id


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
        self._infos: dict[str, dict] = {}
        freeze_after_startup()

    # --- OpenAI-compatible and PHI (BentoML APIs) -------------------------------------------

    @bentoml.api(route="/v1/embeddings")
    async def embeddings(self, request: EmbeddingsRequest, /) -> EmbeddingsResponse:
        info = await self._model("embedding")
        return await openai_routes.embeddings(
            request,
            encode=self._encode,
            guard=self._guard(),
            dimensions=int(info["details"]["dimensions"]),
            count_tokens=self.count_tokens,
        )

    @bentoml.api(route="/v1/chat/completions")
    async def chat_completions(self, request: ChatCompletionRequest, /) -> ChatCompletion:
        if request.model == "conversation":
            identity = current()
            if not identity.may_use("conversation"):  # the door checked "generation" only
                raise APIError(403)
            await self._model("conversation")
            return await chat_with_conversation(
                request,
                self.conversation.to_async,
                owner=identity.principal,
                reveal=identity.sees_phi,
            )
        openai_routes.check_model(request.model, ("generation",))
        await self._model("generation")
        return await openai_routes.chat(
            request, generate=self._generate, stream=self._stream, guard=self._guard()
        )

    @bentoml.api(route="/anonymize")
    async def anonymize(self, texts: Texts) -> list[AnonymizedText]:
        """De-identified texts and the PHI found, with offsets into the original texts.
        Placeholders are consistent across the request's texts."""
        texts = openai_routes.check_texts(texts)
        trail().input_digest = keyed_digest(texts)
        guard = RequestGuard(self.analyze_phi)
        results = [
            AnonymizedText(text=guard.redactor.apply(text, found), entities=found)
            for text, found in zip(texts, await guard.find(texts), strict=True)
        ]
        trail().output_digest = keyed_digest([r.text for r in results])
        return results

    # --- models ---------------------------------------------------------------------------

    @app.get("/v1/models")
    async def list_models(self) -> ModelList:
        infos = await self._all_models()
        return {
            "object": "list",
            "data": [
                {"id": i["id"], "object": "model", "created": i["created"], "owned_by": "medbento"}
                for i in infos
            ],
        }

    @app.get("/models")
    async def describe_models(self) -> ModelInfos:
        return {"models": await self._all_models()}

    @app.get("/models/{model_id}/info")
    async def model_info(self, model_id: str) -> ModelInfo:
        return await self._info(known(model_id))

    @app.get("/models/{model_id}/health")
    async def model_health(self, model_id: str) -> ModelHealth:
        known(model_id)
        started = time.perf_counter()
        try:
            await asyncio.wait_for(self._info(model_id, fresh=True), timeout=5)
            status = "ok"
        except (APIError, TimeoutError):
            status = "unavailable"
        latency_ms = round((time.perf_counter() - started) * 1000, 1)
        recent = recent_calls().summary(model_id)
        return {"id": model_id, "status": status, "probe_latency_ms": latency_ms, "recent": recent}

    @app.get("/health", response_model=Health)
    async def health(self) -> JSONResponse:
        states = await asyncio.gather(*(self.model_health(m) for m in MODEL_IDS))
        healthy = all(s["status"] == "ok" for s in states)
        body = {"status": "ok" if healthy else "degraded", "models": states}
        return JSONResponse(body, status_code=200 if healthy else 503)

    @app.post("/models/{model_id}/predict")
    async def predict(
        self, model_id: str, payload: PredictBody
    ) -> EmbeddingPrediction | GenerationPrediction | ConversationPrediction:
        match known(model_id):
            case "embedding":
                await self._model("embedding")
                texts = openai_routes.check_texts(validated(PredictEmbedding, payload).texts)
                vectors = await openai_routes.embed(texts, self._encode, self._guard())
                return {
                    "model": model_id,
                    "embeddings": vectors.tolist(),
                    "dimensions": vectors.shape[1],
                }
            case "generation":
                await self._model("generation")
                body = validated(PredictGeneration, payload)
                # The limits apply to the prompt as sent, before the guard (a model) reads it.
                request = openai_routes.check_generation(
                    GenerationRequest(
                        prompt=body.prompt, max_tokens=body.max_tokens, temperature=body.temperature
                    )
                )
                trail().input_digest = keyed_digest(body.prompt)
                guard = self._guard()
                (prompt,) = await guard.deidentify([body.prompt])
                request = request.model_copy(update={"prompt": prompt})
                result = await openai_routes.guarded_completion(request, self._generate, guard)
                trail().output_digest = keyed_digest(result.text)
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
        body = payload or NewConversation()
        if body.messages:  # stored as turns: the same limits as any message
            openai_routes.check_generation(GenerationRequest(messages=body.messages))
        trail().input_digest = keyed_digest([m.model_dump() for m in body.messages])
        created = await remote.call(
            self.conversation.to_async.create(owner=current().principal, messages=body.messages)
        )
        trail().counts.update(created["phi_counts"])
        return ConversationCreated(id=created["id"])

    @app.post("/conversations/{conversation_id}/messages")
    async def add_message(self, conversation_id: str, payload: NewMessage) -> Reply:
        await self._model("conversation")
        identity = current()
        options = checked_message(payload)
        trail().input_digest = keyed_digest(payload.content)
        extended = await remote.call(
            self.conversation.to_async.extend(
                conversation_id=conversation_id, owner=identity.principal, messages=options.messages
            )
        )
        trail().counts.update(extended["phi_counts"])
        request = options.model_copy(
            update={"messages": [ChatMessage.model_validate(m) for m in extended["messages"]]}
        )
        result = GenerationResult.model_validate(
            await remote.call(
                self.conversation.to_async.complete(
                    conversation_id=conversation_id,
                    owner=identity.principal,
                    request=request,
                    reveal=identity.sees_phi,
                )
            )
        )
        openai_routes.count_output(result.output_counts)
        trail().output_digest = keyed_digest(result.text)
        return Reply(
            content=result.text,
            finish_reason=result.finish_reason,
            usage=ReplyUsage(
                prompt_tokens=result.prompt_tokens, completion_tokens=result.completion_tokens
            ),
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
        unknown = set(request.query_params) - AUDIT_FILTERS
        if unknown:  # a misspelt filter must not silently return every event
            raise APIError(422, "Unknown query parameter.", "unknown_parameter")
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

    # --- API keys (admin role) ---------------------------------------------------------------
    # Each change is written with its audit event in one transaction (medbento/access/keys.py);
    # the request itself is audited at the door like any other.

    @app.get("/admin/keys")
    async def list_keys(self, revoked: bool = False) -> KeyList:
        records = await asyncio.to_thread(self._keys.list, include_revoked=revoked)
        return {"keys": [describe(r) for r in records]}

    @app.post("/admin/keys", status_code=201)
    async def create_key(self, new: NewKey) -> IssuedKey:
        try:
            key, record = await asyncio.to_thread(
                self._keys.create,
                new.role,
                current().principal,
                expires_at=new.expires_at,
                models=new.models,
            )
        except ValueError as error:  # its message names no input ("the expiry is in the past")
            raise APIError(400, f"{error}.", "invalid_key_request") from None
        keyring().forget()
        return {"key": key, **describe(record)}

    @app.post("/admin/keys/{key_id}/revoke")
    async def revoke_key(self, key_id: str) -> KeyInfo:
        return describe(await self._key_change(self._keys.revoke, key_id, current().principal))

    @app.post("/admin/keys/{key_id}/rotate")
    async def rotate_key(
        self, key_id: str, rotation: Annotated[KeyRotation | None, Body()] = None
    ) -> IssuedKey:
        grace = timedelta(seconds=(rotation or KeyRotation()).grace_seconds)
        key, record = await self._key_change(
            self._keys.rotate, key_id, current().principal, grace=grace
        )
        return {"key": key, **describe(record)}

    async def _key_change(self, change, key_id: str, *args, **kwargs):
        if not KEY_ID.fullmatch(key_id):
            raise APIError(404, "No such key.", "unknown_key")
        try:
            changed = await asyncio.to_thread(change, key_id, *args, **kwargs)
        except UnknownKey:
            raise APIError(404, "No such key.", "unknown_key") from None
        keyring().forget()
        return changed

    @functools.cached_property
    def _keys(self) -> KeyStore:
        return KeyStore()

    # --- helpers ------------------------------------------------------------------------------

    def _guard(self) -> RequestGuard:
        return RequestGuard(self.analyze_phi)

    @property
    def _encode(self):
        """Embedding.encode, this process's concurrent requests sent together."""
        return self.coalesced("embedding", "encode", settings.embed_max_batch_size)

    async def _model(self, model_id: str) -> dict:
        """The model's info, and the request's audit trail names it."""
        info = await self._info(model_id)
        trail().model_id, trail().model_version = model_id, info["tag"]
        return info

    async def _generate(self, request: GenerationRequest) -> GenerationResult:
        (result,) = await remote.call_pure(lambda: self.generation.to_async.generate([request]))
        return GenerationResult.model_validate(result)

    async def _stream(self, request: GenerationRequest):
        async for event in ndjson_events(remote.stream(self.generation.to_async.stream(request))):
            yield event

    async def _info(self, model_id: str, fresh: bool = False) -> dict:
        # A model's info does not change while its service runs; ask each service once
        # (a health probe asks every time).
        if fresh or model_id not in self._infos:
            service = {
                "embedding": self.embedding,
                "generation": self.generation,
                "conversation": self.conversation,
            }[model_id]
            info = await remote.call(service.to_async.info())
            self._infos[model_id] = info if isinstance(info, dict) else info.model_dump()
        return self._infos[model_id]

    async def _all_models(self) -> list[dict]:
        return list(await asyncio.gather(*(self._info(m) for m in MODEL_IDS)))


Gateway.add_asgi_middleware(RequestContext)
Gateway.add_asgi_middleware(AccessControl)
