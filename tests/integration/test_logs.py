"""No PHI value reaches any log: a served Bento's whole output, after PHI-laden requests that
succeed and that fail (broken JSON, wrong types, no key, PHI in the URL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import KEY, free_port

pytestmark = pytest.mark.integration

NAME, MRN, PHONE, SSN = "Harriet Quimby", "40718822", "(617) 555-0199", "123-45-6789"
NOTE = f"Patient {NAME}, MRN {MRN}, phone {PHONE}, SSN {SSN}, has chest pain."


def test_served_logs_hold_no_phi(tmp_path):
    port = free_port()
    log_file = tmp_path / "server.log"
    bentoml = str(Path(sys.executable).with_name("bentoml"))
    with log_file.open("w") as out:
        server = subprocess.Popen(
            [bentoml, "serve", "services.embedding:Embedding", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=os.environ.copy(),
        )
    url = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {KEY['clinician']}"}
    try:
        for _ in range(180):
            try:
                if httpx.get(f"{url}/readyz").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(1)
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
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert statuses == [200, 400, 400, 400, 401, 401, 404]
    text = log_file.read_text()
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
