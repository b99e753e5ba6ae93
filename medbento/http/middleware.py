"""Pure ASGI middleware for every public medbento service.

Assigns the request id (X-Request-ID on every response) and guarantees the error envelope:
any 4xx/5xx that BentoML, Starlette or FastAPI write themselves is rewritten, and an exception
that escapes a handler becomes a 500 envelope instead of a stack trace.
"""

from __future__ import annotations

import asyncio
import logging
import traceback

import bentoml
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from medbento.access.policy import route_of
from medbento.http import openapi as openapi_doc
from medbento.http.errors import (
    RAISED,
    REQUEST_ID,
    APIError,
    envelope,
    new_request_id,
    rewrite_foreign_error,
)
from medbento.settings import get_settings

log = logging.getLogger("medbento.http")


class RequestContext:
    """`entry` is for tests of the middleware alone: by default the body limit applies to an
    entry service's clients, not to the calls between services (a coalesced call carries
    many requests' texts)."""

    def __init__(self, app: ASGIApp, entry: bool | None = None) -> None:
        self.app = app
        self.entry = entry
        settings = get_settings()
        self.timeout = settings.request_timeout_s
        self.max_body = settings.max_body_bytes

    def _from_client(self) -> bool:
        if self.entry is not None:
            return self.entry
        return bentoml.server_context.service_type == "entry_service"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == "/docs.json":
            send = openapi_doc.rewriting(send)
        headers = Headers(scope=scope)
        request_id = new_request_id(headers.get("x-request-id"))
        token = REQUEST_ID.set(request_id)
        raised: list[APIError] = []
        raised_token = RAISED.set(raised)
        started = False
        overflow = {"hit": False}
        error_start: Message | None = None
        error_body: list[bytes] = []

        async def send_wrapper(message: Message) -> None:
            nonlocal started, error_start
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
                if overflow["hit"]:
                    # The app saw the body stream cut off and failed; say why.
                    message["status"] = 413
                elif raised and message["status"] >= 400:
                    message["status"] = raised[-1].status
                if message["status"] >= 400:
                    error_start = message  # hold it until the body can be rewritten
                    return
            elif message["type"] == "http.response.body" and error_start is not None:
                error_body.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                if raised:
                    body = raised[-1].body()
                else:
                    body = rewrite_foreign_error(error_start["status"], b"".join(error_body))
                start_headers = MutableHeaders(scope=error_start)
                start_headers["content-type"] = "application/json"
                start_headers["content-length"] = str(len(body))
                await send(error_start)
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        async def reply(status: int, extra: dict[str, str] | None = None) -> None:
            body = envelope(status)
            response_headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"x-request-id", request_id.encode()),
            ]
            response_headers += [(k.encode(), v.encode()) for k, v in (extra or {}).items()]
            await send(
                {"type": "http.response.start", "status": status, "headers": response_headers}
            )
            await send({"type": "http.response.body", "body": body})

        if self._from_client():
            receive = _limit_body(receive, self.max_body, overflow)
        try:
            deadline = asyncio.timeout(self.timeout)
            async with deadline:
                await self.app(scope, receive, send_wrapper)
        except TimeoutError:
            # Ours (the request ran out of time: 504) or raised inside, e.g. a dependency
            # probe that timed out (something behind us is not answering: 503).
            ours = deadline.expired()
            log.warning(
                "%s: %s",
                "request timed out" if ours else "dependency timed out",
                route_of(scope["path"]),
            )
            if not started:
                await reply(504 if ours else 503)
        except Exception as exc:
            if overflow["hit"]:
                if not started:
                    await reply(413)
                return
            # The type and where it was raised, without str(exc): messages can carry input.
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error("unhandled %s\n%s", type(exc).__name__, frames)
            if not started:
                await reply(500)
        finally:
            RAISED.reset(raised_token)
            REQUEST_ID.reset(token)


class _BodyTooLarge(APIError):
    """An APIError, so that BentoML answers it as the client's 413 it is: a plain exception
    was a 500 to everything inside this middleware (access log, audit trail, metrics) and a
    traceback in the log, for a client's oversized chunked upload."""

    def __init__(self) -> None:
        super().__init__(413)


def declared_body_refusal(scope: Scope) -> APIError | None:
    """A body declared larger than MEDBENTO_MAX_BODY_BYTES is refused before it is read; a
    content-length that is not a number is a bad request. AccessControl refuses both, so that
    they are audited and logged like any other refusal."""
    length = Headers(scope=scope).get("content-length")
    if length is None:
        return None
    if not length.isdigit():
        return APIError(400)
    return APIError(413) if int(length) > get_settings().max_body_bytes else None


def _limit_body(receive: Receive, limit: int, overflow: dict[str, bool]) -> Receive:
    """Count body bytes as they stream in: chunked uploads have no content-length to check,
    and a declared length may be a lie."""
    received = 0

    async def wrapped() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                overflow["hit"] = True
                raise _BodyTooLarge
        return message

    return wrapped
