"""Generation: a causal LM, batched across concurrent prompts, plus token streaming."""

from __future__ import annotations

import functools
import threading
from collections import defaultdict
from collections.abc import AsyncGenerator
from pathlib import Path
from typing import Any

import bentoml
import orjson

from medbento import freeze_after_startup
from medbento.http import openai_routes
from medbento.http.access import AccessControl
from medbento.http.middleware import RequestContext
from medbento.http.request_guard import RequestGuard
from medbento.http.schemas import (
    ChatCompletion,
    ChatCompletionRequest,
    GenerationRequest,
    GenerationResult,
    ModelInfo,
)
from medbento.runtime.devices import model_resources
from medbento.runtime.generator import load_generator
from medbento.serving import model_thread
from medbento.serving.coalesce import Coalescer
from medbento.serving.entry_service import Local, service_config
from medbento.settings import get_settings
from services.guarded import GuardedEntry

settings = get_settings()


@bentoml.service(name="Generation", resources=model_resources(), **service_config(entry=True))
class Generation(GuardedEntry):
    model_ref = bentoml.models.BentoModel(settings.generator_tag)

    def __init__(self) -> None:
        self.model, self.tokenizer, self.device = model_thread.run(
            load_generator,
            Path(self.model_ref.path),
            quantization=settings.generator_quantization,
            runtime=settings.generator_runtime,
        )
        self.tokenizer.truncation_side = "left"  # keep the end of a long conversation
        config = self.model.config
        self.context = getattr(config, "n_positions", None) or config.max_position_embeddings
        freeze_after_startup()

    @bentoml.api(**settings.batching(settings.generate_max_batch_size))
    async def generate(self, requests: list[GenerationRequest]) -> list[GenerationResult]:
        """Internal: complete de-identified prompts; one model call per sampling setting."""
        return await model_thread.call(self._generate, requests)

    def _generate(self, requests: list[GenerationRequest]) -> list[GenerationResult]:
        groups: dict[tuple[float, float], list[int]] = defaultdict(list)
        for i, request in enumerate(requests):
            groups[(request.temperature, request.top_p)].append(i)
        results: list[GenerationResult | None] = [None] * len(requests)
        for indices in groups.values():
            batch = [requests[i] for i in indices]
            for i, result in zip(indices, self._complete(batch), strict=True):
                results[i] = result
        return results  # type: ignore[return-value]

    @bentoml.api
    async def stream(self, request: GenerationRequest) -> AsyncGenerator[str, None]:
        """Internal: newline-delimited JSON events, {"text"} as tokens come, then the totals."""
        inputs, max_new = self._encode([request])
        streamer = _streamer_class()(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        stop = threading.Event()
        failed: list[BaseException] = []

        def work() -> None:
            try:
                self._run(inputs, max_new, request, streamer, stop)
            except Exception as error:  # surfaced to the client as an error event below
                failed.append(error)
                streamer.end()

        threading.Thread(target=work, daemon=True).start()
        text, finish = "", "length"
        try:
            async for piece in streamer:
                text += piece
                if hit := _first_stop(text, request.stop):
                    piece = piece[: len(piece) - (len(text) - hit)]
                    finish = "stop"
                if piece:
                    yield orjson.dumps({"text": piece}).decode() + "\n"
                if finish == "stop":
                    break
        finally:
            stop.set()  # the client went away or a stop string matched: free the model
        if failed:
            yield orjson.dumps({"error": "generation failed"}).decode() + "\n"
            raise RuntimeError("generation failed") from failed[0]
        if streamer.saw_eos:
            finish = "stop"
        totals = {
            "finish_reason": finish,
            "prompt_tokens": int(inputs["attention_mask"].sum()),
            "completion_tokens": streamer.tokens,
        }
        yield orjson.dumps(totals).decode() + "\n"

    @bentoml.api
    def info(self) -> ModelInfo:
        return ModelInfo(
            id="generation",
            created=int(self.model_ref.info.creation_time.timestamp()),
            tag=str(self.model_ref.tag),
            labels=self.model_ref.info.labels,
            device=self.device,
            batching={
                "max_batch_size": settings.generate_max_batch_size,
                "max_latency_ms": settings.batch_max_latency_ms,
            },
            details={
                "context_tokens": self.context,
                "quantization": settings.generator_quantization,
                "runtime": settings.generator_runtime,
            },
        )

    @bentoml.api(route="/v1/chat/completions")
    async def chat_completions(self, request: ChatCompletionRequest, /) -> ChatCompletion:
        """OpenAI-compatible chat completions, when this service is the entry of its Bento."""
        openai_routes.check_model(request.model, ("generation",))
        return await openai_routes.chat(
            request,
            generate=self.generate_one,
            stream=self.stream_events,
            guard=RequestGuard(self.analyze_phi),
            version=str(self.model_ref.tag),
        )

    async def generate_one(self, request: GenerationRequest) -> GenerationResult:
        (result,) = await self.generate_here([request])
        return GenerationResult.model_validate(result)

    async def stream_events(self, request: GenerationRequest):
        async for event in ndjson_events(Local(self).stream(request)):
            yield event

    @functools.cached_property
    def generate_here(self) -> Coalescer:
        """The model in this process, for this Bento's own route: concurrent requests run as
        one batch (a Coalescer instead of BentoML's dispatcher), with no hop to itself. One
        batch at a time: two generate calls at once split the batch and compete for the same
        cores (8 concurrent chats here: 434 tokens/s with two in flight, 603 with one)."""
        return Coalescer(Local(self).generate, settings.generate_max_batch_size, in_flight=1)

    # --- model work: on the model thread (medbento/serving/model_thread.py); a stream on its own

    def _prompt(self, request: GenerationRequest) -> str:
        if request.messages is None:
            return request.prompt or ""
        messages = [m.model_dump() for m in request.messages]
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True
        )

    def _encode(self, batch: list[GenerationRequest]) -> tuple[Any, int]:
        # Leave room for the answer: the prompt keeps its last (context - max_new) tokens.
        max_new = min(max(r.max_tokens for r in batch), self.context - 16)
        inputs = self.tokenizer(
            [self._prompt(r) for r in batch],
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=self.context - max_new,
            return_token_type_ids=False,
        )
        return inputs.to(self.device), max_new

    def _run(self, inputs, max_new, request, streamer=None, stop=None):
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList

        class Stopped(StoppingCriteria):
            def __call__(self, input_ids, scores, **kwargs):
                return stop is not None and stop.is_set()

        sampling = not request.greedy
        with torch.inference_mode():
            return self.model.generate(
                **inputs,
                max_new_tokens=max_new,
                do_sample=sampling,
                temperature=request.temperature if sampling else None,
                top_p=request.top_p if sampling else None,
                pad_token_id=self.tokenizer.pad_token_id,
                eos_token_id=self.tokenizer.eos_token_id,
                streamer=streamer,
                stopping_criteria=StoppingCriteriaList([Stopped()]),
            )

    def _complete(self, batch: list[GenerationRequest]) -> list[GenerationResult]:
        inputs, max_new = self._encode(batch)
        output = self._run(inputs, max_new, batch[0])
        prompt_width = inputs["input_ids"].shape[1]
        results = []
        for row, request in enumerate(batch):
            tokens = output[row, prompt_width:].tolist()[: request.max_tokens]
            finish = "length"
            if self.tokenizer.eos_token_id in tokens:
                tokens = tokens[: tokens.index(self.tokenizer.eos_token_id)]
                finish = "stop"
            text = self.tokenizer.decode(tokens, skip_special_tokens=True)
            if (hit := _first_stop(text, request.stop)) is not None:
                text, finish = text[:hit], "stop"
            results.append(
                GenerationResult(
                    text=text,
                    prompt_tokens=int(inputs["attention_mask"][row].sum()),
                    completion_tokens=len(tokens),
                    finish_reason=finish,
                )
            )
        return results


Generation.add_asgi_middleware(RequestContext)
Generation.add_asgi_middleware(AccessControl)


def _first_stop(text: str, stops: list[str]) -> int | None:
    hits = [text.find(s) for s in stops if s and s in text]
    return min(hits) if hits else None


@functools.cache
def _streamer_class():
    from transformers import AsyncTextIteratorStreamer

    class Counting(AsyncTextIteratorStreamer):
        """Counts generated tokens and notices the end-of-sequence token."""

        def __init__(self, tokenizer, **kwargs):
            super().__init__(tokenizer, **kwargs)
            self.tokens, self.saw_eos, self._prompt_seen = 0, False, False

        def put(self, value):
            if not self._prompt_seen:  # the first put is the prompt
                self._prompt_seen = True
            else:
                ids = value.reshape(-1).tolist()
                eos = self.tokenizer.eos_token_id
                self.saw_eos = self.saw_eos or eos in ids
                self.tokens += sum(1 for i in ids if i != eos)
            super().put(value)

    return Counting


async def ndjson_events(chunks) -> AsyncGenerator[dict[str, Any], None]:
    """Reassemble newline-delimited JSON from a stream whose chunks may split or merge lines."""
    buffer = ""
    async for chunk in chunks:
        buffer += chunk
        *lines, buffer = buffer.split("\n")
        for line in lines:
            if line:
                yield orjson.loads(line)
    if buffer.strip():
        yield orjson.loads(buffer)
