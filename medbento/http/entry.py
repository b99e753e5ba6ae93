"""What every entry service shares: BentoML's readiness and /metrics hooks, one Coalescer per
dependency API, and the marking of a service's calls to its own APIs as internal."""

from __future__ import annotations

import contextlib
import contextvars
import inspect

from medbento.infra.coalesce import Coalescer
from medbento.infra.logs import ACCESS_LOG
from medbento.infra.metrics import resource_metrics
from medbento.infra.redis_link import redis_link
from medbento.settings import get_settings, http_config, tls_config

# Set while a service calls its own APIs: the access control lets those calls through.
INTERNAL: contextvars.ContextVar[bool] = contextvars.ContextVar("internal", default=False)


@contextlib.contextmanager
def internal():
    """Mark calls a service makes to its own APIs (through BentoML's in-process self-proxy)."""
    token = INTERNAL.set(True)
    try:
        yield
    finally:
        INTERNAL.reset(token)


class Own:
    """A service's own APIs (BentoML's in-process self-proxy, `self.to_async`), every call
    marked internal: the entry service's public routes reach its batchable APIs this way.

    Why a mark is needed: when the worker starts, BentoML replaces `to_async` with a
    RemoteProxy over the service's own ASGI app (_bentoml_impl/server/app.py), so a call to
    oneself passes the whole middleware stack, access control included, and BentoML's
    batching dispatcher. The mark (a context variable, which the in-process call keeps) lets
    it through; an outside request can never carry it."""

    def __init__(self, proxy) -> None:
        self._proxy = proxy

    def __getattr__(self, name: str):
        method = getattr(self._proxy, name)

        def call(*args, **kwargs):
            with internal():
                result = method(*args, **kwargs)
            return _iterate(result) if inspect.isasyncgen(result) else _await(result)

        return call


async def _await(awaitable):
    with internal():
        return await awaitable


async def _iterate(generator):
    with internal():
        async for item in generator:
            yield item


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
