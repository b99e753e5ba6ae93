"""Bad input against every route of a served Gateway: a corpus of malformed bodies (broken
JSON, JSON of the wrong type, wrong field types, empty and oversized inputs, control characters,
invalid UTF-8, lone surrogates, deep nesting, other content types) and malformed path and query
values, each carrying PHI. Every answer is a 4xx in the error envelope that echoes none of it;
afterwards the server still answers, no refused request left a turn in a conversation, and
neither the server's output (every process, one log file) nor its audit trail holds any PHI.

The Gateway is served once for the module (`bentoml serve` in a subprocess, like
test_logs.py), with a data directory of its own, so its audit trail holds only these requests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import pytest

from medbento.access.policy import allowed_roles
from medbento.settings import get_settings
from tests.conftest import KEY, free_port, served_command

pytestmark = pytest.mark.integration

NAME, MRN, PHONE, SSN = "Harriet Quimby", "40718822", "(617) 555-0199", "123-45-6789"
NOTE = f"Patient {NAME}, MRN {MRN}, phone {PHONE}, SSN {SSN}, has chest pain."
PHI = (NAME, "Harriet", "Quimby", MRN, "555-0199", SSN)
LIMITS = get_settings()  # the served process reads the same environment (tests/conftest.py)
LONG = (NOTE + " ") * (LIMITS.max_chars // len(NOTE) + 1)  # over MEDBENTO_MAX_CHARS
HUGE = NOTE * (LIMITS.max_body_bytes // len(NOTE) + 1)  # over MEDBENTO_MAX_BODY_BYTES
CONVERSATION = "{conversation}"  # in a path or body: the id of a conversation of the caller's
MARK = "@@TEXT@@"  # stands for the text in a body that is then edited as bytes
JSON = {"content-type": "application/json"}


@dataclass(frozen=True)
class Case:
    id: str
    method: str
    path: str
    status: int  # what the request must get
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    chunked: bool = False  # sent without content-length, in pieces


def post(name: str, path: str, status: int, payload: object) -> Case:
    return Case(name, "POST", path, status, json.dumps(payload).encode(), JSON)


def texts_of(route: str, text: object) -> dict:
    """A valid body of the route with `text` where its (first) text goes."""
    return {
        "/v1/embeddings": {"input": [text]},
        "/v1/chat/completions": {"messages": [{"role": "user", "content": text}]},
        "/anonymize": {"texts": [text]},
        "/models/embedding/predict": {"texts": [text]},
        "/models/generation/predict": {"prompt": text},
        "/models/conversation/predict": {"content": text},
        "/conversations": {"messages": [{"role": "user", "content": text}]},
        f"/conversations/{CONVERSATION}/messages": {"content": text},
    }[route]


BODY_ROUTES = (
    "/v1/embeddings",
    "/v1/chat/completions",
    "/anonymize",
    "/models/embedding/predict",
    "/models/generation/predict",
    "/models/conversation/predict",
    "/conversations",
    f"/conversations/{CONVERSATION}/messages",
)
TEXT_LISTS = {
    "/v1/embeddings": "input",
    "/anonymize": "texts",
    "/models/embedding/predict": "texts",
}
GET_ROUTES = (
    "/v1/models",
    "/models",
    "/models/embedding/info",
    "/models/generation/health",
    "/health",
    "/metrics",
    f"/conversations/{CONVERSATION}",
    "/audit/events",
    "/audit/verify",
    "/livez",
    "/readyz",
    "/docs.json",
)


def body_cases(route: str) -> Iterator[Case]:
    """The corpus of malformed bodies, as they apply to one route."""

    def case(name: str, status: int, body: bytes, headers: dict = JSON, **options) -> Case:
        return Case(f"{route} {name}", "POST", route, status, body, headers, **options)

    def with_text(text: object) -> bytes:
        return json.dumps(texts_of(route, text)).encode()

    def with_bytes(raw: bytes) -> bytes:  # raw bytes inside the JSON string of the text
        return with_text(MARK).replace(MARK.encode(), raw)

    def with_json(raw: str) -> bytes:  # raw JSON where the text (and its quotes) would be
        return with_text(MARK).replace(json.dumps(MARK).encode(), raw.encode())

    valid = with_text(NOTE)
    # broken JSON, and JSON of the wrong type
    yield case("truncated JSON", 400, valid[: valid.index(b"MRN")])
    yield case("not JSON", 400, NOTE.encode())
    yield case("single quotes", 400, valid.replace(b'"', b"'"))
    yield case("JSON list", 400, json.dumps([texts_of(route, NOTE)]).encode())
    yield case("JSON string", 400, json.dumps(NOTE).encode())
    yield case("JSON number", 400, MRN.encode())
    if route != "/conversations":  # its body is optional: none, or null, makes a conversation
        yield case("JSON null", 400, b"null")
        yield case("empty body", 400, b"")
    yield case("NaN", 400, with_json("NaN"))
    yield case("nested 100000 deep", 400, b"[" * 100_000 + b"]" * 100_000)
    yield case("text nested 100000 deep", 400, with_json("[" * 100_000 + "]" * 100_000))
    # wrong types where the text goes
    yield case("text as object", 400, with_text({"name": NAME, "mrn": MRN}))
    yield case("text as number", 400, with_text(int(MRN)))
    yield case("text as list", 400, with_text([NOTE]))
    yield case("text as null", 400, with_text(None))
    # empty and oversized
    yield case("empty text", 400, with_text(""))
    yield case("blank text", 400, with_text(" \n\t "))
    yield case("text over max chars", 400, with_text(LONG))
    if route in TEXT_LISTS:
        yield case("empty list", 400, json.dumps({TEXT_LISTS[route]: []}).encode())
        many = {TEXT_LISTS[route]: [NOTE] * (LIMITS.max_texts + 1)}
        yield case("too many texts", 400, json.dumps(many).encode())
    yield case("body over the limit", 413, with_text(HUGE))
    yield case("chunked body over the limit", 413, with_text(HUGE), chunked=True)
    # control characters, invalid UTF-8, lone surrogates
    yield case("NUL", 400, with_text(NOTE + "\x00"))
    yield case("escape and bell", 400, with_text(f"\x1b[2J{NOTE}\x07"))
    yield case("raw control bytes", 400, with_bytes(NOTE.encode() + b"\x00\x01\x1b"))
    yield case("invalid UTF-8", 400, with_bytes(NOTE.encode() + b"\xff\xfe"))
    yield case("overlong UTF-8", 400, with_bytes(NOTE.encode() + b"\xc0\xaf"))
    yield case("UTF-8 of a surrogate", 400, with_bytes(NOTE.encode() + b"\xed\xa0\x80"))
    yield case("UTF-16", 400, valid.decode().encode("utf-16"))
    yield case("lone surrogate", 400, with_text(NOTE + "\ud800"))  # sent as "\ud800"
    yield case("reversed surrogate pair", 400, with_text("\udc00\ud800" + NOTE))
    # other content types (the body is fine, or would be as JSON)
    for content_type in ("text/plain", "application/xml", "application/x-www-form-urlencoded"):
        yield case(content_type, 415, valid, {"content-type": content_type})
    form = {"content-type": "application/x-www-form-urlencoded"}
    yield case("form", 415, urlencode({"texts": NOTE}).encode(), form)
    multipart = {"content-type": "multipart/form-data; boundary=medbento"}
    part = f'--medbento\r\nContent-Disposition: form-data; name="texts"\r\n\r\n{NOTE}\r\n'
    yield case("multipart", 415, (part + "--medbento--\r\n").encode(), multipart)
    yield case("broken multipart", 415, valid, multipart)


def other_cases() -> Iterator[Case]:
    # PHI, control characters and invalid UTF-8 in path parameters and ids
    for value in (quote(NAME), SSN, "%00" + MRN, "%FF%FE", "%ED%A0%80", "..%2F" + MRN):
        yield post(f"model id {value}", f"/models/{value}/predict", 404, {})
        yield Case(f"model info {value}", "GET", f"/models/{value}/info", 404)
        yield Case(f"conversation {value}", "GET", f"/conversations/{value}", 404)
        path = f"/conversations/{value}/messages"
        yield post(f"conversation messages {value}", path, 404, {"content": NOTE})
    for value, status in ((NAME, 404), (SSN + "\x00", 404), ("\ud800", 400)):
        predict = {"content": NOTE, "conversation_id": value}
        yield post(
            f"predict conversation_id {value!a}", "/models/conversation/predict", status, predict
        )
        chat = {"model": "conversation", "conversation_id": value}
        chat["messages"] = [{"role": "user", "content": NOTE}]
        yield post(f"chat conversation_id {value!a}", "/v1/chat/completions", status, chat)
    # what a refused chat would have added to a conversation (none may be stored)
    for name, text in (("empty", ""), ("NUL", NOTE + "\x00"), ("over max chars", LONG)):
        chat = {"model": "conversation", "conversation_id": CONVERSATION}
        chat["messages"] = [{"role": "user", "content": text}]
        yield post(f"chat conversation {name} message", "/v1/chat/completions", 400, chat)
    # the other fields of the OpenAI routes
    message = {"role": "user", "content": NOTE}
    image = {"type": "image_url", "image_url": {"url": f"https://example.org/{MRN}.png"}}
    for name, extra, status in (
        ("unknown model", {"model": NAME}, 404),
        ("role", {"messages": [{"role": NAME, "content": NOTE}]}, 400),
        ("text part", {"messages": [message | {"content": [{"type": "text", "text": 7}]}]}, 400),
        ("no text part", {"messages": [message | {"content": [image]}]}, 400),
        ("max_tokens over the limit", {"max_tokens": LIMITS.max_tokens + 1}, 400),
        ("max_tokens", {"max_tokens": MRN + "x"}, 400),
        ("temperature", {"temperature": SSN}, 400),
        ("stop", {"stop": {"name": NAME}}, 400),
        ("stream_options", {"stream_options": NAME}, 400),
        (
            "stream of an empty message",
            {"stream": True, "messages": [message | {"content": ""}]},
            400,
        ),
    ):
        yield post(f"chat {name}", "/v1/chat/completions", status, {"messages": [message]} | extra)
    for name, extra in (
        ("model", {"model": "generation"}),
        ("encoding_format", {"encoding_format": NAME}),
        ("dimensions", {"dimensions": SSN}),
    ):
        yield post(f"embeddings {name}", "/v1/embeddings", 400, {"input": NOTE} | extra)
    # the query of the one route that takes one
    for query, status in (
        (f"since={quote(NAME)}", 400),
        (f"until={SSN}", 400),
        ("since=2024-13-45T99:99", 400),
        (f"limit={MRN}{MRN}", 400),
        ("limit=many", 400),
        ("limit=0", 400),
        (f"principal=%00{quote(NAME)}", 400),
        (f"model=%1B%5B2J{MRN}", 400),
        ("principal=%FF%FE", 400),
        ("model=%ED%A0%80", 400),
        (f"mrn={MRN}", 422),
    ):
        yield Case(f"audit query {query}", "GET", f"/audit/events?{query}", status)
    # a body that no GET route reads is still refused over the limit
    huge = json.dumps({"note": HUGE}).encode()
    for route in GET_ROUTES:
        yield Case(f"{route} GET with a body over the limit", "GET", route, 413, huge, JSON)


# Refusals that every case of that status must leave in the audit trail and the access log.
REFUSED = (400, 413, 415)
CASES = [case for route in BODY_ROUTES for case in body_cases(route)] + list(other_cases())
ANSWERED: dict[str, tuple[str, int]] = {}  # case id -> (request id, status), as the cases run


def key_for(path: str) -> str:
    """A key of a role the route allows (a clinician's wherever models are)."""
    _, roles = allowed_roles(path.split("?")[0])
    return KEY[next(r for r in ("clinician", "auditor", "admin") if roles is None or r in roles)]


@dataclass
class Served:
    url: str
    log: Path
    process: subprocess.Popen
    conversation: str


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    workdir = tmp_path_factory.mktemp("malformed")
    log = workdir / "server.log"
    port = free_port()
    bentoml = str(Path(sys.executable).with_name("bentoml"))
    env = os.environ | {"MEDBENTO_DATA_DIR": str(workdir / "data")}
    command = [bentoml, "serve", "services.gateway:Gateway", "--port", str(port)]
    with served_command(command, port, log, env) as process:
        url = f"http://127.0.0.1:{port}"
        clinician = {"Authorization": f"Bearer {KEY['clinician']}"}
        created = httpx.post(f"{url}/conversations", headers=clinician, timeout=60)
        assert created.status_code == 201, created.text
        yield Served(url, log, process, created.json()["id"])


@pytest.fixture(scope="module")
def client(served: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.url, timeout=60) as http:
        yield http


def assert_refused(response: httpx.Response, status: int) -> None:
    """A 4xx in the envelope, with the response's request id, and no trace of the input."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"], body
    error = body["error"]
    assert sorted(error) == ["code", "message", "request_id"], body
    assert all(isinstance(value, str) and value for value in error.values()), body
    assert error["request_id"] == response.headers["x-request-id"]
    for value in PHI:
        assert value not in response.text, f"{value!r} echoed"
    assert "Traceback" not in response.text and 'File "' not in response.text


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_malformed_input_is_a_4xx_envelope(client: httpx.Client, served: Served, case: Case):
    path = case.path.replace(CONVERSATION, served.conversation)
    headers = {"Authorization": f"Bearer {key_for(path)}", **case.headers}
    content: bytes | Iterator[bytes] | None = case.body
    if case.body is not None:
        content = body = case.body.replace(CONVERSATION.encode(), served.conversation.encode())
        if case.chunked:
            content = (body[i : i + 65536] for i in range(0, len(body), 65536))
    response = client.request(case.method, path, content=content, headers=headers)
    ANSWERED[case.id] = (response.headers.get("x-request-id", ""), response.status_code)
    assert_refused(response, case.status)


def test_the_server_stays_up_and_keeps_no_phi(client: httpx.Client, served: Served):
    # Only meaningful after the whole corpus: run the module, not a selection of it.
    assert set(ANSWERED) == {case.id for case in CASES}, "the corpus did not run first"
    answered = dict(ANSWERED.values())  # request id -> status
    assert served.process.poll() is None, "the server died"
    assert client.get("/livez").status_code == 200
    clinician = {"Authorization": f"Bearer {KEY['clinician']}"}
    valid = client.post("/v1/embeddings", json={"input": [NOTE]}, headers=clinician)
    assert valid.status_code == 200, valid.text
    assert len(valid.json()["data"]) == 1
    history = client.get(f"/conversations/{served.conversation}", headers=clinician)
    assert history.status_code == 200
    assert history.json()["messages"] == []  # no refused message was stored

    auditor = {"Authorization": f"Bearer {KEY['auditor']}"}
    audit = client.get("/audit/events", params={"limit": 1000}, headers=auditor)
    assert audit.status_code == 200
    for value in PHI:
        assert value not in audit.text, f"{value!r} reached the audit trail"
    # Every request that reached a route is audited with the status its client got, a body
    # over the limit included (only a path outside the API is answered before that).
    audited = {e["request_id"]: e["status"] for e in audit.json()["events"]}
    assert len(audited.keys() & answered.keys()) >= sum(c.status in REFUSED for c in CASES)
    assert {i: s for i, s in audited.items() if i in answered and answered[i] != s} == {}
    verified = client.get("/audit/verify", headers=auditor)
    assert verified.status_code == 200 and verified.json()["ok"] is True, verified.text

    served.process.terminate()
    served.process.wait(timeout=60)
    text = served.log.read_text()
    for value in PHI:
        assert value not in text, f"{value!r} reached the server log"
    assert "Traceback" not in text  # a client's bad request is an access line, not a trace
    logged = {
        line["request_id"]: line["status"]
        for line in map(json.loads, (t for t in text.splitlines() if '"medbento.access"' in t))
        if line.get("request_id") in answered
    }
    assert len(logged) >= sum(c.status in REFUSED for c in CASES)
    assert {i: s for i, s in logged.items() if answered[i] != s} == {}
