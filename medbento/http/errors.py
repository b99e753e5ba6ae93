"""The one error shape clients see: {"error": {"code", "message", "request_id"}}.

Messages are fixed strings or names of fields, never parts of the request: a request body may
hold PHI, and an error must not echo it back or carry it into a log.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import re
import uuid
from collections.abc import Iterator
from http import HTTPStatus

import orjson
from bentoml.exceptions import BentoMLException

from medbento.stores.database import StoreUnavailable

log = logging.getLogger("medbento.http")

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
# The APIErrors raised while serving the current request; the middleware answers with the last.
RAISED: contextvars.ContextVar[list[APIError] | None] = contextvars.ContextVar(
    "raised", default=None
)
_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

STATUS_CODES = {
    400: ("bad_request", "The request is malformed."),
    401: ("unauthorized", "A valid API key is required."),
    403: ("forbidden", "This API key's role may not use this route."),
    404: ("not_found", "No such resource."),
    405: ("method_not_allowed", "Method not allowed on this route."),
    408: ("request_timeout", "The request body arrived too slowly."),
    413: ("payload_too_large", "The request body is too large."),
    415: ("unsupported_media_type", "Unsupported content type."),
    422: ("unprocessable_entity", "The request could not be processed."),
    429: ("rate_limited", "Too many requests; retry later."),
    500: ("internal_error", "An internal error occurred; it has been logged."),
    502: ("bad_gateway", "A model service answered with an error."),
    503: ("unavailable", "The service is temporarily unavailable."),
    504: ("timeout", "The request did not finish in time."),
}


class APIError(BentoMLException):
    """Raised anywhere in a request to answer with the error envelope.

    A BentoMLException, so BentoML's endpoint wrapper answers with its status; the request's
    middleware then writes the body from the error itself (see RAISED).
    """

    def __init__(
        self,
        status: int,
        message: str | None = None,
        code: str | None = None,
        reported: bool = False,
    ) -> None:
        """`reported`: the failure was already logged, in one line, where it happened; the
        traceback BentoML would add repeats nothing useful (once per request in an outage)."""
        default_code, default_message = STATUS_CODES.get(status, STATUS_CODES[500])
        self.status = status
        self.reported = reported
        self.code = code or default_code
        super().__init__(message or default_message, error_code=HTTPStatus(status))
        if (raised := RAISED.get()) is not None:
            raised.append(self)

    def body(self) -> bytes:
        return envelope(self.status, self.message, self.code)


# A store that fails, as its clients read it: (code, message) per store (http/errors is where
# the stores' domain error becomes an answer; the stores know nothing of HTTP).
STORE_FAILURES = {
    "audit store": ("audit_unavailable", "The audit store is unavailable."),
    "conversation store": ("store_unavailable", "The conversation store is unavailable."),
}


def unavailable(error: StoreUnavailable) -> APIError:
    """A store's failure as the client's 503, logged once here (the driver's error type only:
    its message can hold what was written)."""
    code, message = STORE_FAILURES.get(error.store, ("store_unavailable", None))
    log.error("%s failed: %s", error.store, type(error.__cause__).__name__)
    return APIError(503, message, code, reported=True)


@contextlib.contextmanager
def stores_answer_503() -> Iterator[None]:
    """Around a service's calls to its stores: a StoreUnavailable leaves as the 503 above."""
    try:
        yield
    except StoreUnavailable as error:
        raise unavailable(error) from None


def new_request_id(client_value: str | None) -> str:
    """Keep a well-formed client X-Request-ID (for tracing across systems), else mint one."""
    if client_value and _CLIENT_REQUEST_ID.match(client_value):
        return client_value
    return uuid.uuid4().hex


def envelope(status: int, message: str | None = None, code: str | None = None) -> bytes:
    error = APIError(status, message, code)
    return orjson.dumps(
        {"error": {"code": error.code, "message": error.message, "request_id": REQUEST_ID.get()}}
    )


def is_envelope(body: bytes) -> bool:
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    error = data.get("error") if isinstance(data, dict) else None
    return isinstance(error, dict) and {"code", "message", "request_id"} <= error.keys()


def validation_message(errors: list[dict]) -> str:
    """'field.path: reason' for each pydantic error, with neither the input nor its context."""
    parts = []
    for error in errors[:5]:
        location = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body",))
        parts.append(f"{location}: {error.get('msg', 'invalid')}" if location else error["msg"])
    return "; ".join(parts) or STATUS_CODES[422][1]


def rewrite_foreign_error(status: int, body: bytes) -> bytes:
    """Turn an error body written by BentoML, Starlette or FastAPI into the envelope.

    Pydantic validation details keep their field paths and reasons (BentoML already drops the
    input from them); every other message is replaced by the fixed text for its status.
    """
    if is_envelope(body):
        return body
    message = None
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("detail"), list):
        details = [d for d in data["detail"] if isinstance(d, dict)]
        if details:
            message = validation_message(details)
    return envelope(status, message)
