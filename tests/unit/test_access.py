"""The door of an entry service alone (RequestContext + AccessControl around a plain app),
writing to a real audit store on SQLite: who gets in, what is refused, that every answered or
refused request leaves exactly one event, and that an unwritable trail withholds the answer
and is what the access log says was sent."""

from __future__ import annotations

import asyncio
import logging

import orjson
import pytest
from sqlmodel import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from medbento.audit.records import AuditKey, EventQuery
from medbento.audit.store import AuditStore
from medbento.http.access import AccessControl
from medbento.http.middleware import RequestContext
from medbento.settings import get_settings
from tests.conftest import KEY

pytestmark = pytest.mark.unit

BEARER = {role: {"Authorization": f"Bearer {key}"} for role, key in KEY.items()}


async def embeddings(request: Request):
    body = await request.body()
    return JSONResponse({"read": len(body)})


def door(store: AuditStore, write=None) -> TestClient:
    async def append(events):
        return await asyncio.to_thread(store.append, events)

    write = write or append
    app = Starlette(routes=[Route("/v1/embeddings", embeddings, methods=["POST"])])
    return TestClient(
        RequestContext(AccessControl(app, write_events=write, entry=True), entry=True),
        raise_server_exceptions=False,
    )


@pytest.fixture
def access_log(caplog):
    """The access log's records. The `medbento` loggers do not propagate to the root logger
    (their JSON handler is their own), so caplog listens on the access logger itself."""
    logger = logging.getLogger("medbento.access")
    # BentoML's logging set-up (dictConfig, run when a test starts a server in this process)
    # disables loggers that existed before it; a served process configures first.
    was_disabled, logger.disabled = logger.disabled, False
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="medbento.access")
    yield caplog
    logger.removeHandler(caplog.handler)
    logger.disabled = was_disabled


@pytest.fixture
def store(tmp_path):
    return AuditStore(f"sqlite:///{tmp_path / 'audit.db'}")


def events_of(store: AuditStore, response) -> list[dict]:
    request_id = response.headers["x-request-id"]
    return [e for e in store.events(EventQuery(limit=100)) if e["request_id"] == request_id]


def post(client: TestClient, headers=None, **kwargs):
    kwargs.setdefault("content", b'{"input": "dyspnea"}')
    headers = {"content-type": "application/json", **(headers or {})}
    return client.post("/v1/embeddings", headers=headers, **kwargs)


@pytest.mark.parametrize(
    ("headers", "status", "role"),
    [
        (BEARER["researcher"], 200, "researcher"),
        ({}, 401, "none"),
        ({"Authorization": "Bearer not-a-key"}, 401, "none"),
        (BEARER["auditor"], 403, "auditor"),
    ],
    ids=["allowed", "no key", "unknown key", "wrong role"],
)
def test_each_request_is_answered_and_audited_once(store, headers, status, role):
    response = post(door(store), headers)
    assert response.status_code == status
    (event,) = events_of(store, response)
    assert (event["status"], event["role"]) == (status, role)
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"
    if status != 200:
        assert set(orjson.loads(response.content)["error"]) == {"code", "message", "request_id"}


def test_a_path_outside_the_api_is_404_and_named_nowhere(store, access_log):
    caplog = access_log
    response = door(store).get("/patients/Harriet-Quimby", headers=BEARER["admin"])
    assert response.status_code == 404
    assert store.events(EventQuery(limit=100)) == []
    assert "Quimby" not in caplog.text


def test_a_body_that_is_not_json_is_refused_and_audited(store):
    response = post(door(store), {**BEARER["researcher"], "content-type": "text/plain"})
    assert response.status_code == 415
    (event,) = events_of(store, response)
    assert event["status"] == 415


@pytest.mark.parametrize("chunked", [False, True], ids=["declared", "chunked"])
def test_a_body_over_the_limit_is_refused_audited_and_logged(store, access_log, chunked):
    caplog = access_log
    body = b'{"input": "' + b"x" * get_settings().max_body_bytes + b'"}'
    content = iter([body[i : i + 65536] for i in range(0, len(body), 65536)]) if chunked else body
    response = post(door(store), BEARER["researcher"], content=content)
    assert response.status_code == 413
    assert orjson.loads(response.content)["error"]["code"] == "payload_too_large"
    assert "read" not in response.text  # the handler never answered
    (event,) = events_of(store, response)
    assert event["status"] == 413
    request_id = response.headers["x-request-id"]
    lines = {id(r): r for r in caplog.records if getattr(r, "request_id", None) == request_id}
    assert lines and {r.status for r in lines.values()} == {413}


def refusing(store: AuditStore) -> AuditStore:
    """The store as a server started with another secret key meets it: every write refused."""
    with Session(store.engine) as session:
        key = session.get(AuditKey, 1) or AuditKey(id=1, fingerprint="")
        key.fingerprint = "0" * 64
        session.add(key)
        session.commit()
    return store


@pytest.mark.parametrize(
    ("headers", "content_type"),
    [
        (BEARER["researcher"], "application/json"),
        ({}, "application/json"),
        (BEARER["researcher"], "text/plain"),
    ],
    ids=["allowed", "unauthenticated", "unsupported media type"],
)
def test_an_unwritable_trail_withholds_the_answer_and_logs_what_was_sent(
    store, access_log, headers, content_type
):
    caplog = access_log
    client = door(store)
    post(client, BEARER["researcher"])  # the key's fingerprint is recorded first
    refusing(store)
    response = post(client, {**headers, "content-type": content_type})
    assert response.status_code == 503
    assert orjson.loads(response.content)["error"]["code"] == "audit_unavailable"
    assert "read" not in response.text  # no output
    request_id = response.headers["x-request-id"]
    # One access line (caplog may see it twice: on the logger and, if it propagates, the root).
    lines = {id(r): r for r in caplog.records if getattr(r, "request_id", None) == request_id}
    assert lines and {r.status for r in lines.values()} == {503}


def test_an_audit_write_whose_answer_was_lost_is_retried_and_recorded_once(store):
    """The connection breaks after the AuditLog wrote the event but before its answer came
    back (the keep-alive race): the write is retried as every pure call is, and the event's
    id keeps it from being recorded twice."""
    import aiohttp

    from medbento.http import remote

    lost = []

    async def write_then_lose_the_first_answer(events):
        seqs = await asyncio.to_thread(store.append, events)
        if not lost:
            lost.append(seqs)
            raise aiohttp.ServerDisconnectedError()
        return seqs

    async def write(events):
        return await remote.call_pure(lambda: write_then_lose_the_first_answer(events))

    response = post(door(store, write), BEARER["researcher"])
    assert response.status_code == 200 and lost  # answered, after one lost answer
    assert len(events_of(store, response)) == 1
    assert store.verify().ok
