"""The OpenAPI document as medbento serves it (/docs.json): BentoML's, told the truth about
errors and keys. BentoML documents its own error body ({"error": "<message>"}) while every
medbento error is the envelope, and it knows nothing of the Bearer keys; clients generated
from the document, and schemathesis, rely on both."""

from __future__ import annotations

import orjson
from starlette.datastructures import MutableHeaders
from starlette.types import Message, Send

from medbento.access.policy import allowed_roles
from medbento.http.errors import STATUS_CODES

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
# BentoML's and FastAPI's error shapes, which no medbento response has, and BentoML's task
# status (medbento has no task APIs).
FOREIGN_SCHEMAS = (
    "InvalidArgument",
    "NotFound",
    "InternalServerError",
    "HTTPValidationError",
    "ValidationError",
    "TaskStatusResponse",
)
# Operations grouped by what they are for (a generated client makes a module of each tag).
TAGS = {
    "v1": "openai",
    "anonymize": "phi",
    "conversations": "conversations",
    "audit": "audit",
    "models": "models",
    "health": "models",
    "admin": "keys",
}


def document(spec: dict) -> dict:
    _openapi_30_bounds(spec)
    components = spec.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name in FOREIGN_SCHEMAS:
        schemas.pop(name, None)
    _readable_names(spec)
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


def _readable_names(spec: dict) -> None:
    """Names a person would choose, for what generated clients call their methods and types.

    BentoML names an API's operation `<Service>__<api>` and its request schema
    `<Model>IODescriptor` (or `<api>__Input` for keyword arguments), and gives its probes no
    operation id; the FastAPI routes already carry their handlers' names.
    """
    schemas = spec["components"]["schemas"]
    renames = {}
    for name in list(schemas):
        if name.endswith("IODescriptor"):
            renames[name] = name.removesuffix("IODescriptor")
        elif name.endswith("__Input"):
            api = name.removesuffix("__Input")
            renames[name] = "".join(part.title() for part in api.split("_")) + "Request"
    for old, new in renames.items():
        schemas[new] = schemas.pop(old)
        schemas[new]["title"] = new
    _replace_refs(
        spec, {f"#/components/schemas/{o}": f"#/components/schemas/{n}" for o, n in renames.items()}
    )
    for path, operations in spec.get("paths", {}).items():
        for operation in operations.values():
            # BentoML writes its APIs' bodies inline, each a copy of a component: a reference
            # instead, so that a generated client has one type per schema.
            for media in _json_bodies(operation):
                title = media.get("schema", {}).get("title")
                if title == "Input":
                    title = f"{operation.get('x-bentoml-name')}__Input"
                if title in renames:
                    media["schema"] = {"$ref": f"#/components/schemas/{renames[title]}"}
                _lift_titled(media, schemas)
            operation["tags"] = [TAGS.get(path.split("/")[1], "probes")]
            name = operation.get("operationId")
            if name is None:
                operation["operationId"] = path.strip("/").replace("/", "_").replace(".", "_")
            elif "__" in name:
                operation["operationId"] = name.split("__", 1)[1]


def _replace_refs(node: object, refs: dict[str, str]) -> None:
    if isinstance(node, dict):
        if node.get("$ref") in refs:
            node["$ref"] = refs[node["$ref"]]
        for child in node.values():
            _replace_refs(child, refs)
    elif isinstance(node, list):
        for child in node:
            _replace_refs(child, refs)


def _json_bodies(operation: dict) -> list[dict]:
    bodies = [operation.get("requestBody", {}), *operation.get("responses", {}).values()]
    return [
        body["content"]["application/json"]
        for body in bodies
        if "application/json" in body.get("content", {})
    ]


def _lift_titled(node: object, schemas: dict) -> None:
    """Object schemas written inline under a title become components of that name."""
    if isinstance(node, dict):
        children = list(node.items())
    elif isinstance(node, list):
        children = list(enumerate(node))
    else:
        return
    for key, child in children:
        if isinstance(child, dict) and "properties" in child and "title" in child:
            schemas.setdefault(child["title"], child)
            node[key] = {"$ref": f"#/components/schemas/{child['title']}"}
        else:
            _lift_titled(child, schemas)
