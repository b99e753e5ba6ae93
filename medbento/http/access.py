"""The door of an entry service: who is calling, may they use this route, and the audit event.

On the entry service of a Bento (the one clients reach) every request passes here:
- paths outside the public policy (a model service's internal APIs) answer 404;
- the Bearer key names a principal and a role: none or unknown is 401, wrong role 403;
- a body declared over the limit is 413 before it is read, a body not JSON 415;
- the request's audit event is written before its response starts. If it cannot be written,
  the client gets 503 instead of the model's output (fail closed), so no answered request is
  ever missing from the trail;
- one JSON access-log line per request.
Dependency services (reached only by an entry service) pass straight through.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import bentoml
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from medbento.access.oidc import JWT_SHAPE, token_verifier
from medbento.access.policy import (
    ANONYMOUS,
    IDENTITY,
    Identity,
    allowed_roles,
    keyring,
    model_of,
    route_of,
)
from medbento.access.rate_limits import rate_limits
from medbento.audit.records import EventIn
from medbento.audit.store import AUDIT_BATCH
from medbento.audit.trail import TRAIL, Trail
from medbento.http import remote
from medbento.http.errors import RAISED, REQUEST_ID, APIError
from medbento.http.middleware import declared_body_refusal
from medbento.observability import logs
from medbento.observability.metrics import AUDIT_EVENTS
from medbento.observability.recent_calls import recent_calls
from medbento.serving.entry_service import is_entry

log = logging.getLogger("medbento.access")
logs.configure()
# Answered even when their audit event cannot be written: fail-closed protects output that
# may carry PHI, and an outage of the audit store must stay visible to the monitoring that
# reports it (medbento_audit_store_writable, medbento_audit_events_total{result="failed"}).
UNWITHHELD = {"/metrics"}


def _is_preflight(scope: Scope) -> bool:
    headers = Headers(scope=scope)
    return (
        scope["method"] == "OPTIONS"
        and "origin" in headers
        and "access-control-request-method" in headers
    )


WriteEvents = Callable[[list[EventIn]], Awaitable[Any]]


async def to_audit_log(events: list[EventIn]) -> Any:
    """The entry service's AuditLog: concurrent requests' events leave as one call, and a
    broken connection is retried (the write is idempotent on each event's id)."""
    coalescer = bentoml.get_current_service().coalesced("audit", "record", AUDIT_BATCH)
    return await remote.call_pure(lambda: coalescer(events))


async def identify(authorization: str | None) -> Identity | None:
    """An API key, or (with an issuer configured) an OpenID Connect token: a JWT is checked in
    a thread, since its issuer's keys may have to be fetched."""
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    token, verifier = credentials.strip(), token_verifier()
    if verifier is not None and scheme.lower() == "bearer" and JWT_SHAPE.fullmatch(token):
        return await asyncio.to_thread(verifier.identify, token)
    return keyring().identify(authorization)


class AccessControl:
    """`write_events` and `entry` are for tests of the door alone: by default the events go
    to the service's AuditLog, and only an entry service (not a dependency) checks."""

    def __init__(
        self, app: ASGIApp, write_events: WriteEvents = to_audit_log, entry: bool | None = None
    ) -> None:
        self.app = app
        self.write_events = write_events
        self.entry = entry
        if is_entry(self.entry):
            # Keys are read (in development without keys: written, and the file named in the
            # log) when the server starts, not at its first request; an OIDC JWKS file too.
            keyring()
            token_verifier()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_entry(self.entry):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        public, roles = allowed_roles(path)
        if not public:
            # Not logged as given: a path outside the API may carry anything, PHI included.
            log.info(
                "request",
                extra={
                    "request_id": REQUEST_ID.get(),
                    "method": scope["method"],
                    "route": "(not an API route)",
                    "status": 404,
                },
            )
            await _error(send, APIError(404))
            return
        if roles is None or _is_preflight(scope):
            # Probes, and CORS preflights: browsers send those without credentials, and
            # BentoML's CORS middleware answers them without reaching any model. Neither is
            # audited, and neither takes a body over the limit.
            if (too_large := declared_body_refusal(scope)) is not None:
                await _error(send, too_large)
            else:
                await self.app(scope, receive, send)
            return

        started = time.perf_counter()
        address = (scope.get("client") or ("unknown",))[0]
        limited = await rate_limits().retry_after("address", address)
        identity = await identify(Headers(scope=scope).get("authorization"))
        if limited is None and identity is not None:
            limited = await rate_limits().retry_after("principal", identity.principal)
        trail = Trail()
        id_token, trail_token = IDENTITY.set(identity or ANONYMOUS), TRAIL.set(trail)
        status = 0
        try:
            refusal = _refusal(scope, identity, roles, limited)
            if refusal is not None:
                status = await self._refuse(scope, send, identity, trail, started, *refusal)
                return

            async def send_after_audit(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                    if (raised := RAISED.get()) and status >= 400:
                        # What RequestContext answers, and so what is recorded: FastAPI turns
                        # an error raised while it reads the body (413) into its own 400.
                        status = message["status"] = raised[-1].status
                    try:
                        await self._audit(scope, identity, trail, status, started)
                    except Exception:
                        if path in UNWITHHELD:
                            log.error("audit write failed: metrics served (they hold no PHI)")
                        else:
                            log.error("audit write failed: withholding the response")
                            status = 503
                            raise _AuditUnavailable from None
                await send(message)

            try:
                await self.app(scope, receive, send_after_audit)
            except _AuditUnavailable:
                await _error(send, _audit_unavailable())
        finally:
            _account(scope, identity, trail, status, started)
            IDENTITY.reset(id_token)
            TRAIL.reset(trail_token)

    async def _refuse(
        self, scope, send, identity, trail, started, error: APIError, headers=None
    ) -> int:
        """A refused request is audited too; if even that cannot be written, 503. Returns the
        status sent, which is the one logged."""
        try:
            await self._audit(scope, identity or ANONYMOUS, trail, error.status, started)
        except Exception:
            log.error("audit write failed for a refused request")
            await _error(send, _audit_unavailable())
            return 503
        await _error(send, error, headers)
        return error.status

    async def _audit(
        self, scope: Scope, identity: Identity, trail: Trail, status: int, started: float
    ) -> None:
        event = EventIn(
            request_id=REQUEST_ID.get(),
            principal=identity.principal,
            role=identity.role,
            action=f"{scope['method']} {route_of(scope['path'])}",
            route=route_of(scope["path"]),
            status=status,
            outcome=_outcome(status),
            latency_ms=round((time.perf_counter() - started) * 1000, 2),
            model_id=trail.model_id,
            model_version=trail.model_version,
            entity_counts=dict(trail.counts),
            input_digest=trail.input_digest,
            output_digest=trail.output_digest,
        )
        try:
            await self.write_events([event])
        except Exception:
            AUDIT_EVENTS.labels(result="failed").inc()
            raise
        AUDIT_EVENTS.labels(result="written").inc()


def _refusal(
    scope: Scope, identity: Identity | None, roles: set[str], limited: int | None
) -> tuple[APIError, dict[str, str] | None] | None:
    """Why the door refuses this request (the error and its headers), or None: over a rate
    limit, no valid credential, a role or model the credential may not use, a body declared
    too large, a body that is not JSON, in that order."""
    if limited is not None:
        return APIError(429), {"retry-after": str(limited)}
    if identity is None:
        return APIError(401), {"www-authenticate": "Bearer"}
    if identity.role not in roles or not identity.may_use(model_of(scope["path"])):
        return APIError(403), None
    if (too_large := declared_body_refusal(scope)) is not None:
        return too_large, None
    if not _json_or_no_body(scope):
        return APIError(415), None
    return None


def _account(
    scope: Scope, identity: Identity | None, trail: Trail, status: int, started: float
) -> None:
    """After every request: the model's recent calls (for /health) and the access-log line."""
    latency_ms = (time.perf_counter() - started) * 1000
    if trail.model_id and status:
        recent_calls().record(trail.model_id, status < 500, latency_ms)
    log.info(
        "request",
        extra={
            "request_id": REQUEST_ID.get(),
            "method": scope["method"],
            "route": route_of(scope["path"]),
            "status": status,
            "latency_ms": round(latency_ms, 1),
            "principal": (identity or ANONYMOUS).principal,
        },
    )


class _AuditUnavailable(Exception):
    pass


def _audit_unavailable() -> APIError:
    return APIError(
        503, "The audit trail is unavailable; no output was returned.", "audit_unavailable"
    )


def _outcome(status: int) -> str:
    if status < 400:
        return "ok"
    if status in (401, 403):
        return "denied"
    if status == 422:
        return "rejected"
    return "client_error" if status < 500 else "error"


def _json_or_no_body(scope: Scope) -> bool:
    """Every public request body is JSON. BentoML would read one of another declared type
    anyway (text/plain as JSON; forms and multipart with its form parser, which answers a
    malformed multipart body with a 500), so any other type is refused before a parser sees
    it. Without a content-type BentoML reads JSON and FastAPI refuses a body (400)."""
    content_type = Headers(scope=scope).get("content-type")
    if scope["method"] not in ("POST", "PUT", "PATCH") or content_type is None:
        return True
    media_type = content_type.split(";")[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


async def _error(send: Send, error: APIError, headers: dict[str, str] | None = None) -> None:
    body = error.body()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": error.status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
