"""What every entry service shares: BentoML's readiness and /metrics hooks, one Coalescer per
dependency API, and calls to its own APIs in its own process."""

from __future__ import annotations

import bentoml

from medbento.observability.logs import ACCESS_LOG
from medbento.observability.metrics import resource_metrics
from medbento.serving.coalesce import Coalescer
from medbento.settings import get_settings, http_config, tls_config
from medbento.stores.redis_link import redis_link


def is_entry(declared: bool | None = None) -> bool:
    """Whether this process serves its Bento's clients (the entry service) rather than other
    services (a dependency): the door (http/access.py) and the body limit (http/middleware.py)
    apply to clients only. `declared`: a test's middleware without a server says which."""
    if declared is not None:
        return declared
    return bentoml.server_context.service_type == "entry_service"


class Local:
    """A service's own APIs, called in its own process: `getattr(service, api).local`,
    BentoML's public local caller. Inside a worker, `self.api` is BentoML's proxy over the
    service's own ASGI app (an HTTP round trip through every middleware and the batching
    dispatcher); a Bento whose entry is a model service reaches its model this way, with no
    hop at all. Batched APIs are fronted by a Coalescer where they are used."""

    def __init__(self, service: object) -> None:
        self._service = service

    def __getattr__(self, name: str):
        return getattr(self._service, name).local


class EntryPoint:
    """Base of every service that can be a Bento's entry: BentoML's readiness probe and
    /metrics hooks (Redis, when configured, must answer; resource gauges at scrape time)."""

    async def __is_ready__(self) -> bool:
        link = redis_link()
        return link is None or await link.ping()

    def __metrics__(self, content: str) -> str:
        return content + resource_metrics()

    def coalesced(self, dependency: str, api: str, max_items: int) -> Coalescer:
        """The one Coalescer of this process for a dependency's batched API."""
        coalescers = self.__dict__.setdefault("_coalescers", {})
        if (dependency, api) not in coalescers:
            method = getattr(getattr(self, dependency).to_async, api)
            coalescers[dependency, api] = Coalescer(method, max_items)
        return coalescers[dependency, api]

    @property
    def analyze_phi(self) -> Coalescer:
        """PHIGuard.analyze, this process's concurrent requests sent together."""
        return self.coalesced("phi_guard", "analyze", get_settings().embed_max_batch_size)


def service_config(entry: bool) -> dict:
    """The @bentoml.service settings medbento's services share. BentoML's own timeout answers
    outside medbento's middleware (no envelope, no audit event), so it is set above the
    request deadline (MEDBENTO_REQUEST_TIMEOUT_S), which fires first. A service that can be a
    Bento's entry also takes the HTTP (CORS, trusted proxies) and TLS settings."""
    settings = get_settings()
    config: dict = {
        "traffic": {"timeout": settings.request_timeout_s + 5},
        "logging": ACCESS_LOG,
    }
    if entry:
        config |= {"http": http_config(settings), "ssl": tls_config(settings)}
    return config
