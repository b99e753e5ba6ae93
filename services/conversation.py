"""Conversation: multi-turn sessions kept server-side, answered by the Generation service.

The prompt is the whole history rendered with the generator's chat template (the Generation
service applies it and keeps the most recent turns when the history outgrows the context).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import bentoml
import orjson

from . import openai_routes, remote
from .errors import APIError
from .generation import Generation, ndjson_events
from .middleware import RequestContext
from .schemas import (
    ChatCompletionRequest,
    ChatMessage,
    GenerationRequest,
    GenerationResult,
    ModelInfo,
)
from .sessions import Turn, open_sessions
from .settings import get_settings

settings = get_settings()


@bentoml.service(
    name="Conversation",
    traffic={"timeout": settings.request_timeout_s},
    workers=1,
)
class Conversation:
    generation = bentoml.depends(Generation)

    def __init__(self) -> None:
        self.sessions = open_sessions(settings)

    @bentoml.api
    async def create(self, owner: str, messages: list[ChatMessage] | None = None) -> dict:
        """Internal: a new conversation, optionally seeded with earlier turns."""
        turns = [Turn(role=m.role, content=m.content) for m in messages or []]
        return {"id": await self.sessions.create(owner, turns)}

    @bentoml.api
    async def reply(
        self, conversation_id: str, owner: str, request: GenerationRequest
    ) -> GenerationResult:
        """Internal: append the request's messages, answer from the whole history."""
        prompt = await self._extend(conversation_id, owner, request)
        (result,) = await self.generation.to_async.generate([prompt])
        result = GenerationResult.model_validate(result)
        await self.sessions.append(conversation_id, [Turn(role="assistant", content=result.text)])
        return result

    @bentoml.api
    async def stream_reply(
        self, conversation_id: str, owner: str, request: GenerationRequest
    ) -> AsyncGenerator[str, None]:
        """Internal: as reply, streamed as Generation.stream events."""
        prompt = await self._extend(conversation_id, owner, request)
        text = ""
        async for event in ndjson_events(self.generation.to_async.stream(prompt)):
            text += event.get("text", "")
            yield orjson.dumps(event).decode() + "\n"
        await self.sessions.append(conversation_id, [Turn(role="assistant", content=text)])

    @bentoml.api
    async def history(self, conversation_id: str, owner: str) -> dict:
        """Internal: the conversation's turns, for its owner only."""
        conversation = await self._owned(conversation_id, owner)
        return {
            "id": conversation.id,
            "messages": [t.model_dump(mode="json") for t in conversation.turns],
        }

    @bentoml.api
    async def info(self) -> ModelInfo:
        """The generator's info, plus where conversations are kept (answers once both work)."""
        generator = ModelInfo.model_validate(await self.generation.to_async.info())
        await self.sessions.ping()
        store = "redis" if settings.redis_url else "sql"
        return generator.model_copy(
            update={"id": "conversation", "details": {**generator.details, "session_store": store}}
        )

    @bentoml.api(route="/v1/chat/completions")
    async def chat_completions(self, request: ChatCompletionRequest, /) -> dict:
        """OpenAI-compatible chat on server-side conversations, when this is the entry."""
        return await chat_with_conversation(request, self.to_async, owner="anonymous")

    async def _owned(self, conversation_id: str, owner: str):
        conversation = await self.sessions.get(conversation_id)
        # Someone else's conversation answers exactly like a missing one.
        if conversation is None or conversation.owner != owner:
            raise APIError(404, "No such conversation.", "conversation_not_found")
        return conversation

    async def _extend(
        self, conversation_id: str, owner: str, request: GenerationRequest
    ) -> GenerationRequest:
        conversation = await self._owned(conversation_id, owner)
        new = request.messages or []
        await self.sessions.append(
            conversation_id, [Turn(role=m.role, content=m.content) for m in new]
        )
        history = [ChatMessage(role=t.role, content=t.content) for t in conversation.turns] + new
        return request.model_copy(update={"messages": history, "prompt": None})


Conversation.add_asgi_middleware(RequestContext)


async def chat_with_conversation(request: ChatCompletionRequest, conversation, owner: str):
    """/v1/chat/completions with model "conversation": continue `conversation_id`, or start a
    conversation from the request's messages; the answer carries the conversation id."""
    openai_routes.check_model(request.model, ("conversation",))
    if request.conversation_id:
        conversation_id, new_messages = request.conversation_id, request.messages
        # 404 before anything is generated
        await remote.call(conversation.history(conversation_id=conversation_id, owner=owner))
    else:
        created = await remote.call(conversation.create(owner=owner, messages=[]))
        conversation_id, new_messages = created["id"], request.messages
    request = request.model_copy(update={"messages": new_messages})

    async def generate(g: GenerationRequest) -> GenerationResult:
        result = await conversation.reply(conversation_id=conversation_id, owner=owner, request=g)
        return GenerationResult.model_validate(result)

    async def stream(g: GenerationRequest):
        chunks = conversation.stream_reply(conversation_id=conversation_id, owner=owner, request=g)
        async for event in ndjson_events(chunks):
            yield event

    return await openai_routes.chat(
        request, generate=generate, stream=stream, conversation_id=conversation_id
    )
