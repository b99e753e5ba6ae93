"""Encryption in transit: a Bento serves HTTPS with the certificate its settings name, and a
client that verifies it (against a CA made here with `cryptography`) gets its answers; plain
HTTP and a client that does not trust the CA get nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import httpx
import pytest

from tests.certificates import certificates
from tests.conftest import KEY, free_port, served_command

pytestmark = pytest.mark.integration

BENTOML = str(Path(sys.executable).with_name("bentoml"))


def test_a_bento_serves_https_to_a_client_that_verifies_it(tmp_path):
    ca, cert, key = certificates(tmp_path)
    port = free_port()
    env = os.environ | {"MEDBENTO_TLS_CERTFILE": str(cert), "MEDBENTO_TLS_KEYFILE": str(key)}
    command = [BENTOML, "serve", "services.embedding:Embedding", "--port", str(port)]
    log = tmp_path / "server.log"
    with served_command(command, port, log, env, scheme="https", verify=str(ca)):
        headers = {"Authorization": f"Bearer {KEY['researcher']}"}
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=str(ca)) as https:
            answer = https.post("/v1/embeddings", json={"input": "dyspnea"}, headers=headers)
            assert answer.status_code == 200
            assert len(answer.json()["data"][0]["embedding"]) == 384
        with pytest.raises(httpx.HTTPError):  # no answer in clear text on the same port
            httpx.post(f"http://127.0.0.1:{port}/v1/embeddings", json={"input": "x"}, timeout=10)
        with pytest.raises(httpx.ConnectError):  # nor to a client that does not trust the CA
            httpx.get(f"https://127.0.0.1:{port}/readyz", timeout=10)
