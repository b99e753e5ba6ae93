"""Pure ASGI middleware for every public medbento service.

Assigns the request id (X-Request-ID on every response) and guarantees the error envelope:
any 4xx/5xx that BentoML, Starlette or FastAPI write themselves is rewritten, and an exception
that escapes a handler becomes a 500 envelope instead of a stack trace.
"""

from __future__ import annotations

import asyncio
import logging
import traceback

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
from medbento.serving.entry_service import is_entry
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

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == "/docs.json":
            send = openapi_doc.rewriting(send)
        request_id = new_request_id(Headers(scope=scope).get("x-request-id"))
        token = REQUEST_ID.set(request_id)
        raised: list[APIError] = []
        raised_token = RAISED.set(raised)
        answer = _Answer(send, request_id, raised)
        if is_entry(self.entry):
            receive = _limit_body(receive, self.max_body, answer)
        try:
            deadline = asyncio.timeout(self.timeout)
            async with deadline:
                await self.app(scope, receive, answer.send)
        except TimeoutError:
            # Ours (the request ran out of time: 504) or raised inside, e.g. a dependency
            # probe that timed out (something behind us is not answering: 503).
            ours = deadline.expired()
            log.warning(
                "%s: %s",
                "request timed out" if ours else "dependency timed out",
                route_of(scope["path"]),
            )
            await answer.fail(504 if ours else 503)
        except Exception as exc:
            if not answer.overflow:
                # The type and where it was raised, without str(exc): messages can carry input.
                frames = "".join(traceback.format_tb(exc.__traceback__))
                log.error("unhandled %s\n%s", type(exc).__name__, frames)
            await answer.fail(413 if answer.overflow else 500)
        finally:
            RAISED.reset(raised_token)
            REQUEST_ID.reset(token)


class _Answer:
    """The response on its way out: X-Request-ID on it, and every error body in the envelope
    (an APIError raised while serving writes its own; what BentoML, Starlette or FastAPI wrote
    is rewritten)."""

    def __init__(self, send: Send, request_id: str, raised: list[APIError]) -> None:
        self._send, self.request_id, self.raised = send, request_id, raised
        self.started = False
        self.overflow = False  # the body went over the limit while it streamed in
        self._error_start: Message | None = None
        self._error_body: list[bytes] = []

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
            MutableHeaders(scope=message)["X-Request-ID"] = self.request_id
            if self.overflow:
                # The app saw the body stream cut off and failed; say why.
                message["status"] = 413
            elif self.raised and message["status"] >= 400:
                message["status"] = self.raised[-1].status
            if message["status"] >= 400:
                self._error_start = message  # held until the body can be rewritten
                return
        elif message["type"] == "http.response.body" and self._error_start is not None:
            self._error_body.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await self._rewritten_error()
            return
        await self._send(message)

    async def _rewritten_error(self) -> None:
        start = self._error_start
        if self.raised:
            body = self.raised[-1].body()
        else:
            body = rewrite_foreign_error(start["status"], b"".join(self._error_body))
        headers = MutableHeaders(scope=start)
        headers["content-type"] = "application/json"
        headers["content-length"] = str(len(body))
        await self._send(start)
        await self._send({"type": "http.response.body", "body": body})

    async def fail(self, status: int) -> None:
        """The envelope for `status`, if nothing of the response has left yet."""
        if self.started:
            return
        body = envelope(status)
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"x-request-id", self.request_id.encode()),
        ]
        await self._send({"type": "http.response.start", "status": status, "headers": headers})
        await self._send({"type": "http.response.body", "body": body})


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


def _limit_body(receive: Receive, limit: int, answer: _Answer) -> Receive:
    """Count body bytes as they stream in: chunked uploads have no content-length to check,
    and a declared length may be a lie."""
    received = 0

    async def wrapped() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                answer.overflow = True
                raise _BodyTooLarge
        return message

    return wrapped
