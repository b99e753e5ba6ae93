import asyncio
import logging

import orjson
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from medbento.http.errors import APIError
from medbento.http.middleware import RequestContext
from medbento.settings import get_settings

pytestmark = pytest.mark.unit

PHI = "John Smith 123-45-6789"


async def echo(request: Request):
    return JSONResponse({"size": len(await request.body())})


async def boom(request: Request):
    raise ValueError(f"failed on {PHI}")


async def api_error(request: Request):
    raise APIError(404, "No such conversation.", "conversation_not_found")


async def framework_error(request: Request):
    return PlainTextResponse(f"bad input {PHI}", status_code=400)


app = RequestContext(
    Starlette(
        routes=[
            Route("/echo", echo, methods=["POST"]),
            Route("/boom", boom),
            Route("/api-error", api_error),
            Route("/framework-error", framework_error),
        ]
    ),
    entry=True,
)
client = TestClient(app, raise_server_exceptions=False)


def error_of(response):
    body = orjson.loads(response.content)
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "request_id"}
    assert body["error"]["request_id"] == response.headers["x-request-id"]
    return body["error"]


def test_every_response_carries_a_request_id():
    response = client.post("/echo", content=b"{}")
    assert response.status_code == 200 and len(response.headers["x-request-id"]) == 32
    kept = client.post("/echo", content=b"{}", headers={"X-Request-ID": "upstream-trace-42"})
    assert kept.headers["x-request-id"] == "upstream-trace-42"


def test_a_body_over_the_limit_is_refused_as_it_streams_whatever_it_declares():
    # (A declared length over the limit is refused earlier, by AccessControl: test_access.py.)
    limit = get_settings().max_body_bytes
    response = client.post("/echo", content=b"x" * (limit + 1))
    assert response.status_code == 413 and error_of(response)["code"] == "payload_too_large"


def test_calls_between_services_carry_more_than_a_client_may_send():
    """A dependency (PHIGuard, AuditLog) receives coalesced calls: many requests' texts in one
    body, each request within the limit. The limit is for clients, so those calls pass."""
    limit = get_settings().max_body_bytes
    dependency = TestClient(
        RequestContext(Starlette(routes=[Route("/echo", echo, methods=["POST"])]), entry=False)
    )
    response = dependency.post("/echo", content=b"x" * (2 * limit))
    assert response.status_code == 200 and response.json() == {"size": 2 * limit}


def test_chunked_oversize_body_is_refused_while_streaming():
    limit = get_settings().max_body_bytes

    def chunks():
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    response = client.post("/echo", content=chunks())
    assert response.status_code == 413


class Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_unhandled_exception_is_a_500_envelope_without_its_message():
    # A handler on the logger itself: BentoML's in-process logging set-up (an earlier
    # bentoml.serve in this session) stops propagation and disables existing loggers.
    logger, captured = logging.getLogger("medbento.http"), Captured()
    logger.addHandler(captured)
    disabled, logger.disabled = logger.disabled, False
    try:
        response = client.get("/boom")
    finally:
        logger.removeHandler(captured)
        logger.disabled = disabled
    assert response.status_code == 500
    assert error_of(response)["code"] == "internal_error"
    assert PHI not in response.text
    logged = "\n".join(captured.lines)
    assert "ValueError" in logged and PHI not in logged


def test_api_errors_keep_their_status_code_and_message():
    response = client.get("/api-error")
    assert response.status_code == 404
    assert error_of(response) | {"request_id": None} == {
        "code": "conversation_not_found",
        "message": "No such conversation.",
        "request_id": None,
    }


def test_framework_errors_are_rewritten_without_echoing_input():
    for response in (client.get("/framework-error"), client.get("/missing")):
        assert response.status_code in (400, 404)
        error_of(response)
        assert PHI not in response.text


async def slow(request: Request):
    await asyncio.sleep(5)
    return JSONResponse({})


async def dependency_timeout(request: Request):
    raise TimeoutError  # e.g. a probe of a service behind this one


def test_own_deadline_is_504_and_an_inner_timeout_is_not():
    quick = RequestContext(
        Starlette(routes=[Route("/slow", slow), Route("/dep", dependency_timeout)])
    )
    quick.timeout = 0.2
    with TestClient(quick, raise_server_exceptions=False) as test_client:
        slow_response = test_client.get("/slow")
        assert slow_response.status_code == 504 and error_of(slow_response)["code"] == "timeout"
        inner = test_client.get("/dep")
        # Starlette answers 500 before re-raising; a bare ASGI app would get our 503.
        assert inner.status_code in (500, 503)
        error_of(inner)
