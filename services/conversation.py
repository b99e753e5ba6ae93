"""Conversation: multi-turn sessions kept server-side, answered by the Generation service.

Turns are stored de-identified, exactly as the model saw them; the placeholder mapping of a
conversation is stored beside them sealed with AES-GCM (medbento/phi/deid.py), so `<PERSON_1>`
means the same person in every turn and a clinician gets the names back. The prompt is the
whole history rendered with the generator's chat template (the Generation service applies it
and keeps the most recent turns when the history outgrows the context).
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import AsyncGenerator
from datetime import timedelta

import bentoml
import orjson

from medbento import freeze_after_startup
from medbento.access.policy import current
from medbento.audit import retention
from medbento.audit.trail import Trail, record
from medbento.http import openai_routes, remote
from medbento.http.access import AccessControl
from medbento.http.errors import APIError, stores_answer_503
from medbento.http.gateway_schemas import NewMessage, Reply, ReplyUsage
from medbento.http.middleware import RequestContext
from medbento.http.request_guard import RequestGuard
from medbento.http.schemas import (
    ChatCompletion,
    ChatCompletionRequest,
    ChatMessage,
    GenerationRequest,
    GenerationResult,
    ModelInfo,
)
from medbento.phi.deid import seal, unseal
from medbento.serving.entry_service import Local, service_config
from medbento.settings import get_settings
from medbento.stores.conversations import SQLSessions, Turn, open_sessions
from services.generation import Generation, ndjson_events
from services.guarded import GuardedEntry

settings = get_settings()
_CONVERSATION_ID = re.compile(r"[0-9a-f]{32}")


@bentoml.service(name="Conversation", **service_config(entry=True))
class Conversation(GuardedEntry):
    generation = bentoml.depends(Generation)

    def __init__(self) -> None:
        self.sessions = open_sessions(settings)
        freeze_after_startup()

    @bentoml.on_startup
    async def keep_retention(self) -> None:
        """Conversations idle for MEDBENTO_CONVERSATION_TTL_DAYS go (in Redis, their keys
        expire by themselves)."""
        if isinstance(self.sessions, SQLSessions):
            idle = timedelta(days=settings.conversation_ttl_days)
            self._retention = asyncio.create_task(
                retention.every(
                    settings.retention_interval_s,
                    "idle conversations",
                    lambda: self.sessions.expire(idle),
                )
            )

    @bentoml.on_shutdown
    def stop_retention(self) -> None:
        if task := getattr(self, "_retention", None):
            task.cancel()

    @bentoml.api
    async def create(self, owner: str, messages: list[ChatMessage] | None = None) -> dict:
        """Internal: a new conversation, optionally seeded with (de-identified) turns."""
        conversation_id = uuid.uuid4().hex
        guard = RequestGuard(self.analyze_phi, reveal=False, trail=Trail())  # counts returned
        contents = await guard.deidentify([m.content for m in messages or []])
        turns = [
            Turn(role=m.role, content=c) for m, c in zip(messages or [], contents, strict=True)
        ]
        sealed = seal(guard.mapping, conversation_id)
        with stores_answer_503():
            await self.sessions.create(owner, turns, sealed, conversation_id)
        return {"id": conversation_id, "phi_counts": dict(guard.counts)}

    @bentoml.api
    async def extend(self, conversation_id: str, owner: str, messages: list[ChatMessage]) -> dict:
        """Internal: de-identify and store new turns; the whole (de-identified) history back."""
        conversation = await self._owned(conversation_id, owner)
        guard = RequestGuard(
            self.analyze_phi,
            mapping=unseal(conversation.sealed_mapping, conversation_id),
            reveal=False,
            trail=Trail(),  # the counts are returned to the caller
        )
        contents = await guard.deidentify([m.content for m in messages])
        new = [ChatMessage(role=m.role, content=c) for m, c in zip(messages, contents, strict=True)]
        with stores_answer_503():
            await self.sessions.append(
                conversation_id,
                [Turn(role=m.role, content=m.content) for m in new],
                seal(guard.mapping, conversation_id),
            )
        history = [ChatMessage(role=t.role, content=t.content) for t in conversation.turns] + new
        return {"messages": [m.model_dump() for m in history], "phi_counts": dict(guard.counts)}

    @bentoml.api
    async def complete(
        self, conversation_id: str, owner: str, request: GenerationRequest, reveal: bool = False
    ) -> GenerationResult:
        """Internal: answer the (extended) history; store the answer; restore PHI if asked."""
        conversation = await self._owned(conversation_id, owner)
        (result,) = await self.generation.to_async.generate([request])
        result = GenerationResult.model_validate(result)
        guard = self._restorer(conversation, reveal)
        answer = await guard.scan_output(result.text)  # stored as the owner may see it
        with stores_answer_503():
            await self.sessions.append(conversation_id, [Turn(role="assistant", content=answer)])
        return result.model_copy(
            update={"text": guard.restore(answer), "output_counts": dict(guard.output_counts)}
        )

    @bentoml.api
    async def stream_complete(
        self, conversation_id: str, owner: str, request: GenerationRequest, reveal: bool = False
    ) -> AsyncGenerator[str, None]:
        """Internal: as complete, streamed as Generation.stream events."""
        conversation = await self._owned(conversation_id, owner)
        guard = self._restorer(conversation, reveal)
        guarded = guard.stream()
        answer = ""
        async for event in ndjson_events(self.generation.to_async.stream(request)):
            if "text" in event:
                scanned, shown = await guarded.feed(event["text"])
                answer += scanned
                event = {"text": shown}
            else:  # the last event: what was held back, then the end
                scanned, rest = await guarded.finish()
                answer += scanned
                if rest:
                    yield orjson.dumps({"text": rest}).decode() + "\n"
                event = event | {"output_counts": dict(guard.output_counts)}
            yield orjson.dumps(event).decode() + "\n"
        with stores_answer_503():
            await self.sessions.append(conversation_id, [Turn(role="assistant", content=answer)])

    @bentoml.api
    async def history(self, conversation_id: str, owner: str, reveal: bool = False) -> dict:
        """Internal: the conversation's turns, for its owner only."""
        conversation = await self._owned(conversation_id, owner)
        guard = self._restorer(conversation, reveal)
        return {
            "id": conversation.id,
            "messages": [
                t.model_copy(update={"content": guard.restore(t.content)}).model_dump(mode="json")
                for t in conversation.turns
            ],
        }

    @bentoml.api
    async def info(self) -> ModelInfo:
        """The generator's info, plus where conversations are kept (answers once both work)."""
        generator = ModelInfo.model_validate(await self.generation.to_async.info())
        with stores_answer_503():
            await self.sessions.ping()
        store = "redis" if settings.redis_url else "sql"
        return generator.model_copy(
            update={"id": "conversation", "details": {**generator.details, "session_store": store}}
        )

    @bentoml.api(route="/v1/chat/completions")
    async def chat_completions(self, request: ChatCompletionRequest, /) -> ChatCompletion:
        """OpenAI-compatible chat on server-side conversations, when this is the entry."""
        generator = ModelInfo.model_validate(await Local(self).info())
        identity = current()
        return await chat_with_conversation(
            request,
            Local(self),
            owner=identity.principal,
            reveal=identity.sees_phi,
            version=generator.tag,
        )

    async def _owned(self, conversation_id: str, owner: str):
        # An id that no conversation can have (they are uuid4 hex) is not looked up: a client's
        # NUL in a path or body would reach PostgreSQL, which refuses it with an error (5xx).
        conversation = None
        if _CONVERSATION_ID.fullmatch(conversation_id):
            with stores_answer_503():
                conversation = await self.sessions.get(conversation_id)
        # Someone else's conversation answers exactly like a missing one.
        if conversation is None or conversation.owner != owner:
            raise APIError(404, "No such conversation.", "conversation_not_found")
        return conversation

    def _restorer(self, conversation, reveal: bool) -> RequestGuard:
        mapping = unseal(conversation.sealed_mapping, conversation.id)
        # The output counts are returned to the caller (output_counts), which adds them.
        return RequestGuard(self.analyze_phi, mapping=mapping, reveal=reveal, trail=Trail())


Conversation.add_asgi_middleware(RequestContext)
Conversation.add_asgi_middleware(AccessControl)


async def chat_with_conversation(
    request: ChatCompletionRequest, conversation, owner: str, reveal: bool, version: str
):
    """/v1/chat/completions with model "conversation" (its generator's `version`): continue
    `conversation_id`, or start a conversation from the request's messages; the answer carries
    the conversation id."""
    record(model=("conversation", version))
    openai_routes.check_model(request.model, ("conversation",))
    # Checked again in openai_routes.chat, but that is after the messages are stored: a
    # refused request must leave no turn behind (nor a new, empty conversation).
    openai_routes.check_generation(request.generation(default_max_tokens=settings.max_tokens))
    conversation_id = request.conversation_id
    if not conversation_id:
        created = await remote.call(conversation.create(owner=owner, messages=[]))
        conversation_id = created["id"]
    extended = await remote.call(
        conversation.extend(conversation_id=conversation_id, owner=owner, messages=request.messages)
    )
    record(counts=extended["phi_counts"])
    history = [ChatMessage.model_validate(m) for m in extended["messages"]]

    async def generate(g: GenerationRequest) -> GenerationResult:
        g = g.model_copy(update={"messages": history})
        result = await conversation.complete(
            conversation_id=conversation_id, owner=owner, request=g, reveal=reveal
        )
        return GenerationResult.model_validate(result)

    async def stream(g: GenerationRequest):
        g = g.model_copy(update={"messages": history})
        chunks = conversation.stream_complete(
            conversation_id=conversation_id, owner=owner, request=g, reveal=reveal
        )
        async for event in ndjson_events(chunks):
            yield event

    return await openai_routes.chat(
        request,
        generate=generate,
        stream=stream,
        guard=None,
        version=version,
        conversation_id=conversation_id,
    )


# --- the Gateway's conversation routes, over its client of this service ----------------------


def checked_message(message: NewMessage) -> GenerationRequest:
    """A message to a conversation, held to the limits of any generation request."""
    return openai_routes.check_generation(
        GenerationRequest(
            messages=[ChatMessage(role="user", content=message.content)],
            max_tokens=message.max_tokens,
            temperature=message.temperature,
        )
    )


async def start_conversation(conversation, owner: str, messages: list[ChatMessage]) -> str:
    """POST /conversations: a new conversation, seeded with `messages` (stored as turns, so
    held to the limits of any message first)."""
    if messages:
        openai_routes.check_generation(GenerationRequest(messages=messages))
    record(sent=[m.model_dump() for m in messages])
    created = await remote.call(conversation.create(owner=owner, messages=messages))
    record(counts=created["phi_counts"])
    return created["id"]


async def answer_message(
    conversation, conversation_id: str, message: NewMessage, owner: str, reveal: bool
) -> Reply:
    """POST /conversations/{id}/messages: the message stored (de-identified), the history
    answered, the answer stored and, for a role that may see it, re-identified."""
    options = checked_message(message)
    record(sent=message.content)
    extended = await remote.call(
        conversation.extend(conversation_id=conversation_id, owner=owner, messages=options.messages)
    )
    record(counts=extended["phi_counts"])
    request = options.model_copy(
        update={"messages": [ChatMessage.model_validate(m) for m in extended["messages"]]}
    )
    result = GenerationResult.model_validate(
        await remote.call(
            conversation.complete(
                conversation_id=conversation_id, owner=owner, request=request, reveal=reveal
            )
        )
    )
    openai_routes.count_output(result.output_counts)
    record(answered=result.text)
    return Reply(
        content=result.text,
        finish_reason=result.finish_reason,
        usage=ReplyUsage(
            prompt_tokens=result.prompt_tokens, completion_tokens=result.completion_tokens
        ),
    )
