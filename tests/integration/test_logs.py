"""No PHI value reaches any log: a served Bento's whole output, after PHI-laden requests that
succeed and that fail (broken JSON, wrong types, no key, PHI in the URL)."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import KEY, free_port, served_command

pytestmark = pytest.mark.integration

NAME, MRN, PHONE, SSN = "Harriet Quimby", "40718822", "(617) 555-0199", "123-45-6789"
NOTE = f"Patient {NAME}, MRN {MRN}, phone {PHONE}, SSN {SSN}, has chest pain."


def test_served_logs_hold_no_phi(tmp_path):
    port = free_port()
    log_file = tmp_path / "server.log"
    bentoml = str(Path(sys.executable).with_name("bentoml"))
    command = [bentoml, "serve", "services.embedding:Embedding", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {KEY['clinician']}"}
    with served_command(command, port, log_file, os.environ.copy(), timeout_s=180):
        statuses = [
            httpx.post(f"{url}/v1/embeddings", json={"input": NOTE}, headers=headers).status_code,
            httpx.post(
                f"{url}/v1/embeddings",
                content=f'{{"input": "{NOTE}',
                headers=headers | {"content-type": "application/json"},
            ).status_code,
            httpx.post(
                f"{url}/v1/embeddings", json={"input": {"name": NAME, "mrn": MRN}}, headers=headers
            ).status_code,
            httpx.post(
                f"{url}/v1/embeddings", json={"input": [NOTE] * 500}, headers=headers
            ).status_code,
            httpx.post(f"{url}/v1/embeddings", json={"input": NOTE}).status_code,
            httpx.post(
                f"{url}/v1/embeddings",
                json={"input": NOTE},
                headers={"Authorization": f"Bearer {NAME}"},
            ).status_code,
            httpx.get(
                f"{url}/patients/{NAME.replace(' ', '-')}/{MRN}", headers=headers
            ).status_code,
        ]
    assert statuses == [200, 400, 400, 400, 401, 401, 404]
    text = log_file.read_text()
    # The start-up line says where the server listens (the scrubber once hid it as <URL>).
    assert re.search(rf"listening on https?://[\w.\[\]:]+:{port}\b", text), text[:2000]
    access = [
        json.loads(line)
        for line in text.splitlines()
        if line.startswith("{") and '"request"' in line
    ]
    assert len(access) == len(statuses)  # one structured line per request...
    assert {"request_id", "route", "status", "latency_ms", "principal"} <= set(access[0])
    for value in (NAME, "Harriet", "Quimby", MRN, "555-0199", SSN):
        assert value not in text, f"{value!r} reached the server log"  # ...and no PHI anywhere
    assert "Traceback" not in text  # a client's bad request is an access line, not a trace
