"""Embedding: clinical text -> unit-length vectors, with adaptive batching."""

from __future__ import annotations

import functools
from pathlib import Path

import bentoml
import numpy as np

from medbento import freeze_after_startup
from medbento.http import openai_routes
from medbento.http.access import AccessControl
from medbento.http.middleware import RequestContext
from medbento.http.request_guard import RequestGuard
from medbento.http.schemas import EmbeddingsRequest, EmbeddingsResponse, ModelInfo
from medbento.runtime import embedder
from medbento.runtime.devices import model_resources, torch_device
from medbento.serving import model_thread
from medbento.serving.coalesce import Coalescer
from medbento.serving.entry_service import Local, service_config
from medbento.settings import get_settings
from services.guarded import GuardedEntry

settings = get_settings()


@bentoml.service(name="Embedding", resources=model_resources(), **service_config(entry=True))
class Embedding(GuardedEntry):
    model_ref = bentoml.models.BentoModel(settings.embedder_tag)

    def __init__(self) -> None:
        self.device = torch_device()
        self.runtime = embedder.runtime_for(
            self.model_ref.path, self.device, settings.embedder_runtime
        )
        self.model = model_thread.run(embedder.load, self.model_ref.path, self.device, self.runtime)
        self.dimensions = self.model.get_embedding_dimension()
        freeze_after_startup()

    @bentoml.api(**settings.batching(settings.embed_max_batch_size))
    async def encode(self, texts: list[str]) -> np.ndarray:
        """Internal: de-identified texts in, float32 vectors out (one row per text)."""
        return await model_thread.call(embedder.embed, self.model, texts)

    @functools.cached_property
    def encode_here(self) -> Coalescer:
        """The model in this process, for this Bento's own route: concurrent requests' texts
        run as one batch (a Coalescer instead of BentoML's dispatcher, which only a call
        through HTTP reaches), with no hop to itself."""
        return Coalescer(Local(self).encode, settings.embed_max_batch_size)

    @bentoml.api
    def info(self) -> ModelInfo:
        stored = self.model_ref
        return ModelInfo(
            id="embedding",
            created=int(self.model_ref.info.creation_time.timestamp()),
            tag=str(stored.tag),
            labels=stored.info.labels,
            device=self.device,
            batching={
                "max_batch_size": settings.embed_max_batch_size,
                "max_latency_ms": settings.batch_max_latency_ms,
            },
            details={"dimensions": self.dimensions, "runtime": self.runtime},
        )

    @bentoml.api(route="/v1/embeddings")
    async def embeddings(self, request: EmbeddingsRequest, /) -> EmbeddingsResponse:
        """OpenAI-compatible embeddings, when this service is the entry of its own Bento."""
        return await openai_routes.embeddings(
            request,
            encode=self.encode_here,
            guard=RequestGuard(self.analyze_phi),
            dimensions=self.dimensions,
            version=str(self.model_ref.tag),
            count_tokens=token_counter(Path(self.model_ref.path)),
        )


Embedding.add_asgi_middleware(RequestContext)
Embedding.add_asgi_middleware(AccessControl)


@functools.cache
def token_counter(model_dir: Path):
    """Counts tokens for `usage` with the embedder's own fast tokenizer."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def count(texts: list[str]) -> int:
        return sum(len(encoding.ids) for encoding in tokenizer.encode_batch(texts))

    return count
