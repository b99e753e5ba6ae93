"""The OpenAPI document as medbento serves it (/docs.json): BentoML's, told the truth about
errors and keys. BentoML documents its own error body ({"error": "<message>"}) while every
medbento error is the envelope, and it knows nothing of the Bearer keys; clients generated
from the document, and schemathesis, rely on both."""

from __future__ import annotations

import orjson
from starlette.datastructures import MutableHeaders
from starlette.types import Message, Send

from .auth import allowed_roles
from .errors import STATUS_CODES

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "request_id"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "request_id": {"type": "string"},
            },
        }
    },
}
# What any route may answer besides success: the request's own faults, and ours.
COMMON = (400, 404, 405, 408, 413, 415, 422, 500, 502, 503, 504)
KEYED = (401, 403, 429)  # only where a key is needed
# Routes that answer with server-sent events when the request asks for "stream": true.
STREAMING = {"/v1/chat/completions"}
# BentoML's and FastAPI's error shapes, which no medbento response has.
FOREIGN_ERRORS = (
    "InvalidArgument",
    "NotFound",
    "InternalServerError",
    "HTTPValidationError",
    "ValidationError",
)


def document(spec: dict) -> dict:
    _openapi_30_bounds(spec)
    components = spec.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name in FOREIGN_ERRORS:
        schemas.pop(name, None)
    schemas["Error"] = ERROR_SCHEMA
    components["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    for path, operations in spec.get("paths", {}).items():
        _, roles = allowed_roles(path)
        statuses = COMMON if roles is None else COMMON + KEYED
        for operation in operations.values():
            responses = {
                code: response
                for code, response in operation.get("responses", {}).items()
                if not code.startswith(("4", "5"))
            }
            for status in sorted(statuses):
                responses[str(status)] = {
                    "description": STATUS_CODES[status][1],
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            if path in STREAMING and "200" in responses:
                responses["200"].setdefault("content", {})["text/event-stream"] = {
                    "schema": {"type": "string", "description": "Server-sent events"}
                }
            operation["responses"] = responses
            operation["security"] = [] if roles is None else [{"bearer": []}]
    return spec


def _openapi_30_bounds(node: object) -> None:
    """pydantic writes JSON Schema 2020 bounds (`exclusiveMinimum: 0`); the document declares
    OpenAPI 3.0, where the bound is `minimum` and `exclusiveMinimum` a flag."""
    if isinstance(node, dict):
        for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            value = node.get(exclusive)
            if isinstance(value, int | float) and not isinstance(value, bool):
                node[bound], node[exclusive] = value, True
        for child in node.values():
            _openapi_30_bounds(child)
    elif isinstance(node, list):
        for child in node:
            _openapi_30_bounds(child)


def rewriting(send: Send) -> Send:
    """A send that passes BentoML's document through `document` on its way out."""
    start: Message | None = None
    chunks: list[bytes] = []

    async def wrapped(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start" and message["status"] == 200:
            start = message
            return
        if message["type"] == "http.response.body" and start is not None:
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = orjson.dumps(document(orjson.loads(b"".join(chunks))))
            MutableHeaders(scope=start)["content-length"] = str(len(body))
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        await send(message)

    return wrapped
