"""The OpenAI-compatible routes, written once and served by the Gateway and by each model
service when it is the entry of its own Bento. The model step comes in as a callable, so the
same code runs against a remote service (gateway) or the service's own batched API."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import numpy as np
import orjson
from starlette.responses import Response, StreamingResponse

from medbento.audit.trail import output_counts, record
from medbento.http import remote
from medbento.http.errors import APIError
from medbento.http.request_guard import RequestGuard, ScanThenRestore
from medbento.http.schemas import (
    ChatCompletionRequest,
    EmbeddingsRequest,
    GenerationRequest,
    GenerationResult,
    chat_chunk,
    chat_payload,
    completion_id,
    embedding_payload,
    json_response,
)
from medbento.phi.finding import Finding
from medbento.settings import MODEL_IDS, get_settings
from medbento.stores.response_cache import response_cache

Encode = Callable[[list[str]], Awaitable[np.ndarray]]
Generate = Callable[[GenerationRequest], Awaitable[GenerationResult]]
Stream = Callable[[GenerationRequest], AsyncIterator[dict[str, Any]]]
# Control characters but the whitespace ones (\t \n \v \f \r). No clinical text holds them,
# and PostgreSQL refuses NUL in text: a conversation turn holding one could not be stored.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def check_model(model: str, expected: tuple[str, ...]) -> None:
    if model not in MODEL_IDS:
        raise APIError(404, f"Unknown model; available: {', '.join(MODEL_IDS)}.", "model_not_found")
    if model not in expected:
        raise APIError(400, f"Model '{model}' does not serve this route.", "unsupported_model")


def check_texts(texts: list[str]) -> list[str]:
    settings = get_settings()
    if not texts:
        raise APIError(400, "At least one text is required.", "invalid_input")
    if len(texts) > settings.max_texts:
        raise APIError(400, f"At most {settings.max_texts} texts per request.", "too_many_texts")
    for i, text in enumerate(texts):
        if not text.strip():
            raise APIError(400, f"Text {i} is empty.", "invalid_input")
        if _CONTROL.search(text):
            raise APIError(400, f"Text {i} contains a control character.", "invalid_input")
        if len(text) > settings.max_chars:
            raise APIError(
                400, f"Text {i} is longer than {settings.max_chars} characters.", "text_too_long"
            )
    return texts


def check_generation(request: GenerationRequest) -> GenerationRequest:
    settings = get_settings()
    if request.max_tokens > settings.max_tokens:
        raise APIError(400, f"max_tokens is at most {settings.max_tokens}.", "max_tokens_too_large")
    texts = (
        [request.prompt]
        if request.prompt is not None
        else [m.content for m in request.messages or []]
    )
    if request.prompt is None and not request.messages:
        raise APIError(400, "A prompt or messages are required.", "invalid_input")
    if request.prompt is not None and not request.prompt.strip():
        raise APIError(400, "The prompt is empty.", "invalid_input")
    # A user's message is a text like the prompt: empty, it is refused rather than answered.
    # (An assistant turn may be empty: the model's own answer, sent back as history.)
    for i, message in enumerate(request.messages or []):
        if message.role == "user" and not message.content.strip():
            raise APIError(400, f"Message {i} is empty.", "invalid_input")
    if any(_CONTROL.search(t) for t in texts):
        raise APIError(400, "The input contains a control character.", "invalid_input")
    if sum(len(t) for t in texts) > settings.max_chars:
        raise APIError(
            400, f"The input is longer than {settings.max_chars} characters.", "text_too_long"
        )
    return request


async def embeddings(
    request: EmbeddingsRequest,
    encode: Encode,
    guard: RequestGuard,
    dimensions: int,
    version: str,
    count_tokens: Callable[[list[str]], int],
) -> Response:
    """An OpenAI embeddings response from the model's `version`."""
    record(model=("embedding", version))
    check_model(request.model, ("embedding",))
    if request.dimensions not in (None, dimensions):
        raise APIError(
            400, f"This model returns {dimensions} dimensions.", "unsupported_dimensions"
        )
    texts = check_texts([request.input] if isinstance(request.input, str) else request.input)
    vectors = await embed(texts, encode, guard, version)
    payload = embedding_payload(
        vectors, request.model, count_tokens(texts), request.encoding_format
    )
    return json_response(payload)


async def embed(texts: list[str], encode: Encode, guard: RequestGuard, version: str) -> np.ndarray:
    """Every embedding route's core: checked texts de-identified, then embedded by the model's
    `version` (or found in the cache), with both digests in the request's audit event (the
    route has named the model in it already)."""
    record(sent=texts)
    vectors = await encode_cached(await guard.deidentify(texts), encode, version)
    record(answered=vectors)
    return vectors


async def chat(
    request: ChatCompletionRequest,
    generate: Generate,
    stream: Stream,
    guard: RequestGuard | None,
    version: str,
    **extra: Any,
) -> Response:
    """A chat completion by the model's `version`. With a guard, the messages are de-identified
    here; without one, the callee does it (a conversation keeps its own placeholder mapping)."""
    record(model=(request.model, version))
    generation = check_generation(request.generation(default_max_tokens=get_settings().max_tokens))
    record(sent=[m.model_dump() for m in generation.messages or []])
    if guard is not None:
        contents = await guard.deidentify([m.content for m in generation.messages or []])
        messages = [
            m.model_copy(update={"content": c})
            for m, c in zip(generation.messages or [], contents, strict=True)
        ]
        generation = generation.model_copy(update={"messages": messages})
    if request.stream:
        include_usage = bool(request.stream_options and request.stream_options.include_usage)
        events = sse_chunks(
            remote.stream(stream(generation)),
            request.model,
            include_usage,
            extra,
            guard.stream() if guard is not None else None,
        )
        return StreamingResponse(events, media_type="text/event-stream")
    if guard is not None:  # a plain completion: deterministic ones come from the cache
        result = await guarded_completion(generation, generate, guard, version)
    else:  # the callee guarded it (a conversation): what it found in the answer is counted
        answer = await remote.call_pure(lambda: generate(generation))
        result = GenerationResult.model_validate(answer)
        count_output(result.output_counts)
    record(answered=result.text)
    return json_response(chat_payload(result, request.model, **extra))


async def guarded_completion(
    request: GenerationRequest, generate: Generate, guard: RequestGuard, version: str
) -> GenerationResult:
    """A plain (not streamed) completion of a de-identified request: from the cache when it is
    deterministic, its output scanned for PHI the caller may not see, the caller's PHI put
    back for a role that may see it."""
    result, findings = await generate_cached(request, generate, guard, version)
    text = guard.restore(await guard.scan_output(result.text, findings))
    return result.model_copy(update={"text": text})


async def complete_prompt(
    request: GenerationRequest, generate: Generate, guard: RequestGuard, version: str
) -> GenerationResult:
    """A prompt completed by the generator's `version` (the Gateway's /predict): held to the
    limits as sent, before the guard (a model) reads it, then guarded like a chat. The route
    has named the model in the request's audit event already."""
    request = check_generation(request)
    record(sent=request.prompt)
    (prompt,) = await guard.deidentify([request.prompt])
    request = request.model_copy(update={"prompt": prompt})
    result = await guarded_completion(request, generate, guard, version)
    record(answered=result.text)
    return result


async def encode_cached(texts: list[str], encode: Encode, version: str) -> np.ndarray:
    """Embeddings of de-identified texts by the model's `version`; the cache answers per text,
    the model the rest."""
    cache = response_cache()
    keys = [cache.key("embedding", version, text) for text in texts]
    found = await cache.get_many("embedding", keys)
    missing = [i for i, value in enumerate(found) if value is None]
    if not missing:
        return np.stack([np.frombuffer(v, dtype="<f4") for v in found])
    batch = [texts[i] for i in missing]
    fresh = await remote.call_pure(lambda: encode(batch))
    fresh = np.asarray(fresh, dtype="<f4")
    await cache.put_many({keys[i]: fresh[j].tobytes() for j, i in enumerate(missing)})
    rows = {i: fresh[j] for j, i in enumerate(missing)}
    return np.stack(
        [rows[i] if i in rows else np.frombuffer(v, dtype="<f4") for i, v in enumerate(found)]
    )


async def generate_cached(
    request: GenerationRequest, generate: Generate, guard: RequestGuard, version: str
) -> tuple[GenerationResult, list[Finding] | None]:
    """A completion of a de-identified request, and the PHI found in it if it was looked for.
    Greedy ones (temperature 0) are cached, before any re-identification, and only when the
    answer holds no PHI (a model can say PHI it learned): the cache never holds PHI, and what it
    answers needs no scan."""
    if not request.greedy:
        fresh = await remote.call_pure(lambda: generate(request))
        return GenerationResult.model_validate(fresh), None
    cache = response_cache()
    key = cache.key("generation", version, request.model_dump(mode="json"))
    (found,) = await cache.get_many("generation", [key])
    if found is not None:
        return GenerationResult.model_validate_json(found), []
    result = GenerationResult.model_validate(await remote.call_pure(lambda: generate(request)))
    findings = await guard.output_findings(result.text)
    if not findings:
        await cache.put_many(
            {key: result.model_dump_json(exclude={"phi_counts", "output_counts"}).encode()}
        )
    return result, findings


async def sse_chunks(
    events: AsyncIterator[dict[str, Any]],
    model: str,
    include_usage: bool,
    extra: dict[str, Any],
    guarded: ScanThenRestore | None = None,
) -> AsyncIterator[bytes]:
    """Server-sent events exactly as OpenAI streams a chat completion; the answer is scanned
    for PHI first and then restored for roles that may see this request's PHI (`guarded`)."""
    guarded = guarded or ScanThenRestore(None, None)
    chunk_id, created = completion_id(), int(time.time())

    def frame(payload: dict) -> bytes:
        return b"data: " + orjson.dumps(payload) + b"\n\n"

    yield frame(chat_chunk(chunk_id, created, model, {"role": "assistant", "content": ""}) | extra)
    final: dict[str, Any] = {}
    try:
        async for event in events:
            if "error" in event:
                yield frame({"error": {"code": "internal_error", "message": "Generation failed."}})
                return
            if "text" in event:
                _, text = await guarded.feed(event["text"])
                if text:
                    yield frame(chat_chunk(chunk_id, created, model, {"content": text}))
            else:
                final = event
        _, rest = await guarded.finish()
    except APIError as error:
        yield frame({"error": {"code": error.code, "message": error.message}})
        return
    if rest:
        yield frame(chat_chunk(chunk_id, created, model, {"content": rest}))
    yield frame(chat_chunk(chunk_id, created, model, {}, final.get("finish_reason", "stop")))
    if include_usage:
        prompt, completion = final.get("prompt_tokens", 0), final.get("completion_tokens", 0)
        usage = {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }
        yield frame(chat_chunk(chunk_id, created, model, {}) | {"choices": [], "usage": usage})
    yield b"data: [DONE]\n\n"


def count_output(counts: dict[str, int]) -> None:
    """What a callee found in the answer it guarded (and counted in its metrics), in this
    request's audit event."""
    record(counts=output_counts(counts))
