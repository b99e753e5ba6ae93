"""The FastAPI app the Gateway mounts (medbento/http/fastapi_app.py), on its own: JSON parsed as
strictly as BentoML's APIs parse it, every error in the envelope, handler names as operation
ids; and the private Starlette name it relies on, pinned."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel
from starlette.requests import Request

from medbento.http.fastapi_app import public_app

pytestmark = pytest.mark.unit


class Note(BaseModel):
    text: str


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = public_app("test")

    @app.post("/notes")
    async def add_note(note: Note) -> Note:
        return note

    return TestClient(app)


def test_starlette_keeps_a_parsed_body_in_request_json():
    """_StrictJSONRequest fills Request._json, where Starlette's own json() looks first: if a
    release renames it, the body would be parsed twice, once by the lax json module."""

    async def receive():
        return {"type": "http.request", "body": b'{"a": 1}', "more_body": False}

    request = Request({"type": "http", "method": "POST", "headers": []}, receive)
    assert asyncio.run(request.json()) == {"a": 1} and request._json == {"a": 1}


@pytest.mark.parametrize(
    "body",
    [b'{"text": "\\ud800"}', b'{"text": NaN}', '{"text": "x"}'.encode("utf-16")],
    ids=["lone surrogate", "NaN", "UTF-16"],
)
def test_what_json_forbids_is_a_400_in_the_envelope(client, body):
    answer = client.post("/notes", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert set(answer.json()["error"]) >= {"code", "message"}


def test_a_valid_body_passes_and_operation_ids_are_handler_names(client):
    assert client.post("/notes", json={"text": "dyspnea"}).json() == {"text": "dyspnea"}
    missing = client.post("/notes", json={})
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "bad_request"
    (route,) = [r for r in client.app.routes if getattr(r, "path", "") == "/notes"]
    assert route.unique_id == "add_note"
