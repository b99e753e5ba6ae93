"""Calls from the gateway to the model services, with their failures in the error envelope.

A model service answers errors in the envelope already; those pass through with their status
and fixed message. A service that is down, restarting or slow becomes 503 or 504 instead of
a hung request or a BentoML stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

import aiohttp
import httpx
import orjson
from bentoml.exceptions import BentoMLException

from medbento.http.errors import APIError

log = logging.getLogger("medbento.remote")
T = TypeVar("T")
# What a call to another service can raise. BentoML's service client is aiohttp (a worker that
# died mid-request is aiohttp's ServerDisconnectedError); its sync and streaming paths, httpx.
FAILURES = (BentoMLException, httpx.HTTPError, aiohttp.ClientError, TimeoutError, ConnectionError)

# A broken connection: BentoML's client for a dependency keeps an idle connection 15 s
# (aiohttp's default) while the dependency's uvicorn closes it after 5 s, so a request written
# to a connection the service is closing fails at once (reset or disconnected;
# bentoml/BentoML#4971). A fresh connection succeeds; `call_pure` retries these once, and the
# audit write may be retried too because it is idempotent (an event carries its own id).
BROKEN = (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError)


def translate(error: Exception) -> APIError:
    if isinstance(error, APIError):
        return error
    if isinstance(error, BentoMLException):
        status = int(error.error_code)
        try:
            remote = orjson.loads(error.message)["error"]
            return APIError(status, remote["message"], remote["code"])
        except (orjson.JSONDecodeError, KeyError, TypeError):
            pass
        if status == 503:
            return APIError(
                503, "A model service is overloaded or restarting.", "model_unavailable"
            )
        if status < 500:
            return APIError(status)
        return APIError(502)
    if isinstance(error, httpx.TimeoutException | TimeoutError):
        return APIError(504, "A model service did not answer in time.", "model_timeout")
    if isinstance(error, httpx.TransportError | aiohttp.ClientError | ConnectionError):
        return APIError(503, "A model service is unavailable.", "model_unavailable")
    raise error


async def call(awaitable: Awaitable[T]) -> T:
    try:
        return await awaitable
    except FAILURES as error:
        raise _failed(error) from None


def _failed(error: Exception) -> APIError:
    translated = translate(error)
    if translated.status >= 500:
        log.warning("model service call failed: %s (%s)", translated.code, type(error).__name__)
    return translated


async def call_pure(make: Callable[[], Awaitable[T]]) -> T:
    """`call` for calls that may be repeated (PHI analysis, encoding, generation, the audit
    write, which is idempotent), retried once when the connection broke (BROKEN). A service
    that is really down fails the retry too, and that is a 503."""
    try:
        return await make()
    except BROKEN as error:
        # The OS error says which (reset, refused, backlog full); it holds no request data.
        log.info(
            "model service connection broke (%s: %s): retrying once", type(error).__name__, error
        )
    except FAILURES as error:
        raise _failed(error) from None
    return await call(make())


async def stream(chunks: AsyncIterator[T]) -> AsyncIterator[T]:
    try:
        async for chunk in chunks:
            yield chunk
    except FAILURES as error:
        translated = translate(error)
        log.warning("model service stream failed: %s (%s)", translated.code, type(error).__name__)
        raise translated from None
